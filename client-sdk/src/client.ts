import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { AssignedVillagesDocument, PairingContributionsDocument, PairingsDocument } from './operations/partners.js';
import { RegionOverviewDocument, RegionsDocument, VillagesDocument } from './operations/regions.js';
import { ResidentTeamsDocument, TeamCoverageDocument, WeeklyComplianceDocument } from './operations/teams.js';
import {
  ConsumptionStatsDocument,
  PurchasesDocument,
  RecordPurchaseDocument,
  VoidPurchaseDocument,
} from './operations/consumption.js';
import { ViewerDocument } from './operations/partners.js';
import {
  PairingChangedDocument,
  PurchaseRecordedDocument,
  PurchaseStatusChangedDocument,
  VillageIndicatorsUpdatedDocument,
} from './operations/live.js';
import type {
  AssignedVillagesQueryVariables,
  ConsumptionStatsQuery,
  ConsumptionStatsQueryVariables,
  PairingsQueryVariables,
  PurchasesQueryVariables,
  RecordPurchaseInput,
  RegionsQueryVariables,
  ResidentTeamsQueryVariables,
  LiveFilter,
  VillagesQueryVariables,
  VoidPurchaseInput,
  WeeklyComplianceQueryVariables,
  PairingContributionsQuery,
} from './generated/graphql.js';
import { executeHttp, type ResultOf, type TokenSource, type VariablesArg } from './transport.js';
import { downloadLedger, type LedgerFilters, type LedgerName } from './ledgers.js';
import {
  LiveConnection,
  type LiveHandlers,
  type LiveSubscription,
  type ReconnectOptions,
  type ResumableVariables,
} from './live.js';

export interface PlatformClientOptions {
  /** The platform's GraphQL URL, e.g. `http://localhost:4000/graphql` (WebSocket on the same URL). */
  url: string;
  /** A fixed bearer token … */
  token?: string;
  /** … or a function returning the current one: called before each request and each (re)connect. */
  getToken?: TokenSource;
  /** WebSocket URL when it differs from `url` with ws(s)://. */
  wsUrl?: string;
  /** fetch implementation (default: the global one). */
  fetch?: typeof globalThis.fetch;
  /** Extra HTTP headers sent with every request. */
  headers?: Record<string, string>;
  /**
   * WebSocket constructor where there is no global one (browsers and Node 22+ have it; on Node 20
   * pass `import WebSocket from 'ws'`). Without one, live subscriptions stop with a
   * CONFIGURATION_ERROR naming this option; queries and mutations work regardless.
   */
  webSocketImpl?: unknown;
  /** Backoff of live subscriptions after a dropped connection. */
  reconnect?: ReconnectOptions;
  /** Ping interval of the live connection (ms). */
  keepAliveMs?: number;
}

/** Subscription variables minus `after`: the SDK manages the cursor, starting from `after` when given. */
type LiveVariables = { filter?: LiveFilter | null; after?: string | null };

type Data<D> = ResultOf<D>;

/**
 * Creates a typed client for the platform: one method per common use case, `request` for any
 * typed document, and `live` subscriptions that resume from their last cursor after a drop.
 */
