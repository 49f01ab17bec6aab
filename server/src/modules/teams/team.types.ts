import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { IsOptional } from 'class-validator';
import { Node } from '../../core/relay/node';
import { ConnectionType } from '../../core/relay/connection';
import { toGlobalId } from '../../core/relay/global-id';
import { DateScalar, DecimalScalar } from '../../core/scalars';
import { UnitKind, UnitLevel } from '../providers/provider.entity';
import { Gender, MemberRole, MemberStatus, TeamStatus } from './team.entity';

export interface TeamRow {
  id: string;
  village_code: string;
  term_start: string;
  term_end: string;
  status: TeamStatus;
}

@ObjectType('ResidentTeam', {
  implements: Node,
  description: 'Village-resident work team (驻村工作队) stationed in one village',
})
export class ResidentTeamNode extends Node {
  @Field(() => DateScalar, { description: 'Start of the term (任期开始)' })
  termStart: string;

  @Field(() => DateScalar, { description: 'End of the term (任期结束)' })
  termEnd: string;

  @Field(() => TeamStatus, { description: 'Status (状态): ACTIVE 在岗 or ENDED 期满' })
  status: TeamStatus;

  key: string;
  villageCode: string;

  static from(row: TeamRow): ResidentTeamNode {
    const node = new ResidentTeamNode();
    node.id = toGlobalId('ResidentTeam', row.id);
    node.key = row.id;
    node.villageCode = row.village_code;
    node.termStart = row.term_start;
    node.termEnd = row.term_end;
    node.status = row.status;
    return node;
  }
}

@ObjectType('ResidentTeamConnection')
export class ResidentTeamConnection extends ConnectionType(ResidentTeamNode, 'ResidentTeam') {}

export interface DispatchingUnitRow {
  team_id: string;
  unit_id: string;
  name: string;
  unit_kind: UnitKind;
  unit_level: UnitLevel;
  lead: boolean;
}

@ObjectType('DispatchingUnit', { description: 'An assistance unit that dispatches cadres to a team (派出单位)' })
export class DispatchingUnitType {
  @Field(() => ID, { description: 'Global id of the assistance unit (帮扶单位)' })
  id: string;

  @Field({ description: 'Name (单位名称)' })
  name: string;

  @Field(() => UnitKind, { description: 'Kind (单位类别)' })
  kind: UnitKind;

  @Field(() => UnitLevel, { description: 'Level (层级)' })
  level: UnitLevel;

  @Field({ description: 'Lead unit of the team (牵头单位); exactly one per team' })
  lead: boolean;

  static from(row: DispatchingUnitRow): DispatchingUnitType {
    const unit = new DispatchingUnitType();
    unit.id = toGlobalId('AssistanceUnit', row.unit_id);
    unit.name = row.name;
    unit.kind = row.unit_kind;
    unit.level = row.unit_level;
    unit.lead = row.lead;
    return unit;
  }
}

/** A member row joined with its person and the person's unit. */
export interface MemberRow {
  id: string;
  team_id: string;
  role: MemberRole;
  status: MemberStatus;
  on_duty_from: string;
  on_duty_to: string;
  person_id: string;
  person_name: string;
  gender: Gender;
  party_member: boolean;
  phone: string;
  post: string | null;
  unit_id: string;
  unit_name: string;
}

@ObjectType('Person', { description: 'A dispatched cadre (驻村干部)' })
export class PersonType {
  @Field(() => ID, { description: 'Opaque id; pass it to dispatch the same person again' })
  id: string;

  @Field({ description: 'Name (姓名)' })
  name: string;

  @Field(() => Gender, { description: 'Gender (性别)' })
  gender: Gender;

  @Field({ description: 'Member of the Communist Party of China (党员)' })
  partyMember: boolean;

  @Field({
    description:
      'Mobile phone (手机号); whole only for ADMIN and ORG_DEPARTMENT, masked for everyone else (e.g. 138****5678)',
  })
  phone: string;

  @Field(() => String, { nullable: true, description: 'Post held in the dispatching unit (职务)' })
  post: string | null;

  @Field({ description: 'Name of the dispatching unit (派出单位)' })
  unitName: string;

  @Field(() => ID, { description: 'Global id of the dispatching unit (派出单位)' })
  unitId: string;
}

