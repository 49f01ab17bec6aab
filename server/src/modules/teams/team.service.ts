import crypto from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../core/context';
import { appendTeamEvent, TeamEventKind } from './team.events';
import { villagePolicy } from '../villages/village.policy';
import { badInput, conflict, notFound } from '../../core/errors';
import { and, inList, query, withWhere, type SqlFragment } from '../../core/sql';
import { readPage, toConnection, type ConnectionData, type PageInput } from '../../core/relay/connection';
import { afterSql, orderBySql, type SortColumn } from '../../core/relay/keyset';
import { prefixOfCode } from '../../core/region-codes';
import { regionCodeArg } from '../regions/region.service';
import { villageCodeFromId } from '../villages/village.service';
import type { VillageNode } from '../villages/village.types';
import { VILLAGES_BY_CODE, villagePage, villagesByCodes } from '../villages/village.repository';
import {
  MemberRole,
  MemberStatus,
  Person,
  ResidentTeam,
  ResidentTeamUnit,
  TeamMember,
  TeamStatus,
} from './team.entity';
import {
  DispatchingUnitType,
  ResidentTeamNode,
  TeamMemberNode,
  type DispatchingUnitRow,
  type MemberRow,
  type ResidentTeamFilter,
  type TeamRow,
} from './team.types';
import type {
  AddTeamMemberInput,
  CreateResidentTeamInput,
  EndResidentTeamInput,
  NewPersonInput,
  RotateTeamMemberInput,
} from './team.inputs';
import { keyFromId, notInFuture } from './team.validation';
import { teamPolicy } from './team.policy';
import { isUuid } from '../../core/relay/global-id';
import { addDays, todayInShanghai } from '../../core/dates';

type PageArgs = PageInput;

export const PERSON_ON_DUTY =
  'This person is already on duty in a resident team; rotate them out first (一人同时只能在一个工作队在岗)';
export const FIRST_SECRETARY_ON_DUTY =
  'The team already has a first secretary on duty (每个工作队只能有一名在岗第一书记)';
export const ACTIVE_TEAM_EXISTS = 'The village already has an active resident team';

const TEAM_SELECT = 'SELECT t.id, t.village_code, t.term_start, t.term_end, t.status FROM resident_team t';

export const MEMBER_SELECT = `SELECT m.id, m.team_id, m.role, m.status, m.on_duty_from, m.on_duty_to,
    p.id AS person_id, p.name AS person_name, p.gender, p.party_member, p.phone, p.post, p.unit_id, u.name AS unit_name
  FROM team_member m JOIN person p ON p.id = m.person_id JOIN provider u ON u.id = p.unit_id JOIN resident_team t ON t.id = m.team_id`;

/** On duty first, then first secretary, leader, members; then by start of duty. */
const MEMBER_ORDER = `(m.status <> 'ON_DUTY'), CASE m.role WHEN 'FIRST_SECRETARY' THEN 0 WHEN 'TEAM_LEADER' THEN 1 ELSE 2 END, m.on_duty_from, m.id`;

const TEAM_SORT: SortColumn[] = [
  { expr: 't.village_code', direction: 'asc' },
  { expr: 't.term_start', direction: 'desc' },
  { expr: 't.id', direction: 'asc' },
];

export class TeamService {
  async findByKeys(ctx: Context, keys: readonly string[]): Promise<(ResidentTeamNode | null)[]> {
    const rows = await query<TeamRow>(
      ctx.em,
      withWhere(TEAM_SELECT, and(inList('t.id', keys), teamPolicy.readable(ctx.viewer, 't'))),
    );
    const byKey = new Map(rows.map((row) => [row.id, ResidentTeamNode.from(row)]));
    return keys.map((key) => byKey.get(key) ?? null);
  }

  /** A team the viewer may see, or null (absent, hidden and malformed keys look the same). */
  byKey(ctx: Context, key: string): Promise<ResidentTeamNode | null> {
    if (!isUuid(key)) return Promise.resolve(null);
    return ctx.loaders
      .get<string, ResidentTeamNode | null>('team.byKey', (keys) => this.findByKeys(ctx, keys))
      .load(key.toLowerCase());
  }

