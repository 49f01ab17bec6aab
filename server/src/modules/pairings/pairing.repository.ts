import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../core/context';
import { and, inList, query, sqlTrue, withWhere, type SqlFragment } from '../../core/sql';
import type { ConnectionData, Page } from '../../core/relay/connection';
import { orderBySql, type SortColumn } from '../../core/relay/keyset';
import { keysetPage } from '../../core/relay/keyset-page';
import { pagesByParent } from '../../core/relay/batched-pages';
import { toGlobalId } from '../../core/relay/global-id';
import { insideRegionSql } from '../regions/region.repository';
import { villagePagesBy } from '../villages/village.repository';
import type { VillageNode } from '../villages/village.types';
import { PROVIDER_COLUMNS, toProvider, type ProviderRow } from '../providers/provider.repository';
import { ProviderType, UnitKind, type Ownership } from '../providers/provider.entity';
import type { DesignationKind } from '../villages/village.entity';
import { PARTNER_MECHANISMS, type ProviderFacts } from './pairing.rules';
import type { ProviderNode } from '../providers/provider.types';
import {
  PairingMechanism,
  type ContributionKind,
  type ContributionStage,
  type CooperationArea,
  type PairingStatus,
  type PairingTargetLevel,
} from './pairing.entity';
import { ContributionNode, PairingNode, type RegionCoverage } from './pairing.types';

/**
 * Named queries of pairings (`pairing p`) and their contributions (`contribution c`). Scope
 * conditions come from the caller (the service asks the pairing, village and provider policies).
 */

/** A pairing row as read by every pairing query (dates as YYYY-MM-DD text). */
export interface PairingRow {
  id: string;
  provider_id: string;
  target_code: string;
  target_level: PairingTargetLevel;
  mechanism: PairingMechanism;
  cooperation_areas: string[] | null;
  start_date: string;
  end_date: string | null;
  status: PairingStatus;
  source: string | null;
}

const COLUMNS = `p.id, p.provider_id, p.target_code, p.target_level, p.mechanism, p.cooperation_areas,
  p.start_date::text AS start_date, p.end_date::text AS end_date, p.status, p.source`;

const BY_START: SortColumn[] = [
  { expr: 'p.start_date', direction: 'asc' },
  { expr: 'p.id', direction: 'asc' },
];
const pairingCursor = (row: PairingRow) => [row.start_date, row.id];

/** The targets whose pairings cover a village: the village itself and its county. */
const coveringTargets = (villageCode: string) => `ARRAY[${villageCode}, substr(${villageCode}, 1, 6) || '000000']`;

/**
 * A pairing covers a village when it targets the village itself or the village's county; written
 * as `= ANY(ARRAY[…])` so that the target index is used (an OR of two equalities is not).
 */
const covers = (pairingTarget: string, villageCode: string) =>
  `${pairingTarget} = ANY(${coveringTargets(villageCode)})`;

export function toPairing(row: PairingRow): PairingNode {
  const node = new PairingNode();
  node.id = toGlobalId('Pairing', row.id);
  node.key = row.id;
  node.providerId = row.provider_id;
  node.targetCode = row.target_code;
  node.targetLevel = row.target_level;
  node.mechanism = row.mechanism;
  node.cooperationAreas = (row.cooperation_areas ?? []) as CooperationArea[];
  node.startDate = row.start_date;
  node.endDate = row.end_date;
  node.status = row.status;
  node.source = row.source;
  return node;
}

/** The pairings with these ids (well-formed uuids) that `scope` lets through. */
export async function pairingsByIds(
  em: EntityManager,
  ids: readonly string[],
  scope: SqlFragment,
): Promise<PairingNode[]> {
  if (ids.length === 0) return [];
  const rows = await query<PairingRow>(
    em,
    withWhere(`SELECT ${COLUMNS} FROM pairing p`, and(inList('p.id', ids), scope)),
  );
  return rows.map(toPairing);
}

/** One page of the pairings matching `where` (scope and filters over `p`), by start date. */
export function pairingPage(ctx: Context, where: SqlFragment, page: Page): Promise<ConnectionData<PairingNode>> {
  return keysetPage<PairingRow, PairingNode>(ctx, {
    columns: COLUMNS,
    from: 'pairing p',
    where,
    sort: BY_START,
    page,
    cursorOf: pairingCursor,
    toNode: toPairing,
  });
}

/** The pairings of many providers, one page each. */
export function pairingPagesOfProviders(
  ctx: Context,
  providerIds: readonly string[],
  scope: SqlFragment,
  page: Page,
): Promise<ConnectionData<PairingNode>[]> {
  return pagesByParent<PairingRow, PairingNode>(ctx, {
    keys: providerIds,
    keyExpr: 'p.provider_id',
    columns: COLUMNS,
    from: 'pairing p',
    where: scope,
    sort: BY_START,
    page,
    cursorOf: pairingCursor,
    toNode: toPairing,
  });
}

