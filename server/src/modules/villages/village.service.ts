import type { Context } from '../../core/context';
import { appendEvent } from '../../core/events/event-store';
import { villagePolicy } from './village.policy';
import { badInput, conflict, notFound } from '../../core/errors';
import { and, inList, query, withWhere, type SqlFragment } from '../../core/sql';
import { fromGlobalId } from '../../core/relay/global-id';
import { readPage, toConnection, type ConnectionData, type PageInput } from '../../core/relay/connection';
import { afterSql, orderBySql, type SortColumn } from '../../core/relay/keyset';
import { levelOfCode, parentCodeOf, prefixOfCode } from '../../core/region-codes';
import { Region, RegionLevel } from '../regions/region.entity';
import { regionCodeArg } from '../regions/region.service';
import { Village, VillageDesignation, VillageIndicators, DesignationKind } from './village.entity';
import {
  OrderDirection,
  VillageOrderField,
  VillageNode,
  type VillageDesignationType,
  type VillageFilter,
  type VillageIndicatorsType,
  type VillageOrder,
  type VillageRow,
} from './village.types';
import type {
  CreateVillageInput,
  DesignateVillageInput,
  RecordVillageIndicatorsInput,
  RevokeVillageDesignationInput,
  UpdateVillageInput,
} from './village.inputs';
import { VILLAGE_INDICATORS_UPDATED } from './village.events';

const VILLAGE_SELECT =
  'SELECT r.code, r.name, r.parent_code, v.leading_industry, v.specialty_industries FROM village v JOIN region r ON r.code = v.code';

type PageArgs = PageInput;

/** Reads a Village global id from an input field, or fails naming that field. */
export function villageCodeFromId(id: string, field = 'villageId'): string {
  const decoded = fromGlobalId(id);
  if (!decoded || decoded.type !== 'Village' || levelOfCode(decoded.key) !== 'VILLAGE')
    throw badInput(field, `${field} is not a village id`);
  return decoded.key;
}

function sortOf(order: VillageOrder | undefined | null): SortColumn[] {
  const direction = order?.direction === OrderDirection.DESC ? 'desc' : 'asc';
  return order?.field === VillageOrderField.NAME
    ? [
        { expr: 'r.name', direction },
        { expr: 'r.code', direction },
      ]
    : [{ expr: 'r.code', direction }];
}

function cursorOf(order: VillageOrder | undefined | null) {
  return (row: VillageRow) => (order?.field === VillageOrderField.NAME ? [row.name, row.code] : [row.code]);
}