  async require(ctx: Context, teamId: string, field = 'teamId'): Promise<ResidentTeamNode> {
    const team = await this.byKey(ctx, keyFromId(teamId, 'ResidentTeam', field));
    if (!team) throw notFound('Resident team not found', field);
    return team;
  }

  /** `residentTeams(filter, first, after)`: by village code, newest term first. */
  async list(
    ctx: Context,
    filter: ResidentTeamFilter | undefined,
    args: PageArgs,
  ): Promise<ConnectionData<ResidentTeamNode>> {
    const page = readPage(args);
    const parts: SqlFragment[] = [teamPolicy.readable(ctx.viewer, 't')];
    if (filter?.regionCode)
      parts.push({
        sql: 't.village_code LIKE ?',
        bindings: [`${prefixOfCode(regionCodeArg(filter.regionCode, 'filter.regionCode'))}%`],
      });
    if (filter?.villageId)
      parts.push({ sql: 't.village_code = ?', bindings: [villageCodeFromId(filter.villageId, 'filter.villageId')] });
    if (filter?.status) parts.push({ sql: 't.status = ?', bindings: [filter.status] });
    const where = and(...parts);
    const seek = page.after ? afterSql(TEAM_SORT, page.after) : undefined;
    const rows = await query<TeamRow>(
      ctx.em,
      withWhere(
        TEAM_SELECT,
        seek ? and(where, seek) : where,
        `ORDER BY ${orderBySql(TEAM_SORT)} LIMIT ${page.first + 1}`,
      ),
    );
    return toConnection(
      rows,
      page,
      (row) => [row.village_code, row.term_start, row.id],
      ResidentTeamNode.from,
      async () => {
        const [{ count }] = await query<{ count: number }>(
          ctx.em,
          withWhere('SELECT count(*)::int AS count FROM resident_team t', where),
        );
        return count;
      },
    );
  }

  /**
   * `ResidentTeam.village`. The team is already within the viewer's scope, so its village's public
   * profile is shown even to a dispatching unit that has no pairing with the village.
   */
  village(ctx: Context, team: ResidentTeamNode): Promise<VillageNode | null> {
    const loader = ctx.loaders.get<string, VillageNode | null>('team.village', async (codes) => {
      const byCode = new Map((await villagesByCodes(ctx.em, codes)).map((village) => [village.code, village]));
      return codes.map((code) => byCode.get(code) ?? null);
    });
    return loader.load(team.villageCode);
  }

  /** `ResidentTeam.dispatchingUnits`: lead unit first. */
  dispatchingUnits(ctx: Context, teamKey: string): Promise<DispatchingUnitType[]> {
    const loader = ctx.loaders.get<string, DispatchingUnitType[]>('team.dispatchingUnits', async (keys) => {
      const rows = await query<DispatchingUnitRow>(
        ctx.em,
        withWhere(
          'SELECT tu.team_id, tu.unit_id, tu.lead, p.name, p.unit_kind, p.unit_level FROM resident_team_unit tu JOIN provider p ON p.id = tu.unit_id',
          inList('tu.team_id', keys),
          'ORDER BY tu.team_id, tu.lead DESC, p.name, p.id',
        ),
      );
      return keys.map((key) => rows.filter((row) => row.team_id === key).map(DispatchingUnitType.from));
    });
    return loader.load(teamKey);
  }

  /** `ResidentTeam.members(status)`: every member of the requested teams in one statement. */
  members(ctx: Context, teamKey: string, status: MemberStatus | null | undefined): Promise<TeamMemberNode[]> {
    const reveal = teamPolicy.revealsPhone(ctx.viewer);
    const loader = ctx.loaders.get<string, TeamMemberNode[]>(`team.members:${status ?? 'all'}`, async (keys) => {
      const rows = await query<MemberRow>(
        ctx.em,
        withWhere(
          MEMBER_SELECT,
          and(
            inList('m.team_id', keys),
            teamPolicy.readable(ctx.viewer, 't'),
            status ? { sql: 'm.status = ?', bindings: [status] } : { sql: 'true', bindings: [] },
          ),
          `ORDER BY ${MEMBER_ORDER}`,
        ),
      );
      return keys.map((key) =>
        rows.filter((row) => row.team_id === key).map((row) => TeamMemberNode.from(row, reveal)),
      );
    });
    return loader.load(teamKey);
  }