/** The villages assigned to many providers through their active pairings, one page each. */
export function assignedVillagePages(
  ctx: Context,
  providerIds: readonly string[],
  where: SqlFragment,
  page: Page,
): Promise<ConnectionData<VillageNode>[]> {
  return villagePagesBy(ctx, {
    keys: providerIds,
    keyExpr: 'a.provider_id',
    from: 'provider_assigned_village a JOIN village v ON v.code = a.village_code JOIN region r ON r.code = v.code',
    where,
    page,
  });
}

/** What `Village.pairings` asks of each village's pairings. */
export interface VillagePairingsFilter {
  status: PairingStatus | null;
  limit: number;
}

/** The pairings of each of many villages, and each pairing's provider as the viewer may see it. */
export interface VillagePairings {
  pairings: PairingNode[][];
  /** Provider id → the provider, or null when the provider scope hides it. */
  providers: Map<string, ProviderNode | null>;
}

/**
 * The pairings covering each of many villages (directly or through the county), the first `limit`
 * by start date, each with its provider (null when `providerScope`, over `pr`, hides it), in one
 * statement. A LATERAL subquery per village seeks the target index with `= ANY(ARRAY[village,
 * county])`; joining the village list to pairing on `target = village OR target = county` made
 * the planner scan and filter every pairing (about 300 ms for 50 villages over 20,000 pairings,
 * 1.5 ms this way).
 */
export async function pairingsCoveringVillages(
  em: EntityManager,
  villageCodes: readonly string[],
  scope: SqlFragment,
  providerScope: SqlFragment,
  filter: VillagePairingsFilter,
): Promise<VillagePairings> {
  const status: SqlFragment = filter.status ? { sql: 'p.status = ?', bindings: [filter.status] } : sqlTrue;
  const where = and({ sql: `p.target_code = ANY(${coveringTargets('x.code')})`, bindings: [] }, scope, status);
  const rows = await query<PairingRow & { village_code: string; provider: ProviderRow | null }>(em, {
    sql: `SELECT x.code AS village_code, ${COLUMNS}, to_json(prv) AS provider
      FROM unnest(?::text[]) AS x(code)
      CROSS JOIN LATERAL (
        SELECT p.* FROM pairing p WHERE ${where.sql} ORDER BY ${orderBySql(BY_START)} LIMIT ${filter.limit}
      ) p
      LEFT JOIN LATERAL (SELECT ${PROVIDER_COLUMNS} FROM provider pr WHERE pr.id = p.provider_id AND (${providerScope.sql})) prv ON true
      ORDER BY x.code, ${orderBySql(BY_START)}`,
    bindings: [[...villageCodes], ...where.bindings, ...providerScope.bindings],
  });
  const byVillage = new Map<string, PairingNode[]>();
  const providers = new Map<string, ProviderNode | null>();
  for (const row of rows) {
    const list = byVillage.get(row.village_code) ?? [];
    list.push(toPairing(row));
    byVillage.set(row.village_code, list);
    if (!providers.has(row.provider_id)) providers.set(row.provider_id, row.provider ? toProvider(row.provider) : null);
  }
  return { pairings: villageCodes.map((code) => byVillage.get(code) ?? []), providers };
}

/** The distinct providers with an active pairing covering each of many villages; `scope` is over `pr`. */
export async function providersCoveringVillages(
  em: EntityManager,
  villageCodes: readonly string[],
  scope: SqlFragment,
): Promise<ProviderNode[][]> {
  const rows = await query<ProviderRow & { village_code: string }>(
    em,
    withWhere(
      `SELECT DISTINCT x.code AS village_code, ${PROVIDER_COLUMNS}
       FROM village x JOIN pairing p ON ${covers('p.target_code', 'x.code')} AND p.status = 'ACTIVE' JOIN provider pr ON pr.id = p.provider_id`,
      and(inList('x.code', villageCodes), scope),
      'ORDER BY village_code, pr.name, pr.id',
    ),
  );
  return villageCodes.map((code) => rows.filter((row) => row.village_code === code).map(toProvider));
}

/** Whether another ACTIVE pairing of this provider, target and mechanism exists. */
export async function activeDuplicateExists(
  em: EntityManager,
  pairing: { providerId: string; targetCode: string; mechanism: PairingMechanism; exceptId?: string },
): Promise<boolean> {
  const rows = await query(
    em,
    `SELECT 1 FROM pairing WHERE provider_id = ? AND target_code = ? AND mechanism = ? AND status = 'ACTIVE' AND id <> ?::uuid`,
    [
      pairing.providerId,
      pairing.targetCode,
      pairing.mechanism,
      pairing.exceptId ?? '00000000-0000-0000-0000-000000000000',
    ],
  );
  return rows.length > 0;
}

