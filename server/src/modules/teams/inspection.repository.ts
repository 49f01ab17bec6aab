import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../core/context';
import { and, inList, query, withWhere, type SqlFragment } from '../../core/sql';
import { isUuid, toGlobalId } from '../../core/relay/global-id';
import type { ConnectionData, Page } from '../../core/relay/connection';
import { keysetPage } from '../../core/relay/keyset-page';
import { orderBySql, type SortColumn } from '../../core/relay/keyset';
import { addDays, weekOf } from '../../core/dates';
import type { InspectionConsequence } from './inspection.entity';
import { CHECK_COLUMNS, InspectionCheckType, InspectionNode } from './inspection.types';
import { WorkPlanType } from './team.types';
import { ITEMS, RESIDENCE_WEEKS, type InspectionFacts } from './inspection.rules';
import { memberWeeks } from './attendance.repository';

/** Named queries of 五查五看 inspections, work plans, and the facts an inspection is checked against. */

// Inspections

const CHECK_SELECT = ITEMS.map((item) => {
  const c = CHECK_COLUMNS[item];
  return `i.${c}_passed, i.${c}_note, i.${c}_computed, i.${c}_basis`;
}).join(', ');
const INSPECTION_COLUMNS = `i.id, i.team_id, i.date, i.inspector, ${CHECK_SELECT}, i.consequence, i.member_id, i.consequence_note, i.source`;
const INSPECTION_FROM = 'team_inspection i JOIN resident_team t ON t.id = i.team_id';
const INSPECTION_SORT: SortColumn[] = [
  { expr: 'i.date', direction: 'desc' },
  { expr: 'i.id', direction: 'asc' },
];

type CheckColumns = {
  [K in (typeof CHECK_COLUMNS)[keyof typeof CHECK_COLUMNS] as `${K}_passed`]: boolean;
} & {
  [K in (typeof CHECK_COLUMNS)[keyof typeof CHECK_COLUMNS] as `${K}_note` | `${K}_basis`]: string | null;
} & {
  [K in (typeof CHECK_COLUMNS)[keyof typeof CHECK_COLUMNS] as `${K}_computed`]: boolean | null;
};

type InspectionRow = CheckColumns & {
  id: string;
  team_id: string;
  date: string;
  inspector: string | null;
  consequence: InspectionConsequence;
  member_id: string | null;
  consequence_note: string | null;
  source: string | null;
};

function toInspection(row: InspectionRow): InspectionNode {
  const checks = ITEMS.map((item) => {
    const c = CHECK_COLUMNS[item];
    return Object.assign(new InspectionCheckType(), {
      item,
      passed: row[`${c}_passed`],
      computed: row[`${c}_computed`],
      basis: row[`${c}_basis`],
      note: row[`${c}_note`],
    });
  });
  return Object.assign(new InspectionNode(), {
    id: toGlobalId('TeamInspection', row.id),
    key: row.id,
    teamKey: row.team_id,
    memberKey: row.member_id,
    date: row.date,
    inspector: row.inspector,
    checks,
    passed: checks.every((c) => c.passed),
    consequence: row.consequence,
    consequenceNote: row.consequence_note,
    source: row.source,
  });
}

/** Inspections of each team (`readable` over `t`), newest first. */
export async function inspectionsOfTeams(
  em: EntityManager,
  teamKeys: readonly string[],
  readable: SqlFragment,
): Promise<InspectionNode[][]> {
  const rows = await query<InspectionRow>(
    em,
    withWhere(
      `SELECT ${INSPECTION_COLUMNS} FROM ${INSPECTION_FROM}`,
      and(inList('i.team_id', teamKeys), readable),
      `ORDER BY ${orderBySql(INSPECTION_SORT)}`,
    ),
  );
  return teamKeys.map((key) => rows.filter((row) => row.team_id === key).map(toInspection));
}

/** Inspections by key among those `readable` admits (over `t`), in the order asked. */
export async function inspectionsByKeys(
  em: EntityManager,
  keys: readonly string[],
  readable: SqlFragment,
): Promise<(InspectionNode | null)[]> {
  const rows = await query<InspectionRow>(
    em,
    withWhere(
      `SELECT ${INSPECTION_COLUMNS} FROM ${INSPECTION_FROM}`,
      and(inList('i.id', keys.filter(isUuid)), readable),
    ),
  );
  const byKey = new Map(rows.map((row) => [row.id, toInspection(row)]));
  return keys.map((key) => byKey.get(key) ?? null);
}

/** A page of inspections (`where` over `i` and `t`), newest first. */
export function inspectionPage(ctx: Context, where: SqlFragment, page: Page): Promise<ConnectionData<InspectionNode>> {
  return keysetPage<InspectionRow, InspectionNode>(ctx, {
    columns: INSPECTION_COLUMNS,
    from: INSPECTION_FROM,
    where,
    sort: INSPECTION_SORT,
    page,
    cursorOf: (row) => [row.date, row.id],
    toNode: toInspection,
  });
}

