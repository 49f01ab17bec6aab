import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../core/context';
import { and, inList, query, sqlTrue, withWhere, type SqlFragment } from '../../core/sql';
import type { ConnectionData, Page } from '../../core/relay/connection';
import type { SortColumn } from '../../core/relay/keyset';
import { keysetPage } from '../../core/relay/keyset-page';
import { pagesByParent } from '../../core/relay/batched-pages';
import { toGlobalId } from '../../core/relay/global-id';
import { insideRegionSql } from '../regions/region.repository';
import type { DesignationKind, DesignationLevel } from './village.entity';
import {
  VillageNode,
  type VillageDesignationType,
  type VillageIndicatorChangeType,
  type VillageIndicatorsType,
  type VillageIndustryType,
  type IndustryRole,
} from './village.types';
import { INDICATOR_FIELDS, type IndicatorField, type IndicatorValues } from './indicator.rules';
import type { Role } from '../../core/auth/viewer';

/**
 * The village registry's named queries. A village is its profile (`village v`) joined to its
 * region row (`region r`) for name and township; every query takes its scope condition from the
 * caller (the service asks `villagePolicy.readable` over `r.code`).
 */

/** A village row as read by every village query. */
export interface VillageRow {
  code: string;
  name: string;
  parent_code: string;
  leading_industry: string | null;
  specialty_industries: string[] | null;
  main_industries: string[] | null;
  source: string | null;
}

const COLUMNS =
  'r.code, r.name, r.parent_code, v.leading_industry, v.specialty_industries, v.main_industries, v.source';
/** FROM clause of every village list; `r` is the village's region row, `v` its profile. */
export const VILLAGE_FROM = 'village v JOIN region r ON r.code = v.code';

export function toVillage(row: VillageRow): VillageNode {
  const node = new VillageNode();
  node.id = toGlobalId('Village', row.code);
  node.key = row.code;
  node.code = row.code;
  node.name = row.name;
  node.townshipCode = row.parent_code;
  node.leadingIndustry = row.leading_industry;
  node.specialtyIndustries = row.specialty_industries ?? [];
  node.mainIndustries = row.main_industries ?? [];
  node.source = row.source;
  return node;
}

/** A village list's order and the cursor that matches it. */
export interface VillageSort {
  sort: SortColumn[];
  cursorOf: (row: VillageRow) => unknown[];
}

export const VILLAGES_BY_CODE: VillageSort = {
  sort: [{ expr: 'r.code', direction: 'asc' }],
  cursorOf: (row) => [row.code],
};

/** The villages with these codes that `scope` lets through. */
export async function villagesByCodes(
  em: EntityManager,
  codes: readonly string[],
  scope: SqlFragment = sqlTrue,
): Promise<VillageNode[]> {
  const rows = await query<VillageRow>(
    em,
    withWhere(`SELECT ${COLUMNS} FROM ${VILLAGE_FROM}`, and(inList('r.code', codes), scope)),
  );
  return rows.map(toVillage);
}

/** One page of the villages matching `where` (scope and filters, over `r` and `v`). */
export function villagePage(
  ctx: Context,
  where: SqlFragment,
  order: VillageSort,
  page: Page,
): Promise<ConnectionData<VillageNode>> {
  return keysetPage<VillageRow, VillageNode>(ctx, {
    columns: COLUMNS,
    from: VILLAGE_FROM,
    where,
    sort: order.sort,
    page,
    cursorOf: order.cursorOf,
    toNode: toVillage,
  });
}

/** The villages inside each of many regions, one page per region, in one window query. */
export function villagePagesInRegions(
  ctx: Context,
  regionCodes: readonly string[],
  where: SqlFragment,
  order: VillageSort,
  page: Page,
): Promise<ConnectionData<VillageNode>[]> {
  return pagesByParent<VillageRow, VillageNode>(ctx, {
    keys: regionCodes,
    keyExpr: 'p.code',
    columns: COLUMNS,
    from: `region p JOIN region r ON ${insideRegionSql('p', 'r.code')} JOIN village v ON v.code = r.code`,
    where,
    sort: order.sort,
    page,
    cursorOf: order.cursorOf,
    toNode: toVillage,
  });
}

