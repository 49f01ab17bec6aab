import { ancestorCodesOf, levelOfCode } from '../region-codes';
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
      return {
        sql: `${codeExpr} LIKE ? OR ${ancestors.sql}`,
        bindings: [`${viewer.regionPrefix}%`, ...ancestors.bindings],
      };
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
  if (viewer.role === Role.REGION_OFFICIAL || viewer.role === Role.ORG_DEPARTMENT)
    return code.startsWith(viewer.regionPrefix!);
  return false;
}

/**
 * Pairings (结对帮扶), given the SQL expressions of a pairing's provider id and target code.
 *
 * - ADMIN: all.
 * - Region roles: pairings whose target lies inside their region, plus county-level pairings of
 *   the county their region lies in (those cover the region's villages).
 * - Partners: their own pairings only, whatever the status.
 */
export function visiblePairings(viewer: Viewer, providerExpr: string, targetExpr: string): SqlFragment {
  switch (viewer.role) {
    case Role.ADMIN:
      return sqlTrue;
    case Role.REGION_OFFICIAL:
    case Role.ORG_DEPARTMENT: {
      const counties = ancestorCodesOf(viewer.regionCode!).filter((code) => levelOfCode(code) === 'COUNTY');
      const covering = inList(targetExpr, counties);
      return {
        sql: `${targetExpr} LIKE ? OR ${covering.sql}`,
        bindings: [`${viewer.regionPrefix}%`, ...covering.bindings],
      };
    }
    case Role.ENTERPRISE:
    case Role.ASSISTANCE_UNIT:
      return { sql: `${providerExpr} = ?`, bindings: [viewer.providerId] };
    default:
      return sqlFalse;
  }
}

/**
 * Providers (帮扶单位 and 帮扶企业), given the SQL expressions of a provider's id and home region.
 *
 * - ADMIN: all.
 * - Region roles: providers homed inside their region, or paired (any status) with a target the
 *   viewer may see, so that every visible pairing can show its provider.
 * - Partners: only themselves.
 */
export function visibleProviders(viewer: Viewer, idExpr: string, homeExpr: string): SqlFragment {
  switch (viewer.role) {
    case Role.ADMIN:
      return sqlTrue;
    case Role.REGION_OFFICIAL:
    case Role.ORG_DEPARTMENT: {
      // Homed in the region, paired with a target there, or buying produce from it: every
      // provider a region role meets on a pairing or a purchase can be shown by name.
      const paired = visiblePairings(viewer, 'vp.provider_id', 'vp.target_code');
      return {
        sql: `${homeExpr} LIKE ? OR EXISTS (SELECT 1 FROM pairing vp WHERE vp.provider_id = ${idExpr} AND (${paired.sql}))
          OR EXISTS (SELECT 1 FROM purchase vpu WHERE vpu.buyer_id = ${idExpr} AND vpu.origin_village_code LIKE ?)`,
        bindings: [`${viewer.regionPrefix}%`, ...paired.bindings, `${viewer.regionPrefix}%`],
      };
    }
    case Role.ENTERPRISE:
    case Role.ASSISTANCE_UNIT:
      return { sql: `${idExpr} = ?`, bindings: [viewer.providerId] };
    default:
      return sqlFalse;
  }
}