  async findMembersByKeys(
    ctx: Context,
    keys: readonly string[],
    em: EntityManager = ctx.em,
  ): Promise<(TeamMemberNode | null)[]> {
    const reveal = teamPolicy.revealsPhone(ctx.viewer);
    const rows = await query<MemberRow>(
      em,
      withWhere(MEMBER_SELECT, and(inList('m.id', keys), teamPolicy.readable(ctx.viewer, 't'))),
    );
    const byKey = new Map(rows.map((row) => [row.id, TeamMemberNode.from(row, reveal)]));
    return keys.map((key) => byKey.get(key) ?? null);
  }

  memberByKey(ctx: Context, key: string): Promise<TeamMemberNode | null> {
    if (!isUuid(key)) return Promise.resolve(null);
    return ctx.loaders
      .get<string, TeamMemberNode | null>('team.memberByKey', (keys) => this.findMembersByKeys(ctx, keys))
      .load(key.toLowerCase());
  }

  async requireMember(ctx: Context, memberId: string, field = 'memberId'): Promise<TeamMemberNode> {
    const member = await this.memberByKey(ctx, keyFromId(memberId, 'TeamMember', field));
    if (!member) throw notFound('Team member not found', field);
    return member;
  }

  /** A member as it stands now, bypassing the request's cache (after a write). */
  async freshMember(ctx: Context, key: string): Promise<TeamMemberNode> {
    const [member] = await this.findMembersByKeys(ctx, [key]);
    if (!member) throw notFound('Team member not found');
    return member;
  }

  async freshTeam(ctx: Context, key: string): Promise<ResidentTeamNode> {
    const [team] = await this.findByKeys(ctx, [key]);
    if (!team) throw notFound('Resident team not found');
    return team;
  }

  /** `keyVillagesWithoutTeam`: key-assisted villages (重点帮扶村) where no team has anyone on duty. */
  async keyVillagesWithoutTeam(
    ctx: Context,
    regionCode: string | null | undefined,
    args: PageArgs,
  ): Promise<ConnectionData<VillageNode>> {
    const page = readPage(args);
    const where = and(
      villagePolicy.readable(ctx.viewer, 'r.code'),
      regionCode
        ? { sql: 'r.code LIKE ?', bindings: [`${prefixOfCode(regionCodeArg(regionCode, 'regionCode'))}%`] }
        : { sql: 'true', bindings: [] },
      {
        sql: `EXISTS (SELECT 1 FROM village_designation d WHERE d.village_code = r.code AND d.kind = 'KEY_ASSISTED')`,
        bindings: [],
      },
      {
        sql: `NOT EXISTS (SELECT 1 FROM resident_team t JOIN team_member m ON m.team_id = t.id AND m.status = 'ON_DUTY' WHERE t.village_code = r.code)`,
        bindings: [],
      },
    );
    return villagePage(ctx, where, VILLAGES_BY_CODE, page);
  }