export function createPlatformClient(options: PlatformClientOptions) {
  const fixed = options.token;
  const getToken: TokenSource = options.getToken ?? (() => fixed);
  const http = { url: options.url, getToken, fetch: options.fetch, headers: options.headers };
  const live = new LiveConnection({
    url: options.wsUrl ?? options.url.replace(/^http/, 'ws'),
    getToken,
    webSocketImpl: options.webSocketImpl,
    reconnect: options.reconnect,
    keepAliveMs: options.keepAliveMs,
  });

  /** Runs any typed document (query or mutation) and returns its data; throws PlatformError. */
  function request<R, V>(document: TypedDocumentNode<R, V>, ...[variables]: VariablesArg<V>): Promise<R> {
    return executeHttp(http, document, variables);
  }

  /** Subscribes to any typed, resumable subscription document. */
  function subscribe<R, V extends ResumableVariables>(
    document: TypedDocumentNode<R, V>,
    variables: V,
    handlers: LiveHandlers<R>,
  ): LiveSubscription {
    return live.subscribe(document, variables, handlers);
  }

  return {
    request,
    subscribe,

    /** Who the token belongs to and its scope. */
    viewer: async () => (await request(ViewerDocument)).viewer,

    /** A region with pairing coverage (Region.coverage) and target attainment; null when absent or out of scope. */
    region: async (code: string, options: { year?: number | null } = {}) =>
      (await request(RegionOverviewDocument, { code, year: options.year })).region,

    regions: async (variables: RegionsQueryVariables = {}) => (await request(RegionsDocument, variables)).regions,

    /** Villages with their indicators and progress toward each policy target. */
    villages: async (variables: VillagesQueryVariables = {}) => (await request(VillagesDocument, variables)).villages,

    /** The key-assisted villages (重点帮扶村) of a region, with indicators and target progress. */
    keyAssistedVillages: async (regionCode: string, options: { year?: number | null; first?: number } = {}) =>
      (
        await request(VillagesDocument, {
          filter: { regionCode, designations: ['KEY_ASSISTED'] },
          year: options.year,
          first: options.first ?? 100,
        })
      ).villages,

    /** A partner's villages through its active pairings (`viewer { provider { assignedVillages } }`); null for non-partner roles. */
    assignedVillages: async (variables: AssignedVillagesQueryVariables = {}) =>
      (await request(AssignedVillagesDocument, variables)).viewer.provider?.assignedVillages ?? null,

    pairings: async (variables: PairingsQueryVariables = {}) => (await request(PairingsDocument, variables)).pairings,

    /** A pairing with its contributions; null when absent, out of scope or not a pairing. */
    pairingContributions: async (pairingId: string, options: { first?: number; after?: string | null } = {}) => {
      const node: PairingContributionsQuery['node'] = (
        await request(PairingContributionsDocument, { id: pairingId, ...options })
      ).node;
      return node && 'contributions' in node ? node : null;
    },

    residentTeams: async (variables: ResidentTeamsQueryVariables) =>
      (await request(ResidentTeamsDocument, variables)).residentTeams,

    weeklyCompliance: async (variables: WeeklyComplianceQueryVariables) =>
      (await request(WeeklyComplianceDocument, variables)).weeklyCompliance,

    /** 五天四夜 compliance summary of a region's teams in one week, and its key villages without a team. */
    teamCoverage: async (regionCode: string, weekOf: string) => request(TeamCoverageDocument, { regionCode, weekOf }),

    purchases: async (variables: PurchasesQueryVariables = {}) =>
      (await request(PurchasesDocument, variables)).purchases,

    consumptionStats: async (
      variables: Partial<ConsumptionStatsQueryVariables> = {},
    ): Promise<ConsumptionStatsQuery['consumptionStats']> =>
      (await request(ConsumptionStatsDocument, { groupBy: variables.groupBy ?? [], filter: variables.filter }))
        .consumptionStats,

    /** Idempotent per buyer and clientReference: `created` is false when it was already recorded. */
    recordPurchase: async (input: RecordPurchaseInput) =>
      (await request(RecordPurchaseDocument, { input })).recordPurchase,

    voidPurchase: async (input: VoidPurchaseInput) =>
      (await request(VoidPurchaseDocument, { input })).voidPurchase.purchase,

    /** Typed live subscriptions; each resumes from its last cursor after a dropped connection. */
    live: {
      purchaseRecorded: (variables: LiveVariables, handlers: LiveHandlers<Data<typeof PurchaseRecordedDocument>>) =>
        subscribe(PurchaseRecordedDocument, variables, handlers),
      purchaseStatusChanged: (
        variables: LiveVariables,
        handlers: LiveHandlers<Data<typeof PurchaseStatusChangedDocument>>,
      ) => subscribe(PurchaseStatusChangedDocument, variables, handlers),
      pairingChanged: (variables: LiveVariables, handlers: LiveHandlers<Data<typeof PairingChangedDocument>>) =>
        subscribe(PairingChangedDocument, variables, handlers),
      villageIndicatorsUpdated: (
        variables: LiveVariables,
        handlers: LiveHandlers<Data<typeof VillageIndicatorsUpdatedDocument>>,
      ) => subscribe(VillageIndicatorsUpdatedDocument, variables, handlers),
    },

    /**
     * One 台账 as an .xlsx Blob (`GET /exports/<name>.xlsx`), scoped to the token as the GraphQL
     * reads are; e.g. `downloadLedger('consumption', { regionCode: '519902', from: '2026-01-01' })`.
     */
    downloadLedger: <N extends LedgerName>(name: N, filters?: LedgerFilters[N]) => downloadLedger(http, name, filters),

    /** Drops the live connection as a network failure would; subscriptions reconnect and resume. */
    dropLiveConnection: () => live.terminate(),

    /** Stops every live subscription and closes the connection; pending HTTP requests finish on their own. */
    close: () => live.dispose(),
  };
}

export type PlatformClient = ReturnType<typeof createPlatformClient>;