// Work plans

interface WorkPlanRow {
  id: string;
  team_id: string;
  year: number;
  content: string;
  submitted_at: Date;
  source: string | null;
}

function toWorkPlan(row: WorkPlanRow): WorkPlanType {
  return Object.assign(new WorkPlanType(), {
    id: toGlobalId('TeamWorkPlan', row.id),
    year: row.year,
    content: row.content,
    submittedAt: row.submitted_at,
    source: row.source,
  });
}

const WORK_PLAN_COLUMNS = 'w.id, w.team_id, w.year, w.content, w.submitted_at, w.source';

/** Work plans of each team, newest year first. */
export async function workPlansOfTeams(em: EntityManager, teamKeys: readonly string[]): Promise<WorkPlanType[][]> {
  const rows = await query<WorkPlanRow>(
    em,
    withWhere(
      `SELECT ${WORK_PLAN_COLUMNS} FROM team_work_plan w`,
      inList('w.team_id', teamKeys),
      'ORDER BY w.team_id, w.year DESC',
    ),
  );
  return teamKeys.map((key) => rows.filter((row) => row.team_id === key).map(toWorkPlan));
}

export async function workPlanByKey(em: EntityManager, key: string): Promise<WorkPlanType> {
  const [row] = await query<WorkPlanRow>(em, `SELECT ${WORK_PLAN_COLUMNS} FROM team_work_plan w WHERE w.id = ?`, [key]);
  return toWorkPlan(row);
}

export async function workPlanExists(em: EntityManager, teamKey: string, year: number): Promise<boolean> {
  return (await query(em, 'SELECT 1 FROM team_work_plan WHERE team_id = ? AND year = ?', [teamKey, year])).length > 0;
}

// The facts an inspection is checked against

/**
 * What the platform holds about a team on an inspection date: the member-weeks of the
 * RESIDENCE_WEEKS complete weeks before it (the 五天四夜 SQL), the first secretary and the party
 * members on duty that day, and the team's plan for the date's year (submission day in
 * Asia/Shanghai). Four small statements; an inspection is recorded one at a time.
 */
export async function inspectionFacts(em: EntityManager, teamKey: string, date: string): Promise<InspectionFacts> {
  const lastMonday = addDays(weekOf(date).start, -7);
  const firstMonday = addDays(lastMonday, -7 * (RESIDENCE_WEEKS - 1));
  const weeks = await memberWeeks(em, { sql: 't.id = ?', bindings: [teamKey] }, firstMonday, lastMonday);
  const names = new Map(
    (
      await query<{ id: string; name: string }>(
        em,
        withWhere(
          'SELECT m.id, p.name FROM team_member m JOIN person p ON p.id = m.person_id',
          inList('m.id', [...new Set(weeks.map((w) => w.member_id))]),
        ),
      )
    ).map((row) => [row.id, row.name]),
  );
  const onDuty = await query<{
    name: string;
    role: string;
    party_member: boolean;
    party_member_since: string | null;
    party_transferred_on: string | null;
  }>(
    em,
    `SELECT p.name, m.role, p.party_member, p.party_member_since::text AS party_member_since,
       m.party_transferred_on::text AS party_transferred_on
     FROM team_member m JOIN person p ON p.id = m.person_id
     WHERE m.team_id = ? AND m.on_duty_from <= ?::date AND (m.status = 'ON_DUTY' OR m.on_duty_to >= ?::date)
     ORDER BY CASE m.role WHEN 'FIRST_SECRETARY' THEN 0 WHEN 'TEAM_LEADER' THEN 1 ELSE 2 END, m.on_duty_from, m.id`,
    [teamKey, date, date],
  );
  const year = Number(date.slice(0, 4));
  const [plan] = await query<{ submitted_on: string }>(
    em,
    `SELECT (submitted_at AT TIME ZONE 'Asia/Shanghai')::date::text AS submitted_on FROM team_work_plan WHERE team_id = ? AND year = ?`,
    [teamKey, year],
  );
  const firstSecretary = onDuty.find((m) => m.role === 'FIRST_SECRETARY');
  return {
    residence: weeks
      .sort((a, b) => a.week_start.localeCompare(b.week_start) || a.member_id.localeCompare(b.member_id))
      .map((w) => ({
        memberName: names.get(w.member_id) ?? w.member_id,
        weekStart: w.week_start,
        days: w.days,
        nights: w.nights,
        requiredDays: w.required_days,
        requiredNights: w.required_nights,
        compliant: w.compliant,
      })),
    firstSecretary: firstSecretary
      ? {
          name: firstSecretary.name,
          partyMember: firstSecretary.party_member,
          partyMemberSince: firstSecretary.party_member_since,
        }
      : null,
    partyMembers: onDuty
      .filter((m) => m.party_member)
      .map((m) => ({ name: m.name, transferredOn: m.party_transferred_on })),
    plan: { year, submittedOn: plan?.submitted_on ?? null },
  };
}