/** 13812345678 → 138****5678; anything shorter is hidden entirely. */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '****';
}

@ObjectType('TeamMember', { implements: Node, description: 'A person’s duty in a resident team (工作队队员)' })
export class TeamMemberNode extends Node {
  @Field(() => MemberRole, { description: 'Role (职务): 第一书记, 队长 or 队员' })
  role: MemberRole;

  @Field(() => MemberStatus, { description: 'Duty status (在岗状态)' })
  status: MemberStatus;

  @Field(() => DateScalar, { description: 'First day on duty (驻村开始)' })
  onDutyFrom: string;

  @Field(() => DateScalar, {
    description: 'Planned last day while on duty; the actual last day once rotated out or recalled (驻村结束)',
  })
  onDutyTo: string;

  @Field(() => PersonType, { description: 'The person (人员)' })
  person: PersonType;

  key: string;
  teamKey: string;

  /** `revealPhone` is decided by the service from the viewer's role; the type never sees the viewer. */
  static from(row: MemberRow, revealPhone: boolean): TeamMemberNode {
    const node = new TeamMemberNode();
    node.id = toGlobalId('TeamMember', row.id);
    node.key = row.id;
    node.teamKey = row.team_id;
    node.role = row.role;
    node.status = row.status;
    node.onDutyFrom = row.on_duty_from;
    node.onDutyTo = row.on_duty_to;
    const person = new PersonType();
    person.id = toGlobalId('Person', row.person_id);
    person.name = row.person_name;
    person.gender = row.gender;
    person.partyMember = row.party_member;
    person.phone = revealPhone ? row.phone : maskPhone(row.phone);
    person.post = row.post;
    person.unitName = row.unit_name;
    person.unitId = toGlobalId('AssistanceUnit', row.unit_id);
    node.person = person;
    return node;
  }
}

@ObjectType('TeamMemberConnection')
export class TeamMemberConnection extends ConnectionType(TeamMemberNode, 'TeamMember') {}

@InputType({ description: 'Resident team filter; all given conditions must hold' })
export class ResidentTeamFilter {
  @Field({ nullable: true, description: 'Only teams in villages inside this region (12-digit code or prefix)' })
  @IsOptional()
  regionCode?: string;

  @Field(() => ID, { nullable: true, description: 'Only teams of this village' })
  @IsOptional()
  villageId?: string;

  @Field(() => TeamStatus, { nullable: true })
  @IsOptional()
  status?: TeamStatus;
}

@ObjectType('TeamWorkPlan', { description: 'Annual assistance work plan of a team (年度帮扶工作计划, 查计划)' })
export class WorkPlanType {
  @Field(() => ID) id: string;
  @Field(() => Int, { description: 'Year (年度)' }) year: number;
  @Field({ description: 'Plan text (计划内容)' }) content: string;
  @Field({ description: 'When it was submitted (提交时间)' }) submittedAt: Date;

  static from(row: { id: string; year: number; content: string; submitted_at: Date }): WorkPlanType {
    const plan = new WorkPlanType();
    plan.id = toGlobalId('TeamWorkPlan', row.id);
    plan.year = row.year;
    plan.content = row.content;
    plan.submittedAt = row.submitted_at;
    return plan;
  }
}

@ObjectType('TeamMemberAssessment', {
  description: 'Yearly assessment of a member (年度考核): star-rated management and points (星级化管理、积分制考核)',
})
export class AssessmentType {
  @Field(() => ID) id: string;
  @Field(() => Int, { description: 'Year (年度)' }) year: number;
  @Field(() => Int, { description: 'Star rating 1..5 (星级)' }) stars: number;
  @Field(() => DecimalScalar, { description: 'Points (积分)' }) points: string;
  @Field(() => String, { nullable: true, description: 'Remarks (评语)' }) note: string | null;

  static from(row: { id: string; year: number; stars: number; points: string; note: string | null }): AssessmentType {
    const assessment = new AssessmentType();
    assessment.id = toGlobalId('TeamMemberAssessment', row.id);
    assessment.year = row.year;
    assessment.stars = row.stars;
    assessment.points = row.points;
    assessment.note = row.note;
    return assessment;
  }
}
