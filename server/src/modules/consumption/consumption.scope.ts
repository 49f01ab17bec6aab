import { Role, type Viewer } from '../../core/auth/viewer';
import { sqlFalse, sqlTrue, type SqlFragment } from '../../core/sql';

/**
 * Purchases a viewer may see: region officials those whose origin village lies in their region,
 * partners only their own (an enterprise never sees another buyer's purchase), admins all.
 * Organisation departments follow resident teams, not buyers' purchases: none. Statistics use the
 * same predicate, so every caller's totals cover its own scope only.
 */
export function visiblePurchases(viewer: Viewer, alias = 'p'): SqlFragment {
  switch (viewer.role) {
    case Role.ADMIN:
      return sqlTrue;
    case Role.REGION_OFFICIAL:
      return { sql: `${alias}.origin_village_code LIKE ?`, bindings: [`${viewer.regionPrefix}%`] };
    case Role.ENTERPRISE:
    case Role.ASSISTANCE_UNIT:
      return { sql: `${alias}.buyer_id = ?`, bindings: [viewer.providerId] };
    default:
      return sqlFalse;
  }
}
