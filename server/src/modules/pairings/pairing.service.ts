import type { Context } from '../../core/context';
import { todayInShanghai } from '../../core/dates';
import { appendEvent, type NewEvent } from '../../core/events/event-store';
import { pairingPolicy } from './pairing.policy';
import { providerPolicy } from '../providers/provider.policy';
import { villagePolicy } from '../villages/village.policy';
import { badInput, conflict, notFound } from '../../core/errors';
import { and, inList, type SqlFragment } from '../../core/sql';
import { fromGlobalId, isUuid, uuidKeyFromInput } from '../../core/relay/global-id';
import { readPage, type ConnectionData, type PageInput } from '../../core/relay/connection';
import { ancestorCodesOf, levelOfCode, prefixOfCode } from '../../core/region-codes';
import { regionCodeArg, regionService } from '../regions/region.service';
import { villageFilterSql, villageService } from '../villages/village.service';
import type { VillageFilter, VillageNode } from '../villages/village.types';
import type { ProviderNode } from '../providers/provider.types';
import { providerIdArg, providerService } from '../providers/provider.service';
import { Contribution, Pairing, PairingMechanism, PairingStatus, PairingTargetLevel } from './pairing.entity';
import { mechanismMisfit, transitionRefusal, type Misfit, type TargetFacts } from './pairing.rules';
import type { ContributionNode, PairingFilter, PairingNode, RegionCoverage } from './pairing.types';
import type { ChangePairingStatusInput, CreatePairingInput, RecordContributionInput } from './pairing.inputs';
import { PAIRING_CHANGED } from './pairing.events';
import {
  activeDuplicateExists,
  assignedVillagePages,
  contributionById,
  contributionPages,
  contributionTotals,
  coverageOf,
  lockPairing,
  mechanismFacts,
  pairingPage,
  pairingPagesOfProviders,
  pairingsByIds,
  pairingsCoveringVillages,
  providersCoveringVillages,
  type ContributionTotals,
} from './pairing.repository';

/** Bounds `Village.pairings`, a plain list. */
export const VILLAGE_PAIRINGS_LIMIT = 100;

/** The pairing policy's view of the pairing table, as every query here aliases it. */
const PAIRING_COLUMNS = { provider: 'p.provider_id', target: 'p.target_code' };

/** Reads a pairing target (a Village id, or the Region id of a village or a county), or fails on `targetId`. */
function targetArg(id: string): { code: string; level: PairingTargetLevel } {
  const decoded = fromGlobalId(id);
  if (!decoded || (decoded.type !== 'Village' && decoded.type !== 'Region'))
    throw badInput('targetId', 'targetId must be a Village or Region id');
  const level = levelOfCode(decoded.key);
  if (level === 'VILLAGE') return { code: decoded.key, level: PairingTargetLevel.VILLAGE };
  if (level === 'COUNTY' && decoded.type === 'Region') return { code: decoded.key, level: PairingTargetLevel.COUNTY };
  throw badInput('targetId', 'targetId must be a village or a county (结对对象为行政村或县)');
}

const pairingIdArg = (id: string, field = 'pairingId'): string => uuidKeyFromInput(id, ['Pairing'], field);

/** The live event of a pairing created or changed: region roles of the target and the provider see it. */
function pairingEvent(
  pairing: Pick<PairingNode, 'key' | 'providerId' | 'targetCode'>,
  from: PairingStatus | null,
  to: PairingStatus,
): NewEvent {
  return {
    topic: PAIRING_CHANGED,
    regionCode: pairing.targetCode,
    partyIds: [pairing.providerId],
    partnerAccess: 'PARTIES',
    payload: { pairingId: pairing.key, from, to },
  };
}

export class PairingService {
  /** Pairings by uuid, limited to the viewer's scope; missing, malformed or hidden ids map to null. */
  async findByKeys(ctx: Context, ids: readonly string[]): Promise<(PairingNode | null)[]> {
    const scope = pairingPolicy.readable(ctx.viewer, PAIRING_COLUMNS);
    const found = await pairingsByIds(ctx.em, ids.filter(isUuid), scope);
    const byKey = new Map(found.map((pairing) => [pairing.key, pairing]));
    return ids.map((id) => byKey.get(id.toLowerCase()) ?? null);
  }

