import { todayInShanghai } from '../../core/dates';
import type { Context } from '../../core/context';
import { regionInScope, visibleVillages } from '../../core/auth/visibility';
import { Role, type Viewer } from '../../core/auth/viewer';
import { badInput, forbidden } from '../../core/errors';
import { uuidKeyFromInput } from '../../core/relay/global-id';
import { sqlFalse, sqlTrue, type SqlFragment } from '../../core/sql';

/** Reads a global id of `type` with a uuid key from an input field, or fails naming that field. */
export const keyFromId = (id: string, type: string, field: string): string => uuidKeyFromInput(id, [type], field);

/**
 * Which teams a viewer sees, as a predicate over a `resident_team` alias:
 * - ADMIN: all; ORG_DEPARTMENT / REGION_OFFICIAL: teams whose village lies inside their region;
 * - ASSISTANCE_UNIT: the teams it dispatches (whatever the village);
 * - ENTERPRISE: none (teams and people are not partner data).
 * Members, people, attendance, plans, inspections and assessments are visible exactly when their team is.
 */
export function visibleTeams(viewer: Viewer, alias = 't'): SqlFragment {
  switch (viewer.role) {
    case Role.ADMIN:
      return sqlTrue;
    case Role.ORG_DEPARTMENT:
    case Role.REGION_OFFICIAL:
      return visibleVillages(viewer, `${alias}.village_code`);
    case Role.ASSISTANCE_UNIT:
      return {
        sql: `EXISTS (SELECT 1 FROM resident_team_unit su WHERE su.team_id = ${alias}.id AND su.unit_id = ?)`,
        bindings: [viewer.providerId],
      };
    default:
      return sqlFalse;
  }
}

/** Phone numbers are personal data: whole only for ADMIN and ORG_DEPARTMENT (组织部), masked for everyone else. */
export const revealsPhone = (viewer: Viewer) => viewer.role === Role.ADMIN || viewer.role === Role.ORG_DEPARTMENT;

/** Team management (dispatch, rotation, plans, inspections, assessments) is the organisation department's. */
export function requireTeamManager(ctx: Context, villageCode: string): void {
  const { viewer } = ctx;
  if (viewer.role === Role.ADMIN) return;
  if (viewer.role === Role.ORG_DEPARTMENT && regionInScope(viewer, villageCode)) return;
  throw forbidden('Only the organisation department of the team’s region may manage it');
}

/** Attendance may also be recorded by a unit that dispatches the team. */
export function requireAttendanceRecorder(ctx: Context, villageCode: string, unitIds: string[]): void {
  if (ctx.viewer.role === Role.ASSISTANCE_UNIT && unitIds.includes(ctx.viewer.providerId!)) return;
  requireTeamManager(ctx, villageCode);
}

export function notInFuture(date: string, field: string): void {
  const today = todayInShanghai();
  if (date > today) throw badInput(field, `${field} ${date} is in the future (today is ${today} in Asia/Shanghai)`);
}