/**
 * What the mechanism rules need to know, read in one statement whoever the caller is (facts, not
 * visibility): the provider, the designations of its home village, and the partner regions of
 * the target — the home regions of PARTNER_REGION units holding an ACTIVE pairing under a partner
 * mechanism with the target or with its county.
 */
export async function mechanismFacts(
  em: EntityManager,
  providerId: string,
  targetCode: string,
): Promise<{ provider: ProviderFacts; partnerRegions: string[] } | null> {
  const mechanisms = inList('pp.mechanism', PARTNER_MECHANISMS);
  const [row] = await query<{
    type: ProviderType;
    unit_kind: UnitKind | null;
    ownership: Ownership | null;
    campaigns: string[] | null;
    region_code: string | null;
    home_designations: DesignationKind[];
    partner_regions: string[];
  }>(
    em,
    `SELECT pr.type, pr.unit_kind, pr.ownership, pr.campaigns, pr.region_code,
       coalesce((SELECT array_agg(d.kind) FROM village_designation d WHERE d.village_code = pr.region_code), '{}') AS home_designations,
       coalesce((SELECT array_agg(DISTINCT ph.region_code ORDER BY ph.region_code) FROM pairing pp JOIN provider ph ON ph.id = pp.provider_id
         WHERE pp.status = 'ACTIVE' AND ${mechanisms.sql} AND ph.unit_kind = '${UnitKind.PARTNER_REGION}' AND ph.region_code IS NOT NULL
           AND pp.target_code IN (?, ?)), '{}') AS partner_regions
     FROM provider pr WHERE pr.id = ?`,
    [...mechanisms.bindings, targetCode, targetCode.slice(0, 6).padEnd(12, '0'), providerId],
  );
  if (!row) return null;
  return {
    provider: {
      type: row.type,
      unitKind: row.unit_kind,
      ownership: row.ownership,
      campaigns: row.campaigns ?? [],
      homeCode: row.region_code,
      homeVillageDesignations: row.home_designations,
    },
    partnerRegions: row.partner_regions,
  };
}

/** A pairing as it stands, its row locked until the transaction ends (status changes apply in turn). */
export async function lockPairing(em: EntityManager, id: string): Promise<PairingNode | null> {
  const [row] = await query<PairingRow>(em, `SELECT ${COLUMNS} FROM pairing p WHERE p.id = ? FOR UPDATE`, [id]);
  return row ? toPairing(row) : null;
}

/** A contribution row as read by every contribution query. */
export interface ContributionRow {
  id: string;
  pairing_id: string;
  kind: ContributionKind;
  stage: ContributionStage;
  amount: string | null;
  count: number | null;
  contributed_on: string;
  note: string | null;
  source: string | null;
}

const CONTRIBUTION_COLUMNS =
  'c.id, c.pairing_id, c.kind, c.stage, c.amount::text AS amount, c.count, c.contributed_on::text AS contributed_on, c.note, c.source';

const CONTRIBUTIONS_BY_DATE: SortColumn[] = [
  { expr: 'c.contributed_on', direction: 'asc' },
  { expr: 'c.id', direction: 'asc' },
];

export function toContribution(row: ContributionRow): ContributionNode {
  const node = new ContributionNode();
  node.id = toGlobalId('Contribution', row.id);
  node.key = row.id;
  node.pairingId = row.pairing_id;
  node.kind = row.kind;
  node.stage = row.stage;
  node.amount = row.amount;
  node.count = row.count;
  node.date = row.contributed_on;
  node.note = row.note;
  node.source = row.source;
  return node;
}

/** The contributions of many pairings, one page each; `scope` is over the pairing `p`. */
export function contributionPages(
  ctx: Context,
  pairingIds: readonly string[],
  scope: SqlFragment,
  page: Page,
): Promise<ConnectionData<ContributionNode>[]> {
  return pagesByParent<ContributionRow, ContributionNode>(ctx, {
    keys: pairingIds,
    keyExpr: 'c.pairing_id',
    columns: CONTRIBUTION_COLUMNS,
    from: 'contribution c JOIN pairing p ON p.id = c.pairing_id',
    where: scope,
    sort: CONTRIBUTIONS_BY_DATE,
    page,
    cursorOf: (row) => [row.contributed_on, row.id],
    toNode: toContribution,
  });
}

/** One contribution, when `scope` (over its pairing `p`) lets it through. */
export async function contributionById(
  em: EntityManager,
  id: string,
  scope: SqlFragment,
): Promise<ContributionNode | null> {
  const [row] = await query<ContributionRow>(
    em,
    withWhere(
      `SELECT ${CONTRIBUTION_COLUMNS} FROM contribution c JOIN pairing p ON p.id = c.pairing_id`,
      and({ sql: 'c.id = ?', bindings: [id] }, scope),
    ),
  );
  return row ? toContribution(row) : null;
}

