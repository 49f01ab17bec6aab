import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../core/context';
import { addDays, todayInShanghai } from '../../core/dates';
import { badInput, conflict, notFound } from '../../core/errors';
import { and, type SqlFragment } from '../../core/sql';
import { readPage, type ConnectionData, type PageInput } from '../../core/relay/connection';
import { appendTeamEvent, TeamEventKind } from './team.events';
import { MemberRole, MemberStatus, Person, TeamMember, TeamStatus } from './team.entity';
import type { ResidentTeamNode, TeamMemberNode } from './team.types';
import type {
  AddTeamMemberInput,
  NewPersonInput,
  RecordPartyTransferInput,
  RotateTeamMemberInput,
} from './team.inputs';
import { keyFromId, notInFuture } from './team.validation';
import { teamPolicy } from './team.policy';
import { teamRegionSql, teamService } from './team.service';
import {
  fillVacancy,
  firstSecretaryOnDuty,
  memberPage,
  membersByKeys,
  membersOfTeams,
  personForDispatch,
  personOfMember,
  personOnDuty,
  unitIdsOfTeam,
} from './team.repository';

export const PERSON_ON_DUTY =
  'This person is already on duty in a resident team; rotate them out first (一人同时只能在一个工作队在岗)';
export const FIRST_SECRETARY_ON_DUTY =
  'The team already has a first secretary on duty (每个工作队只能有一名在岗第一书记)';
/** 第一书记 is the first secretary of the village party organisation: only a Party member can hold it. */
export const FIRST_SECRETARY_PARTY_MEMBER =
  'A first secretary (第一书记) must be a member of the Communist Party of China (选派第一书记须为中共党员)';

/** Members of resident teams (队员): who is on duty, dispatch, rotation and party membership. */
export class MemberService {
  private loader(ctx: Context) {
    return ctx.loaders.get<string, TeamMemberNode | null>('member.byKey', (keys) =>
      membersByKeys(ctx.em, keys, teamPolicy.readable(ctx.viewer, 't'), teamPolicy.revealsPhone(ctx.viewer)),
    );
  }

  /** A member of a team the viewer may see, by the key inside its global id; null otherwise. */
  byKey(ctx: Context, key: string): Promise<TeamMemberNode | null> {
    return this.loader(ctx).load(key.toLowerCase());
  }

  async require(ctx: Context, memberId: string, field = 'memberId'): Promise<TeamMemberNode> {
    const member = await this.byKey(ctx, keyFromId(memberId, 'TeamMember', field));
    if (!member) throw notFound('Team member not found', field);
    return member;
  }

  /** A member as it stands now, bypassing the request's cache (after a write). */
  async fresh(ctx: Context, key: string): Promise<TeamMemberNode> {
    this.loader(ctx).clear(key);
    const member = await this.byKey(ctx, key);
    if (!member) throw notFound('Team member not found');
    return member;
  }

  /** `ResidentTeam.members(status)`: every member of the requested teams in one statement. */
  ofTeam(ctx: Context, teamKey: string, status: MemberStatus | null | undefined): Promise<TeamMemberNode[]> {
    return ctx.loaders
      .get<string, TeamMemberNode[]>(`member.ofTeam:${status ?? 'all'}`, (keys) =>
        membersOfTeams(ctx.em, keys, teamPolicy.readable(ctx.viewer, 't'), status, teamPolicy.revealsPhone(ctx.viewer)),
      )
      .load(teamKey);
  }

  /** `teamMembersWithTermEnding`: members on duty whose planned last day falls within `withinDays` from today, overdue ones included. */
  withTermEnding(
    ctx: Context,
    withinDays: number,
    regionCode: string | null | undefined,
    args: PageInput,
  ): Promise<ConnectionData<TeamMemberNode>> {
    const readable = teamPolicy.readable(ctx.viewer, 't');
    if (!Number.isInteger(withinDays) || withinDays < 0 || withinDays > 366)
      throw badInput('withinDays', 'withinDays must be between 0 and 366');
    const where: SqlFragment = and(
      readable,
      { sql: `m.status = 'ON_DUTY' AND m.on_duty_to <= ?::date`, bindings: [addDays(todayInShanghai(), withinDays)] },
      teamRegionSql(regionCode, 'regionCode'),
    );
    return memberPage(ctx, where, readPage(args), teamPolicy.revealsPhone(ctx.viewer));
  }

