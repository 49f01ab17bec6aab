import { Role, type Viewer } from '../../core/auth/viewer';
import { definePolicy } from '../../core/access/policy';
import { insideViewerRegion, underViewerRegion } from '../../core/access/region-scope';
import { forbidden } from '../../core/errors';
import { sqlFalse, sqlTrue, type SqlFragment } from '../../core/sql';
import type { StoredEvent } from '../../core/events/event-store';
import type { StepActor } from './project-workflow';

/** SQL expressions of a project's id and county code. */
export interface ProjectColumns {
  id: string;
  county: string;
}

/** What the write checks need to know of a project. */
export interface ProjectTarget {
  countyCode: string;
  villageCodes: readonly string[];
}

const READERS = [Role.ADMIN, Role.REGION_OFFICIAL, Role.ENTERPRISE, Role.ASSISTANCE_UNIT];

/**
 * Projects of the project library (项目库) and everything under them: villages served, budget
 * lines, status history and payments are visible exactly when their project is.
 *
 * - ADMIN: all.
 * - REGION_OFFICIAL: projects of a county inside its region, and projects serving a village
 *   inside its region (a township sees the projects of its villages).
 * - ENTERPRISE / ASSISTANCE_UNIT: the projects they fund, i.e. with a budget line naming them.
 * - ORG_DEPARTMENT: none. Organisation departments follow resident teams; funds and projects are
 *   the rural-revitalisation and finance departments' business.
 *
 * Who moves each step is data (PROJECT_STEPS): `LOCAL` steps (entering the library, reporting
 * the start) by an official whose region holds every village served, or the county's; `COUNTY`
 * steps, and recording payments, by the county's own officials. Administrators may do all.
 */
export const projectPolicy = definePolicy({
  resource: 'project',
  roles: {
    read: READERS,
    write: [Role.ADMIN, Role.REGION_OFFICIAL],
    move: [Role.ADMIN, Role.REGION_OFFICIAL],
    pay: [Role.ADMIN, Role.REGION_OFFICIAL],
  },

  readable(viewer: Viewer, columns: ProjectColumns): SqlFragment {
    switch (viewer.role) {
      case Role.ADMIN:
        return sqlTrue;
      case Role.REGION_OFFICIAL: {
        const county = underViewerRegion(viewer, columns.county);
        const village = underViewerRegion(viewer, 'spv.village_code');
        return {
          sql: `${county.sql} OR EXISTS (SELECT 1 FROM project_village spv WHERE spv.project_id = ${columns.id} AND ${village.sql})`,
          bindings: [...county.bindings, ...village.bindings],
        };
      }
      case Role.ENTERPRISE:
      case Role.ASSISTANCE_UNIT:
        return {
          sql: `EXISTS (SELECT 1 FROM project_budget_line sbl WHERE sbl.project_id = ${columns.id} AND sbl.provider_id = ?)`,
          bindings: [viewer.providerId],
        };
      default:
        return sqlFalse;
    }
  },

  /** Enter a project serving these villages into the library (a `LOCAL` step). */
  requireWrite(viewer: Viewer, project: ProjectTarget): void {
    projectPolicy.requireStep(viewer, project, 'LOCAL');
  },

  /** Move a project one step; `actor` comes from PROJECT_STEPS. */
  requireStep(viewer: Viewer, project: ProjectTarget, actor: StepActor): void {
    if (viewer.role === Role.ADMIN) return;
    if (viewer.role === Role.REGION_OFFICIAL) {
      if (viewer.regionCode === project.countyCode) return;
      if (
        actor === 'LOCAL' &&
        project.villageCodes.length > 0 &&
        project.villageCodes.every((code) => insideViewerRegion(viewer, code))
      )
        return;
    }
    throw forbidden(
      actor === 'COUNTY'
        ? 'Only the officials of the project’s county may take this step (县级项目库)'
        : 'Only officials whose region holds every village the project serves may take this step',
    );
  },

  /** Record a payment to this project: the county's officials (县级拨付). */
  requirePay(viewer: Viewer, project: ProjectTarget): void {
    projectPolicy.requireStep(viewer, project, 'COUNTY');
  },

  /**
   * `projectChanged`: officials whose region holds the county or a village served (the event's
   * payload lists them), and the partners funding the project (the event's parties).
   */
  receives(viewer: Viewer, event: StoredEvent): boolean {
    switch (viewer.role) {
      case Role.ADMIN:
        return true;
      case Role.REGION_OFFICIAL: {
        const villages = (event.payload.villageCodes as string[] | undefined) ?? [];
        return insideViewerRegion(viewer, event.regionCode) || villages.some((c) => insideViewerRegion(viewer, c));
      }
      case Role.ENTERPRISE:
      case Role.ASSISTANCE_UNIT:
        return event.partyIds.includes(viewer.providerId!);
      default:
        return false;
    }
  },
});
