import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../core/context';
import { and, inList, query, withWhere, type SqlFragment } from '../../core/sql';
import { toGlobalId } from '../../core/relay/global-id';
import { keysetPage } from '../../core/relay/keyset-page';
import type { ConnectionData, Page } from '../../core/relay/connection';
import type { SortColumn } from '../../core/relay/keyset';
import { CITY_AND_COUNTY_BUDGET_SOURCES, FundSource } from './funds.enums';
import { FundAllocationNode } from './fund.types';
import { aprilDeadline, keyVillageShareSumsSql, metSql, shareSql } from './fund-rules';
import { write } from './write';

/** The named queries of fund allocations (资金下达) and the rules computed over them. */

export interface AllocationRow {
  id: string;
  county_code: string;
  year: number;
  source: FundSource;
  provider_id: string | null;
  amount: string;
  document_number: string | null;
  allocated_on: string;
  in_place_on: string | null;
  note: string | null;
}

export const ALLOCATION_COLUMNS = `fa.id, fa.county_code, fa.year, fa.source, fa.provider_id, fa.amount::text AS amount,
  fa.document_number, fa.allocated_on::text AS allocated_on, fa.in_place_on::text AS in_place_on, fa.note`;

export function toAllocationNode(row: AllocationRow): FundAllocationNode {
  const node = new FundAllocationNode();
  node.id = toGlobalId('FundAllocation', row.id);
  node.uuid = row.id;
  node.countyCode = row.county_code;
  node.providerId = row.provider_id;
  node.year = row.year;
  node.source = row.source;
  node.amount = row.amount;
  node.documentNumber = row.document_number;
  node.allocatedOn = row.allocated_on;
  node.inPlaceOn = row.in_place_on;
  // Dates are YYYY-MM-DD strings, so text order is calendar order.
  node.inPlaceByDeadline = row.in_place_on !== null && row.in_place_on <= aprilDeadline(row.year);
  node.note = row.note;
  return node;
}

/** Newest year first, then in the order allocated. */
const ALLOCATION_SORT: SortColumn[] = [
  { expr: 'fa.year', direction: 'desc' },
  { expr: 'fa.allocated_on', direction: 'asc' },
  { expr: 'fa.id', direction: 'asc' },
];

export function allocationsByIds(
  em: EntityManager,
  ids: readonly string[],
  scope: SqlFragment,
): Promise<AllocationRow[]> {
  return query<AllocationRow>(
    em,
    withWhere(`SELECT ${ALLOCATION_COLUMNS} FROM fund_allocation fa`, and(inList('fa.id', ids), scope)),
  );
}

export function allocationPage(
  ctx: Context,
  where: SqlFragment,
  page: Page,
): Promise<ConnectionData<FundAllocationNode>> {
  return keysetPage(ctx, {
    columns: ALLOCATION_COLUMNS,
    from: 'fund_allocation fa',
    where,
    sort: ALLOCATION_SORT,
    page,
    cursorOf: (row: AllocationRow) => [row.year, row.allocated_on, row.id],
    toNode: toAllocationNode,
  });
}

/** Paid from each allocation (all payments: an allocation's use is not a matter of who looks). */
export function paidFromAllocations(
  em: EntityManager,
  ids: readonly string[],
): Promise<{ id: string; paid: string }[]> {
  return query<{ id: string; paid: string }>(
    em,
    withWhere(
      `SELECT fa.id, (SELECT coalesce(sum(pp.amount), 0.00) FROM project_payment pp WHERE pp.allocation_id = fa.id)::text AS paid
       FROM fund_allocation fa`,
      inList('fa.id', ids),
    ),
  );
}

