import { ALL_ROLES, Role, type Viewer } from '../../core/auth/viewer';
import { definePolicy } from '../../core/access/policy';
import { ancestorOfViewerRegion, insideViewerRegion, underViewerRegion } from '../../core/access/region-scope';
import { forbidden } from '../../core/errors';
import { query, sqlFalse, sqlTrue, type SqlFragment } from '../../core/sql';
import type { TokenScopeDefinition } from '../../core/auth/token-scopes';

/**
 * Regions of any level (行政区划).
 *
 * - ADMIN: all.
 * - REGION_OFFICIAL / ORG_DEPARTMENT: their region and everything under it, plus the ancestors of
 *   their region (a county official may read the names of its city and province, not their other
 *   counties).
 * - ENTERPRISE / ASSISTANCE_UNIT: the regions on the way to their assigned villages, kept by the
 *   pairings module in `provider_visible_region`.
 *
 * ADMIN creates regions anywhere; a region official inside its region, but never its own region.
 */
export const regionPolicy = definePolicy({
  resource: 'region',
  roles: { read: ALL_ROLES, write: [Role.ADMIN, Role.REGION_OFFICIAL] },

  /** `codeExpr` is the SQL expression of a region code. */
  readable(viewer: Viewer, codeExpr: string): SqlFragment {
    switch (viewer.role) {
      case Role.ADMIN:
        return sqlTrue;
      case Role.REGION_OFFICIAL:
      case Role.ORG_DEPARTMENT: {
        const inside = underViewerRegion(viewer, codeExpr);
        const ancestors = ancestorOfViewerRegion(viewer, codeExpr);
        return { sql: `${inside.sql} OR ${ancestors.sql}`, bindings: [...inside.bindings, ...ancestors.bindings] };
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
  },

  /** `regionCode` is the code of the region to create. */
  requireWrite(viewer: Viewer, regionCode: string): void {
    if (viewer.role === Role.ADMIN) return;
    if (viewer.role !== Role.REGION_OFFICIAL || !insideViewerRegion(viewer, regionCode)) {
      throw forbidden(`Region ${regionCode} is outside your region`);
    }
    if (regionCode === viewer.regionCode) throw forbidden('You may not recreate your own region');
  },
});

/** What a region role's token may name: a region of the registry (core/auth/token-scopes.ts). */
export const regionTokenScopes: TokenScopeDefinition[] = [Role.REGION_OFFICIAL, Role.ORG_DEPARTMENT].map((role) => ({
  role,
  exists: async (em, regionCode) =>
    (await query(em, '/* token scope */ SELECT 1 FROM region WHERE code = ?', [regionCode])).length > 0,
}));
