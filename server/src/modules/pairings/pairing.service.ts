import type { Context } from '../../core/context';
import { todayInShanghai } from '../../core/dates';
import { pagesByParent } from '../../core/relay/batched-pages';
import { appendEvent, type NewEvent } from '../../core/events/event-store';
import { pairingPolicy } from './pairing.policy';
import { providerPolicy } from '../providers/provider.policy';
import { villagePolicy } from '../villages/village.policy';
import { badInput, conflict, notFound } from '../../core/errors';
import { and, inList, query, withWhere, type SqlFragment } from '../../core/sql';
import { fromGlobalId, isUuid, uuidKeyFromInput } from '../../core/relay/global-id';
import { readPage, toConnection, type ConnectionData, type PageInput } from '../../core/relay/connection';
import { afterSql, orderBySql, type SortColumn } from '../../core/relay/keyset';
import { ancestorCodesOf, levelOfCode, prefixOfCode } from '../../core/region-codes';
import { regionCodeArg, regionService } from '../regions/region.service';
import { filterSql as villageFilterSql, villageService } from '../villages/village.service';
import { VillageNode, type VillageFilter, type VillageRow } from '../villages/village.types';
import { ProviderType, UnitKind } from '../providers/provider.entity';
import { PROVIDER_COLUMNS, ProviderNode, type ProviderRow } from '../providers/provider.types';
import { providerIdArg, providerService } from '../providers/provider.service';
import {
  Contribution,
  Pairing,
  PAIRING_TRANSITIONS,
  PairingMechanism,
  PairingStatus,
  PairingTargetLevel,
} from './pairing.entity';
import {
  CONTRIBUTION_COLUMNS,
  ContributionNode,
  PAIRING_COLUMNS,
  PairingNode,
  type ContributionRow,
  type PairingFilter,
  type PairingRow,
  type RegionCoverage,
} from './pairing.types';
import type { ChangePairingStatusInput, CreatePairingInput, RecordContributionInput } from './pairing.inputs';
import { PAIRING_CHANGED } from './pairing.events';

type PageArgs = PageInput;

const PAIRING_SORT: SortColumn[] = [
  { expr: 'p.start_date', direction: 'asc' },
  { expr: 'p.id', direction: 'asc' },
];
const pairingCursor = (row: PairingRow) => [row.start_date, row.id];

const CONTRIBUTION_SORT: SortColumn[] = [
  { expr: 'c.contributed_on', direction: 'asc' },
  { expr: 'c.id', direction: 'asc' },
];

/** A pairing covers a village when it targets the village itself or the village's county. */
const covers = (pairingTarget: string, villageCode: string) =>
  `(${pairingTarget} = ${villageCode} OR ${pairingTarget} = substr(${villageCode}, 1, 6) || '000000')`;

/** Bounds `Village.pairings`, a plain list. */
export const VILLAGE_PAIRINGS_LIMIT = 100;

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
  pairingId: string,
  providerId: string,
  targetCode: string,
  from: PairingStatus | null,
  to: PairingStatus,
): NewEvent {
  return {
    topic: PAIRING_CHANGED,
    regionCode: targetCode,
    partyIds: [providerId],
    partnerAccess: 'PARTIES',
    payload: { pairingId, from, to },
  };
}

export class PairingService {
  /** Pairings by uuid, limited to the viewer's scope; missing or hidden ids map to null. */
  async findByIds(ctx: Context, ids: readonly string[]): Promise<(PairingNode | null)[]> {
    const wellFormed = ids.filter(isUuid);
    const rows = wellFormed.length
      ? await query<PairingRow>(
          ctx.em,
          withWhere(
            `SELECT ${PAIRING_COLUMNS} FROM pairing p`,
            and(
              inList('p.id', wellFormed),
              pairingPolicy.readable(ctx.viewer, { provider: 'p.provider_id', target: 'p.target_code' }),
            ),
          ),
        )
      : [];
    const byId = new Map(rows.map((row) => [row.id, PairingNode.from(row)]));
    return ids.map((id) => byId.get(id.toLowerCase()) ?? null);
  }

