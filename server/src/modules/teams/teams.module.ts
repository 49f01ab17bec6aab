import type { FeatureModule } from '../feature-module';
import { Person, ResidentTeam, ResidentTeamUnit, TeamMember } from './team.entity';
import { AttendanceDay } from './attendance.entity';
import { TeamInspection, TeamMemberAssessment, TeamWorkPlan } from './inspection.entity';
import { ResidentTeamResolver } from './team.resolver';
import { TeamMemberResolver, WeeklyComplianceResolver } from './member.resolver';
import { InspectionResolver } from './inspection.resolver';
import { TeamLiveResolver } from './team-live.resolver';
import { ACTIVE_TEAM_EXISTS, FIRST_SECRETARY_ON_DUTY, PERSON_ON_DUTY, teamService } from './team.service';
import { inspectionService } from './inspection.service';
import { teamPolicy } from './team.policy';
import { TEAM_EVENT } from './team.events';

/** Resident work teams (驻村工作队): dispatch, rotation, attendance, plans, inspections, assessments. */
export const teamsModule: FeatureModule = {
  name: 'teams',
  resolvers: [ResidentTeamResolver, TeamMemberResolver, WeeklyComplianceResolver, InspectionResolver, TeamLiveResolver],
  entities: [
    Person,
    ResidentTeam,
    ResidentTeamUnit,
    TeamMember,
    AttendanceDay,
    TeamWorkPlan,
    TeamInspection,
    TeamMemberAssessment,
  ],
  nodeTypes: [
    { typeName: 'ResidentTeam', fetch: (ctx, key) => teamService.byKey(ctx, key) },
    { typeName: 'TeamMember', fetch: (ctx, key) => teamService.memberByKey(ctx, key) },
    { typeName: 'TeamInspection', fetch: (ctx, key) => inspectionService.byKey(ctx, key) },
  ],
  topics: [{ topic: TEAM_EVENT, receives: teamPolicy.receives }],
  // The database is the last guard of these rules; racing requests surface as these CONFLICTs.
  constraints: [
    { constraint: 'team_member_person_on_duty', message: PERSON_ON_DUTY, fields: ['personId'] },
    { constraint: 'team_member_one_first_secretary', message: FIRST_SECRETARY_ON_DUTY, fields: ['role'] },
    { constraint: 'resident_team_one_active_per_village', message: ACTIVE_TEAM_EXISTS, fields: ['villageId'] },
    { constraint: 'resident_team_unit_one_lead', message: 'A team has exactly one lead unit', fields: ['leadUnitId'] },
    {
      constraint: 'team_member_duty_order',
      message: 'The last day of duty must not be before the first',
      fields: ['onDutyTo'],
    },
    { constraint: 'resident_team_term_order', message: 'termEnd must not be before termStart', fields: ['termEnd'] },
    {
      constraint: 'team_work_plan_one_per_year',
      message: 'The team already has a work plan for this year',
      fields: ['year'],
    },
    {
      constraint: 'team_member_assessment_one_per_year',
      message: 'The member has already been assessed for this year',
      fields: ['year'],
    },
    { constraint: 'team_member_assessment_points', message: 'points must not be negative', fields: ['points'] },
    {
      constraint: 'attendance_day_leave_absent',
      message: 'An approved-leave day cannot count as presence: presentByDay and stayedNight must be false',
      fields: ['presentByDay', 'stayedNight'],
    },
  ],
  targetMetrics: [
    {
      // RESIDENT_TEAM (重点帮扶村全覆盖派驻驻村工作队): teams in the village with anyone on duty.
      metric: 'RESIDENT_TEAM_COUNT',
      expr: `(SELECT count(*) FROM resident_team rt WHERE rt.village_code = vs.code
          AND EXISTS (SELECT 1 FROM team_member rm WHERE rm.team_id = rt.id AND rm.status = 'ON_DUTY'))`,
      yearly: false,
    },
  ],
};