/**
 * The villages keyed by some parent (a provider's assigned villages, say), one page per parent:
 * `from` joins the parent's table to `village v` and `region r`, `keyExpr` names the parent key.
 */
export function villagePagesBy(
  ctx: Context,
  spec: { keys: readonly string[]; keyExpr: string; from: string; where: SqlFragment; page: Page },
): Promise<ConnectionData<VillageNode>[]> {
  return pagesByParent<VillageRow, VillageNode>(ctx, {
    ...spec,
    columns: COLUMNS,
    sort: VILLAGES_BY_CODE.sort,
    cursorOf: VILLAGES_BY_CODE.cursorOf,
    toNode: toVillage,
  });
}

/**
 * The industries of many villages' profiles, each named once with its roles and, when known, the
 * year since which it exists (grouped per village, in `codes` order).
 */
export async function industriesOf(
  em: EntityManager,
  codes: readonly string[],
  scope: SqlFragment = sqlTrue,
): Promise<VillageIndustryType[][]> {
  const rows = await query<{
    village_code: string;
    name: string;
    roles: IndustryRole[];
    since_year: number | null;
    source: string | null;
  }>(
    em,
    withWhere(
      `SELECT n.village_code, n.name, array_agg(n.role ORDER BY n.role) AS roles, vi.since_year, vi.source
       FROM (
         SELECT v.code AS village_code, v.leading_industry AS name, 'LEADING' AS role FROM village v WHERE v.leading_industry IS NOT NULL
         UNION SELECT v.code, unnest(v.specialty_industries), 'SPECIALTY' FROM village v
         UNION SELECT v.code, unnest(v.main_industries), 'MAIN' FROM village v
       ) n LEFT JOIN village_industry vi ON vi.village_code = n.village_code AND vi.name = n.name`,
      and(inList('n.village_code', codes), scope),
      'GROUP BY n.village_code, n.name, vi.since_year, vi.source ORDER BY n.village_code, n.name',
    ),
  );
  return codes.map((code) =>
    rows
      .filter((row) => row.village_code === code)
      .map((row) => ({ name: row.name, roles: row.roles, sinceYear: row.since_year, source: row.source })),
  );
}

/** Records (or forgets, with null) since when an industry of the village exists, as recorded through the platform. */
export async function saveIndustrySince(
  em: EntityManager,
  code: string,
  name: string,
  sinceYear: number | null,
): Promise<void> {
  if (sinceYear === null) {
    await query(em, 'DELETE FROM village_industry WHERE village_code = ? AND name = ?', [code, name]);
    return;
  }
  await query(
    em,
    `INSERT INTO village_industry (village_code, name, since_year, source) VALUES (?, ?, ?, NULL)
     ON CONFLICT (village_code, name) DO UPDATE SET since_year = excluded.since_year, source = NULL, recorded_at = now()`,
    [code, name, sinceYear],
  );
}

interface DesignationRow {
  village_code: string;
  kind: DesignationKind;
  level: DesignationLevel | null;
  since_year: number | null;
  source: string | null;
}

/** Designations of many villages, grouped per village (in `codes` order); `scope` is over `village_code`. */
export async function designationsOf(
  em: EntityManager,
  codes: readonly string[],
  scope: SqlFragment,
): Promise<VillageDesignationType[][]> {
  const rows = await query<DesignationRow>(
    em,
    withWhere(
      'SELECT village_code, kind, level, since_year, source FROM village_designation',
      and(inList('village_code', codes), scope),
      'ORDER BY village_code, kind',
    ),
  );
  return codes.map((code) =>
    rows
      .filter((r) => r.village_code === code)
      .map((r) => ({ kind: r.kind, level: r.level, sinceYear: r.since_year, source: r.source })),
  );
}