  /** `teamMembersWithTermEnding`: members on duty whose planned last day falls within `withinDays` from today, overdue ones included. */
  async membersWithTermEnding(
    ctx: Context,
    withinDays: number,
    regionCode: string | null | undefined,
    args: PageArgs,
  ): Promise<ConnectionData<TeamMemberNode>> {
    if (!Number.isInteger(withinDays) || withinDays < 0 || withinDays > 366)
      throw badInput('withinDays', 'withinDays must be between 0 and 366');
    const page = readPage(args);
    const sort: SortColumn[] = [
      { expr: 'm.on_duty_to', direction: 'asc' },
      { expr: 'm.id', direction: 'asc' },
    ];
    const where = and(
      teamPolicy.readable(ctx.viewer, 't'),
      { sql: `m.status = 'ON_DUTY' AND m.on_duty_to <= ?::date`, bindings: [addDays(todayInShanghai(), withinDays)] },
      regionCode
        ? { sql: 't.village_code LIKE ?', bindings: [`${prefixOfCode(regionCodeArg(regionCode, 'regionCode'))}%`] }
        : { sql: 'true', bindings: [] },
    );
    const seek = page.after ? afterSql(sort, page.after) : undefined;
    const rows = await query<MemberRow>(
      ctx.em,
      withWhere(MEMBER_SELECT, seek ? and(where, seek) : where, `ORDER BY ${orderBySql(sort)} LIMIT ${page.first + 1}`),
    );
    const reveal = teamPolicy.revealsPhone(ctx.viewer);
    return toConnection(
      rows,
      page,
      (row) => [row.on_duty_to, row.id],
      (row) => TeamMemberNode.from(row, reveal),
      async () => {
        const [{ count }] = await query<{ count: number }>(
          ctx.em,
          withWhere('SELECT count(*)::int AS count FROM team_member m JOIN resident_team t ON t.id = m.team_id', where),
        );
        return count;
      },
    );
  }

  async unitIdsOf(em: EntityManager, teamKey: string): Promise<string[]> {
    const rows = await query<{ unit_id: string }>(em, 'SELECT unit_id FROM resident_team_unit WHERE team_id = ?', [
      teamKey,
    ]);
    return rows.map((row) => row.unit_id);
  }

  /** `createResidentTeam`: a team with its dispatching units; at most one active team per village. */
  async create(ctx: Context, input: CreateResidentTeamInput): Promise<ResidentTeamNode> {
    const villageCode = villageCodeFromId(input.villageId);
    teamPolicy.requireWrite(ctx.viewer, { villageCode: villageCode });
    if (input.termEnd < input.termStart) throw badInput('termEnd', 'termEnd must not be before termStart');
    const unitIds = [
      ...new Set(input.dispatchingUnitIds.map((id, i) => keyFromId(id, 'AssistanceUnit', `dispatchingUnitIds.${i}`))),
    ];
    const leadId = keyFromId(input.leadUnitId, 'AssistanceUnit', 'leadUnitId');
    if (!unitIds.includes(leadId)) throw badInput('leadUnitId', 'leadUnitId must be one of dispatchingUnitIds');
    const teamKey = await ctx.em.transactional(async (em) => {
      const [village] = await query<{ code: string }>(em, 'SELECT code FROM village WHERE code = ?', [villageCode]);
      if (!village) throw notFound('Village not found', 'villageId');
      const units = await query<{ id: string }>(
        em,
        withWhere(
          `SELECT id FROM provider`,
          and(inList('id', unitIds), { sql: `type = 'ASSISTANCE_UNIT'`, bindings: [] }),
        ),
      );
      if (units.length !== unitIds.length)
        throw badInput('dispatchingUnitIds', 'dispatchingUnitIds must name existing assistance units (帮扶单位)');
      const [active] = await query<{ id: string }>(
        em,
        `SELECT id FROM resident_team WHERE village_code = ? AND status = 'ACTIVE'`,
        [villageCode],
      );
      if (active) throw conflict(ACTIVE_TEAM_EXISTS, ['villageId']);
      const team = em.create(ResidentTeam, {
        id: crypto.randomUUID(),
        villageCode,
        termStart: input.termStart,
        termEnd: input.termEnd,
        status: TeamStatus.ACTIVE,
      });
      await em.flush();
      for (const unitId of unitIds) em.create(ResidentTeamUnit, { teamId: team.id, unitId, lead: unitId === leadId });
      return team.id;
    });
    return this.freshTeam(ctx, teamKey);
  }

