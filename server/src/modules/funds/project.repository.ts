import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../core/context';
import { and, inList, query, withWhere, type SqlFragment } from '../../core/sql';
import { toGlobalId } from '../../core/relay/global-id';
import { keysetPage } from '../../core/relay/keyset-page';
import { pagesByParent } from '../../core/relay/batched-pages';
import type { ConnectionData, Page } from '../../core/relay/connection';
import type { SortColumn } from '../../core/relay/keyset';
import type { FundSource, PaymentStage, ProjectCategory, ProjectStatus } from './funds.enums';
import {
  ProjectBudgetLineType,
  ProjectNode,
  ProjectPaymentNode,
  ProjectStatusChangeType,
  ProjectStatusCountType,
} from './project.types';
import { write } from './write';

/** The project library's named queries (项目库). Scope conditions come from the caller (the policy). */

// ---- projects -------------------------------------------------------------------------------

export interface ProjectRow {
  id: string;
  county_code: string;
  year: number;
  name: string;
  category: ProjectCategory;
  status: ProjectStatus;
  description: string | null;
  planned_start: string;
  actual_start: string | null;
  announcement_start: string | null;
  announcement_end: string | null;
  beneficiary_households: number;
  beneficiary_people: number;
  monitored_households: number;
  status_changed_on: string;
}

export const PROJECT_COLUMNS = `p.id, p.county_code, p.year, p.name, p.category, p.status, p.description,
  p.planned_start::text AS planned_start, p.actual_start::text AS actual_start,
  p.announcement_start::text AS announcement_start, p.announcement_end::text AS announcement_end,
  p.beneficiary_households, p.beneficiary_people, p.monitored_households, p.status_changed_on::text AS status_changed_on`;

export function toProjectNode(row: ProjectRow): ProjectNode {
  const node = new ProjectNode();
  node.id = toGlobalId('Project', row.id);
  node.uuid = row.id;
  node.countyCode = row.county_code;
  node.name = row.name;
  node.year = row.year;
  node.category = row.category;
  node.status = row.status;
  node.statusChangedOn = row.status_changed_on;
  node.description = row.description;
  node.plannedStart = row.planned_start;
  node.actualStart = row.actual_start;
  node.announcementStart = row.announcement_start;
  node.announcementEnd = row.announcement_end;
  node.beneficiaryHouseholds = row.beneficiary_households;
  node.beneficiaryPeople = row.beneficiary_people;
  node.monitoredHouseholds = row.monitored_households;
  return node;
}

/** Newest plan year first, then by planned start. */
const PROJECT_SORT: SortColumn[] = [
  { expr: 'p.year', direction: 'desc' },
  { expr: 'p.planned_start', direction: 'asc' },
  { expr: 'p.id', direction: 'asc' },
];
const projectCursor = (row: ProjectRow) => [row.year, row.planned_start, row.id];

/** Projects by id under a scope condition. */
export function projectsByIds(em: EntityManager, ids: readonly string[], scope: SqlFragment): Promise<ProjectRow[]> {
  return query<ProjectRow>(em, withWhere(`SELECT ${PROJECT_COLUMNS} FROM project p`, and(inList('p.id', ids), scope)));
}

/** One page of `projects(filter)`. */
export function projectPage(ctx: Context, where: SqlFragment, page: Page): Promise<ConnectionData<ProjectNode>> {
  return keysetPage(ctx, {
    columns: PROJECT_COLUMNS,
    from: 'project p',
    where,
    sort: PROJECT_SORT,
    page,
    cursorOf: projectCursor,
    toNode: toProjectNode,
  });
}

/** Projects of a list that is bounded by the caller (the deadlines), in planned-start order. */
export function projectsWhere(em: EntityManager, where: SqlFragment, limit: number): Promise<ProjectRow[]> {
  return query<ProjectRow>(
    em,
    withWhere(`SELECT ${PROJECT_COLUMNS} FROM project p`, where, `ORDER BY p.planned_start, p.id LIMIT ${limit}`),
  );
}

export async function countProjects(em: EntityManager, where: SqlFragment): Promise<number> {
  const [{ count }] = await query<{ count: number }>(
    em,
    withWhere('SELECT count(*)::int AS count FROM project p', where),
  );
  return count;
}