/** Filter conditions shared by the root list and the nested per-region lists. */
export function filterSql(filter: VillageFilter | undefined | null): SqlFragment[] {
  const parts: SqlFragment[] = [];
  if (filter?.regionCode)
    parts.push({
      sql: 'r.code LIKE ?',
      bindings: [`${prefixOfCode(regionCodeArg(filter.regionCode, 'regionCode'))}%`],
    });
  for (const kind of new Set(filter?.designations ?? [])) {
    parts.push({
      sql: 'EXISTS (SELECT 1 FROM village_designation d WHERE d.village_code = r.code AND d.kind = ?)',
      bindings: [kind],
    });
  }
  if (filter?.search) {
    const escaped = filter.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`);
    parts.push({ sql: '(r.name LIKE ? OR r.code LIKE ?)', bindings: [`%${escaped}%`, `${escaped}%`] });
  }
  return parts;
}

export class VillageService {
  async findByCodes(ctx: Context, codes: readonly string[]): Promise<(VillageNode | null)[]> {
    const rows = await query<VillageRow>(
      ctx.em,
      withWhere(VILLAGE_SELECT, and(inList('v.code', codes), villagePolicy.readable(ctx.viewer, 'v.code'))),
    );
    const byCode = new Map(rows.map((row) => [row.code, VillageNode.from(row)]));
    return codes.map((code) => byCode.get(code) ?? null);
  }

  byCode(ctx: Context, code: string): Promise<VillageNode | null> {
    return ctx.loaders
      .get<string, VillageNode | null>('village.byCode', (codes) => this.findByCodes(ctx, codes))
      .load(code);
  }

  /** A village the caller may see, or NOT_FOUND naming the input field (hidden and absent look the same). */
  async require(ctx: Context, villageId: string, field = 'villageId'): Promise<VillageNode> {
    const village = await this.byCode(ctx, villageCodeFromId(villageId, field));
    if (!village) throw notFound('Village not found', field);
    return village;
  }

  /** `villages(filter, first, after, orderBy)`. */
  async list(
    ctx: Context,
    filter: VillageFilter | undefined,
    args: PageArgs,
    order?: VillageOrder | null,
  ): Promise<ConnectionData<VillageNode>> {
    const page = readPage(args);
    const sort = sortOf(order);
    const where = and(villagePolicy.readable(ctx.viewer, 'r.code'), ...filterSql(filter));
    const seek = page.after ? afterSql(sort, page.after) : undefined;
    const rows = await query<VillageRow>(
      ctx.em,
      withWhere(
        VILLAGE_SELECT,
        seek ? and(where, seek) : where,
        `ORDER BY ${orderBySql(sort)} LIMIT ${page.first + 1}`,
      ),
    );
    return toConnection(rows, page, cursorOf(order), VillageNode.from, async () => {
      const [{ count }] = await query<{ count: number }>(
        ctx.em,
        withWhere('SELECT count(*)::int AS count FROM village v JOIN region r ON r.code = v.code', where),
      );
      return count;
    });
  }

  /**
   * `Region.villages`: the villages inside many regions, paged per region in one window query
   * (each region's prefix joined in from a VALUES list) plus one grouped count.
   */
  inRegion(
    ctx: Context,
    regionCode: string,
    filter: VillageFilter | undefined,
    args: PageArgs,
    order?: VillageOrder | null,
  ): Promise<ConnectionData<VillageNode>> {
    const page = readPage(args);
    const key = `village.inRegion:${JSON.stringify([filter ?? null, page, order ?? null])}`;
    const loader = ctx.loaders.get<string, ConnectionData<VillageNode>>(key, async (regionCodes) => {
      const sort = sortOf(order);
      const prefixes = regionCodes.map((code) => [code, `${prefixOfCode(code)}%`]);
      const scopes = `(VALUES ${prefixes.map(() => '(?::varchar, ?::text)').join(', ')}) AS p(region_code, pattern)`;
      const where = and(
        { sql: 'r.code LIKE p.pattern', bindings: [] },
        villagePolicy.readable(ctx.viewer, 'r.code'),
        ...filterSql(filter),
      );
      const seek = page.after ? afterSql(sort, page.after) : undefined;
      const paged = withWhere(
        `SELECT * FROM (SELECT p.region_code AS scope_code, r.code, r.name, r.parent_code, v.leading_industry, v.specialty_industries,
           row_number() OVER (PARTITION BY p.region_code ORDER BY ${orderBySql(sort)}) AS rn
         FROM ${scopes} JOIN region r ON true JOIN village v ON v.code = r.code`,
        seek ? and(where, seek) : where,
        `) paged WHERE rn <= ${page.first + 1} ORDER BY scope_code, rn`,
      );
      const rows = await query<VillageRow & { scope_code: string }>(ctx.em, {
        sql: paged.sql,
        bindings: [...prefixes.flat(), ...paged.bindings],
      });
      const totals = withWhere(
        `SELECT p.region_code, count(*)::int AS count FROM ${scopes} JOIN region r ON true JOIN village v ON v.code = r.code`,
        where,
        'GROUP BY p.region_code',
      );
      let counted: Promise<Map<string, number>> | undefined;
      const countFor = async (code: string) => {
        counted ??= query<{ region_code: string; count: number }>(ctx.em, {
          sql: totals.sql,
          bindings: [...prefixes.flat(), ...totals.bindings],
        }).then((found) => new Map(found.map((f) => [f.region_code, f.count])));
        return (await counted).get(code) ?? 0;
      };
      return regionCodes.map((code) =>
        toConnection(
          rows.filter((row) => row.scope_code === code),
          page,
          cursorOf(order),
          VillageNode.from,
          () => countFor(code),
        ),
      );
    });
    return loader.load(regionCode);
  }

  designations(ctx: Context, code: string): Promise<VillageDesignationType[]> {
    const loader = ctx.loaders.get<string, VillageDesignationType[]>('village.designations', async (codes) => {
      const rows = await query<{
        village_code: string;
        kind: DesignationKind;
        level: VillageDesignationType['level'];
        since_year: number | null;
      }>(
        ctx.em,
        withWhere(
          'SELECT village_code, kind, level, since_year FROM village_designation',
          inList('village_code', codes),
          'ORDER BY village_code, kind',
        ),
      );
      return codes.map((c) =>
        rows
          .filter((r) => r.village_code === c)
          .map((r) => ({ kind: r.kind, level: r.level, sinceYear: r.since_year })),
      );
    });
    return loader.load(code);
  }

  /** Indicators of one year, or each village's latest year when `year` is null. */
  indicators(ctx: Context, code: string, year: number | null | undefined): Promise<VillageIndicatorsType | null> {
    const loader = ctx.loaders.get<string, VillageIndicatorsType | null>(
      `village.indicators:${year ?? 'latest'}`,
      async (codes) => {
        const rows = await query<Record<string, unknown>>(
          ctx.em,
          withWhere(
            `SELECT DISTINCT ON (village_code) ${INDICATOR_COLUMNS} FROM village_indicators`,
            and(
              inList('village_code', codes),
              year == null ? { sql: 'true', bindings: [] } : { sql: 'year = ?', bindings: [year] },
            ),
            'ORDER BY village_code, year DESC',
          ),
        );
        const byCode = new Map(rows.map((row) => [row.village_code as string, toIndicators(row)]));
        return codes.map((c) => byCode.get(c) ?? null);
      },
    );
    return loader.load(code);
  }

  indicatorHistory(ctx: Context, code: string): Promise<VillageIndicatorsType[]> {
    const loader = ctx.loaders.get<string, VillageIndicatorsType[]>('village.indicatorHistory', async (codes) => {
      const rows = await query<Record<string, unknown>>(
        ctx.em,
        withWhere(
          `SELECT ${INDICATOR_COLUMNS} FROM village_indicators`,
          inList('village_code', codes),
          'ORDER BY village_code, year',
        ),
      );
      return codes.map((c) => rows.filter((r) => r.village_code === c).map(toIndicators));
    });
    return loader.load(code);
  }

  async create(ctx: Context, input: CreateVillageInput): Promise<VillageNode> {
    villagePolicy.requireWrite(ctx.viewer, input.code);
    if (levelOfCode(input.code) !== RegionLevel.VILLAGE) {
      throw badInput(
        'code',
        `code ${input.code} is not a village code: 12 digits with a non-zero last three-digit segment under a township`,
      );
    }
    const townshipCode = parentCodeOf(input.code)!;
    await ctx.em.transactional(async (em) => {
      const township = await em.findOne(Region, { code: townshipCode });
      if (!township) throw badInput('code', `code: township ${townshipCode} of village ${input.code} does not exist`);
      if (await em.findOne(Region, { code: input.code }))
        throw conflict(`Region ${input.code} already exists`, ['code']);
      em.create(Region, {
        code: input.code,
        name: input.name.trim(),
        level: RegionLevel.VILLAGE,
        parentCode: townshipCode,
        formerPovertyCounty: false,
        keyAssistedCounty: null,
      });
      await em.flush(); // the region row must exist before the profile that references it
      em.create(Village, {
        code: input.code,
        leadingIndustry: input.leadingIndustry ?? null,
        specialtyIndustries: dedupe(input.specialtyIndustries),
      });
    });
    return this.mustSee(ctx, input.code);
  }

  async update(ctx: Context, input: UpdateVillageInput): Promise<VillageNode> {
    const code = (await this.require(ctx, input.villageId)).code;
    villagePolicy.requireWrite(ctx.viewer, code);
    await ctx.em.transactional(async (em) => {
      const village = await em.findOneOrFail(Village, { code });
      if (input.name !== undefined) (await em.findOneOrFail(Region, { code })).name = input.name.trim();
      if (input.leadingIndustry !== undefined) village.leadingIndustry = input.leadingIndustry;
      if (input.specialtyIndustries !== undefined) village.specialtyIndustries = dedupe(input.specialtyIndustries);
    });
    return this.mustSee(ctx, code);
  }

  async recordIndicators(
    ctx: Context,
    input: RecordVillageIndicatorsInput,
  ): Promise<{ village: VillageNode; indicators: VillageIndicatorsType }> {
    const village = await this.require(ctx, input.villageId);
    villagePolicy.requireWrite(ctx.viewer, village.code);
    const nextYear = new Date().getFullYear() + 1;
    if (input.year > nextYear) throw badInput('year', `year must be ${nextYear} or earlier`);
    for (const field of ['perCapitaDisposableIncome', 'farmlandMu', 'forestMu'] as const) {
      if (input[field] != null && Number(input[field]) < 0) throw badInput(field, `${field} must not be negative`);
    }
    for (const field of ['highStandardFarmlandShare', 'tapWaterCoverage', 'sanitaryToiletCoverage'] as const) {
      const value = input[field];
      if (value != null && (Number(value) < 0 || Number(value) > 100))
        throw badInput(field, `${field} is a percentage between 0 and 100`);
    }
    await ctx.em.transactional(async (em) => {
      const existing = await em.findOne(VillageIndicators, { villageCode: village.code, year: input.year });
      const row = existing ?? em.create(VillageIndicators, { villageCode: village.code, year: input.year });
      // Recording a year replaces the whole row: fields left out become unknown, not stale.
      em.assign(row, {
        households: input.households ?? null,
        population: input.population ?? null,
        perCapitaDisposableIncome: input.perCapitaDisposableIncome ?? null,
        collectiveIncome: input.collectiveIncome ?? null,
        farmlandMu: input.farmlandMu ?? null,
        forestMu: input.forestMu ?? null,
        highStandardFarmlandShare: input.highStandardFarmlandShare ?? null,
        tapWaterCoverage: input.tapWaterCoverage ?? null,
        sanitaryToiletCoverage: input.sanitaryToiletCoverage ?? null,
        recordedAt: new Date(),
      });
      await em.flush();
      await appendEvent(em, {
        topic: VILLAGE_INDICATORS_UPDATED,
        regionCode: village.code,
        partnerAccess: 'ASSIGNED_VILLAGE',
        payload: { villageCode: village.code, year: input.year },
      });
    });
    ctx.events.announce();
    const [row] = await query<Record<string, unknown>>(
      ctx.em,
      `SELECT ${INDICATOR_COLUMNS} FROM village_indicators WHERE village_code = ? AND year = ?`,
      [village.code, input.year],
    );
    return { village, indicators: toIndicators(row) };
  }

  async designate(
    ctx: Context,
    input: DesignateVillageInput,
  ): Promise<{ village: VillageNode; designation: VillageDesignationType }> {
    const village = await this.require(ctx, input.villageId);
    villagePolicy.requireWrite(ctx.viewer, village.code);
    await ctx.em.transactional(async (em) => {
      if (await em.findOne(VillageDesignation, { villageCode: village.code, kind: input.kind })) {
        throw conflict(`Village ${village.code} already holds designation ${input.kind}`, ['kind']);
      }
      em.create(VillageDesignation, {
        villageCode: village.code,
        kind: input.kind,
        level: input.level ?? null,
        sinceYear: input.sinceYear ?? null,
      });
    });
    return {
      village,
      designation: { kind: input.kind, level: input.level ?? null, sinceYear: input.sinceYear ?? null },
    };
  }

  async revokeDesignation(ctx: Context, input: RevokeVillageDesignationInput): Promise<VillageNode> {
    const village = await this.require(ctx, input.villageId);
    villagePolicy.requireWrite(ctx.viewer, village.code);
    await ctx.em.transactional(async (em) => {
      const designation = await em.findOne(VillageDesignation, { villageCode: village.code, kind: input.kind });
      if (!designation) throw notFound(`Village ${village.code} does not hold designation ${input.kind}`, 'kind');
      em.remove(designation);
    });
    return village;
  }

  private async mustSee(ctx: Context, code: string): Promise<VillageNode> {
    const [village] = await this.findByCodes(ctx, [code]);
    if (!village) throw notFound(`Village ${code} not found`);
    return village;
  }
}

const INDICATOR_COLUMNS = `village_code, year, households, population, per_capita_disposable_income, collective_income, farmland_mu, forest_mu,
  high_standard_farmland_share, tap_water_coverage, sanitary_toilet_coverage`;

function toIndicators(row: Record<string, unknown>): VillageIndicatorsType {
  return {
    villageCode: row.village_code as string,
    year: row.year as number,
    households: row.households as number | null,
    population: row.population as number | null,
    perCapitaDisposableIncome: row.per_capita_disposable_income as string | null,
    collectiveIncome: row.collective_income as string | null,
    farmlandMu: row.farmland_mu as string | null,
    forestMu: row.forest_mu as string | null,
    highStandardFarmlandShare: row.high_standard_farmland_share as string | null,
    tapWaterCoverage: row.tap_water_coverage as string | null,
    sanitaryToiletCoverage: row.sanitary_toilet_coverage as string | null,
  };
}

const dedupe = (values: string[] | undefined) => [...new Set((values ?? []).map((v) => v.trim()).filter(Boolean))];

export const villageService = new VillageService();