  /** Null for malformed uuids, so `node(id)` never sends a bad uuid to the database. */
  byId(ctx: Context, id: string): Promise<PairingNode | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return ctx.loaders
      .get<string, PairingNode | null>('pairing.byId', (ids) => this.findByIds(ctx, ids))
      .load(id.toLowerCase());
  }

  async require(ctx: Context, id: string, field = 'pairingId'): Promise<PairingNode> {
    const pairing = await this.byId(ctx, pairingIdArg(id, field));
    if (!pairing) throw notFound('Pairing not found', field);
    return pairing;
  }

  /** `pairings(filter)`: ordered by start date, keyset-paginated, scoped. */
  async list(ctx: Context, filter: PairingFilter | undefined, args: PageArgs): Promise<ConnectionData<PairingNode>> {
    const page = readPage(args);
    const conditions: SqlFragment[] = [
      pairingPolicy.readable(ctx.viewer, { provider: 'p.provider_id', target: 'p.target_code' }),
    ];
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
    const where = and(...conditions);
    const seek = page.after ? afterSql(PAIRING_SORT, page.after) : undefined;
    const rows = await query<PairingRow>(
      ctx.em,
      withWhere(
        `SELECT ${PAIRING_COLUMNS} FROM pairing p`,
        seek ? and(where, seek) : where,
        `ORDER BY ${orderBySql(PAIRING_SORT)} LIMIT ${page.first + 1}`,
      ),
    );
    return toConnection(rows, page, pairingCursor, PairingNode.from, async () => {
      const [{ count }] = await query<{ count: number }>(
        ctx.em,
        withWhere('SELECT count(*)::int AS count FROM pairing p', where),
      );
      return count;
    });
  }

  /** `AssistanceProvider.pairings`: every status, batched over the providers of a request. */
  ofProvider(ctx: Context, providerId: string, args: PageArgs): Promise<ConnectionData<PairingNode>> {
    const page = readPage(args);
    return ctx.loaders
      .get<string, ConnectionData<PairingNode>>(`pairing.ofProvider:${JSON.stringify(page)}`, (keys) =>
        pagesByParent<PairingRow, PairingNode>(ctx, {
          keys,
          keyExpr: 'p.provider_id',
          columns: PAIRING_COLUMNS,
          from: 'pairing p',
          where: pairingPolicy.readable(ctx.viewer, { provider: 'p.provider_id', target: 'p.target_code' }),
          sort: PAIRING_SORT,
          page,
          cursorOf: pairingCursor,
          toNode: PairingNode.from,
        }),
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
    args: PageArgs,
  ): Promise<ConnectionData<VillageNode>> {
    const page = readPage(args);
    const sort: SortColumn[] = [{ expr: 'r.code', direction: 'asc' }];
    return ctx.loaders
      .get<string, ConnectionData<VillageNode>>(
        `pairing.assignedVillages:${JSON.stringify([filter ?? null, page])}`,
        (keys) =>
          pagesByParent<VillageRow, VillageNode>(ctx, {
            keys,
            keyExpr: 'a.provider_id',
            columns: 'r.code, r.name, r.parent_code, v.leading_industry, v.specialty_industries',
            from: 'provider_assigned_village a JOIN village v ON v.code = a.village_code JOIN region r ON r.code = v.code',
            where: and(villagePolicy.readable(ctx.viewer, 'r.code'), ...villageFilterSql(filter)),
            sort,
            page,
            cursorOf: (row) => [row.code],
            toNode: VillageNode.from,
          }),
      )
      .load(providerId);
  }

  /** `Village.pairings`: visible pairings covering the village (directly or through its county), any status, bounded. */
  ofVillage(ctx: Context, villageCode: string): Promise<PairingNode[]> {
    return ctx.loaders
      .get<string, PairingNode[]>('pairing.ofVillage', async (codes) => {
        const rows = await query<PairingRow & { village_code: string }>(
          ctx.em,
          withWhere(
            `SELECT * FROM (SELECT x.code AS village_code, ${PAIRING_COLUMNS},
               row_number() OVER (PARTITION BY x.code ORDER BY ${orderBySql(PAIRING_SORT)}) AS rn
             FROM village x JOIN pairing p ON ${covers('p.target_code', 'x.code')}`,
            and(
              inList('x.code', codes),
              pairingPolicy.readable(ctx.viewer, { provider: 'p.provider_id', target: 'p.target_code' }),
            ),
            `) paged WHERE rn <= ${VILLAGE_PAIRINGS_LIMIT} ORDER BY village_code, rn`,
          ),
        );
        return codes.map((code) => rows.filter((row) => row.village_code === code).map(PairingNode.from));
      })
      .load(villageCode);
  }

  /** `Village.providers`: distinct visible providers with an active pairing covering the village. */
  providersOfVillage(ctx: Context, villageCode: string): Promise<ProviderNode[]> {
    return ctx.loaders
      .get<string, ProviderNode[]>('pairing.providersOfVillage', async (codes) => {
        const rows = await query<ProviderRow & { village_code: string }>(
          ctx.em,
          withWhere(
            `SELECT DISTINCT x.code AS village_code, ${PROVIDER_COLUMNS}
             FROM village x JOIN pairing p ON ${covers('p.target_code', 'x.code')} AND p.status = 'ACTIVE' JOIN provider pr ON pr.id = p.provider_id`,
            and(inList('x.code', codes), providerPolicy.readable(ctx.viewer, { id: 'pr.id', home: 'pr.region_code' })),
            'ORDER BY village_code, pr.name, pr.id',
          ),
        );
        return codes.map((code) => rows.filter((row) => row.village_code === code).map(ProviderNode.from));
      })
      .load(villageCode);
  }

  /** `Pairing.contributions`: batched over the pairings of a request (already visible to the viewer). */
  contributions(ctx: Context, pairingId: string, args: PageArgs): Promise<ConnectionData<ContributionNode>> {
    const page = readPage(args);
    return ctx.loaders
      .get<string, ConnectionData<ContributionNode>>(`pairing.contributions:${JSON.stringify(page)}`, (keys) =>
        pagesByParent<ContributionRow, ContributionNode>(ctx, {
          keys,
          keyExpr: 'c.pairing_id',
          columns: CONTRIBUTION_COLUMNS,
          from: 'contribution c JOIN pairing p ON p.id = c.pairing_id',
          where: pairingPolicy.readable(ctx.viewer, { provider: 'p.provider_id', target: 'p.target_code' }),
          sort: CONTRIBUTION_SORT,
          page,
          cursorOf: (row) => [row.contributed_on, row.id],
          toNode: ContributionNode.from,
        }),
      )
      .load(pairingId);
  }

  /** Pledged and delivered amounts of a pairing, exact sums computed in SQL. */
  totals(ctx: Context, pairingId: string): Promise<{ pledged: string; delivered: string }> {
    return ctx.loaders
      .get<string, { pledged: string; delivered: string }>('pairing.totals', async (ids) => {
        const rows = await query<{ pairing_id: string; pledged: string; delivered: string }>(
          ctx.em,
          withWhere(
            `SELECT c.pairing_id,
               coalesce(sum(c.amount) FILTER (WHERE c.stage = 'PLEDGED'), 0)::numeric(18, 2)::text AS pledged,
               coalesce(sum(c.amount) FILTER (WHERE c.stage = 'DELIVERED'), 0)::numeric(18, 2)::text AS delivered
             FROM contribution c`,
            inList('c.pairing_id', ids),
            'GROUP BY c.pairing_id',
          ),
        );
        const byId = new Map(rows.map((row) => [row.pairing_id, row]));
        return ids.map((id) => ({
          pledged: byId.get(id)?.pledged ?? '0.00',
          delivered: byId.get(id)?.delivered ?? '0.00',
        }));
      })
      .load(pairingId);
  }

  /** `node(id)` of a contribution: visible when its pairing is. */
  async contributionById(ctx: Context, id: string): Promise<ContributionNode | null> {
    if (!isUuid(id)) return null;
    const [row] = await query<ContributionRow>(
      ctx.em,
      withWhere(
        `SELECT ${CONTRIBUTION_COLUMNS} FROM contribution c JOIN pairing p ON p.id = c.pairing_id`,
        and(
          { sql: 'c.id = ?', bindings: [id] },
          pairingPolicy.readable(ctx.viewer, { provider: 'p.provider_id', target: 'p.target_code' }),
        ),
      ),
    );
    return row ? ContributionNode.from(row) : null;
  }

  /**
   * `Region.coverage`, for many regions in one statement: key-assisted villages inside each region
   * and how many are covered by active pairings, counted over the villages and pairings the viewer
   * may see.
   */
  coverage(ctx: Context, regionCode: string): Promise<RegionCoverage> {
    return ctx.loaders
      .get<string, RegionCoverage>('pairing.coverage', async (codes) => {
        const scopes = `(VALUES ${codes.map(() => '(?::varchar, ?::text)').join(', ')}) AS s(region_code, pattern)`;
        const villages = villagePolicy.readable(ctx.viewer, 'r.code');
        const pairings = pairingPolicy.readable(ctx.viewer, { provider: 'p.provider_id', target: 'p.target_code' });
        const rows = await query<RegionCoverage & { region_code: string }>(ctx.em, {
          sql: `WITH vs AS (
              SELECT s.region_code, r.code,
                EXISTS (SELECT 1 FROM village_designation d WHERE d.village_code = r.code AND d.kind = 'KEY_ASSISTED') AS is_key,
                EXISTS (SELECT 1 FROM village_designation d WHERE d.village_code = r.code AND d.kind = 'DEMONSTRATION' AND d.level IN ('PROVINCIAL', 'MUNICIPAL')) AS is_demo
              FROM ${scopes} JOIN region r ON r.code LIKE s.pattern JOIN village v ON v.code = r.code
              WHERE ${villages.sql}
            ),
            ap AS (
              SELECT p.target_code, p.mechanism, pr.type AS provider_type, pr.unit_kind, pr.region_code AS provider_home
              FROM pairing p JOIN provider pr ON pr.id = p.provider_id
              WHERE p.status = 'ACTIVE' AND (${pairings.sql})
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
          bindings: [
            ...codes.flatMap((code) => [code, `${prefixOfCode(code)}%`]),
            ...villages.bindings,
            ...pairings.bindings,
          ],
        });
        const byCode = new Map(rows.map((row) => [row.region_code, row]));
        return codes.map((code) => {
          const row = byCode.get(code);
          return {
            keyAssistedVillages: row?.keyAssistedVillages ?? 0,
            keyAssistedVillagesPaired: row?.keyAssistedVillagesPaired ?? 0,
            keyAssistedVillagesPairedWithEnterprise: row?.keyAssistedVillagesPairedWithEnterprise ?? 0,
            demonstrationVillages: row?.demonstrationVillages ?? 0,
            demonstrationVillagesHelping: row?.demonstrationVillagesHelping ?? 0,
          };
        });
      })
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
        ? await villageService.byCode(ctx, target.code)
        : await regionService.byCode(ctx, target.code);
    if (!targetVisible) throw notFound('Target not found', 'targetId');
    const status = input.status ?? PairingStatus.PROPOSED;
    if (status !== PairingStatus.PROPOSED && status !== PairingStatus.ACTIVE)
      throw badInput('status', 'a new pairing is PROPOSED or ACTIVE');
    if (input.endDate && input.endDate < input.startDate)
      throw badInput('endDate', 'endDate must not be before startDate');
    if (input.mechanism === PairingMechanism.ENTERPRISE_VILLAGE && provider.kind !== ProviderType.ENTERPRISE) {
      throw badInput('mechanism', 'ENTERPRISE_VILLAGE (万企兴万村) pairs an enterprise with its target');
    }
    if (input.mechanism === PairingMechanism.STRONG_HELPS_WEAK) {
      if (!(
        provider.kind === ProviderType.ASSISTANCE_UNIT &&
        (provider as { unitKind?: UnitKind }).unitKind === UnitKind.DEMONSTRATION_VILLAGE
      )) {
        throw badInput('providerId', 'STRONG_HELPS_WEAK (强村带弱村) needs a demonstration-village unit as provider');
      }
      if (target.level !== PairingTargetLevel.VILLAGE)
        throw badInput('targetId', 'STRONG_HELPS_WEAK (强村带弱村) targets a village');
      if (provider.regionCode === target.code) throw badInput('targetId', 'a village cannot help itself');
    }
    const id = await ctx.em.transactional(async (em) => {
      if (status === PairingStatus.ACTIVE)
        await this.refuseSecondActive(em, provider.uuid, target.code, input.mechanism);
      const pairing = em.create(Pairing, {
        providerId: provider.uuid,
        targetCode: target.code,
        targetLevel: target.level,
        mechanism: input.mechanism,
        cooperationAreas: [...new Set(input.cooperationAreas ?? [])],
        startDate: input.startDate,
        endDate: input.endDate ?? null,
        status,
      });
      await em.flush();
      await appendEvent(em, pairingEvent(pairing.id, provider.uuid, target.code, null, status));
      return pairing.id;
    });
    ctx.events.announce();
    return this.mustSee(ctx, id);
  }

  private async refuseSecondActive(
    em: Context['em'],
    providerId: string,
    targetCode: string,
    mechanism: PairingMechanism,
    exceptId?: string,
  ): Promise<void> {
    const [existing] = await query<{ id: string }>(
      em,
      `SELECT id FROM pairing WHERE provider_id = ? AND target_code = ? AND mechanism = ? AND status = 'ACTIVE' AND id <> ?::uuid`,
      [providerId, targetCode, mechanism, exceptId ?? '00000000-0000-0000-0000-000000000000'],
    );
    if (existing)
      throw conflict('This provider already has an active pairing with this target under this mechanism', [
        'providerId',
        'targetId',
        'mechanism',
      ]);
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
      const [current] = await query<{
        status: PairingStatus;
        start_date: string;
        provider_id: string;
        target_code: string;
        mechanism: PairingMechanism;
      }>(
        em,
        'SELECT status, start_date::text AS start_date, provider_id, target_code, mechanism FROM pairing WHERE id = ? FOR UPDATE',
        [pairing.uuid],
      );
      if (!current) throw notFound('Pairing not found', 'pairingId');
      if (!PAIRING_TRANSITIONS[current.status].includes(input.status)) {
        const allowed = PAIRING_TRANSITIONS[current.status];
        throw badInput(
          'status',
          `a ${current.status} pairing cannot become ${input.status}${allowed.length ? `; allowed: ${allowed.join(', ')}` : '; it is final'}`,
        );
      }
      if (input.endDate && input.endDate < current.start_date)
        throw badInput('endDate', 'endDate must not be before startDate');
      if (input.status === PairingStatus.ACTIVE)
        await this.refuseSecondActive(em, current.provider_id, current.target_code, current.mechanism, pairing.uuid);
      await em.nativeUpdate(
        Pairing,
        { id: pairing.uuid },
        { status: input.status, ...(input.endDate ? { endDate: input.endDate } : {}), updatedAt: new Date() },
      );
      await appendEvent(
        em,
        pairingEvent(pairing.uuid, current.provider_id, current.target_code, current.status, input.status),
      );
    });
    ctx.events.announce();
    return this.mustSee(ctx, pairing.uuid);
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
        pairingId: pairing.uuid,
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
    const contribution = await this.contributionById(ctx, id);
    if (!contribution) throw notFound('Contribution is not visible');
    return { contribution, pairing };
  }

  private async mustSee(ctx: Context, id: string): Promise<PairingNode> {
    const [pairing] = await this.findByIds(ctx, [id]);
    if (!pairing) throw notFound(`Pairing ${id} is not visible`);
    return pairing;
  }
}

export const pairingService = new PairingService();