  /** `endResidentTeam` (期满): the team ends and everyone still on duty rotates out that day, in one transaction. */
  async end(ctx: Context, input: EndResidentTeamInput): Promise<ResidentTeamNode> {
    const team = await this.require(ctx, input.teamId);
    teamPolicy.requireWrite(ctx.viewer, { villageCode: team.villageCode });
    notInFuture(input.date, 'date');
    await ctx.em.transactional(async (em) => {
      const changed = await em.nativeUpdate(
        ResidentTeam,
        { id: team.key, status: TeamStatus.ACTIVE },
        { status: TeamStatus.ENDED, termEnd: input.date },
      );
      if (changed === 0) throw conflict('The team has already ended', ['teamId']);
      const [early] = await query<{ id: string }>(
        em,
        `SELECT id FROM team_member WHERE team_id = ? AND status = 'ON_DUTY' AND on_duty_from > ?::date LIMIT 1`,
        [team.key, input.date],
      );
      if (early) throw badInput('date', 'date is before the first day of a member still on duty');
      if (input.date < team.termStart) throw badInput('date', 'date is before the start of the term');
      await em.nativeUpdate(
        TeamMember,
        { teamId: team.key, status: MemberStatus.ON_DUTY },
        { status: MemberStatus.ROTATED_OUT, onDutyTo: input.date },
      );
    });
    return this.freshTeam(ctx, team.key);
  }

  /**
   * The person to put on duty: an existing one (`personId`) or a new one created here. Their
   * dispatching unit must be one of the team's units. Runs inside the caller's transaction.
   */
  private async personFor(
    ctx: Context,
    em: EntityManager,
    unitIds: string[],
    input: { personId?: string; person?: NewPersonInput },
  ): Promise<string> {
    if ((input.personId == null) === (input.person == null))
      throw badInput(
        ['personId', 'person'],
        'Give exactly one of personId (a person dispatched before) or person (a new person)',
      );
    if (input.personId) {
      const key = keyFromId(input.personId, 'Person', 'personId');
      // Only people the caller can already see (through a visible team) can be dispatched again.
      const [row] = await query<{ unit_id: string }>(
        em,
        withWhere(
          'SELECT p.unit_id FROM person p',
          and(
            { sql: 'p.id = ?', bindings: [key] },
            {
              sql: `EXISTS (SELECT 1 FROM team_member m JOIN resident_team t ON t.id = m.team_id WHERE m.person_id = p.id AND ${teamPolicy.readable(ctx.viewer, 't').sql})`,
              bindings: teamPolicy.readable(ctx.viewer, 't').bindings,
            },
          ),
        ),
      );
      if (!row) throw notFound('Person not found', 'personId');
      if (!unitIds.includes(row.unit_id))
        throw badInput('personId', 'The person’s dispatching unit does not dispatch this team');
      return key;
    }
    const person = input.person!;
    const unitId = keyFromId(person.unitId, 'AssistanceUnit', 'person.unitId');
    if (!unitIds.includes(unitId))
      throw badInput('person.unitId', 'person.unitId must be one of the team’s dispatching units');
    const created = em.create(Person, {
      id: crypto.randomUUID(),
      name: person.name.trim(),
      gender: person.gender,
      partyMember: person.partyMember,
      phone: person.phone,
      unitId,
      post: person.post?.trim() ?? null,
    });
    await em.flush(); // the person row must exist before the membership that references it
    return created.id;
  }

  /** Checks the two on-duty rules with a clear message; the partial unique indexes still decide races. */
  private async putOnDuty(
    em: EntityManager,
    team: ResidentTeamNode,
    personId: string,
    role: MemberRole,
    from: string,
    to: string | undefined,
    fields: { from: string; to: string },
  ): Promise<string> {
    const onDutyTo = to ?? (team.termEnd >= from ? team.termEnd : from);
    if (onDutyTo < from) throw badInput(fields.to, `${fields.to} must not be before ${fields.from}`);
    if (from < team.termStart)
      throw badInput(fields.from, `${fields.from} must not be before the team’s term start ${team.termStart}`);
    const [busy] = await query<{ id: string }>(
      em,
      `SELECT id FROM team_member WHERE person_id = ? AND status = 'ON_DUTY'`,
      [personId],
    );
    if (busy) throw conflict(PERSON_ON_DUTY, ['personId']);
    if (role === MemberRole.FIRST_SECRETARY) {
      const [secretary] = await query<{ id: string }>(
        em,
        `SELECT id FROM team_member WHERE team_id = ? AND role = 'FIRST_SECRETARY' AND status = 'ON_DUTY'`,
        [team.key],
      );
      if (secretary) throw conflict(FIRST_SECRETARY_ON_DUTY, ['role']);
    }
    const member = em.create(TeamMember, {
      id: crypto.randomUUID(),
      teamId: team.key,
      personId,
      role,
      status: MemberStatus.ON_DUTY,
      onDutyFrom: from,
      onDutyTo,
    });
    await em.flush();
    return member.id;
  }

