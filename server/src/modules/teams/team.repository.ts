import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../core/context';
import { and, inList, query, sqlTrue, withWhere, type SqlFragment } from '../../core/sql';
import { isUuid, toGlobalId } from '../../core/relay/global-id';
import type { ConnectionData, Page } from '../../core/relay/connection';
import { keysetPage } from '../../core/relay/keyset-page';
import type { SortColumn } from '../../core/relay/keyset';
import type { UnitKind, UnitLevel } from '../providers/provider.entity';
import type { Gender, MemberRole, MemberStatus, TeamStatus } from './team.entity';
import {
  DispatchingUnitType,
  PersonType,
  ResidentTeamNode,
  TeamMemberNode,
  TeamVacancyNode,
  maskPhone,
} from './team.types';

/**
 * Named queries of resident teams: teams, their dispatching units, members with their people,
 * and vacancies. Scope conditions come from `team.policy.ts`, over the alias `t` of
 * `resident_team`.
 */

// Teams

const TEAM_COLUMNS = 't.id, t.village_code, t.term_start, t.term_end, t.status, t.source';

interface TeamRow {
  id: string;
  village_code: string;
  term_start: string;
  term_end: string;
  status: TeamStatus;
  source: string | null;
}

function toTeam(row: TeamRow): ResidentTeamNode {
  return Object.assign(new ResidentTeamNode(), {
    id: toGlobalId('ResidentTeam', row.id),
    key: row.id,
    villageCode: row.village_code,
    termStart: row.term_start,
    termEnd: row.term_end,
    status: row.status,
    source: row.source,
  });
}

/** Teams by key among those `readable` admits (over `t`), in the order asked. */
export async function teamsByKeys(
  em: EntityManager,
  keys: readonly string[],
  readable: SqlFragment,
): Promise<(ResidentTeamNode | null)[]> {
  const rows = await query<TeamRow>(
    em,
    withWhere(`SELECT ${TEAM_COLUMNS} FROM resident_team t`, and(inList('t.id', keys.filter(isUuid)), readable)),
  );
  const byKey = new Map(rows.map((row) => [row.id, toTeam(row)]));
  return keys.map((key) => byKey.get(key) ?? null);
}

/** A page of teams: by village code, newest term first. */
export function teamPage(ctx: Context, where: SqlFragment, page: Page): Promise<ConnectionData<ResidentTeamNode>> {
  return keysetPage<TeamRow, ResidentTeamNode>(ctx, {
    columns: TEAM_COLUMNS,
    from: 'resident_team t',
    where,
    sort: [
      { expr: 't.village_code', direction: 'asc' },
      { expr: 't.term_start', direction: 'desc' },
      { expr: 't.id', direction: 'asc' },
    ],
    page,
    cursorOf: (row) => [row.village_code, row.term_start, row.id],
    toNode: toTeam,
  });
}

/** Whether a village exists (any viewer may dispatch only where policy allowed it before). */
export async function villageExists(em: EntityManager, code: string): Promise<boolean> {
  return (await query(em, 'SELECT 1 FROM village WHERE code = ?', [code])).length > 0;
}

/** How many of `ids` are assistance units. */
export async function countAssistanceUnits(em: EntityManager, ids: readonly string[]): Promise<number> {
  const [{ count }] = await query<{ count: number }>(
    em,
    withWhere(
      'SELECT count(*)::int AS count FROM provider',
      and(inList('id', ids), { sql: `type = 'ASSISTANCE_UNIT'`, bindings: [] }),
    ),
  );
  return count;
}

/** The village's active team, if any. */
export async function activeTeamOfVillage(em: EntityManager, villageCode: string): Promise<string | null> {
  const [row] = await query<{ id: string }>(
    em,
    `SELECT id FROM resident_team WHERE village_code = ? AND status = 'ACTIVE'`,
    [villageCode],
  );
  return row?.id ?? null;
}

