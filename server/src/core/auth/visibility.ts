import { ancestorCodesOf } from '../region-codes';
import { inList, sqlFalse, sqlTrue, type SqlFragment } from '../sql';
import { Role, type Viewer } from './viewer';

/**
 * Row-level scope, applied inside every query that returns regional data, so that lists, nested
 * fields and `node(id)` all see the same rows. `codeExpr` is the SQL expression of a region code.
 *
 * - ADMIN: everything.
 * - REGION_OFFICIAL / ORG_DEPARTMENT: everything under their region's prefix.
 * - ENTERPRISE / ASSISTANCE_UNIT: the villages they are assigned through active pairings.
 */
export function visibleVillages(viewer: Viewer, codeExpr: string): SqlFragment {
  switch (viewer.role) {
    case Role.ADMIN:
      return sqlTrue;
    case Role.REGION_OFFICIAL:
    case Role.ORG_DEPARTMENT:
      return { sql: `${codeExpr} LIKE ?`, bindings: [`${viewer.regionPrefix}%`] };
    case Role.ENTERPRISE:
    case Role.ASSISTANCE_UNIT:
      return {
        sql: `${codeExpr} IN (SELECT village_code FROM provider_assigned_village WHERE provider_id = ?)`,
        bindings: [viewer.providerId],
      };
    default:
      return sqlFalse;
  }
}

/**
 * Regions of any level: what `visibleVillages` allows plus the ancestors of the viewer's own
 * region (a county official may read the names of its city and province, but not their
 * other counties).
 */
export function visibleRegions(viewer: Viewer, codeExpr: string): SqlFragment {
  switch (viewer.role) {
    case Role.ADMIN:
      return sqlTrue;
    case Role.REGION_OFFICIAL:
    case Role.ORG_DEPARTMENT: {
      const ancestors = inList(codeExpr, ancestorCodesOf(viewer.regionCode!));
      return { sql: `${codeExpr} LIKE ? OR ${ancestors.sql}`, bindings: [`${viewer.regionPrefix}%`, ...ancestors.bindings] };
    }
    case Role.ENTERPRISE:
    case Role.ASSISTANCE_UNIT:
      return {
        sql: `${codeExpr} IN (SELECT region_code FROM provider_visible_region WHERE provider_id = ?)`,
        bindings: [viewer.providerId],
      };
    default:
      return sqlFalse;
  }
}

/** Whether a region code lies inside the viewer's region (for writes by region roles). */
export function regionInScope(viewer: Viewer, code: string): boolean {
  if (viewer.role === Role.ADMIN) return true;
  if (viewer.role === Role.REGION_OFFICIAL || viewer.role === Role.ORG_DEPARTMENT) return code.startsWith(viewer.regionPrefix!);
  return false;
}