  /** `addTeamMember`. */
  async addMember(ctx: Context, input: AddTeamMemberInput): Promise<TeamMemberNode> {
    const team = await this.require(ctx, input.teamId);
    teamPolicy.requireWrite(ctx.viewer, { villageCode: team.villageCode });
    if (team.status !== TeamStatus.ACTIVE) throw conflict('The team has ended; dispatch to an active team', ['teamId']);
    const memberKey = await ctx.em.transactional(async (em) => {
      const personId = await this.personFor(ctx, em, await this.unitIdsOf(em, team.key), input);
      return this.putOnDuty(em, team, personId, input.role, input.onDutyFrom, input.onDutyTo, {
        from: 'onDutyFrom',
        to: 'onDutyTo',
      });
    });
    return this.freshMember(ctx, memberKey);
  }

  /**
   * `rotateTeamMember` (轮换): the outgoing member's duty ends on the handover day and the incoming
   * member's begins, in one transaction; if either half fails, neither is written.
   */
  async rotate(
    ctx: Context,
    input: RotateTeamMemberInput,
  ): Promise<{ outgoing: TeamMemberNode; incoming: TeamMemberNode }> {
    const outgoing = await this.requireMember(ctx, input.outgoingMemberId, 'outgoingMemberId');
    const team = await this.freshTeam(ctx, outgoing.teamKey);
    teamPolicy.requireWrite(ctx.viewer, { villageCode: team.villageCode });
    if (team.status !== TeamStatus.ACTIVE)
      throw conflict('The team has ended; nobody can rotate in', ['outgoingMemberId']);
    notInFuture(input.date, 'date');
    if (input.date < outgoing.onDutyFrom)
      throw badInput('date', `date must not be before the outgoing member’s first day ${outgoing.onDutyFrom}`);
    const incomingKey = await ctx.em.transactional(async (em) => {
      // Conditional update: a concurrent rotation or recall of the same member makes this a no-op.
      const changed = await em.nativeUpdate(
        TeamMember,
        { id: outgoing.key, status: MemberStatus.ON_DUTY },
        { status: MemberStatus.ROTATED_OUT, onDutyTo: input.date },
      );
      if (changed === 0) throw conflict('The outgoing member is not on duty', ['outgoingMemberId']);
      const personId = await this.personFor(ctx, em, await this.unitIdsOf(em, team.key), input);
      const [outgoingPerson] = await query<{ person_id: string }>(
        em,
        'SELECT person_id FROM team_member WHERE id = ?',
        [outgoing.key],
      );
      if (outgoingPerson.person_id === personId) throw badInput('personId', 'The incoming person is the outgoing one');
      const incoming = await this.putOnDuty(
        em,
        team,
        personId,
        input.role ?? outgoing.role,
        input.date,
        input.onDutyTo,
        { from: 'date', to: 'onDutyTo' },
      );
      await appendTeamEvent(em, {
        kind: TeamEventKind.ROTATION,
        teamId: team.key,
        memberId: incoming,
        outgoingMemberId: outgoing.key,
      });
      return incoming;
    });
    ctx.events.announce();
    return { outgoing: await this.freshMember(ctx, outgoing.key), incoming: await this.freshMember(ctx, incomingKey) };
  }
}

export const teamService = new TeamService();
