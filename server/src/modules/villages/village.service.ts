import type { Context } from '../../core/context';
import { appendEvent } from '../../core/events/event-store';
import { villagePolicy } from './village.policy';
import { badInput, conflict, notFound } from '../../core/errors';
import { and, sqlTrue, type SqlFragment } from '../../core/sql';
import { todayInShanghai } from '../../core/dates';
import { fromGlobalId } from '../../core/relay/global-id';
import { readPage, type ConnectionData, type PageInput } from '../../core/relay/connection';
import { levelOfCode, parentCodeOf, prefixOfCode } from '../../core/region-codes';
import { Region, RegionLevel } from '../regions/region.entity';
import { regionExists } from '../regions/region.repository';
import { regionCodeArg } from '../regions/region.service';
import { Village, VillageDesignation } from './village.entity';
import {
  INDICATOR_FIELDS,
  changedFields,
  implausibleIndicators,
  mergeIndicators,
  type IndicatorChanges,
} from './indicator.rules';
import {
  OrderDirection,
  VillageOrderField,
  type VillageDesignationType,
  type VillageFilter,
  type VillageIndicatorChangeType,
  type VillageIndicatorsType,
  type VillageIndustryType,
  type VillageNode,
  type VillageOrder,
} from './village.types';
import type {
  CreateVillageInput,
  DesignateVillageInput,
  RecordVillageIndicatorsInput,
  RecordVillageIndustryInput,
  RevokeVillageDesignationInput,
  UpdateVillageInput,
} from './village.inputs';
import { VILLAGE_INDICATORS_UPDATED } from './village.events';
import {
  VILLAGES_BY_CODE,
  designationsOf,
  indicatorChangePages,
  indicatorValues,
  indicatorYearsOf,
  indicatorsOf,
  indicatorsOfYear,
  industriesOf,
  saveIndustrySince,
  insertIndicatorChange,
  lockIndicatorYear,
  saveIndicatorYear,
  villagePage,
  villagePagesInRegions,
  villagesByCodes,
  type VillageSort,
} from './village.repository';

/** Reads a Village global id from an input field, or fails naming that field. */
export function villageCodeFromId(id: string, field = 'villageId'): string {
  const decoded = fromGlobalId(id);
  if (!decoded || decoded.type !== 'Village' || levelOfCode(decoded.key) !== 'VILLAGE')
    throw badInput(field, `${field} is not a village id`);
  return decoded.key;
}

const BY_NAME_ASC: VillageSort = {
  sort: [
    { expr: 'r.name', direction: 'asc' },
    { expr: 'r.code', direction: 'asc' },
  ],
  cursorOf: (row) => [row.name, row.code],
};

function sortOf(order: VillageOrder | undefined | null): VillageSort {
  const byName = order?.field === VillageOrderField.NAME;
  if (order?.direction !== OrderDirection.DESC) return byName ? BY_NAME_ASC : VILLAGES_BY_CODE;
  const base = byName ? BY_NAME_ASC : VILLAGES_BY_CODE;
  return { sort: base.sort.map((s) => ({ ...s, direction: 'desc' })), cursorOf: base.cursorOf };
}

