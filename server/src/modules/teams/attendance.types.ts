import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { IsOptional } from 'class-validator';
import { ConnectionType } from '../../core/relay/connection';
import { DateScalar, DecimalScalar } from '../../core/scalars';
import { AttendanceKind } from './attendance.entity';
import { SOURCE_DESCRIPTION, TeamMemberNode } from './team.types';
import { COMPLIANCE_RULE } from './attendance.rules';

@ObjectType('AttendanceDay', { description: 'One day of a member’s attendance (考勤); one record per member and day' })
export class AttendanceDayType {
  @Field(() => DateScalar, { description: 'Day (日期, Asia/Shanghai)' }) date: string;
  @Field(() => AttendanceKind, { description: 'Working day or approved leave (请假)' }) kind: AttendanceKind;
  @Field({ description: 'In the village by day (在村)' }) presentByDay: boolean;
  @Field({ description: 'Stayed the night in the village (住村)' }) stayedNight: boolean;
  @Field(() => String, { nullable: true, description: 'Where (地点)' }) location: string | null;
  @Field(() => String, { nullable: true, description: 'Remarks (备注)' }) note: string | null;
  @Field(() => String, { nullable: true, description: SOURCE_DESCRIPTION }) source: string | null;
}

@ObjectType('WeeklyCompliance', {
  description: `A member's 五天四夜 compliance in one week (每周驻村考勤达标). Rule: ${COMPLIANCE_RULE}`,
})
export class WeeklyComplianceType {
  @Field(() => DateScalar, { description: 'Monday of the week (周一)' }) weekStart: string;
  @Field(() => DateScalar, { description: 'Sunday of the week (周日)' }) weekEnd: string;
  @Field(() => Int, { description: 'Days in the village (在村天数), approved leave excluded' }) daysInVillage: number;
  @Field(() => Int, { description: 'Nights in the village (住村夜数), approved leave excluded' })
  nightsInVillage: number;
  @Field(() => Int, { description: 'Approved leave days (请假天数)' }) leaveDays: number;
  @Field(() => Int, { description: 'Days with any record (有记录天数)' }) recordedDays: number;
  @Field(() => Int, { description: 'Days required: max(5 − leave days, 0) (应在村天数)' }) requiredDays: number;
  @Field(() => Int, { description: 'Nights required: max(4 − leave days, 0) (应住村夜数)' }) requiredNights: number;
  @Field({ description: 'Both requirements met (达标)' }) compliant: boolean;
  @Field({ description: 'False while the week has not ended yet (本周未结束)' }) weekComplete: boolean;

  memberKey: string;
  teamKey: string;
}

@ObjectType('WeeklyComplianceConnection', { description: 'A page of weekly 五天四夜 compliance rows (每周驻村考勤)' })
export class WeeklyComplianceConnection extends ConnectionType(WeeklyComplianceType, 'WeeklyCompliance') {}

@ObjectType('ComplianceRate', {
  description: 'Share of assessed members who kept 五天四夜 in a week (五天四夜达标率), computed in SQL',
})
export class ComplianceRateType {
  @Field(() => DateScalar, { description: 'Monday of the week' }) weekStart: string;
  @Field(() => DateScalar, { description: 'Sunday of the week' }) weekEnd: string;
  @Field(() => Int, { description: 'Members on duty for the whole week (应考核人数)' }) assessedMembers: number;
  @Field(() => Int, { description: 'Of those, members who complied (达标人数)' }) compliantMembers: number;
  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'compliantMembers / assessedMembers, 4 decimals (达标率); null when nobody was assessed',
  })
  rate: string | null;
}

@ObjectType('TeamComplianceSummary', {
  description: 'Resident teams of a region and their 五天四夜 compliance in one week (区域驻村考勤汇总)',
})
export class TeamComplianceSummaryType extends ComplianceRateType {
  @Field({ description: 'Region code (区划代码)' }) regionCode: string;
  @Field(() => Int, { description: 'Visible teams with at least one assessed member (参与考核工作队数)' })
  teams: number;
  @Field(() => Int, { description: 'Teams whose assessed members all complied (全员达标工作队数)' })
  fullyCompliantTeams: number;
}

@InputType({ description: 'Weekly compliance filter' })
export class WeeklyComplianceFilter {
  @Field(() => DateScalar, { description: 'Any day of the week to evaluate; the week runs Monday to Sunday' })
  weekOf: string;

  @Field({ nullable: true, description: 'Only teams in villages inside this region (12-digit code or prefix)' })
  @IsOptional()
  regionCode?: string;

  @Field(() => ID, { nullable: true, description: 'Only this team' })
  @IsOptional()
  teamId?: string;
}

export type { TeamMemberNode };
