import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { IsOptional } from 'class-validator';
import { Node } from '../../core/relay/node';
import { ConnectionType } from '../../core/relay/connection';
import { DateScalar } from '../../core/scalars';
import { UnitKind, UnitLevel } from '../providers/provider.entity';
import { Gender, MemberRole, MemberStatus, TeamStatus } from './team.entity';

/** Description of every `source` field of this module, worded as the registry's (`DEMO`, a document, or null). */
export const SOURCE_DESCRIPTION =
  'Where this record comes from (数据来源): `DEMO` for invented demonstration data (示例数据), a policy document and its section (e.g. `003_6038825323505164.txt 第四篇 二、(一)`) for figures copied from it, null for data recorded through the platform';

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

  @Field(() => String, { nullable: true, description: SOURCE_DESCRIPTION })
  source: string | null;

  key: string;
  villageCode: string;
}

@ObjectType('ResidentTeamConnection', { description: 'A page of resident work teams (驻村工作队)' })
export class ResidentTeamConnection extends ConnectionType(ResidentTeamNode, 'ResidentTeam') {}

@ObjectType('DispatchingUnit', {
  description:
    'A unit dispatching cadres to one team (派出单位), with what holds for this team only (牵头单位). Not a node: the same assistance unit can lead one team and not another, so the unit itself is the `unit` field.',
})
export class DispatchingUnitType {
  @Field({ description: 'Lead unit of this team (牵头单位); exactly one per team' })
  lead: boolean;

  @Field({ description: 'Name of the unit, as the team record shows it (单位名称)' })
  name: string;

  @Field(() => UnitKind, { description: 'Kind (单位类别)' })
  kind: UnitKind;

  @Field(() => UnitLevel, { description: 'Level (层级)' })
  level: UnitLevel;

  unitKey: string;
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

  @Field(() => DateScalar, { nullable: true, description: 'Joined the Communist Party of China on (入党时间)' })
  partyMemberSince: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'For this duty: the day the party membership was transferred to the village party organisation (党组织关系转入驻村日期, 查档案); null while not transferred',
  })
  partyMembershipTransferredOn: string | null;

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

  @Field(() => String, { nullable: true, description: SOURCE_DESCRIPTION })
  source: string | null;
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

  @Field(() => String, { nullable: true, description: SOURCE_DESCRIPTION })
  source: string | null;

  key: string;
  teamKey: string;
}

@ObjectType('TeamMemberConnection', { description: 'A page of team members (驻村队员)' })
export class TeamMemberConnection extends ConnectionType(TeamMemberNode, 'TeamMember') {}

@InputType({ description: 'Resident team filter; all given conditions must hold' })
export class ResidentTeamFilter {
  @Field({ nullable: true, description: 'Only teams in villages inside this region (12-digit code or prefix)' })
  @IsOptional()
  regionCode?: string;

  @Field(() => ID, { nullable: true, description: 'Only teams of this village' })
  @IsOptional()
  villageId?: string;

  @Field(() => TeamStatus, { nullable: true, description: 'Only teams of this status (工作队状态)' })
  @IsOptional()
  status?: TeamStatus;
}

@ObjectType('TeamWorkPlan', { description: 'Annual assistance work plan of a team (年度帮扶工作计划, 查计划)' })
export class WorkPlanType {
  @Field(() => ID, { description: 'Opaque global id of the plan' }) id: string;
  @Field(() => Int, { description: 'Year (年度)' }) year: number;
  @Field({ description: 'Plan text (计划内容)' }) content: string;
  @Field({ description: 'When it was submitted (提交时间)' }) submittedAt: Date;
  @Field(() => String, { nullable: true, description: SOURCE_DESCRIPTION }) source: string | null;
}

@ObjectType('TeamVacancy', {
  implements: Node,
  description:
    'A post left open by a recall (召回后空缺), shown until someone is dispatched into the team in the same role, or the team ends',
})
export class TeamVacancyNode extends Node {
  @Field(() => MemberRole, { description: 'The post to fill (空缺职务)' }) role: MemberRole;
  @Field(() => DateScalar, { description: 'Open since (空缺起始日)' }) openedOn: string;
  @Field(() => DateScalar, { nullable: true, description: 'Closed on: filled, or the team ended (补齐日期)' })
  closedOn: string | null;
  @Field({ description: 'Still open (尚未补齐)' }) open: boolean;
  @Field(() => String, { nullable: true, description: SOURCE_DESCRIPTION }) source: string | null;
  key: string;
  teamKey: string;
  inspectionKey: string | null;
  recalledMemberKey: string | null;
  filledByMemberKey: string | null;
}

@ObjectType('TeamVacancyConnection', { description: 'A page of posts left open by recalls (召回后空缺)' })
export class TeamVacancyConnection extends ConnectionType(TeamVacancyNode, 'TeamVacancy') {}

@InputType({ description: 'Vacancy filter' })
export class TeamVacancyFilter {
  @Field({ nullable: true, description: 'Only teams in villages inside this region (12-digit code or prefix)' })
  @IsOptional()
  regionCode?: string;

  @Field({ nullable: true, defaultValue: true, description: 'Open vacancies only (the default), or closed ones only' })
  @IsOptional()
  open?: boolean;
}