/** Filter conditions over `r` shared by every village list (root, per region, per provider). */
export function villageFilterSql(filter: VillageFilter | undefined | null): SqlFragment[] {
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
  /** Villages by code, limited to the viewer's scope; missing or hidden codes map to null. */
  async findByKeys(ctx: Context, codes: readonly string[]): Promise<(VillageNode | null)[]> {
    const found = await villagesByCodes(ctx.em, codes, villagePolicy.readable(ctx.viewer, 'r.code'));
    const byCode = new Map(found.map((village) => [village.code, village]));
    return codes.map((code) => byCode.get(code) ?? null);
  }

  /** One village by its code (the key inside its global id), batched per request. */
  byKey(ctx: Context, code: string): Promise<VillageNode | null> {
    return ctx.loaders
      .get<string, VillageNode | null>('village.byKey', (codes) => this.findByKeys(ctx, codes))
      .load(code);
  }

  /** A village the caller may see, or NOT_FOUND naming the input field (hidden and absent look the same). */
  async require(ctx: Context, villageId: string, field = 'villageId'): Promise<VillageNode> {
    const village = await this.byKey(ctx, villageCodeFromId(villageId, field));
    if (!village) throw notFound('Village not found', field);
    return village;
  }

  /** `villages(filter, first, after, orderBy)`. */
  list(
    ctx: Context,
    filter: VillageFilter | undefined,
    args: PageInput,
    order?: VillageOrder | null,
  ): Promise<ConnectionData<VillageNode>> {
    const where = and(villagePolicy.readable(ctx.viewer, 'r.code'), ...villageFilterSql(filter));
    return villagePage(ctx, where, sortOf(order), readPage(args));
  }

  /**
   * `Region.villages`: the villages inside many regions, paged per region in one window query
   * plus one grouped count.
   */
  inRegion(
    ctx: Context,
    regionCode: string,
    filter: VillageFilter | undefined,
    args: PageInput,
    order?: VillageOrder | null,
  ): Promise<ConnectionData<VillageNode>> {
    const where = and(villagePolicy.readable(ctx.viewer, 'r.code'), ...villageFilterSql(filter));
    const page = readPage(args);
    return ctx.loaders
      .get<string, ConnectionData<VillageNode>>(
        `village.inRegion:${JSON.stringify([filter ?? null, page, order ?? null])}`,
        (regionCodes) => villagePagesInRegions(ctx, regionCodes, where, sortOf(order), page),
      )
      .load(regionCode);
  }

  /** `Village.designations`, batched; the village itself is already visible. */
  designations(ctx: Context, code: string): Promise<VillageDesignationType[]> {
    return ctx.loaders
      .get<string, VillageDesignationType[]>('village.designations', (codes) =>
        designationsOf(ctx.em, codes, villagePolicy.readable(ctx.viewer, 'village_code')),
      )
      .load(code);
  }

  /** Indicators of one year, or each village's latest year when `year` is null. */
  indicators(ctx: Context, code: string, year: number | null | undefined): Promise<VillageIndicatorsType | null> {
    return ctx.loaders
      .get<string, VillageIndicatorsType | null>(`village.indicators:${year ?? 'latest'}`, (codes) =>
        indicatorsOf(ctx.em, codes, year ?? null, villagePolicy.readable(ctx.viewer, 'village_code')),
      )
      .load(code);
  }

  /** `Village.industries`, batched; the village itself is already visible. */
  industries(ctx: Context, code: string): Promise<VillageIndustryType[]> {
    return ctx.loaders
      .get<string, VillageIndustryType[]>('village.industries', (codes) =>
        industriesOf(ctx.em, codes, villagePolicy.readable(ctx.viewer, 'n.village_code')),
      )
      .load(code);
  }

  /** `recordVillageIndustry`: the industry must be one the profile lists; the year not after the current one. */
  async recordIndustry(
    ctx: Context,
    input: RecordVillageIndustryInput,
  ): Promise<{ village: VillageNode; industry: VillageIndustryType }> {
    const code = villageCodeFromId(input.villageId);
    villagePolicy.requireWrite(ctx.viewer, code);
    const village = await this.require(ctx, input.villageId);
    const currentYear = Number(todayInShanghai().slice(0, 4));
    if (input.sinceYear != null && input.sinceYear > currentYear)
      throw badInput('sinceYear', `sinceYear must not be after the current year ${currentYear} (Asia/Shanghai)`);
    const name = input.name.trim();
    const industry = await ctx.em.transactional(async (em) => {
      const listed = (await industriesOf(em, [code]))[0].find((i) => i.name === name);
      if (!listed)
        throw badInput('name', `${name} is not an industry of the village profile; add it with updateVillage first`);
      await saveIndustrySince(em, code, name, input.sinceYear ?? null);
      return (await industriesOf(em, [code]))[0].find((i) => i.name === name)!;
    });
    return { village, industry };
  }

  /** `Village.indicatorHistory`: every recorded year, oldest first. */
  indicatorHistory(ctx: Context, code: string): Promise<VillageIndicatorsType[]> {
    return ctx.loaders
      .get<string, VillageIndicatorsType[]>('village.indicatorHistory', (codes) =>
        indicatorYearsOf(ctx.em, codes, villagePolicy.readable(ctx.viewer, 'village_code')),
      )
      .load(code);
  }

  /** `createVillage`: the township must exist; the region row and the profile are written together. */
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
      if (!(await regionExists(em, townshipCode)))
        throw badInput('code', `code: township ${townshipCode} of village ${input.code} does not exist`);
      if (await regionExists(em, input.code)) throw conflict(`Region ${input.code} already exists`, ['code']);
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
        mainIndustries: dedupe(input.mainIndustries),
      });
    });
    return this.mustSee(ctx, input.code);
  }

  /** `updateVillage`: omitted fields stay as they are. */
  async update(ctx: Context, input: UpdateVillageInput): Promise<VillageNode> {
    const code = villageCodeFromId(input.villageId);
    villagePolicy.requireWrite(ctx.viewer, code);
    await this.require(ctx, input.villageId);
    await ctx.em.transactional(async (em) => {
      const village = await em.findOneOrFail(Village, { code });
      if (input.name !== undefined) (await em.findOneOrFail(Region, { code })).name = input.name.trim();
      if (input.leadingIndustry !== undefined) village.leadingIndustry = input.leadingIndustry;
      if (input.specialtyIndustries !== undefined) village.specialtyIndustries = dedupe(input.specialtyIndustries);
      if (input.mainIndustries !== undefined) village.mainIndustries = dedupe(input.mainIndustries);
    });
    return this.mustSee(ctx, code);
  }

  /**
   * `recordVillageIndicators`: merges the recording into the year (a field left out keeps its
   * value, an explicit null clears it), refuses implausible figures naming the field, and keeps
   * the change with who made it and when. The year's row is locked, so concurrent recordings of
   * one year merge one after the other.
   */
  async recordIndicators(
    ctx: Context,
    input: RecordVillageIndicatorsInput,
  ): Promise<{ village: VillageNode; indicators: VillageIndicatorsType }> {
    const code = villageCodeFromId(input.villageId);
    villagePolicy.requireWrite(ctx.viewer, code);
    const village = await this.require(ctx, input.villageId);
    const changes: IndicatorChanges = Object.fromEntries(
      INDICATOR_FIELDS.filter((field) => input[field] !== undefined).map((field) => [field, input[field]]),
    );
    const currentYear = Number(todayInShanghai().slice(0, 4));
    const indicators = await ctx.em.transactional(async (em) => {
      const before = await lockIndicatorYear(em, code, input.year);
      const values = mergeIndicators(indicatorValues(before), changes);
      const problem = implausibleIndicators(input.year, values, new Set(Object.keys(changes)), currentYear);
      if (problem) throw badInput(problem.fields, problem.message);
      await saveIndicatorYear(em, code, input.year, values);
      const after = (await indicatorsOfYear(em, code, input.year))!;
      await insertIndicatorChange(em, {
        villageCode: code,
        year: input.year,
        role: ctx.viewer.role,
        by: ctx.viewer.subject ?? ctx.viewer.role,
        fields: changedFields(indicatorValues(before), values),
        before,
        after,
      });
      await appendEvent(em, {
        topic: VILLAGE_INDICATORS_UPDATED,
        regionCode: code,
        partnerAccess: 'ASSIGNED_VILLAGE',
        payload: { villageCode: code, year: input.year },
      });
      return after;
    });
    ctx.events.announce();
    return { village, indicators };
  }

  /** `Village.indicatorChanges(year)`: the recordings of the village's indicators, newest first. */
  indicatorChanges(
    ctx: Context,
    code: string,
    year: number | null | undefined,
    args: PageInput,
  ): Promise<ConnectionData<VillageIndicatorChangeType>> {
    const where = and(
      villagePolicy.readable(ctx.viewer, 'ch.village_code'),
      year == null ? sqlTrue : { sql: 'ch.year = ?', bindings: [year] },
    );
    const page = readPage(args);
    return ctx.loaders
      .get<string, ConnectionData<VillageIndicatorChangeType>>(
        `village.indicatorChanges:${JSON.stringify([year ?? null, page])}`,
        (codes) => indicatorChangePages(ctx, codes, where, page),
      )
      .load(code);
  }

  async designate(
    ctx: Context,
    input: DesignateVillageInput,
  ): Promise<{ village: VillageNode; designation: VillageDesignationType }> {
    villagePolicy.requireWrite(ctx.viewer, villageCodeFromId(input.villageId));
    const village = await this.require(ctx, input.villageId);
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
      designation: { kind: input.kind, level: input.level ?? null, sinceYear: input.sinceYear ?? null, source: null },
    };
  }

  async revokeDesignation(ctx: Context, input: RevokeVillageDesignationInput): Promise<VillageNode> {
    villagePolicy.requireWrite(ctx.viewer, villageCodeFromId(input.villageId));
    const village = await this.require(ctx, input.villageId);
    await ctx.em.transactional(async (em) => {
      const designation = await em.findOne(VillageDesignation, { villageCode: village.code, kind: input.kind });
      if (!designation) throw notFound(`Village ${village.code} does not hold designation ${input.kind}`, 'kind');
      em.remove(designation);
    });
    return village;
  }

  private async mustSee(ctx: Context, code: string): Promise<VillageNode> {
    const [village] = await this.findByKeys(ctx, [code]);
    if (!village) throw notFound(`Village ${code} not found`);
    return village;
  }
}

const dedupe = (values: string[] | null | undefined) => [
  ...new Set((values ?? []).map((v) => v.trim()).filter(Boolean)),
];

export const villageService = new VillageService();