  /** One pairing by its uuid (the key inside its global id); null for malformed uuids, so `node(id)` never sends one to the database. */
  byKey(ctx: Context, id: string): Promise<PairingNode | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return ctx.loaders
      .get<string, PairingNode | null>('pairing.byKey', (ids) => this.findByKeys(ctx, ids))
      .load(id.toLowerCase());
  }

  async require(ctx: Context, id: string, field = 'pairingId'): Promise<PairingNode> {
    const pairing = await this.byKey(ctx, pairingIdArg(id, field));
    if (!pairing) throw notFound('Pairing not found', field);
    return pairing;
  }

  /** `pairings(filter)`: ordered by start date, keyset-paginated, scoped. */
  list(ctx: Context, filter: PairingFilter | undefined, args: PageInput): Promise<ConnectionData<PairingNode>> {
    const conditions: SqlFragment[] = [pairingPolicy.readable(ctx.viewer, PAIRING_COLUMNS)];
    if (filter?.regionCode) {
      const code = regionCodeArg(filter.regionCode, 'regionCode');
      const counties = inList(
        'p.target_code',
        ancestorCodesOf(code).filter((c) => levelOfCode(c) === 'COUNTY'),
      );
      conditions.push({
        sql: `p.target_code LIKE ? OR ${counties.sql}`,
        bindings: [`${prefixOfCode(code)}%`, ...counties.bindings],
      });
    }
    if (filter?.providerId)
      conditions.push({ sql: 'p.provider_id = ?', bindings: [providerIdArg(filter.providerId, 'providerId')] });
    if (filter?.mechanism) conditions.push({ sql: 'p.mechanism = ?', bindings: [filter.mechanism] });
    if (filter?.status) conditions.push({ sql: 'p.status = ?', bindings: [filter.status] });
    return pairingPage(ctx, and(...conditions), readPage(args));
  }

  /** `AssistanceProvider.pairings`: every status, batched over the providers of a request. */
  ofProvider(ctx: Context, providerId: string, args: PageInput): Promise<ConnectionData<PairingNode>> {
    const scope = pairingPolicy.readable(ctx.viewer, PAIRING_COLUMNS);
    const page = readPage(args);
    return ctx.loaders
      .get<string, ConnectionData<PairingNode>>(`pairing.ofProvider:${JSON.stringify(page)}`, (keys) =>
        pairingPagesOfProviders(ctx, keys, scope, page),
      )
      .load(providerId);
  }

  /**
   * `AssistanceProvider.assignedVillages`: the villages the provider's active pairings cover
   * (provider_assigned_village), further limited to what the viewer may see.
   */
  assignedVillages(
    ctx: Context,
    providerId: string,
    filter: VillageFilter | undefined,
    args: PageInput,
  ): Promise<ConnectionData<VillageNode>> {
    const where = and(villagePolicy.readable(ctx.viewer, 'r.code'), ...villageFilterSql(filter));
    const page = readPage(args);
    return ctx.loaders
      .get<string, ConnectionData<VillageNode>>(
        `pairing.assignedVillages:${JSON.stringify([filter ?? null, page])}`,
        (keys) => assignedVillagePages(ctx, keys, where, page),
      )
      .load(providerId);
  }

  /**
   * `Village.pairings(status, first)`: visible pairings covering the village (directly or through
   * its county), by start date, of one status when given, at most `first` (default and most
   * VILLAGE_PAIRINGS_LIMIT). One statement for every village of the request with the same
   * arguments; it reads each pairing's provider too and primes the provider loader with it, so
   * `Pairing.provider` costs no statement of its own.
   */
  ofVillage(
    ctx: Context,
    villageCode: string,
    status?: PairingStatus | null,
    first?: number | null,
  ): Promise<PairingNode[]> {
    const limit = first ?? VILLAGE_PAIRINGS_LIMIT;
    if (!Number.isInteger(limit) || limit < 0 || limit > VILLAGE_PAIRINGS_LIMIT)
      throw badInput('first', `first must be between 0 and ${VILLAGE_PAIRINGS_LIMIT}, got ${first}`);
    const scope = pairingPolicy.readable(ctx.viewer, PAIRING_COLUMNS);
    const providerScope = providerPolicy.readable(ctx.viewer, { id: 'pr.id', home: 'pr.region_code' });
    return ctx.loaders
      .get<string, PairingNode[]>(`pairing.ofVillage:${status ?? '*'}:${limit}`, async (codes) => {
        if (limit === 0) return codes.map(() => []);
        const found = await pairingsCoveringVillages(ctx.em, codes, scope, providerScope, {
          status: status ?? null,
          limit,
        });
        providerService.prime(ctx, found.providers);
        return found.pairings;
      })
      .load(villageCode);
  }

  /** `Village.providers`: distinct visible providers with an active pairing covering the village. */
  providersOfVillage(ctx: Context, villageCode: string): Promise<ProviderNode[]> {
    const scope = providerPolicy.readable(ctx.viewer, { id: 'pr.id', home: 'pr.region_code' });
    return ctx.loaders
      .get<string, ProviderNode[]>('pairing.providersOfVillage', (codes) =>
        providersCoveringVillages(ctx.em, codes, scope),
      )
      .load(villageCode);
  }

  /** `Pairing.contributions`: batched over the pairings of a request. */
  contributions(ctx: Context, pairingId: string, args: PageInput): Promise<ConnectionData<ContributionNode>> {
    const scope = pairingPolicy.readable(ctx.viewer, PAIRING_COLUMNS);
    const page = readPage(args);
    return ctx.loaders
      .get<string, ConnectionData<ContributionNode>>(`pairing.contributions:${JSON.stringify(page)}`, (keys) =>
        contributionPages(ctx, keys, scope, page),
      )
      .load(pairingId);
  }

  /** Pledged and delivered amounts of a pairing, exact sums computed in SQL. */
  totals(ctx: Context, pairingId: string): Promise<ContributionTotals> {
    const scope = pairingPolicy.readable(ctx.viewer, PAIRING_COLUMNS);
    return ctx.loaders
      .get<string, ContributionTotals>('pairing.totals', (ids) => contributionTotals(ctx.em, ids, scope))
      .load(pairingId);
  }

  /** `node(id)` of a contribution: visible when its pairing is. */
  contributionByKey(ctx: Context, id: string): Promise<ContributionNode | null> {
    const scope = pairingPolicy.readable(ctx.viewer, PAIRING_COLUMNS);
    return isUuid(id) ? contributionById(ctx.em, id.toLowerCase(), scope) : Promise.resolve(null);
  }

  /**
   * `Region.coverage`, for many regions in one statement: key-assisted villages inside each region
   * and how many are covered by active pairings, counted over the villages and pairings the viewer
   * may see.
   */
  coverage(ctx: Context, regionCode: string): Promise<RegionCoverage> {
    const villages = villagePolicy.readable(ctx.viewer, 'r.code');
    const pairings = pairingPolicy.readable(ctx.viewer, PAIRING_COLUMNS);
    return ctx.loaders
      .get<string, RegionCoverage>('pairing.coverage', (codes) => coverageOf(ctx.em, codes, villages, pairings))
      .load(regionCode);
  }

  /**
   * `createPairing`: ADMIN, or a region official whose region contains the target. The provider
   * must be visible to the caller, the target a village or a county, and the mechanism must fit
   * the provider. At most one ACTIVE pairing per provider, target and mechanism: checked here
   * for a clear message, and by the partial unique index `pairing_one_active` under races.
   */
  async create(ctx: Context, input: CreatePairingInput): Promise<PairingNode> {
    const target = targetArg(input.targetId);
    pairingPolicy.requireWrite(ctx.viewer, { targetCode: target.code });
    const provider = await providerService.require(ctx, input.providerId, 'providerId');
    const targetVisible =
      target.level === PairingTargetLevel.VILLAGE
        ? await villageService.byKey(ctx, target.code)
        : await regionService.byKey(ctx, target.code);
    if (!targetVisible) throw notFound('Target not found', 'targetId');
    const status = input.status ?? PairingStatus.PROPOSED;
    if (status !== PairingStatus.PROPOSED && status !== PairingStatus.ACTIVE)
      throw badInput('status', 'a new pairing is PROPOSED or ACTIVE');
    if (input.endDate && input.endDate < input.startDate)
      throw badInput('endDate', 'endDate must not be before startDate');
    await this.requireFit(ctx.em, input.mechanism, provider.key, target, (misfit) =>
      badInput(misfit.field, misfit.message),
    );
    const created = await ctx.em.transactional(async (em) => {
      const pairing = {
        providerId: provider.key,
        targetCode: target.code,
        mechanism: input.mechanism,
      };
      if (status === PairingStatus.ACTIVE && (await activeDuplicateExists(em, pairing))) throw duplicateActive();
      const row = em.create(Pairing, {
        ...pairing,
        targetLevel: target.level,
        cooperationAreas: [...new Set(input.cooperationAreas ?? [])],
        startDate: input.startDate,
        endDate: input.endDate ?? null,
        status,
      });
      await em.flush();
      await appendEvent(em, pairingEvent({ key: row.id, ...pairing }, null, status));
      return row.id;
    });
    ctx.events.announce();
    return this.mustSee(ctx, created);
  }

  /**
   * `changePairingStatus`: ADMIN, or a region official whose region contains the target. The row
   * is locked so concurrent changes apply one after the other against the current status; see
   * PAIRING_TRANSITIONS for what may follow what.
   */
  async changeStatus(ctx: Context, input: ChangePairingStatusInput): Promise<PairingNode> {
    const pairing = await this.require(ctx, input.pairingId);
    pairingPolicy.requireWrite(ctx.viewer, pairing);
    if (input.endDate && input.status !== PairingStatus.ENDED)
      throw badInput('endDate', 'endDate is recorded only when ending a pairing');
    await ctx.em.transactional(async (em) => {
      const current = await lockPairing(em, pairing.key);
      if (!current) throw notFound('Pairing not found', 'pairingId');
      const refusal = transitionRefusal(current.status, input.status);
      if (refusal) throw badInput('status', refusal);
      if (input.endDate && input.endDate < current.startDate)
        throw badInput('endDate', 'endDate must not be before startDate');
      if (input.status === PairingStatus.ACTIVE) {
        // The provider must still fit the mechanism: it may have left a campaign, or the
        // partnership of its region may have ended, since the pairing was proposed or suspended.
        const target = { code: current.targetCode, level: current.targetLevel };
        await this.requireFit(em, current.mechanism, current.providerId, target, (misfit) =>
          badInput('status', `cannot activate: ${misfit.message}`),
        );
        if (await activeDuplicateExists(em, { ...current, exceptId: current.key })) throw duplicateActive();
      }
      await em.nativeUpdate(
        Pairing,
        { id: current.key },
        { status: input.status, ...(input.endDate ? { endDate: input.endDate } : {}), updatedAt: new Date() },
      );
      await appendEvent(em, pairingEvent(current, current.status, input.status));
    });
    ctx.events.announce();
    return this.mustSee(ctx, pairing.key);
  }

  /**
   * `recordContribution`: ADMIN, a region official whose region contains the target, or the
   * pairing's own provider. Amount (yuan, exact, at most 2 decimals) or count, at least one,
   * neither negative; the date not after today in Asia/Shanghai.
   */
  async recordContribution(
    ctx: Context,
    input: RecordContributionInput,
  ): Promise<{ contribution: ContributionNode; pairing: PairingNode }> {
    const pairing = await this.require(ctx, input.pairingId);
    pairingPolicy.requireContribute(ctx.viewer, pairing);
    if (input.amount == null && input.count == null)
      throw badInput(['amount', 'count'], 'give an amount, a count, or both');
    if (input.amount != null) {
      if (input.amount.startsWith('-')) throw badInput('amount', 'amount must not be negative');
      if (/\.\d{3,}$/.test(input.amount)) throw badInput('amount', 'amount is in yuan with at most 2 decimals (分)');
    }
    if (input.date > todayInShanghai())
      throw badInput('date', `date must not be in the future (today is ${todayInShanghai()} in Asia/Shanghai)`);
    const id = await ctx.em.transactional(async (em) => {
      const contribution = em.create(Contribution, {
        pairingId: pairing.key,
        kind: input.kind,
        stage: input.stage,
        amount: input.amount ?? null,
        count: input.count ?? null,
        contributedOn: input.date,
        note: input.note?.trim() || null,
      });
      await em.flush();
      return contribution.id;
    });
    const contribution = await this.contributionByKey(ctx, id);
    if (!contribution) throw notFound('Contribution is not visible');
    return { contribution, pairing };
  }

  /** Refuses a provider that does not fit the mechanism for the target (see `mechanismMisfit`). */
  private async requireFit(
    em: Context['em'],
    mechanism: PairingMechanism,
    providerId: string,
    target: TargetFacts,
    refuse: (misfit: Misfit) => Error,
  ): Promise<void> {
    const facts = await mechanismFacts(em, providerId, target.code);
    if (!facts) throw notFound('Provider not found', 'providerId');
    const misfit = mechanismMisfit(mechanism, facts.provider, target, facts.partnerRegions);
    if (misfit) throw refuse(misfit);
  }

  private async mustSee(ctx: Context, id: string): Promise<PairingNode> {
    const [pairing] = await this.findByKeys(ctx, [id]);
    if (!pairing) throw notFound(`Pairing ${id} is not visible`);
    return pairing;
  }
}

const duplicateActive = () =>
  conflict('This provider already has an active pairing with this target under this mechanism', [
    'providerId',
    'targetId',
    'mechanism',
  ]);

export const pairingService = new PairingService();
