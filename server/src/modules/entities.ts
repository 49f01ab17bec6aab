import { Region } from './regions/region.entity';
import { Village, VillageDesignation, VillageIndicators } from './villages/village.entity';
import { PolicyTarget } from './targets/policy-target.entity';
import { Provider } from './providers/provider.entity';
import { Contribution, Pairing } from './pairings/pairing.entity';
import { Person, ResidentTeam, ResidentTeamUnit, TeamMember } from './teams/team.entity';
import { AttendanceDay } from './teams/attendance.entity';
import { TeamInspection, TeamMemberAssessment, TeamWorkPlan } from './teams/inspection.entity';

/** Every MikroORM entity of the platform; a module adds its entities here. */
export const entities = [
  Region,
  Village,
  VillageDesignation,
  VillageIndicators,
  PolicyTarget,
  Provider,
  Pairing,
  Contribution,
  Person,
  ResidentTeam,
  ResidentTeamUnit,
  TeamMember,
  AttendanceDay,
  TeamWorkPlan,
  TeamInspection,
  TeamMemberAssessment,
];