  /**
   * The person to put on duty: an existing one (`personId`, visible through a team the caller
   * sees) or a new one created here. Their dispatching unit must be one of the team's units, and
   * a first secretary must be a Party member. Runs inside the caller's transaction.
   */
  private async personFor(
    ctx: Context,
    em: EntityManager,
    team: ResidentTeamNode,
    role: MemberRole,
    input: { personId?: string; person?: NewPersonInput },
  ): Promise<string> {
    if ((input.personId == null) === (input.person == null))
      throw badInput(
        ['personId', 'person'],
        'Give exactly one of personId (a person dispatched before) or person (a new person)',
      );
    const unitIds = await unitIdsOfTeam(em, team.key);
    if (input.personId) {
      const key = keyFromId(input.personId, 'Person', 'personId');
      const person = await personForDispatch(em, key, teamPolicy.readable(ctx.viewer, 't'));
      if (!person) throw notFound('Person not found', 'personId');
      if (!unitIds.includes(person.unit_id))
        throw badInput('personId', 'The person’s dispatching unit does not dispatch this team');
      if (role === MemberRole.FIRST_SECRETARY && !person.party_member)
        throw badInput('personId', FIRST_SECRETARY_PARTY_MEMBER);
      return key;
    }
    const person = input.person!;
    const unitId = keyFromId(person.unitId, 'AssistanceUnit', 'person.unitId');
    if (!unitIds.includes(unitId))
      throw badInput('person.unitId', 'person.unitId must be one of the team’s dispatching units');
    if (role === MemberRole.FIRST_SECRETARY && !person.partyMember)
      throw badInput('person.partyMember', FIRST_SECRETARY_PARTY_MEMBER);
    if (person.partyMember && !person.partyMemberSince)
      throw badInput('person.partyMemberSince', 'person.partyMemberSince is required for a Party member (入党时间)');
    if (!person.partyMember && person.partyMemberSince)
      throw badInput('person.partyMemberSince', 'person.partyMemberSince is only for Party members');
    if (person.partyMemberSince) notInFuture(person.partyMemberSince, 'person.partyMemberSince');
    const created = em.create(Person, {
      name: person.name.trim(),
      gender: person.gender,
      partyMember: person.partyMember,
      partyMemberSince: person.partyMemberSince ?? null,
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
    if (await personOnDuty(em, personId)) throw conflict(PERSON_ON_DUTY, ['personId']);
    if (role === MemberRole.FIRST_SECRETARY && (await firstSecretaryOnDuty(em, team.key)))
      throw conflict(FIRST_SECRETARY_ON_DUTY, ['role']);
    const member = em.create(TeamMember, {
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

  /** `addTeamMember`: a dispatch fills the team's oldest open vacancy of the same role, if any. */
  async add(ctx: Context, input: AddTeamMemberInput): Promise<TeamMemberNode> {
    const team = await teamService.require(ctx, input.teamId);
    teamPolicy.requireWrite(ctx.viewer, { villageCode: team.villageCode });
    if (team.status !== TeamStatus.ACTIVE) throw conflict('The team has ended; dispatch to an active team', ['teamId']);
    const memberKey = await ctx.em.transactional(async (em) => {
      const personId = await this.personFor(ctx, em, team, input.role, input);
      const key = await this.putOnDuty(em, team, personId, input.role, input.onDutyFrom, input.onDutyTo, {
        from: 'onDutyFrom',
        to: 'onDutyTo',
      });
      await fillVacancy(em, team.key, input.role, key, input.onDutyFrom);
      return key;
    });
    return this.fresh(ctx, memberKey);
  }

  /**
   * `rotateTeamMember` (轮换): the outgoing member's duty ends on the handover day and the incoming
   * member's begins, in one transaction; if either half fails, neither is written.
   */
  async rotate(
    ctx: Context,
    input: RotateTeamMemberInput,
  ): Promise<{ outgoing: TeamMemberNode; incoming: TeamMemberNode }> {
    const outgoing = await this.require(ctx, input.outgoingMemberId, 'outgoingMemberId');
    const team = await teamService.fresh(ctx, outgoing.teamKey);
    teamPolicy.requireWrite(ctx.viewer, { villageCode: team.villageCode });
    if (team.status !== TeamStatus.ACTIVE)
      throw conflict('The team has ended; nobody can rotate in', ['outgoingMemberId']);
    notInFuture(input.date, 'date');
    if (input.date < outgoing.onDutyFrom)
      throw badInput('date', `date must not be before the outgoing member’s first day ${outgoing.onDutyFrom}`);
    const role = input.role ?? outgoing.role;
    const incomingKey = await ctx.em.transactional(async (em) => {
      // Conditional update: a concurrent rotation or recall of the same member makes this a no-op.
      const changed = await em.nativeUpdate(
        TeamMember,
        { id: outgoing.key, status: MemberStatus.ON_DUTY },
        { status: MemberStatus.ROTATED_OUT, onDutyTo: input.date },
      );
      if (changed === 0) throw conflict('The outgoing member is not on duty', ['outgoingMemberId']);
      const personId = await this.personFor(ctx, em, team, role, input);
      if ((await personOfMember(em, outgoing.key)) === personId)
        throw badInput('personId', 'The incoming person is the outgoing one');
      const incoming = await this.putOnDuty(em, team, personId, role, input.date, input.onDutyTo, {
        from: 'date',
        to: 'onDutyTo',
      });
      await appendTeamEvent(em, {
        kind: TeamEventKind.ROTATION,
        teamId: team.key,
        memberId: incoming,
        outgoingMemberId: outgoing.key,
      });
      return incoming;
    });
    ctx.events.announce();
    return { outgoing: await this.fresh(ctx, outgoing.key), incoming: await this.fresh(ctx, incomingKey) };
  }

  /**
   * `recordPartyMembershipTransfer` (查档案): the day this duty's party membership moved to the
   * village organisation. Recording it again replaces it (a correction).
   */
  async recordPartyTransfer(ctx: Context, input: RecordPartyTransferInput): Promise<TeamMemberNode> {
    const member = await this.require(ctx, input.memberId);
    const team = await teamService.fresh(ctx, member.teamKey);
    teamPolicy.requireWrite(ctx.viewer, { villageCode: team.villageCode });
    notInFuture(input.transferredOn, 'transferredOn');
    if (!member.person.partyMember)
      throw badInput('memberId', 'Only a Party member’s membership can be transferred (非党员无党组织关系可转)');
    if (member.person.partyMemberSince && input.transferredOn < member.person.partyMemberSince)
      throw badInput(
        'transferredOn',
        `transferredOn must not be before joining the Party on ${member.person.partyMemberSince}`,
      );
    await ctx.em.transactional(async (em) => {
      await em.nativeUpdate(TeamMember, { id: member.key }, { partyTransferredOn: input.transferredOn });
    });
    return this.fresh(ctx, member.key);
  }
}

export const memberService = new MemberService();
