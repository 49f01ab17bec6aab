import type { EntityManager } from '@mikro-orm/postgresql';
import { inList, query, withWhere, type SqlFragment } from '../../core/sql';
import type { Role } from '../../core/auth/viewer';
import type {
  DiscoverySource,
  FundSource,
  MeasureType,
  MonitoringAction,
  MonitoringCaseStatus,
  MonitoringCategory,
  MonitoringLevel,
  NoticeKind,
  RiskCause,
} from './monitoring.enums';

/**
 * The named SQL of monitoring cases, their steps, plans, measures and visits, the per-region
 * settings (lines, notice periods) and the cadence records. Scope conditions come in from the
 * policies.
 */

export interface CaseRow {
  id: string;
  household_id: string;
  village_code: string;
  category: MonitoringCategory;
  risk_causes: RiskCause[];
  discovery_source: DiscoverySource;
  reported_on: string;
  income_at_identification: string;
  status: MonitoringCaseStatus;
  notice_kind: NoticeKind | null;
  notice_starts_on: string | null;
  notice_ends_on: string | null;
  confirmed_on: string | null;
  eliminated_on: string | null;
  rejected_on: string | null;
  closing_reason: string | null;
}

export const CASE_COLUMNS = `c.id, c.household_id, c.village_code, c.category, c.risk_causes, c.discovery_source,
  c.reported_on, c.income_at_identification, c.status, c.notice_kind, c.notice_starts_on, c.notice_ends_on,
  c.confirmed_on, c.eliminated_on, c.rejected_on, c.closing_reason`;

export async function casesWhere(em: EntityManager, where: SqlFragment, tail = ''): Promise<CaseRow[]> {
  return query<CaseRow>(em, withWhere(`SELECT ${CASE_COLUMNS} FROM monitoring_case c`, where, tail));
}

/** The case row locked for a step: concurrent steps on one case queue and re-read its status. */
export async function lockCase(em: EntityManager, caseId: string): Promise<CaseRow | undefined> {
  const [row] = await query<CaseRow>(em, `SELECT ${CASE_COLUMNS} FROM monitoring_case c WHERE c.id = ? FOR UPDATE`, [
    caseId,
  ]);
  return row;
}

export interface StepRow {
  case_id: string;
  action: MonitoringAction;
  from_status: MonitoringCaseStatus | null;
  to_status: MonitoringCaseStatus;
  level: MonitoringLevel | null;
  taken_on: string;
  taken_at: string;
  actor_role: Role;
  actor_region: string | null;
  note: string | null;
  notice_starts_on: string | null;
  notice_ends_on: string | null;
}

export async function stepsOf(em: EntityManager, caseIds: readonly string[]): Promise<StepRow[]> {
  return query<StepRow>(
    em,
    withWhere(
      `SELECT case_id, action, from_status, to_status, level, taken_on, taken_at, actor_role, actor_region, note,
         notice_starts_on, notice_ends_on FROM monitoring_case_step`,
      inList('case_id', caseIds),
      'ORDER BY case_id, id',
    ),
  );
}

export interface NewStep {
  caseId: string;
  action: MonitoringAction;
  from: MonitoringCaseStatus | null;
  to: MonitoringCaseStatus;
  level: MonitoringLevel | null;
  takenOn: string;
  actorRole: string;
  actorRegion: string | null;
  actorProvider: string | null;
  actorSubject: string | null;
  note: string | null;
  notice: { startsOn: string; endsOn: string } | null;
}

