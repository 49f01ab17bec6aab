import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsInt,
  IsOptional,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { DateScalar } from '../../core/scalars';
import { AttendanceKind } from './attendance.entity';
import { InspectionConsequence, InspectionItem } from './inspection.entity';
import { Gender, MemberRole } from './team.entity';
import { ResidentTeamNode, TeamMemberNode, WorkPlanType } from './team.types';
import { AttendanceDayType } from './attendance.types';
import { InspectionNode } from './inspection.types';

@InputType({ description: 'A person dispatched for the first time (新派驻人员)' })
export class NewPersonInput {
  @Field({ description: 'Name (姓名)' })
  @Length(1, 50, { message: 'name must be 1 to 50 characters' })
  name: string;

  @Field(() => Gender, { description: 'Gender (性别)' })
  gender: Gender;

  @Field({ description: 'Party member (党员); a first secretary (第一书记) must be one' })
  partyMember: boolean;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Joined the Party on (入党时间); required for a Party member',
  })
  @IsOptional()
  partyMemberSince?: string;

  @Field({ description: 'Mainland mobile number, 11 digits (手机号)' })
  @Matches(/^1[3-9]\d{9}$/, { message: 'phone must be an 11-digit mainland mobile number' })
  phone: string;

  @Field(() => ID, { description: 'Dispatching unit (派出单位): an assistance unit dispatching the team' })
  unitId: string;

  @Field({ nullable: true, description: 'Post in the dispatching unit (职务)' })
  @IsOptional()
  @Length(1, 100)
  post?: string;
}

@InputType({ description: 'A new resident team for a village (派驻工作队)' })
export class CreateResidentTeamInput {
  @Field(() => ID, { description: 'Village id (派驻村); an organisation department’s must be in its region' })
  villageId: string;

  @Field(() => DateScalar, { description: 'Start of the term (任期开始)' })
  termStart: string;

  @Field(() => DateScalar, { description: 'End of the term (任期结束)' })
  termEnd: string;

  @Field(() => [ID], { description: 'Dispatching assistance units (派出单位), lead unit included' })
  @ArrayMinSize(1, { message: 'dispatchingUnitIds must name at least one unit' })
  @ArrayMaxSize(10)
  dispatchingUnitIds: string[];

  @Field(() => ID, { description: 'Lead unit (牵头单位); one of dispatchingUnitIds' })
  leadUnitId: string;
}

@InputType({
  description: 'End a team’s term (工作队期满撤回): every member still on duty is rotated out on that date',
})
export class EndResidentTeamInput {
  @Field(() => ID, { description: 'Team id (工作队)' }) teamId: string;
  @Field(() => DateScalar, { description: 'Last day of duty' }) date: string;
}

@InputType({ description: 'Put a person on duty in a team; name an existing person or describe a new one' })
export class AddTeamMemberInput {
  @Field(() => ID, { description: 'Team id (工作队); the team must not have ended' }) teamId: string;

  @Field(() => ID, { nullable: true, description: 'A person dispatched before' })
  @IsOptional()
  personId?: string;

  @Field(() => NewPersonInput, { nullable: true, description: 'A person dispatched for the first time' })
  @IsOptional()
  @ValidateNested()
  person?: NewPersonInput;

  @Field(() => MemberRole, { description: 'Role in the team (队内职务), e.g. first secretary (第一书记)' })
  role: MemberRole;

  @Field(() => DateScalar, { description: 'First day on duty' }) onDutyFrom: string;

  @Field(() => DateScalar, { nullable: true, description: 'Planned last day; the team’s term end when omitted' })
  @IsOptional()
  onDutyTo?: string;
}

@InputType({
  description:
    'Replace a member (轮换): the outgoing member is rotated out and the incoming one put on duty, atomically',
})
export class RotateTeamMemberInput {
  @Field(() => ID, { description: 'The member on duty to rotate out (轮换离队)' }) outgoingMemberId: string;

  @Field(() => DateScalar, {
    description: 'Handover day: the outgoing member’s last day and the incoming member’s first',
  })
  date: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Incoming: a person dispatched before; give this or `person`, not both',
  })
  @IsOptional()
  personId?: string;

  @Field(() => NewPersonInput, {
    nullable: true,
    description: 'Incoming: a person dispatched for the first time; give this or `personId`, not both',
  })
  @IsOptional()
  @ValidateNested()
  person?: NewPersonInput;

  @Field(() => MemberRole, {
    nullable: true,
    description: 'Role of the incoming member; the outgoing member’s role when omitted',
  })
  @IsOptional()
  role?: MemberRole;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Planned last day of the incoming member; the team’s term end when omitted',
  })
  @IsOptional()
  onDutyTo?: string;
}

@InputType({ description: 'Record one day of a member (考勤登记); recording the same day again replaces it' })
export class RecordAttendanceInput {
  @Field(() => ID, {
    description: 'Team member id (队员); an assistance unit may record only for teams it dispatches',
  })
  memberId: string;
  @Field(() => DateScalar, { description: 'The day; not after today (Asia/Shanghai)' }) date: string;
  @Field(() => AttendanceKind, { defaultValue: AttendanceKind.ON_SITE, description: 'What kind of day (考勤类别)' })
  kind: AttendanceKind;
  @Field({ defaultValue: false, description: 'In the village by day (在村)' }) presentByDay: boolean;
  @Field({ defaultValue: false, description: 'Stayed the night (住村)' }) stayedNight: boolean;