/** Key-assisted villages (`readable` over `r.code`) where no team has anyone on duty: a page of codes. */
export function keyVillageCodesWithoutTeam(
  ctx: Context,
  where: SqlFragment,
  page: Page,
): Promise<ConnectionData<string>> {
  return keysetPage<{ code: string }, string>(ctx, {
    columns: 'r.code',
    from: 'village v JOIN region r ON r.code = v.code',
    where: and(
      where,
      {
        sql: `EXISTS (SELECT 1 FROM village_designation d WHERE d.village_code = r.code AND d.kind = 'KEY_ASSISTED')`,
        bindings: [],
      },
      {
        sql: `NOT EXISTS (SELECT 1 FROM resident_team t JOIN team_member m ON m.team_id = t.id AND m.status = 'ON_DUTY' WHERE t.village_code = r.code)`,
        bindings: [],
      },
    ),
    sort: [{ expr: 'r.code', direction: 'asc' }],
    page,
    cursorOf: (row) => [row.code],
    toNode: (row) => row.code,
  });
}

// Dispatching units

interface UnitRow {
  team_id: string;
  unit_id: string;
  name: string;
  unit_kind: UnitKind;
  unit_level: UnitLevel;
  lead: boolean;
}

function toDispatchingUnit(row: UnitRow): DispatchingUnitType {
  return Object.assign(new DispatchingUnitType(), {
    lead: row.lead,
    name: row.name,
    kind: row.unit_kind,
    level: row.unit_level,
    unitKey: row.unit_id,
  });
}

/** The dispatching units of each team, lead unit first. */
export async function unitsOfTeams(em: EntityManager, teamKeys: readonly string[]): Promise<DispatchingUnitType[][]> {
  const rows = await query<UnitRow>(
    em,
    withWhere(
      'SELECT tu.team_id, tu.unit_id, tu.lead, p.name, p.unit_kind, p.unit_level FROM resident_team_unit tu JOIN provider p ON p.id = tu.unit_id',
      inList('tu.team_id', teamKeys),
      'ORDER BY tu.team_id, tu.lead DESC, p.name, p.id',
    ),
  );
  return teamKeys.map((key) => rows.filter((row) => row.team_id === key).map(toDispatchingUnit));
}

/** Ids of the units dispatching a team. */
export async function unitIdsOfTeam(em: EntityManager, teamKey: string): Promise<string[]> {
  const rows = await query<{ unit_id: string }>(em, 'SELECT unit_id FROM resident_team_unit WHERE team_id = ?', [
    teamKey,
  ]);
  return rows.map((row) => row.unit_id);
}

// Members

const MEMBER_COLUMNS = `m.id, m.team_id, m.role, m.status, m.on_duty_from, m.on_duty_to, m.party_transferred_on, m.source,
  p.id AS person_id, p.name AS person_name, p.gender, p.party_member, p.party_member_since, p.phone, p.post, p.source AS person_source,
  p.unit_id, u.name AS unit_name`;
const MEMBER_FROM =
  'team_member m JOIN person p ON p.id = m.person_id JOIN provider u ON u.id = p.unit_id JOIN resident_team t ON t.id = m.team_id';

/** On duty first, then first secretary, leader, members; then by start of duty. */
const MEMBER_ORDER = `(m.status <> 'ON_DUTY'), CASE m.role WHEN 'FIRST_SECRETARY' THEN 0 WHEN 'TEAM_LEADER' THEN 1 ELSE 2 END, m.on_duty_from, m.id`;

interface MemberRow {
  id: string;
  team_id: string;
  role: MemberRole;
  status: MemberStatus;
  on_duty_from: string;
  on_duty_to: string;
  party_transferred_on: string | null;
  source: string | null;
  person_id: string;
  person_name: string;
  gender: Gender;
  party_member: boolean;
  party_member_since: string | null;
  phone: string;
  post: string | null;
  person_source: string | null;
  unit_id: string;
  unit_name: string;
}

/** `revealPhone` is the policy's answer for the viewer; the row never sees the viewer. */
function toMember(row: MemberRow, revealPhone: boolean): TeamMemberNode {
  const person = Object.assign(new PersonType(), {
    id: toGlobalId('Person', row.person_id),
    name: row.person_name,
    gender: row.gender,
    partyMember: row.party_member,
    partyMemberSince: row.party_member_since,
    partyMembershipTransferredOn: row.party_transferred_on,
    phone: revealPhone ? row.phone : maskPhone(row.phone),
    post: row.post,
    unitName: row.unit_name,
    unitId: toGlobalId('AssistanceUnit', row.unit_id),
    source: row.person_source,
  });
  return Object.assign(new TeamMemberNode(), {
    id: toGlobalId('TeamMember', row.id),
    key: row.id,
    teamKey: row.team_id,
    role: row.role,
    status: row.status,
    onDutyFrom: row.on_duty_from,
    onDutyTo: row.on_duty_to,
    source: row.source,
    person,
  });
}