export async function insertStep(em: EntityManager, step: NewStep): Promise<void> {
  await query(
    em,
    `INSERT INTO monitoring_case_step (case_id, action, from_status, to_status, level, taken_on, actor_role, actor_region,
       actor_provider, actor_subject, note, notice_starts_on, notice_ends_on)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      step.caseId,
      step.action,
      step.from,
      step.to,
      step.level,
      step.takenOn,
      step.actorRole,
      step.actorRegion,
      step.actorProvider,
      step.actorSubject,
      step.note,
      step.notice?.startsOn ?? null,
      step.notice?.endsOn ?? null,
    ],
  );
}

export interface PlanRow {
  case_id: string;
  responsible_member_id: string | null;
  responsible_name: string;
  responsible_post: string | null;
  responsible_unit_id: string | null;
  unit_name: string | null;
  summary: string | null;
  updated_at: string;
}

/** Plans with the responsible person's name (from the team member's person when one is named). */
export async function plansOf(em: EntityManager, caseIds: readonly string[]): Promise<PlanRow[]> {
  return query<PlanRow>(
    em,
    withWhere(
      `SELECT p.case_id, p.responsible_member_id, coalesce(p.responsible_name, pe.name) AS responsible_name,
         coalesce(p.responsible_post, pe.post) AS responsible_post, p.responsible_unit_id, u.name AS unit_name,
         p.summary, p.updated_at
       FROM monitoring_plan p
       LEFT JOIN team_member tm ON tm.id = p.responsible_member_id
       LEFT JOIN person pe ON pe.id = tm.person_id
       LEFT JOIN provider u ON u.id = p.responsible_unit_id`,
      inList('p.case_id', caseIds),
    ),
  );
}

export interface MeasureRow {
  case_id: string;
  type: MeasureType;
  description: string | null;
  starts_on: string;
  cost: string;
  fund_source: FundSource;
}

export async function measuresOf(em: EntityManager, caseIds: readonly string[]): Promise<MeasureRow[]> {
  return query<MeasureRow>(
    em,
    withWhere(
      'SELECT case_id, type, description, starts_on, cost, fund_source FROM monitoring_measure',
      inList('case_id', caseIds),
      'ORDER BY case_id, starts_on, id',
    ),
  );
}

export interface VisitRow {
  case_id: string;
  visited_on: string;
  visitor: string;
  finding: string;
  recorded_by_role: Role;
}

export async function visitsOf(em: EntityManager, caseIds: readonly string[]): Promise<VisitRow[]> {
  return query<VisitRow>(
    em,
    withWhere(
      'SELECT case_id, visited_on, visitor, finding, recorded_by_role FROM monitoring_visit',
      inList('case_id', caseIds),
      'ORDER BY case_id, visited_on DESC, created_at DESC, id',
    ),
  );
}

// --- per-region settings, inherited down the region tree ------------------------------------

export interface LineRuleRow {
  code: string;
  year: number;
  region_code: string;
  from_year: number;
  to_year: number | null;
  base_amount: string;
  annual_growth_percent: string;
  source: string;
}

/**
 * For each (region, year) asked, the rule of the nearest region up the tree (the region itself
 * first) whose years cover it. One statement whatever the number of pairs.
 */
export async function lineRulesFor(
  em: EntityManager,
  pairs: readonly { code: string; year: number }[],
): Promise<LineRuleRow[]> {
  if (!pairs.length) return [];
  return query<LineRuleRow>(
    em,
    `SELECT DISTINCT ON (k.code, k.year) k.code, k.year, l.region_code, l.from_year, l.to_year, l.base_amount,
       l.annual_growth_percent, l.source
     FROM unnest(?::varchar[], ?::int[]) AS k(code, year)
     JOIN monitoring_line l ON k.code LIKE l.region_prefix || '%'
       AND k.year >= l.from_year AND (l.to_year IS NULL OR k.year <= l.to_year)
     ORDER BY k.code, k.year, length(l.region_prefix) DESC`,
    [pairs.map((p) => p.code), pairs.map((p) => p.year)],
  );
}

export interface NoticePeriodRow {
  code: string;
  kind: NoticeKind;
  region_code: string;
  days: number;
  source: string | null;
}

/** For each region and kind, the setting of the nearest region up the tree. */
export async function noticePeriodsFor(
  em: EntityManager,
  codes: readonly string[],
  kind: NoticeKind,
): Promise<NoticePeriodRow[]> {
  if (!codes.length) return [];
  return query<NoticePeriodRow>(
    em,
    `SELECT DISTINCT ON (k.code) k.code, p.kind, p.region_code, p.days, p.source
     FROM unnest(?::varchar[]) AS k(code)
     JOIN monitoring_notice_period p ON k.code LIKE p.region_prefix || '%' AND p.kind = ?
     ORDER BY k.code, length(p.region_prefix) DESC`,
    [codes, kind],
  );
}

// --- the summary ------------------------------------------------------------------------------

/**
 * Cases open at some time during the year: reported by its last day and not closed before its
 * first. `scope` is over `monitoring_case c`.
 */
export function activeInYear(year: number): SqlFragment {
  return {
    sql: `c.reported_on <= ?::date AND coalesce(c.eliminated_on, c.rejected_on, 'infinity'::date) >= ?::date`,
    bindings: [`${year}-12-31`, `${year}-01-01`],
  };
}

export interface CountRow {
  category: MonitoringCategory | null;
  status: MonitoringCaseStatus | null;
  count: number;
}

/** Counts by category and status, with the per-category and per-status subtotals and the total. */
export async function countByCategoryAndStatus(em: EntityManager, where: SqlFragment): Promise<CountRow[]> {
  return query<CountRow>(
    em,
    withWhere(
      'SELECT c.category, c.status, count(*)::int AS count FROM monitoring_case c',
      where,
      'GROUP BY GROUPING SETS ((c.category, c.status), (c.category), (c.status), ())',
    ),
  );
}

export async function countByCause(
  em: EntityManager,
  where: SqlFragment,
): Promise<{ cause: RiskCause; count: number }[]> {
  return query(
    em,
    withWhere(
      'SELECT cause, count(*)::int AS count FROM monitoring_case c CROSS JOIN LATERAL unnest(c.risk_causes) AS cause',
      where,
      'GROUP BY cause',
    ),
  );
}

export interface YearCountsRow {
  confirmed: number;
  eliminated: number;
  notices_overdue: number;
}

export async function yearCounts(
  em: EntityManager,
  where: SqlFragment,
  year: number,
  today: string,
): Promise<YearCountsRow> {
  const [row] = await query<YearCountsRow>(em, {
    sql: `SELECT count(*) FILTER (WHERE extract(year FROM c.confirmed_on) = ?)::int AS confirmed,
        count(*) FILTER (WHERE extract(year FROM c.eliminated_on) = ?)::int AS eliminated,
        count(*) FILTER (WHERE c.status = 'IN_NOTICE' AND c.notice_ends_on < ?::date)::int AS notices_overdue
      FROM monitoring_case c WHERE ${where.sql}`,
    bindings: [year, year, today, ...where.bindings],
  });
  return row;
}

/**
 * Villages (under `prefix`, readable by `scope` over `r.code`) with the due months lacking a
 * screening record, as a derived table `g(code, name, missing_months)` for the keyset pager.
 */
export function screeningGapsFrom(prefix: string, due: readonly string[], scope: SqlFragment): SqlFragment {
  return {
    sql: `(SELECT r.code, r.name, array_agg(d.month ORDER BY d.month) AS missing_months
      FROM village v JOIN region r ON r.code = v.code
      CROSS JOIN unnest(?::text[]) AS d(month)
      WHERE r.code LIKE ? AND (${scope.sql})
        AND NOT EXISTS (SELECT 1 FROM monitoring_screening s WHERE s.village_code = v.code AND s.month = (d.month || '-01')::date)
      GROUP BY r.code, r.name) g`,
    bindings: [due, `${prefix}%`, ...scope.bindings],
  };
}

/** Townships under `prefix` with the due quarters lacking a review: `g(code, name, missing_quarters)`. */
export function reviewGapsFrom(prefix: string, due: readonly string[], scope: SqlFragment): SqlFragment {
  return {
    sql: `(SELECT r.code, r.name, array_agg(d.quarter ORDER BY d.quarter) AS missing_quarters
      FROM region r CROSS JOIN unnest(?::text[]) AS d(quarter)
      WHERE r.level = 'TOWNSHIP' AND r.code LIKE ? AND (${scope.sql})
        AND NOT EXISTS (SELECT 1 FROM monitoring_township_review t WHERE t.township_code = r.code
          AND t.year = split_part(d.quarter, '-Q', 1)::int AND t.quarter = split_part(d.quarter, '-Q', 2)::int)
      GROUP BY r.code, r.name) g`,
    bindings: [due, `${prefix}%`, ...scope.bindings],
  };
}

/** Totals over a gaps table: how many places are behind and how many periods they miss. */
export async function gapTotals(
  em: EntityManager,
  from: SqlFragment,
  column: 'missing_months' | 'missing_quarters',
): Promise<{ places: number; periods: number }> {
  const [row] = await query<{ places: number; periods: number }>(em, {
    sql: `SELECT count(*)::int AS places, coalesce(sum(cardinality(${column})), 0)::int AS periods FROM ${from.sql}`,
    bindings: from.bindings,
  });
  return row;
}
