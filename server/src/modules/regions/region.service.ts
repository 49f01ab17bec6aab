import type { Context } from '../../core/context';
import { regionPolicy } from './region.policy';
import { badInput, conflict, notFound } from '../../core/errors';
import { and, inList, query, withWhere, type SqlFragment } from '../../core/sql';
import { readPage, toConnection, type ConnectionData } from '../../core/relay/connection';
import { afterSql } from '../../core/relay/keyset';
import { pagesByParent } from '../../core/relay/batched-pages';
import { levelOfCode, normaliseRegionCode, parentCodeOf, prefixOfCode } from '../../core/region-codes';
import { Region, RegionLevel } from './region.entity';
import { RegionNode, type RegionRow } from './region.types';
import type { CreateRegionInput } from './region.inputs';

const REGION_COLUMNS = 'r.code, r.name, r.level, r.parent_code, r.former_poverty_county, r.key_assisted_county';

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
  async findByCodes(ctx: Context, codes: readonly string[]): Promise<(RegionNode | null)[]> {
    const rows = await query<RegionRow>(
      ctx.em,
      withWhere(
        `SELECT ${REGION_COLUMNS} FROM region r`,
        and(inList('r.code', codes), regionPolicy.readable(ctx.viewer, 'r.code')),
      ),
    );
    const byCode = new Map(rows.map((row) => [row.code, RegionNode.from(row)]));
    return codes.map((code) => byCode.get(code) ?? null);
  }

  byCode(ctx: Context, code: string): Promise<RegionNode | null> {
    const loader = ctx.loaders.get<string, RegionNode | null>('region.byCode', (codes) => this.findByCodes(ctx, codes));
    return loader.load(code);
  }

  /** `regions(parentCode, level)`: ordered by code, keyset-paginated, scoped. */
  async list(
    ctx: Context,
    filter: RegionListFilter,
    args: { first?: number | null; after?: string | null },
  ): Promise<ConnectionData<RegionNode>> {
    const page = readPage(args);
    const conditions: SqlFragment[] = [regionPolicy.readable(ctx.viewer, 'r.code')];
    if (filter.parentCode)
      conditions.push({ sql: 'r.parent_code = ?', bindings: [regionCodeArg(filter.parentCode, 'parentCode')] });
    if (filter.level) conditions.push({ sql: 'r.level = ?', bindings: [filter.level] });
    const where = and(...conditions);
    const seek = page.after ? afterSql([{ expr: 'r.code', direction: 'asc' }], page.after) : undefined;
    const rows = await query<RegionRow>(
      ctx.em,
      withWhere(
        `SELECT ${REGION_COLUMNS} FROM region r`,
        seek ? and(where, seek) : where,
        `ORDER BY r.code LIMIT ${page.first + 1}`,
      ),
    );
    return toConnection(
      rows,
      page,
      (row) => [row.code],
      RegionNode.from,
      async () => {
        const [{ count }] = await query<{ count: number }>(
          ctx.em,
          withWhere('SELECT count(*)::int AS count FROM region r', where),
        );
        return count;
      },
    );
  }

  /**
   * `children` of many regions in two statements: one window query pages every parent's
   * children at once (row_number per parent), one grouped count gives the totals.
   */
  childrenOf(
    ctx: Context,
    parentCode: string,
    args: { first?: number | null; after?: string | null },
  ): Promise<ConnectionData<RegionNode>> {
    const page = readPage(args);
    const loader = ctx.loaders.get<string, ConnectionData<RegionNode>>(
      `region.children:${page.first}:${args.after ?? ''}`,
      (parents) =>
        pagesByParent<RegionRow, RegionNode>(ctx, {
          keys: parents,
          keyExpr: 'r.parent_code',
          columns: REGION_COLUMNS,
          from: 'region r',
          where: regionPolicy.readable(ctx.viewer, 'r.code'),
          sort: [{ expr: 'r.code', direction: 'asc' }],
          page,
          cursorOf: (row) => [row.code],
          toNode: RegionNode.from,
        }),
    );
    return loader.load(parentCode);
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
      if (await em.findOne(Region, { code: input.code }))
        throw conflict(`Region ${input.code} already exists`, ['code']);
      if (parentCode && !(await em.findOne(Region, { code: parentCode }))) {
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
    const [created] = await this.findByCodes(ctx, [input.code]);
    if (!created) throw notFound(`Region ${input.code} is not visible`);
    return created;
  }

  /** The region prefix for "inside region X" queries, after checking the caller may see X. */
  async requireVisiblePrefix(ctx: Context, code: string, field: string): Promise<string> {
    const normalised = regionCodeArg(code, field);
    const region = await this.byCode(ctx, normalised);
    if (!region) throw notFound(`Region ${normalised} not found`, field);
    return prefixOfCode(normalised);
  }
}

export const regionService = new RegionService();
