import type { EntityManager } from '@mikro-orm/postgresql';
import { Role, type Viewer } from '../../core/auth/viewer';
import { definePolicy } from '../../core/access/policy';
import { insideViewerRegion } from '../../core/access/region-scope';
import { forbidden } from '../../core/errors';
import { sqlFalse, sqlTrue, type SqlFragment } from '../../core/sql';
import type { StoredEvent } from '../../core/events/event-store';
import { receivesVillageEvent, villagePolicy } from '../villages/village.policy';

/** What the write checks need to know of a team. */
export interface TeamTarget {
  villageCode: string;
  /** Units that dispatch the team (for attendance recorded by a unit). */
  unitIds?: string[];
}

/**
 * Resident work teams (驻村工作队) and everything under them: members, people, attendance, work
 * plans, inspections and assessments are visible exactly when their team is.
 *
 * - ADMIN: all.
 * - ORG_DEPARTMENT / REGION_OFFICIAL: teams whose village lies inside their region.
 * - ASSISTANCE_UNIT: the teams it dispatches (whatever the village).
 * - ENTERPRISE: none (teams and people are not partner data).
 *
 * Managing a team (dispatch, rotation, plans, inspections, assessments) is the organisation
 * department's (组织部) of the team's region; attendance may also be recorded by a dispatching
 * unit. Phone numbers are whole only for ADMIN and ORG_DEPARTMENT, masked for everyone else.
 */
export const teamPolicy = definePolicy({
  resource: 'team',
  roles: {
    read: [Role.ADMIN, Role.ORG_DEPARTMENT, Role.REGION_OFFICIAL, Role.ASSISTANCE_UNIT],
    write: [Role.ADMIN, Role.ORG_DEPARTMENT],
    recordAttendance: [Role.ADMIN, Role.ORG_DEPARTMENT, Role.ASSISTANCE_UNIT],
    summarise: [Role.ADMIN, Role.ORG_DEPARTMENT, Role.REGION_OFFICIAL],
  },

  /** `alias` is the SQL alias of a `resident_team` row. */
  readable(viewer: Viewer, alias: string): SqlFragment {
    switch (viewer.role) {
      case Role.ADMIN:
        return sqlTrue;
      case Role.ORG_DEPARTMENT:
      case Role.REGION_OFFICIAL:
        return villagePolicy.readable(viewer, `${alias}.village_code`);
      case Role.ASSISTANCE_UNIT:
        return {
          sql: `EXISTS (SELECT 1 FROM resident_team_unit su WHERE su.team_id = ${alias}.id AND su.unit_id = ?)`,
          bindings: [viewer.providerId],
        };
      default:
        return sqlFalse;
    }
  },

  /** Manage the team of (or dispatch a team to) this village. */
  requireWrite(viewer: Viewer, team: TeamTarget): void {
    if (viewer.role === Role.ADMIN) return;
    if (viewer.role === Role.ORG_DEPARTMENT && insideViewerRegion(viewer, team.villageCode)) return;
    throw forbidden('Only the organisation department of the team’s region may manage it');
  },

  /** Record attendance: the team's managers, or a unit that dispatches the team. */
  requireRecordAttendance(viewer: Viewer, team: Required<TeamTarget>): void {
    if (viewer.role === Role.ASSISTANCE_UNIT && team.unitIds.includes(viewer.providerId!)) return;
    teamPolicy.requireWrite(viewer, team);
  },

  /** Whether phone numbers are shown whole. */
  revealsPhone(viewer: Viewer): boolean {
    return viewer.role === Role.ADMIN || viewer.role === Role.ORG_DEPARTMENT;
  },

  /** `teamEvent`: region roles inside their region, dispatching units (the event's parties); never enterprises. */
  receives: (viewer: Viewer, event: StoredEvent, db: () => EntityManager) =>
    viewer.role !== Role.ENTERPRISE && receivesVillageEvent(viewer, event, db),
});