export interface ContributionTotals {
  pledged: string;
  delivered: string;
}

/** Pledged and delivered sums of many pairings, exact, computed in SQL; `scope` is over the pairing `p`. */
export async function contributionTotals(
  em: EntityManager,
  pairingIds: readonly string[],
  scope: SqlFragment,
): Promise<ContributionTotals[]> {
  const rows = await query<{ pairing_id: string } & ContributionTotals>(
    em,
    withWhere(
      `SELECT c.pairing_id,
         coalesce(sum(c.amount) FILTER (WHERE c.stage = 'PLEDGED'), 0)::numeric(18, 2)::text AS pledged,
         coalesce(sum(c.amount) FILTER (WHERE c.stage = 'DELIVERED'), 0)::numeric(18, 2)::text AS delivered
       FROM contribution c JOIN pairing p ON p.id = c.pairing_id`,
      and(inList('c.pairing_id', pairingIds), scope),
      'GROUP BY c.pairing_id',
    ),
  );
  const byId = new Map(rows.map((row) => [row.pairing_id, row]));
  return pairingIds.map((id) => ({
    pledged: byId.get(id)?.pledged ?? '0.00',
    delivered: byId.get(id)?.delivered ?? '0.00',
  }));
}

/**
 * Pairing coverage of the key-assisted villages inside each of many regions, counted over the
 * villages `villageScope` (over `r`) and the pairings `pairingScope` (over `p`) let through.
 */
export async function coverageOf(
  em: EntityManager,
  regionCodes: readonly string[],
  villageScope: SqlFragment,
  pairingScope: SqlFragment,
): Promise<RegionCoverage[]> {
  const regions = inList('s.code', regionCodes);
  const rows = await query<RegionCoverage & { region_code: string }>(em, {
    sql: `WITH vs AS (
        SELECT s.code AS region_code, r.code,
          EXISTS (SELECT 1 FROM village_designation d WHERE d.village_code = r.code AND d.kind = 'KEY_ASSISTED') AS is_key,
          EXISTS (SELECT 1 FROM village_designation d WHERE d.village_code = r.code AND d.kind = 'DEMONSTRATION' AND d.level IN ('PROVINCIAL', 'MUNICIPAL')) AS is_demo
        FROM region s JOIN region r ON ${insideRegionSql('s', 'r.code')} JOIN village v ON v.code = r.code
        WHERE (${regions.sql}) AND (${villageScope.sql})
      ),
      ap AS (
        SELECT p.target_code, p.mechanism, pr.type AS provider_type, pr.unit_kind, pr.region_code AS provider_home
        FROM pairing p JOIN provider pr ON pr.id = p.provider_id
        WHERE p.status = 'ACTIVE' AND (${pairingScope.sql})
      )
      SELECT vs.region_code,
        count(*) FILTER (WHERE vs.is_key)::int AS "keyAssistedVillages",
        count(*) FILTER (WHERE vs.is_key AND EXISTS (SELECT 1 FROM ap WHERE ${covers('ap.target_code', 'vs.code')}))::int AS "keyAssistedVillagesPaired",
        count(*) FILTER (WHERE vs.is_key AND EXISTS (
          SELECT 1 FROM ap WHERE ${covers('ap.target_code', 'vs.code')} AND ap.provider_type = '${ProviderType.ENTERPRISE}'))::int AS "keyAssistedVillagesPairedWithEnterprise",
        count(*) FILTER (WHERE vs.is_demo)::int AS "demonstrationVillages",
        count(*) FILTER (WHERE vs.is_demo AND EXISTS (
          SELECT 1 FROM ap JOIN village_designation kd ON kd.village_code = ap.target_code AND kd.kind = 'KEY_ASSISTED'
          WHERE ap.mechanism = '${PairingMechanism.STRONG_HELPS_WEAK}' AND ap.unit_kind = '${UnitKind.DEMONSTRATION_VILLAGE}'
            AND ap.provider_home = vs.code))::int AS "demonstrationVillagesHelping"
      FROM vs GROUP BY vs.region_code`,
    bindings: [...regions.bindings, ...villageScope.bindings, ...pairingScope.bindings],
  });
  const byCode = new Map(rows.map((row) => [row.region_code, row]));
  return regionCodes.map((code) => {
    const row = byCode.get(code);
    return {
      keyAssistedVillages: row?.keyAssistedVillages ?? 0,
      keyAssistedVillagesPaired: row?.keyAssistedVillagesPaired ?? 0,
      keyAssistedVillagesPairedWithEnterprise: row?.keyAssistedVillagesPairedWithEnterprise ?? 0,
      demonstrationVillages: row?.demonstrationVillages ?? 0,
      demonstrationVillagesHelping: row?.demonstrationVillagesHelping ?? 0,
    };
  });
}