/** Members of each team (`readable` over `t`), optionally of one status, on duty first. */
export async function membersOfTeams(
  em: EntityManager,
  teamKeys: readonly string[],
  readable: SqlFragment,
  status: MemberStatus | null | undefined,
  revealPhone: boolean,
): Promise<TeamMemberNode[][]> {
  const rows = await query<MemberRow>(
    em,
    withWhere(
      `SELECT ${MEMBER_COLUMNS} FROM ${MEMBER_FROM}`,
      and(inList('m.team_id', teamKeys), readable, status ? { sql: 'm.status = ?', bindings: [status] } : sqlTrue),
      `ORDER BY ${MEMBER_ORDER}`,
    ),
  );
  return teamKeys.map((key) => rows.filter((row) => row.team_id === key).map((row) => toMember(row, revealPhone)));
}

/** Members by key among those `readable` admits (over `t`), in the order asked. */
export async function membersByKeys(
  em: EntityManager,
  keys: readonly string[],
  readable: SqlFragment,
  revealPhone: boolean,
): Promise<(TeamMemberNode | null)[]> {
  const rows = await query<MemberRow>(
    em,
    withWhere(`SELECT ${MEMBER_COLUMNS} FROM ${MEMBER_FROM}`, and(inList('m.id', keys.filter(isUuid)), readable)),
  );
  const byKey = new Map(rows.map((row) => [row.id, toMember(row, revealPhone)]));
  return keys.map((key) => byKey.get(key) ?? null);
}

/** A page of members (`where` over `m` and `t`), soonest planned last day first. */
export function memberPage(
  ctx: Context,
  where: SqlFragment,
  page: Page,
  revealPhone: boolean,
): Promise<ConnectionData<TeamMemberNode>> {
  const sort: SortColumn[] = [
    { expr: 'm.on_duty_to', direction: 'asc' },
    { expr: 'm.id', direction: 'asc' },
  ];
  return keysetPage<MemberRow, TeamMemberNode>(ctx, {
    columns: MEMBER_COLUMNS,
    from: MEMBER_FROM,
    where,
    sort,
    page,
    cursorOf: (row) => [row.on_duty_to, row.id],
    toNode: (row) => toMember(row, revealPhone),
  });
}

/** A person the viewer can already see through a team (`readable` over `t`), with what dispatch needs. */
export async function personForDispatch(
  em: EntityManager,
  personKey: string,
  readable: SqlFragment,
): Promise<{ unit_id: string; party_member: boolean } | null> {
  const [row] = await query<{ unit_id: string; party_member: boolean }>(
    em,
    withWhere(
      'SELECT p.unit_id, p.party_member FROM person p',
      and(
        { sql: 'p.id = ?', bindings: [personKey] },
        {
          sql: `EXISTS (SELECT 1 FROM team_member m JOIN resident_team t ON t.id = m.team_id WHERE m.person_id = p.id AND ${readable.sql})`,
          bindings: readable.bindings,
        },
      ),
    ),
  );
  return row ?? null;
}

/** Whether the person is on duty in any team. */
export async function personOnDuty(em: EntityManager, personKey: string): Promise<boolean> {
  return (
    (await query(em, `SELECT 1 FROM team_member WHERE person_id = ? AND status = 'ON_DUTY'`, [personKey])).length > 0
  );
}

/** Whether the team has a first secretary on duty. */
export async function firstSecretaryOnDuty(em: EntityManager, teamKey: string): Promise<boolean> {
  return (
    (
      await query(
        em,
        `SELECT 1 FROM team_member WHERE team_id = ? AND role = 'FIRST_SECRETARY' AND status = 'ON_DUTY'`,
        [teamKey],
      )
    ).length > 0
  );
}

/** Whether a member still on duty started after `date`. */
export async function memberOnDutyStartingAfter(em: EntityManager, teamKey: string, date: string): Promise<boolean> {
  return (
    (
      await query(em, `SELECT 1 FROM team_member WHERE team_id = ? AND status = 'ON_DUTY' AND on_duty_from > ?::date`, [
        teamKey,
        date,
      ])
    ).length > 0
  );
}

/** The person of a membership. */
export async function personOfMember(em: EntityManager, memberKey: string): Promise<string> {
  const [row] = await query<{ person_id: string }>(em, 'SELECT person_id FROM team_member WHERE id = ?', [memberKey]);
  return row.person_id;
}

