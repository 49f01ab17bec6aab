import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../core/context';
import { and, inList, query, withWhere, type SqlFragment } from '../../core/sql';
import type { ConnectionData, Page } from '../../core/relay/connection';
import type { SortColumn } from '../../core/relay/keyset';
import { keysetPage } from '../../core/relay/keyset-page';
import { pagesByParent } from '../../core/relay/batched-pages';
import { toGlobalId } from '../../core/relay/global-id';
import { LEVEL_PREFIX_LENGTH } from '../../core/region-codes';
import type { KeyAssistedCountyLevel, RegionLevel } from './region.entity';
import { RegionNode } from './region.types';

/**
 * The region tree's named queries. Each takes the scope condition from the caller (the service
 * asks `regionPolicy.readable`), so no query here decides who sees what. Regions are read with
 * `r` as the alias of `region`.
 */

/** A region row as read by every query below. */
export interface RegionRow {
  code: string;
  name: string;
  level: RegionLevel;
  parent_code: string | null;
  former_poverty_county: boolean;
  key_assisted_county: KeyAssistedCountyLevel | null;
  source: string | null;
}

const COLUMNS = 'r.code, r.name, r.level, r.parent_code, r.former_poverty_county, r.key_assisted_county, r.source';
const BY_CODE: SortColumn[] = [{ expr: 'r.code', direction: 'asc' }];

export function toRegion(row: RegionRow): RegionNode {
  const node = new RegionNode();
  node.id = toGlobalId('Region', row.code);
  node.key = row.code;
  node.code = row.code;
  node.name = row.name;
  node.level = row.level;
  node.parentCode = row.parent_code;
  node.formerPovertyCounty = row.former_poverty_county;
  node.keyAssistedCounty = row.key_assisted_county;
  node.source = row.source;
  return node;
}

/** The regions with these codes that `scope` lets through. */
export async function regionsByCodes(
  em: EntityManager,
  codes: readonly string[],
  scope: SqlFragment,
): Promise<RegionNode[]> {
  const rows = await query<RegionRow>(
    em,
    withWhere(`SELECT ${COLUMNS} FROM region r`, and(inList('r.code', codes), scope)),
  );
  return rows.map(toRegion);
}

/** One page of regions matching `where` (scope and filters), ordered by code. */
export function regionPage(ctx: Context, where: SqlFragment, page: Page): Promise<ConnectionData<RegionNode>> {
  return keysetPage<RegionRow, RegionNode>(ctx, {
    columns: COLUMNS,
    from: 'region r',
    where,
    sort: BY_CODE,
    page,
    cursorOf: (row) => [row.code],
    toNode: toRegion,
  });
}

/** The direct children of many regions, one page each, in one window query (and one count on demand). */
export function childrenPages(
  ctx: Context,
  parentCodes: readonly string[],
  scope: SqlFragment,
  page: Page,
): Promise<ConnectionData<RegionNode>[]> {
  return pagesByParent<RegionRow, RegionNode>(ctx, {
    keys: parentCodes,
    keyExpr: 'r.parent_code',
    columns: COLUMNS,
    from: 'region r',
    where: scope,
    sort: BY_CODE,
    page,
    cursorOf: (row) => [row.code],
    toNode: toRegion,
  });
}

/** Whether a region with this code exists, whoever may see it (for writes that need a parent). */
export async function regionExists(em: EntityManager, code: string): Promise<boolean> {
  const rows = await query(em, 'SELECT 1 FROM region WHERE code = ?', [code]);
  return rows.length > 0;
}

/**
 * SQL condition: `codeExpr` lies inside the region aliased `region` (or is that region), written as
 * a code range from the region's own code to its prefix padded with nines, so the region primary
 * key serves it. The prefix length follows from the level, as in `core/region-codes`.
 */
export function insideRegionSql(region: string, codeExpr: string): string {
  const lengths = Object.entries(LEVEL_PREFIX_LENGTH)
    .map(([level, length]) => `WHEN '${level}' THEN ${length}`)
    .join(' ');
  return `${codeExpr} BETWEEN ${region}.code AND rpad(left(${region}.code, CASE ${region}.level ${lengths} END), 12, '9')`;
}