/** Projects and budgets per status (`projectStatusCounts`). */
export async function statusCounts(em: EntityManager, where: SqlFragment): Promise<ProjectStatusCountType[]> {
  const rows = await query<{ status: ProjectStatus; count: number; budget: string }>(
    em,
    withWhere(
      `SELECT p.status, count(*)::int AS count,
        coalesce(sum((SELECT sum(b.amount) FROM project_budget_line b WHERE b.project_id = p.id)), 0.00)::text AS budget
       FROM project p`,
      where,
      'GROUP BY p.status',
    ),
  );
  return rows.map((row) => Object.assign(new ProjectStatusCountType(), row));
}

/** The derived facts of each project (villages served, key villages only, budget, paid), for nested fields. */
export interface ProjectFactsRow {
  id: string;
  village_codes: string[];
  key_villages_only: boolean;
  total_budget: string;
  paid: string;
}

export function projectFacts(em: EntityManager, ids: readonly string[]): Promise<ProjectFactsRow[]> {
  return query<ProjectFactsRow>(
    em,
    withWhere(
      `SELECT p.id,
        array(SELECT pv.village_code::text FROM project_village pv WHERE pv.project_id = p.id ORDER BY pv.village_code) AS village_codes,
        NOT EXISTS (SELECT 1 FROM project_village pv WHERE pv.project_id = p.id AND NOT EXISTS (
          SELECT 1 FROM village_designation kd WHERE kd.village_code = pv.village_code AND kd.kind = 'KEY_ASSISTED'
            AND (kd.since_year IS NULL OR kd.since_year <= p.year))) AS key_villages_only,
        (SELECT coalesce(sum(b.amount), 0.00) FROM project_budget_line b WHERE b.project_id = p.id)::text AS total_budget,
        (SELECT coalesce(sum(pp.amount), 0.00) FROM project_payment pp WHERE pp.project_id = p.id)::text AS paid
       FROM project p`,
      inList('p.id', ids),
    ),
  );
}

/** Whether villages are key-assisted (by a year), for a project being proposed. */
export function keyAssistedVillages(
  em: EntityManager,
  codes: readonly string[],
  year: number,
): Promise<{ code: string }[]> {
  return query<{ code: string }>(
    em,
    withWhere(
      'SELECT DISTINCT kd.village_code AS code FROM village_designation kd',
      and(inList('kd.village_code', codes), {
        sql: "kd.kind = 'KEY_ASSISTED' AND (kd.since_year IS NULL OR kd.since_year <= ?)",
        bindings: [year],
      }),
    ),
  );
}

// ---- budget lines and history ----------------------------------------------------------------

export interface BudgetLineRow {
  project_id: string;
  source: FundSource;
  provider_id: string | null;
  amount: string;
  paid: string;
}

/** Budget lines with what has been paid against each (payments from allocations of that source and provider). */
export function budgetLines(em: EntityManager, projectIds: readonly string[]): Promise<BudgetLineRow[]> {
  return query<BudgetLineRow>(
    em,
    withWhere(
      `SELECT b.project_id, b.source, b.provider_id, b.amount::text AS amount,
        (SELECT coalesce(sum(pp.amount), 0.00) FROM project_payment pp JOIN fund_allocation fa ON fa.id = pp.allocation_id
          WHERE pp.project_id = b.project_id AND fa.source = b.source AND fa.provider_id IS NOT DISTINCT FROM b.provider_id)::text AS paid
       FROM project_budget_line b`,
      inList('b.project_id', projectIds),
      'ORDER BY b.project_id, b.source, b.provider_id NULLS FIRST',
    ),
  );
}

export function toBudgetLine(row: BudgetLineRow): ProjectBudgetLineType {
  return Object.assign(new ProjectBudgetLineType(), {
    source: row.source,
    providerId: row.provider_id,
    amount: row.amount,
    paid: row.paid,
  });
}

export interface StatusChangeRow {
  project_id: string;
  from_status: ProjectStatus | null;
  to_status: ProjectStatus;
  changed_on: string;
  actor_role: string;
  actor_region: string | null;
  note: string | null;
}

export function statusHistory(em: EntityManager, projectIds: readonly string[]): Promise<StatusChangeRow[]> {
  return query<StatusChangeRow>(
    em,
    withWhere(
      `SELECT h.project_id, h.from_status, h.to_status, h.changed_on::text AS changed_on, h.actor_role, h.actor_region, h.note
       FROM project_status_change h`,
      inList('h.project_id', projectIds),
      'ORDER BY h.project_id, h.recorded_at, h.id',
    ),
  );
}

export function toStatusChange(row: StatusChangeRow): ProjectStatusChangeType {
  return Object.assign(new ProjectStatusChangeType(), {
    from: row.from_status,
    to: row.to_status,
    date: row.changed_on,
    actorRole: row.actor_role,
    actorRegionCode: row.actor_region,
    note: row.note,
  });
}