/** A village_indicators row as read by the indicator queries. */
export interface IndicatorRow {
  village_code: string;
  year: number;
  households: number | null;
  population: number | null;
  per_capita_disposable_income: string | null;
  collective_income: string | null;
  farmland_mu: string | null;
  forest_mu: string | null;
  high_standard_farmland_share: string | null;
  tap_water_coverage: string | null;
  sanitary_toilet_coverage: string | null;
  source: string | null;
}

const INDICATOR_COLUMNS = `village_code, year, households, population, per_capita_disposable_income, collective_income,
  farmland_mu, forest_mu, high_standard_farmland_share, tap_water_coverage, sanitary_toilet_coverage, source`;

/** The indicator fields and their columns, in one place for reads, writes and snapshots. */
const INDICATOR_COLUMN_OF: Record<IndicatorField, keyof IndicatorRow> = {
  households: 'households',
  population: 'population',
  perCapitaDisposableIncome: 'per_capita_disposable_income',
  collectiveIncome: 'collective_income',
  farmlandMu: 'farmland_mu',
  forestMu: 'forest_mu',
  highStandardFarmlandShare: 'high_standard_farmland_share',
  tapWaterCoverage: 'tap_water_coverage',
  sanitaryToiletCoverage: 'sanitary_toilet_coverage',
};

export function toIndicators(row: IndicatorRow): VillageIndicatorsType {
  return {
    villageCode: row.village_code,
    year: row.year,
    households: row.households,
    population: row.population,
    perCapitaDisposableIncome: row.per_capita_disposable_income,
    collectiveIncome: row.collective_income,
    farmlandMu: row.farmland_mu,
    forestMu: row.forest_mu,
    highStandardFarmlandShare: row.high_standard_farmland_share,
    tapWaterCoverage: row.tap_water_coverage,
    sanitaryToiletCoverage: row.sanitary_toilet_coverage,
    source: row.source,
  };
}

/** Indicators of one year for many villages, or each village's latest year when `year` is null; `scope` is over `village_code`. */
export async function indicatorsOf(
  em: EntityManager,
  codes: readonly string[],
  year: number | null,
  scope: SqlFragment,
): Promise<(VillageIndicatorsType | null)[]> {
  const rows = await query<IndicatorRow>(
    em,
    withWhere(
      `SELECT DISTINCT ON (village_code) ${INDICATOR_COLUMNS} FROM village_indicators`,
      and(inList('village_code', codes), year === null ? sqlTrue : { sql: 'year = ?', bindings: [year] }, scope),
      'ORDER BY village_code, year DESC',
    ),
  );
  const byCode = new Map(rows.map((row) => [row.village_code, toIndicators(row)]));
  return codes.map((code) => byCode.get(code) ?? null);
}

/** Every recorded year of many villages, oldest first; `scope` is over `village_code`. */
export async function indicatorYearsOf(
  em: EntityManager,
  codes: readonly string[],
  scope: SqlFragment,
): Promise<VillageIndicatorsType[][]> {
  const rows = await query<IndicatorRow>(
    em,
    withWhere(
      `SELECT ${INDICATOR_COLUMNS} FROM village_indicators`,
      and(inList('village_code', codes), scope),
      'ORDER BY village_code, year',
    ),
  );
  return codes.map((code) => rows.filter((r) => r.village_code === code).map(toIndicators));
}

/** One village's indicators of one year, as stored. */
export async function indicatorsOfYear(
  em: EntityManager,
  code: string,
  year: number,
): Promise<VillageIndicatorsType | null> {
  const [row] = await query<IndicatorRow>(
    em,
    `SELECT ${INDICATOR_COLUMNS} FROM village_indicators WHERE village_code = ? AND year = ?`,
    [code, year],
  );
  return row ? toIndicators(row) : null;
}

/** The figures of an indicator year, without its key and provenance. */
export function indicatorValues(indicators: VillageIndicatorsType | null): IndicatorValues | null {
  if (!indicators) return null;
  return Object.fromEntries(INDICATOR_FIELDS.map((field) => [field, indicators[field]])) as IndicatorValues;
}

/**
 * Locks one village's year for a recording, creating the row when the year is new (so two first
 * recordings of a year also apply one after the other). Returns the year as it stood, or null
 * when it was just created.
 */
