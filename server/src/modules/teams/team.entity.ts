import { Entity, Enum, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';

export enum Gender {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}

registerEnumType(Gender, {
  name: 'Gender',
  description: 'Gender (性别)',
  valuesConfig: { MALE: { description: 'Male (男)' }, FEMALE: { description: 'Female (女)' } },
});

export enum TeamStatus {
  ACTIVE = 'ACTIVE',
  ENDED = 'ENDED',
}

registerEnumType(TeamStatus, {
  name: 'ResidentTeamStatus',
  description: 'Status of a resident work team (工作队状态)',
  valuesConfig: {
    ACTIVE: { description: 'In post (在岗): the team is stationed in the village' },
    ENDED: { description: 'Term ended (期满): the team has been withdrawn' },
  },
});

export enum MemberRole {
  FIRST_SECRETARY = 'FIRST_SECRETARY',
  TEAM_LEADER = 'TEAM_LEADER',
  MEMBER = 'MEMBER',
}

registerEnumType(MemberRole, {
  name: 'TeamMemberRole',
  description: 'Role in a resident work team (驻村职务)',
  valuesConfig: {
    FIRST_SECRETARY: {
      description: 'First secretary of the village party organisation (第一书记); at most one on duty per team',
    },
    TEAM_LEADER: { description: 'Team leader (队长)' },
    MEMBER: { description: 'Team member (队员)' },
  },
});

export enum MemberStatus {
  ON_DUTY = 'ON_DUTY',
  ROTATED_OUT = 'ROTATED_OUT',
  RECALLED = 'RECALLED',
}

registerEnumType(MemberStatus, {
  name: 'TeamMemberStatus',
  description: 'Duty status of a team member (在岗状态)',
  valuesConfig: {
    ON_DUTY: { description: 'On duty (在岗); a person is on duty in at most one team at a time' },
    ROTATED_OUT: { description: 'Rotated out (轮换) at the end of a term or on replacement' },
    RECALLED: { description: 'Recalled (召回) as the consequence of an inspection' },
  },
});

/** A cadre dispatched to a village (驻村干部). Created with the membership that first dispatches them. */
@Entity({ tableName: 'person' })
export class Person {
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id: Opt<string>;

  @Property({ type: 'text' }) name: string;
  @Enum({ items: () => Gender, type: 'text' }) gender: Gender;
  @Property({ type: 'boolean' }) partyMember: boolean;
  /** Day the person joined the Communist Party of China (入党时间); null for non-members. */
  @Property({ type: 'date', nullable: true }) partyMemberSince: string | null = null;
  @Property({ type: 'string', length: 11 }) phone: string;
  /** The dispatching unit (派出单位), a provider of type ASSISTANCE_UNIT. */
  @Property({ type: 'uuid' }) unitId: string;
  @Property({ type: 'text', nullable: true }) post: string | null = null;
  @Property({ type: 'text', nullable: true }) source: string | null = null;

  @Property({ type: 'Date', defaultRaw: 'now()' }) createdAt: Opt<Date> = new Date();
  @Property({ type: 'Date', defaultRaw: 'now()', onUpdate: () => new Date() }) updatedAt: Opt<Date> = new Date();
}

@Entity({ tableName: 'resident_team' })
export class ResidentTeam {
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id: Opt<string>;

  @Property({ type: 'string', length: 12 }) villageCode: string;
  @Property({ type: 'date' }) termStart: string;
  @Property({ type: 'date' }) termEnd: string;
  @Enum({ items: () => TeamStatus, type: 'text' }) status: TeamStatus;
  @Property({ type: 'text', nullable: true }) source: string | null = null;

  @Property({ type: 'Date', defaultRaw: 'now()' }) createdAt: Opt<Date> = new Date();
  @Property({ type: 'Date', defaultRaw: 'now()', onUpdate: () => new Date() }) updatedAt: Opt<Date> = new Date();
}

/** A unit that dispatches cadres to a team (派出单位); exactly one per team is the lead (牵头单位). */
@Entity({ tableName: 'resident_team_unit' })
export class ResidentTeamUnit {
  @PrimaryKey({ type: 'uuid' }) teamId: string;
  @PrimaryKey({ type: 'uuid' }) unitId: string;
  @Property({ type: 'boolean' }) lead: boolean;
}

@Entity({ tableName: 'team_member' })
export class TeamMember {
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id: Opt<string>;

  @Property({ type: 'uuid' }) teamId: string;
  @Property({ type: 'uuid' }) personId: string;
  @Enum({ items: () => MemberRole, type: 'text' }) role: MemberRole;
  @Enum({ items: () => MemberStatus, type: 'text' }) status: MemberStatus;
  @Property({ type: 'date' }) onDutyFrom: string;
  @Property({ type: 'date' }) onDutyTo: string;
  /** Day this duty's party membership was transferred to the village organisation (查档案); null until then. */
  @Property({ type: 'date', nullable: true }) partyTransferredOn: string | null = null;
  @Property({ type: 'text', nullable: true }) source: string | null = null;

  @Property({ type: 'Date', defaultRaw: 'now()' }) createdAt: Opt<Date> = new Date();
  @Property({ type: 'Date', defaultRaw: 'now()', onUpdate: () => new Date() }) updatedAt: Opt<Date> = new Date();
}

/**
 * A post left open by a recall (召回), shown until someone is dispatched into the team in the same
 * role (or the team ends).
 */
@Entity({ tableName: 'team_vacancy' })
export class TeamVacancy {
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id: Opt<string>;

  @Property({ type: 'uuid' }) teamId: string;
  @Enum({ items: () => MemberRole, type: 'text' }) role: MemberRole;
  @Property({ type: 'date' }) openedOn: string;
  @Property({ type: 'uuid', nullable: true }) inspectionId: string | null = null;
  @Property({ type: 'uuid', nullable: true }) recalledMemberId: string | null = null;
  @Property({ type: 'date', nullable: true }) closedOn: string | null = null;
  @Property({ type: 'uuid', nullable: true }) filledByMemberId: string | null = null;
  @Property({ type: 'text', nullable: true }) source: string | null = null;
  @Property({ type: 'Date', defaultRaw: 'now()' }) createdAt: Opt<Date> = new Date();
}