export async function insertAllocation(
  em: EntityManager,
  allocation: {
    countyCode: string;
    year: number;
    source: FundSource;
    providerId: string | null;
    amount: string;
    documentNumber: string | null;
    allocatedOn: string;
    inPlaceOn: string | null;
    note: string | null;
  },
): Promise<string> {
  const [{ id }] = await write<{ id: string }>(em, {
    sql: `INSERT INTO fund_allocation (county_code, year, source, provider_id, amount, document_number, allocated_on, in_place_on, note)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    bindings: [
      allocation.countyCode,
      allocation.year,
      allocation.source,
      allocation.providerId,
      allocation.amount,
      allocation.documentNumber,
      allocation.allocatedOn,
      allocation.inPlaceOn,
      allocation.note,
    ],
  });
  return id;
}

/** The allocation row, locked until the transaction ends (payments and the in-place date serialise on it). */
export async function lockAllocation(em: EntityManager, id: string): Promise<AllocationRow | undefined> {
  const [row] = await query<AllocationRow>(em, {
    sql: `SELECT ${ALLOCATION_COLUMNS} FROM fund_allocation fa WHERE fa.id = ? FOR UPDATE`,
    bindings: [id],
  });
  return row;
}

export async function setInPlace(em: EntityManager, id: string, date: string): Promise<void> {
  await write(em, { sql: 'UPDATE fund_allocation SET in_place_on = ? WHERE id = ?', bindings: [date, id] });
}

// ---- the 12% rule ----------------------------------------------------------------------------

export interface ShareRow {
  total: string;
  key_villages: string;
  share: string | null;
  met: boolean | null;
}

/** The 12% rule's sums, share and verdict for one county and year (see fund-rules.ts). */
export async function keyVillageShare(em: EntityManager, countyCode: string, year: number): Promise<ShareRow> {
  const sums = keyVillageShareSumsSql('arg.county', 'arg.year');
  const [row] = await query<ShareRow>(em, {
    sql: `SELECT s.total::text AS total, s.key_villages::text AS key_villages, (${shareSql('s')})::text AS share, ${metSql('s')} AS met
      FROM (SELECT ?::varchar AS county, ?::int AS year) arg CROSS JOIN LATERAL (${sums}) s`,
    bindings: [countyCode, year],
  });
  return row;
}

// ---- the April deadlines ---------------------------------------------------------------------

/** City and county budget funds of the year not in place by 30 April (in place on 30 April counts). */
export function fundsNotInPlaceWhere(year: number): SqlFragment {
  return and(inList('fa.source', CITY_AND_COUNTY_BUDGET_SOURCES), {
    sql: 'fa.year = ? AND (fa.in_place_on IS NULL OR fa.in_place_on > ?::date)',
    bindings: [year, aprilDeadline(year)],
  });
}

export function allocationsWhere(em: EntityManager, where: SqlFragment, limit: number): Promise<AllocationRow[]> {
  return query<AllocationRow>(
    em,
    withWhere(
      `SELECT ${ALLOCATION_COLUMNS} FROM fund_allocation fa`,
      where,
      `ORDER BY fa.allocated_on, fa.id LIMIT ${limit}`,
    ),
  );
}

export async function allocationTotals(
  em: EntityManager,
  where: SqlFragment,
): Promise<{ count: number; amount: string }> {
  const [row] = await query<{ count: number; amount: string }>(
    em,
    withWhere(
      'SELECT count(*)::int AS count, coalesce(sum(fa.amount), 0.00)::text AS amount FROM fund_allocation fa',
      where,
    ),
  );
  return row;
}

/** City transition funds of a year and the year before, under a scope (市级资金不低于上年度). */
export async function cityFundsByYear(
  em: EntityManager,
  where: SqlFragment,
  year: number,
): Promise<{ amount: string; previous_amount: string; any_rows: boolean }> {
  const scoped = and(where, {
    sql: `fa.source = '${FundSource.CITY_TRANSITION}' AND fa.year IN (?, ?)`,
    bindings: [year, year - 1],
  });
  const [row] = await query<{ amount: string; previous_amount: string; any_rows: boolean }>(em, {
    sql: `SELECT coalesce(sum(fa.amount) FILTER (WHERE fa.year = ?), 0.00)::text AS amount,
        coalesce(sum(fa.amount) FILTER (WHERE fa.year = ?), 0.00)::text AS previous_amount,
        count(*) > 0 AS any_rows
      FROM fund_allocation fa WHERE ${scoped.sql}`,
    bindings: [year, year - 1, ...scoped.bindings],
  });
  return row;
}