// ---- payments --------------------------------------------------------------------------------

export interface PaymentRow {
  id: string;
  project_id: string;
  allocation_id: string;
  amount: string;
  paid_on: string;
  stage: PaymentStage;
  source: FundSource;
  note: string | null;
}

const PAYMENT_COLUMNS = `pp.id, pp.project_id, pp.allocation_id, pp.amount::text AS amount, pp.paid_on::text AS paid_on,
  pp.stage, fa.source, pp.note`;
const PAYMENT_FROM =
  'project_payment pp JOIN fund_allocation fa ON fa.id = pp.allocation_id JOIN project p ON p.id = pp.project_id';
const PAYMENT_SORT: SortColumn[] = [
  { expr: 'pp.paid_on', direction: 'asc' },
  { expr: 'pp.id', direction: 'asc' },
];

export function toPaymentNode(row: PaymentRow): ProjectPaymentNode {
  const node = new ProjectPaymentNode();
  node.id = toGlobalId('ProjectPayment', row.id);
  node.projectId = row.project_id;
  node.allocationId = row.allocation_id;
  node.amount = row.amount;
  node.paidOn = row.paid_on;
  node.stage = row.stage;
  node.source = row.source;
  node.note = row.note;
  return node;
}

/** Payments by id; `scope` is a condition over the paid project `p`. */
export function paymentsByIds(em: EntityManager, ids: readonly string[], scope: SqlFragment): Promise<PaymentRow[]> {
  return query<PaymentRow>(
    em,
    withWhere(`SELECT ${PAYMENT_COLUMNS} FROM ${PAYMENT_FROM}`, and(inList('pp.id', ids), scope)),
  );
}

/** Pages of payments for many projects (`keyExpr` 'pp.project_id') or allocations ('pp.allocation_id') at once. */
export function paymentPages(
  ctx: Context,
  keys: readonly string[],
  keyExpr: 'pp.project_id' | 'pp.allocation_id',
  scope: SqlFragment,
  page: Page,
): Promise<ConnectionData<ProjectPaymentNode>[]> {
  return pagesByParent<PaymentRow, ProjectPaymentNode>(ctx, {
    keys,
    keyExpr,
    columns: PAYMENT_COLUMNS,
    from: PAYMENT_FROM,
    where: scope,
    sort: PAYMENT_SORT,
    page,
    cursorOf: (row) => [row.paid_on, row.id],
    toNode: toPaymentNode,
  });
}

// ---- writes ----------------------------------------------------------------------------------

export interface NewProject {
  countyCode: string;
  year: number;
  name: string;
  category: ProjectCategory;
  description: string | null;
  plannedStart: string;
  beneficiaryHouseholds: number;
  beneficiaryPeople: number;
  monitoredHouseholds: number;
  proposedOn: string;
}

export async function insertProject(
  em: EntityManager,
  project: NewProject,
  villageCodes: readonly string[],
  lines: readonly { source: FundSource; providerId: string | null; amount: string }[],
): Promise<string> {
  const [{ id }] = await write<{ id: string }>(em, {
    sql: `INSERT INTO project (county_code, year, name, category, description, planned_start, beneficiary_households,
        beneficiary_people, monitored_households, status, status_changed_on)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PROPOSED', ?) RETURNING id`,
    bindings: [
      project.countyCode,
      project.year,
      project.name,
      project.category,
      project.description,
      project.plannedStart,
      project.beneficiaryHouseholds,
      project.beneficiaryPeople,
      project.monitoredHouseholds,
      project.proposedOn,
    ],
  });
  await write(em, {
    sql: 'INSERT INTO project_village (project_id, village_code) SELECT ?::uuid, unnest(?::varchar[])',
    bindings: [id, villageCodes],
  });
  await write(em, {
    sql: `INSERT INTO project_budget_line (project_id, source, provider_id, amount)
      SELECT ?::uuid, s, nullif(pr, '')::uuid, a::numeric FROM unnest(?::text[], ?::text[], ?::text[]) AS l(s, pr, a)`,
    bindings: [id, lines.map((l) => l.source), lines.map((l) => l.providerId ?? ''), lines.map((l) => l.amount)],
  });
  return id;
}

export interface StatusChange {
  projectId: string;
  from: ProjectStatus | null;
  to: ProjectStatus;
  date: string;
  actorRole: string;
  actorRegion: string | null;
  actorSubject: string | null;
  note: string | null;
}

