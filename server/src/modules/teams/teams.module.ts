import type { FeatureModule } from '../feature-module';
import { Person, ResidentTeam, ResidentTeamUnit, TeamMember, TeamVacancy } from './team.entity';
import { AttendanceDay } from './attendance.entity';
import { TeamInspection, TeamMemberAssessment, TeamWorkPlan } from './inspection.entity';
import { DispatchingUnitResolver, ResidentTeamResolver, TeamVacancyResolver } from './team.resolver';
import { TeamMemberResolver, WeeklyComplianceResolver } from './member.resolver';
import { InspectionResolver } from './inspection.resolver';
import { AssessmentResolver } from './assessment.resolver';
import { TeamLiveResolver } from './team-live.resolver';
import { ACTIVE_TEAM_EXISTS, teamService } from './team.service';
import { FIRST_SECRETARY_ON_DUTY, PERSON_ON_DUTY, memberService } from './member.service';
import { inspectionService } from './inspection.service';
import { teamPolicy } from './team.policy';
import { TEAM_EVENT } from './team.events';
import { attendanceLedger } from './attendance.ledger';
import { Migration20261130000200_team_rules } from './migrations/Migration20261130000200_team_rules';

/**
 * Resident work teams (驻村工作队): dispatch, rotation, attendance, plans, inspections, vacancies,
 * assessments. Teams, members and their records are entities written through MikroORM (one row
 * or a few at a time); reads are named SQL queries in the `*.repository.ts` files, because every
 * list is scoped and batched per request.
 */
export const teamsModule: FeatureModule = {
  name: 'teams',
  resolvers: [
    ResidentTeamResolver,
    DispatchingUnitResolver,
    TeamVacancyResolver,
    TeamMemberResolver,
    WeeklyComplianceResolver,
    InspectionResolver,
    AssessmentResolver,
    TeamLiveResolver,
  ],
  ledgers: [attendanceLedger],
  entities: [
    Person,
    ResidentTeam,
    ResidentTeamUnit,
    TeamMember,
    TeamVacancy,
    AttendanceDay,
    TeamWorkPlan,
    TeamInspection,
    TeamMemberAssessment,
  ],
  migrations: [{ name: 'Migration20261130000200_team_rules', class: Migration20261130000200_team_rules }],
  nodeTypes: [
    { typeName: 'ResidentTeam', fetch: (ctx, key) => teamService.byKey(ctx, key) },
    { typeName: 'TeamMember', fetch: (ctx, key) => memberService.byKey(ctx, key) },
    { typeName: 'TeamInspection', fetch: (ctx, key) => inspectionService.byKey(ctx, key) },
    { typeName: 'TeamVacancy', fetch: (ctx, key) => teamService.vacancyByKey(ctx, key) },
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
    { constraint: 'team_member_assessment_points', message: 'points must not be negative', fields: ['adjustment'] },
    {
      constraint: 'attendance_day_leave_absent',
      message: 'An approved-leave day cannot count as presence: presentByDay and stayedNight must be false',
      fields: ['presentByDay', 'stayedNight'],
    },
    {
      constraint: 'person_party_member_since',
      message: 'partyMemberSince is only for Party members',
      fields: ['person.partyMemberSince'],
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