export async function lockIndicatorYear(
  em: EntityManager,
  code: string,
  year: number,
): Promise<VillageIndicatorsType | null> {
  const created = await query(
    em,
    'INSERT INTO village_indicators (village_code, year) VALUES (?, ?) ON CONFLICT DO NOTHING RETURNING year',
    [code, year],
  );
  const [row] = await query<IndicatorRow>(
    em,
    `SELECT ${INDICATOR_COLUMNS} FROM village_indicators WHERE village_code = ? AND year = ? FOR UPDATE`,
    [code, year],
  );
  return created.length ? null : toIndicators(row);
}

/** Writes a year's figures as recorded through the platform (so without a seed source). */
export async function saveIndicatorYear(
  em: EntityManager,
  code: string,
  year: number,
  values: IndicatorValues,
): Promise<void> {
  const assignments = INDICATOR_FIELDS.map((field) => `${INDICATOR_COLUMN_OF[field]} = ?`).join(', ');
  await query(
    em,
    `UPDATE village_indicators SET ${assignments}, source = NULL, recorded_at = now() WHERE village_code = ? AND year = ?`,
    [...INDICATOR_FIELDS.map((field) => values[field]), code, year],
  );
}

/** A year's figures as kept in the change history (JSON; decimals stay strings). */
type IndicatorSnapshot = IndicatorValues & { source: string | null };

const snapshotOf = (indicators: VillageIndicatorsType): IndicatorSnapshot => ({
  ...indicatorValues(indicators)!,
  source: indicators.source,
});

/** Appends one recording to the village's indicator history. */
export async function insertIndicatorChange(
  em: EntityManager,
  change: {
    villageCode: string;
    year: number;
    role: Role;
    by: string;
    fields: readonly IndicatorField[];
    before: VillageIndicatorsType | null;
    after: VillageIndicatorsType;
  },
): Promise<void> {
  await query(
    em,
    `INSERT INTO village_indicators_change (village_code, year, changed_by_role, changed_by, changed_fields, before, after)
     VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)`,
    [
      change.villageCode,
      change.year,
      change.role,
      change.by,
      [...change.fields],
      change.before ? JSON.stringify(snapshotOf(change.before)) : null,
      JSON.stringify(snapshotOf(change.after)),
    ],
  );
}

interface IndicatorChangeRow {
  id: string;
  village_code: string;
  year: number;
  changed_at: Date;
  changed_by_role: Role;
  changed_by: string;
  changed_fields: string[];
  before: IndicatorSnapshot | null;
  after: IndicatorSnapshot;
}

function toIndicatorChange(row: IndicatorChangeRow): VillageIndicatorChangeType {
  const version = (snapshot: IndicatorSnapshot): VillageIndicatorsType => ({
    ...snapshot,
    villageCode: row.village_code,
    year: row.year,
  });
  return {
    id: row.id,
    year: row.year,
    changedAt: row.changed_at,
    changedByRole: row.changed_by_role,
    changedBy: row.changed_by,
    changedFields: row.changed_fields,
    before: row.before ? version(row.before) : null,
    after: version(row.after),
  };
}

/** The indicator history of many villages, newest first, one page each; `where` is over `ch`. */
export function indicatorChangePages(
  ctx: Context,
  villageCodes: readonly string[],
  where: SqlFragment,
  page: Page,
): Promise<ConnectionData<VillageIndicatorChangeType>[]> {
  return pagesByParent<IndicatorChangeRow, VillageIndicatorChangeType>(ctx, {
    keys: villageCodes,
    keyExpr: 'ch.village_code',
    columns:
      'ch.id::text AS id, ch.village_code, ch.year, ch.changed_at, ch.changed_by_role, ch.changed_by, ch.changed_fields, ch.before, ch.after',
    from: 'village_indicators_change ch',
    where,
    sort: [{ expr: 'ch.id', direction: 'desc' }],
    page,
    cursorOf: (row) => [row.id],
    toNode: toIndicatorChange,
  });
}
