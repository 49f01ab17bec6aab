import type { EntityManager } from '@mikro-orm/postgresql';
import { and, inList, query, withWhere, type SqlFragment } from '../../core/sql';
import type {
  EmploymentStatus,
  HealthStatus,
  HouseholdRelation,
  IdNumberVisibility,
  IncomeSource,
  LabourCapacity,
  SchoolingStatus,
} from './monitoring.enums';

/**
 * The named SQL of households, members, income and the access log. Scope conditions come from
 * the policies and are passed in; the repository never decides who sees what.
 */

export interface HouseholdRow {
  id: string;
  village_code: string;
  address: string | null;
  lifted_out_of_poverty: boolean;
  head_name: string;
  member_count: number;
  guarantees_assessed_on: string | null;
  food_secure: boolean | null;
  clothing_secure: boolean | null;
  education_secure: boolean | null;
  medical_secure: boolean | null;
  housing_secure: boolean | null;
  water_secure: boolean | null;
  guarantees_note: string | null;
}

/** Columns of `HouseholdRow` over `household h`; head and size come from the members. */
export const HOUSEHOLD_COLUMNS = `h.id, h.village_code, h.address, h.lifted_out_of_poverty,
  h.guarantees_assessed_on, h.food_secure, h.clothing_secure, h.education_secure, h.medical_secure,
  h.housing_secure, h.water_secure, h.guarantees_note,
  coalesce((SELECT hm.name FROM household_member hm WHERE hm.household_id = h.id AND hm.relation = 'HEAD'), '') AS head_name,
  (SELECT count(*)::int FROM household_member hm WHERE hm.household_id = h.id) AS member_count`;

export async function householdsWhere(em: EntityManager, where: SqlFragment): Promise<HouseholdRow[]> {
  return query<HouseholdRow>(em, withWhere(`SELECT ${HOUSEHOLD_COLUMNS} FROM household h`, where));
}

export interface MemberRow {
  id: string;
  household_id: string;
  village_code: string;
  name: string;
  id_number: string;
  relation: HouseholdRelation;
  labour_capacity: LabourCapacity;
  health: HealthStatus;
  schooling: SchoolingStatus;
  employment: EmploymentStatus;
  id_visibility: IdNumberVisibility;
}

/** Head first, then by age (oldest first), then id. */
const MEMBER_ORDER = `m.household_id, (m.relation <> 'HEAD'), substr(m.id_number, 7, 8), m.id`;

/**
 * Members matching `where` (over `household_member m JOIN household h`), each with how its ID
 * number may be shown (`visibility`, an SQL expression from the household policy).
 */
export async function membersWhere(
  em: EntityManager,
  where: SqlFragment,
  visibility: SqlFragment,
): Promise<MemberRow[]> {
  return query<MemberRow>(em, {
    sql: `SELECT m.id, m.household_id, h.village_code, m.name, m.id_number, m.relation, m.labour_capacity, m.health,
        m.schooling, m.employment, ${visibility.sql} AS id_visibility
      FROM household_member m JOIN household h ON h.id = m.household_id
      WHERE ${where.sql} ORDER BY ${MEMBER_ORDER}`,
    bindings: [...visibility.bindings, ...where.bindings],
  });
}

/** Labour capacity of every member of the given households. */
export async function labourOf(
  em: EntityManager,
  householdIds: readonly string[],
): Promise<{ household_id: string; labour_capacity: LabourCapacity }[]> {
  return query(
    em,
    withWhere('SELECT household_id, labour_capacity FROM household_member', inList('household_id', householdIds)),
  );
}

export interface IncomeRow {
  household_id: string;
  year: number;
  source: IncomeSource;
  amount: string;
}

export async function incomesOf(
  em: EntityManager,
  householdIds: readonly string[],
  year: number | null,
): Promise<IncomeRow[]> {
  return query<IncomeRow>(
    em,
    withWhere(
      'SELECT household_id, year, source, amount FROM household_income',
      and(
        inList('household_id', householdIds),
        year === null ? { sql: 'true', bindings: [] } : { sql: 'year = ?', bindings: [year] },
      ),
      'ORDER BY household_id, year DESC, source',
    ),
  );
}

export interface IncomeTotalRow {
  household_id: string;
  year: number;
  total: string;
  members: number;
}

/**
 * Each household's total net income of one year, or of its latest year with income when `year`
 * is null, with its current number of members.
 */
export async function incomeTotalsOf(
  em: EntityManager,
  householdIds: readonly string[],
  year: number | null,
): Promise<IncomeTotalRow[]> {
  const latest = year === null;
  return query<IncomeTotalRow>(em, {
    sql: `SELECT DISTINCT ON (i.household_id) i.household_id, i.year, sum(i.amount)::text AS total,
        (SELECT count(*)::int FROM household_member m WHERE m.household_id = i.household_id) AS members
      FROM household_income i
      WHERE ${inList('i.household_id', householdIds).sql} ${latest ? '' : 'AND i.year = ?'}
      GROUP BY i.household_id, i.year
      ORDER BY i.household_id, i.year DESC`,
    bindings: [...householdIds, ...(latest ? [] : [year])],
  });
}

/** Units dispatching an active resident team with someone on duty in the village. */
export async function residentUnitsOf(em: EntityManager, villageCode: string): Promise<string[]> {
  const rows = await query<{ unit_id: string }>(
    em,
    `SELECT DISTINCT tu.unit_id FROM resident_team t JOIN resident_team_unit tu ON tu.team_id = t.id
     WHERE t.village_code = ? AND t.status = 'ACTIVE'
       AND EXISTS (SELECT 1 FROM team_member m WHERE m.team_id = t.id AND m.status = 'ON_DUTY')`,
    [villageCode],
  );
  return rows.map((row) => row.unit_id);
}

// --- the personal-data access log --------------------------------------------------------------

export interface AccessEntry {
  actorRole: string;
  actorRegion: string | null;
  actorProvider: string | null;
  actorSubject: string | null;
  requestId: string;
  operation: string | null;
  field: string;
  householdId: string;
  memberId: string;
  regionCode: string;
}

/** Appends reads to the log in one statement (the table refuses updates and deletes). */
export async function appendAccess(em: EntityManager, entries: readonly AccessEntry[]): Promise<void> {
  if (!entries.length) return;
  await query(
    em,
    `INSERT INTO personal_data_access (actor_role, actor_region, actor_provider, actor_subject, request_id, operation, field, household_id, member_id, region_code)
     SELECT * FROM unnest(?::text[], ?::varchar[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::uuid[], ?::uuid[], ?::varchar[])`,
    [
      entries.map((e) => e.actorRole),
      entries.map((e) => e.actorRegion),
      entries.map((e) => e.actorProvider),
      entries.map((e) => e.actorSubject),
      entries.map((e) => e.requestId),
      entries.map((e) => e.operation),
      entries.map((e) => e.field),
      entries.map((e) => e.householdId),
      entries.map((e) => e.memberId),
      entries.map((e) => e.regionCode),
    ],
  );
}

export interface AccessRow {
  id: string;
  accessed_at: string;
  actor_role: string;
  actor_region: string | null;
  actor_subject: string | null;
  request_id: string;
  operation: string | null;
  field: string;
  household_id: string;
  member_id: string;
  region_code: string;
  member_name: string;
}

export const ACCESS_COLUMNS = `a.id::text AS id, a.accessed_at, a.actor_role, a.actor_region, a.actor_subject, a.request_id,
  a.operation, a.field, a.household_id, a.member_id, a.region_code, m.name AS member_name`;
export const ACCESS_FROM = 'personal_data_access a JOIN household_member m ON m.id = a.member_id';