  @Field({ nullable: true, description: 'Where (地点)' })
  @IsOptional()
  @Length(1, 200)
  location?: string;

  @Field({ nullable: true, description: 'Remarks (备注)' })
  @IsOptional()
  @Length(1, 500)
  note?: string;
}

@InputType({ description: 'Submit a team’s annual work plan (报送年度工作计划); one per team and year' })
export class SubmitWorkPlanInput {
  @Field(() => ID, { description: 'Team id (工作队)' }) teamId: string;

  @Field(() => Int, { description: 'Year the plan is for (年度), 2000–2100; CONFLICT when already submitted' })
  @IsInt()
  @Min(2000, { message: 'year must be 2000 or later' })
  @Max(2100, { message: 'year must be 2100 or earlier' })
  year: number;

  @Field({ description: 'Plan text (计划内容)' })
  @Length(1, 20000, { message: 'content must be 1 to 20000 characters' })
  content: string;
}

@InputType({
  description:
    'The inspector’s finding on one check. Where the platform computes the check (查身份, 查档案, 查驻村, 查计划) `passed` may be left out and the computed verdict holds; the inspector may fail a check the data passes, with a note, but not pass one the data fails. 查落实 (and a check without data) needs `passed`.',
})
export class InspectionCheckInput {
  @Field(() => InspectionItem, { description: 'Which of the five checks (检查项)' }) item: InspectionItem;

  @Field(() => Boolean, { nullable: true, description: 'The inspector’s verdict (合格)' })
  @IsOptional()
  passed?: boolean | null;

  @Field({ nullable: true, description: 'The inspector’s notes (情况说明)' })
  @IsOptional()
  @Length(1, 1000)
  note?: string;
}

@InputType({
  description:
    'Record a 五查五看 inspection of a team and its consequence; a RECALL ends the named member’s duty in the same transaction',
})
export class RecordInspectionInput {
  @Field(() => ID, { description: 'Team id (被督查工作队)' }) teamId: string;
  @Field(() => DateScalar, { description: 'Inspection date; not after today' }) date: string;

  @Field({ nullable: true, description: 'Inspecting body or person (督查单位)' })
  @IsOptional()
  @Length(1, 200)
  inspector?: string;

  @Field(() => [InspectionCheckInput], { description: 'Each of the five checks exactly once' })
  @ArrayMinSize(5, { message: 'checks must list each of the five checks' })
  @ArrayMaxSize(5, { message: 'checks must list each of the five checks once' })
  @ValidateNested({ each: true })
  checks: InspectionCheckInput[];

  @Field(() => InspectionConsequence, {
    description: 'Consequence (问责方式): NONE, or 通报/约谈/召回 of the member named in memberId',
  })
  consequence: InspectionConsequence;

  @Field(() => ID, {
    nullable: true,
    description: 'The member the consequence applies to; required unless the consequence is NONE',
  })
  @IsOptional()
  memberId?: string;

  @Field({
    nullable: true,
    description:
      'Remarks on the consequence (问责说明); required when a check failed and the consequence is NONE (why no 通报/约谈/召回)',
  })
  @IsOptional()
  @Length(1, 1000)
  consequenceNote?: string;
}

@InputType({
  description: 'The day a duty’s party membership moved to the village organisation (党组织关系转入, 查档案)',
})
export class RecordPartyTransferInput {
  @Field(() => ID, { description: 'Team member id (队员)' }) memberId: string;
  @Field(() => DateScalar, { description: 'Day of the transfer; not after today' }) transferredOn: string;
}

@ObjectType({ description: 'Result of createResidentTeam or endResidentTeam (驻村工作队)' })
export class ResidentTeamPayload {
  @Field(() => ResidentTeamNode, { description: 'The team as stored after the change' }) team: ResidentTeamNode;
}

@ObjectType({ description: 'Result of addTeamMember or recordPartyMembershipTransfer (队员)' })
export class TeamMemberPayload {
  @Field(() => TeamMemberNode, { description: 'The member as stored after the change' }) member: TeamMemberNode;
}

@ObjectType({ description: 'Result of rotateTeamMember (轮换)' })
export class RotateTeamMemberPayload {
  @Field(() => TeamMemberNode, { description: 'The member rotated out' }) outgoing: TeamMemberNode;
  @Field(() => TeamMemberNode, { description: 'The member put on duty' }) incoming: TeamMemberNode;
}

@ObjectType({ description: 'Result of recordAttendance (考勤登记)' })
export class RecordAttendancePayload {
  @Field(() => TeamMemberNode, { description: 'The member' }) member: TeamMemberNode;
  @Field(() => AttendanceDayType, { description: 'The day as recorded' }) day: AttendanceDayType;
}

@ObjectType({ description: 'Result of submitWorkPlan (报送年度工作计划)' })
export class SubmitWorkPlanPayload {
  @Field(() => ResidentTeamNode, { description: 'The team' }) team: ResidentTeamNode;
  @Field(() => WorkPlanType, { description: 'The plan submitted' }) workPlan: WorkPlanType;
}

@ObjectType({ description: 'Result of recordInspection (五查五看)' })
export class RecordInspectionPayload {
  @Field(() => InspectionNode, { description: 'The inspection recorded' }) inspection: InspectionNode;
  @Field(() => TeamMemberNode, { nullable: true, description: 'The member named, as it stands after the inspection' })
  member: TeamMemberNode | null;
}