// Vacancies

const VACANCY_COLUMNS =
  'v.id, v.team_id, v.role, v.opened_on, v.closed_on, v.inspection_id, v.recalled_member_id, v.filled_by_member_id, v.source';

interface VacancyRow {
  id: string;
  team_id: string;
  role: MemberRole;
  opened_on: string;
  closed_on: string | null;
  inspection_id: string | null;
  recalled_member_id: string | null;
  filled_by_member_id: string | null;
  source: string | null;
}

function toVacancy(row: VacancyRow): TeamVacancyNode {
  return Object.assign(new TeamVacancyNode(), {
    id: toGlobalId('TeamVacancy', row.id),
    key: row.id,
    teamKey: row.team_id,
    role: row.role,
    openedOn: row.opened_on,
    closedOn: row.closed_on,
    open: row.closed_on === null,
    inspectionKey: row.inspection_id,
    recalledMemberKey: row.recalled_member_id,
    filledByMemberKey: row.filled_by_member_id,
    source: row.source,
  });
}

/** Vacancies of each team (the teams are already visible), open ones first, then by opening day. */
export async function vacanciesOfTeams(em: EntityManager, teamKeys: readonly string[]): Promise<TeamVacancyNode[][]> {
  const rows = await query<VacancyRow>(
    em,
    withWhere(
      `SELECT ${VACANCY_COLUMNS} FROM team_vacancy v`,
      inList('v.team_id', teamKeys),
      'ORDER BY v.team_id, v.closed_on IS NOT NULL, v.opened_on, v.id',
    ),
  );
  return teamKeys.map((key) => rows.filter((row) => row.team_id === key).map(toVacancy));
}

/** Vacancies by key among those of teams `readable` admits (over `t`). */
export async function vacanciesByKeys(
  em: EntityManager,
  keys: readonly string[],
  readable: SqlFragment,
): Promise<(TeamVacancyNode | null)[]> {
  const rows = await query<VacancyRow>(
    em,
    withWhere(
      `SELECT ${VACANCY_COLUMNS} FROM team_vacancy v JOIN resident_team t ON t.id = v.team_id`,
      and(inList('v.id', keys.filter(isUuid)), readable),
    ),
  );
  const byKey = new Map(rows.map((row) => [row.id, toVacancy(row)]));
  return keys.map((key) => byKey.get(key) ?? null);
}

/** A page of vacancies (`where` over `v` and `t`), oldest first. */
export function vacancyPage(ctx: Context, where: SqlFragment, page: Page): Promise<ConnectionData<TeamVacancyNode>> {
  return keysetPage<VacancyRow, TeamVacancyNode>(ctx, {
    columns: VACANCY_COLUMNS,
    from: 'team_vacancy v JOIN resident_team t ON t.id = v.team_id',
    where,
    sort: [
      { expr: 'v.opened_on', direction: 'asc' },
      { expr: 'v.id', direction: 'asc' },
    ],
    page,
    cursorOf: (row) => [row.opened_on, row.id],
    toNode: toVacancy,
  });
}

/**
 * Fills the team's oldest open vacancy of `role` with a member dispatched on `date`; its key, or
 * null when none was open. SKIP LOCKED: two dispatches racing into a team with two vacancies fill
 * one each instead of waiting on the same row.
 */
export async function fillVacancy(
  em: EntityManager,
  teamKey: string,
  role: MemberRole,
  memberKey: string,
  date: string,
): Promise<string | null> {
  const [row] = await query<{ id: string }>(
    em,
    `UPDATE team_vacancy SET closed_on = greatest(?::date, opened_on), filled_by_member_id = ?
     WHERE id = (SELECT id FROM team_vacancy WHERE team_id = ? AND role = ? AND closed_on IS NULL ORDER BY opened_on, id LIMIT 1 FOR UPDATE SKIP LOCKED)
     RETURNING id`,
    [date, memberKey, teamKey, role],
  );
  return row?.id ?? null;
}

/** Closes every open vacancy of a team that ends on `date`. */
export async function closeVacancies(em: EntityManager, teamKey: string, date: string): Promise<void> {
  await query(
    em,
    `UPDATE team_vacancy SET closed_on = greatest(?::date, opened_on) WHERE team_id = ? AND closed_on IS NULL`,
    [date, teamKey],
  );
}