export async function insertStatusChange(em: EntityManager, change: StatusChange): Promise<void> {
  await write(em, {
    sql: `INSERT INTO project_status_change (project_id, from_status, to_status, changed_on, actor_role, actor_region, actor_subject, note)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    bindings: [
      change.projectId,
      change.from,
      change.to,
      change.date,
      change.actorRole,
      change.actorRegion,
      change.actorSubject,
      change.note,
    ],
  });
}

/** The project row, locked until the transaction ends, so steps and payments apply one after another. */
export async function lockProject(em: EntityManager, id: string): Promise<ProjectRow | undefined> {
  const [row] = await query<ProjectRow>(em, {
    sql: `SELECT ${PROJECT_COLUMNS} FROM project p WHERE p.id = ? FOR UPDATE`,
    bindings: [id],
  });
  return row;
}

/** The date of the latest step, which the next one may not precede. */
export async function lastStepDate(em: EntityManager, projectId: string): Promise<string | null> {
  const [row] = await query<{ date: string | null }>(em, {
    sql: 'SELECT max(changed_on)::text AS date FROM project_status_change WHERE project_id = ?',
    bindings: [projectId],
  });
  return row.date;
}

export async function updateProjectStatus(
  em: EntityManager,
  id: string,
  status: ProjectStatus,
  date: string,
  extra: { actualStart?: string; announcementStart?: string; announcementEnd?: string },
): Promise<void> {
  await write(em, {
    sql: `UPDATE project SET status = ?, status_changed_on = ?, updated_at = now(),
        actual_start = coalesce(?::date, actual_start),
        announcement_start = coalesce(?::date, announcement_start),
        announcement_end = coalesce(?::date, announcement_end)
      WHERE id = ?`,
    bindings: [
      status,
      date,
      extra.actualStart ?? null,
      extra.announcementStart ?? null,
      extra.announcementEnd ?? null,
      id,
    ],
  });
}

/** The budget line a payment from this allocation draws on, with what it and the allocation have paid. */
export interface PaymentRoom {
  line_amount: string | null;
  line_paid: string;
  allocation_paid: string;
}

export async function paymentRoom(
  em: EntityManager,
  projectId: string,
  allocation: { id: string; source: FundSource; providerId: string | null },
): Promise<PaymentRoom> {
  const [row] = await query<PaymentRoom>(em, {
    sql: `SELECT
        (SELECT b.amount::text FROM project_budget_line b
          WHERE b.project_id = ? AND b.source = ? AND b.provider_id IS NOT DISTINCT FROM ?::uuid) AS line_amount,
        (SELECT coalesce(sum(pp.amount), 0.00)::text FROM project_payment pp JOIN fund_allocation fa ON fa.id = pp.allocation_id
          WHERE pp.project_id = ? AND fa.source = ? AND fa.provider_id IS NOT DISTINCT FROM ?::uuid) AS line_paid,
        (SELECT coalesce(sum(pp.amount), 0.00)::text FROM project_payment pp WHERE pp.allocation_id = ?) AS allocation_paid`,
    bindings: [
      projectId,
      allocation.source,
      allocation.providerId,
      projectId,
      allocation.source,
      allocation.providerId,
      allocation.id,
    ],
  });
  return row;
}

export async function insertPayment(
  em: EntityManager,
  payment: {
    projectId: string;
    allocationId: string;
    amount: string;
    paidOn: string;
    stage: PaymentStage;
    note: string | null;
  },
): Promise<string> {
  const [{ id }] = await write<{ id: string }>(em, {
    sql: `INSERT INTO project_payment (project_id, allocation_id, amount, paid_on, stage, note) VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
    bindings: [payment.projectId, payment.allocationId, payment.amount, payment.paidOn, payment.stage, payment.note],
  });
  return id;
}

/** Provider ids named by a project's budget lines: the partners funding it (parties of its events). */
export async function fundersOf(em: EntityManager, projectId: string): Promise<string[]> {
  const rows = await query<{ provider_id: string }>(em, {
    sql: 'SELECT DISTINCT provider_id FROM project_budget_line WHERE project_id = ? AND provider_id IS NOT NULL',
    bindings: [projectId],
  });
  return rows.map((r) => r.provider_id);
}

export async function villagesOf(em: EntityManager, projectId: string): Promise<string[]> {
  const rows = await query<{ village_code: string }>(em, {
    sql: 'SELECT village_code FROM project_village WHERE project_id = ? ORDER BY village_code',
    bindings: [projectId],
  });
  return rows.map((r) => r.village_code);
}
