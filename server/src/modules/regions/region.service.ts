import type { Context } from '../../core/context';
import { regionPolicy } from './region.policy';
import { badInput, conflict, notFound } from '../../core/errors';
import { and, type SqlFragment } from '../../core/sql';
import { readPage, type ConnectionData, type PageInput } from '../../core/relay/connection';
import { levelOfCode, normaliseRegionCode, parentCodeOf, prefixOfCode } from '../../core/region-codes';
import { Region, RegionLevel } from './region.entity';
import type { RegionNode } from './region.types';
import type { CreateRegionInput } from './region.inputs';
import { childrenPages, regionExists, regionPage, regionsByCodes } from './region.repository';

export interface RegionListFilter {
  parentCode?: string | null;
  level?: RegionLevel | null;
}

/** Reads a region code argument (12 digits or its short prefix form) or fails naming the argument. */
export function regionCodeArg(text: string, field: string): string {
  const code = normaliseRegionCode(text);
  if (!code)
    throw badInput(
      field,
      `${field} must be a 12-digit region code or its prefix (e.g. 3504 or 350400000000), got "${text}"`,
    );
  return code;
}

export class RegionService {
  /** Regions by code, limited to the viewer's scope; missing or hidden codes map to null. */
  async findByKeys(ctx: Context, codes: readonly string[]): Promise<(RegionNode | null)[]> {
    const found = await regionsByCodes(ctx.em, codes, regionPolicy.readable(ctx.viewer, 'r.code'));
    const byCode = new Map(found.map((region) => [region.code, region]));
    return codes.map((code) => byCode.get(code) ?? null);
  }

  /** One region by its code (the key inside its global id), batched per request. */
  byKey(ctx: Context, code: string): Promise<RegionNode | null> {
    return ctx.loaders
      .get<string, RegionNode | null>('region.byKey', (codes) => this.findByKeys(ctx, codes))
      .load(code);
  }

  /** `regions(parentCode, level)`: ordered by code, keyset-paginated, scoped. */
  list(ctx: Context, filter: RegionListFilter, args: PageInput): Promise<ConnectionData<RegionNode>> {
    const conditions: SqlFragment[] = [regionPolicy.readable(ctx.viewer, 'r.code')];
    if (filter.parentCode)
      conditions.push({ sql: 'r.parent_code = ?', bindings: [regionCodeArg(filter.parentCode, 'parentCode')] });
    if (filter.level) conditions.push({ sql: 'r.level = ?', bindings: [filter.level] });
    return regionPage(ctx, and(...conditions), readPage(args));
  }

  /**
   * `children` of many regions in two statements: one window query pages every parent's
   * children at once (row_number per parent), one grouped count gives the totals.
   */
  childrenOf(ctx: Context, parentCode: string, args: PageInput): Promise<ConnectionData<RegionNode>> {
    const scope = regionPolicy.readable(ctx.viewer, 'r.code');
    const page = readPage(args);
    return ctx.loaders
      .get<string, ConnectionData<RegionNode>>(`region.children:${page.first}:${args.after ?? ''}`, (parents) =>
        childrenPages(ctx, parents, scope, page),
      )
      .load(parentCode);
  }

  /** `createRegion`: ADMIN anywhere, REGION_OFFICIAL inside its region; level and parent come from the code. */
  async create(ctx: Context, input: CreateRegionInput): Promise<RegionNode> {
    regionPolicy.requireWrite(ctx.viewer, input.code);
    const level = levelOfCode(input.code);
    if (!level)
      throw badInput(
        'code',
        `code ${input.code} is not a statistical division code: each segment after a zero segment must be zero`,
      );
    const isCounty = level === RegionLevel.COUNTY;
    if (!isCounty && (input.formerPovertyCounty || input.keyAssistedCounty)) {
      throw badInput(
        input.formerPovertyCounty ? 'formerPovertyCounty' : 'keyAssistedCounty',
        'county flags apply to counties only',
      );
    }
    const parentCode = parentCodeOf(input.code);
    await ctx.em.transactional(async (em) => {
      if (await regionExists(em, input.code)) throw conflict(`Region ${input.code} already exists`, ['code']);
      if (parentCode && !(await regionExists(em, parentCode))) {
        throw badInput('code', `parent region ${parentCode} of ${input.code} does not exist`);
      }
      em.create(Region, {
        code: input.code,
        name: input.name.trim(),
        level: level as RegionLevel,
        parentCode,
        formerPovertyCounty: input.formerPovertyCounty ?? false,
        keyAssistedCounty: input.keyAssistedCounty ?? null,
      });
    });
    const [created] = await this.findByKeys(ctx, [input.code]);
    if (!created) throw notFound(`Region ${input.code} is not visible`);
    return created;
  }

  /** The region prefix for "inside region X" queries, after checking the caller may see X. */
  async requireVisiblePrefix(ctx: Context, code: string, field: string): Promise<string> {
    const normalised = regionCodeArg(code, field);
    const region = await this.byKey(ctx, normalised);
    if (!region) throw notFound(`Region ${normalised} not found`, field);
    return prefixOfCode(normalised);
  }
}

export const regionService = new RegionService();
