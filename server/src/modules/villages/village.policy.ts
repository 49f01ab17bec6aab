import type { EntityManager } from '@mikro-orm/postgresql';
import { ALL_ROLES, Role, type Viewer } from '../../core/auth/viewer';
import { definePolicy } from '../../core/access/policy';
import { insideViewerRegion, underViewerRegion } from '../../core/access/region-scope';
import { forbidden } from '../../core/errors';
import { query, sqlFalse, sqlTrue, type SqlFragment } from '../../core/sql';
import type { StoredEvent } from '../../core/events/event-store';

/**
 * Villages (行政村) and their profile, designations and indicators.
 *
 * - ADMIN: every village.
 * - REGION_OFFICIAL / ORG_DEPARTMENT: the villages under their region's prefix.
 * - ENTERPRISE / ASSISTANCE_UNIT: the villages assigned to them through active pairings (on the
 *   village, or on its county), kept by the pairings module in `provider_assigned_village`.
 *
 * Registry writes belong to ADMIN and to region officials inside their region.
 */
export const villagePolicy = definePolicy({
  resource: 'village',
  roles: { read: ALL_ROLES, write: [Role.ADMIN, Role.REGION_OFFICIAL] },

  /** `codeExpr` is the SQL expression of a village code. */
  readable(viewer: Viewer, codeExpr: string): SqlFragment {
    switch (viewer.role) {
      case Role.ADMIN:
        return sqlTrue;
      case Role.REGION_OFFICIAL:
      case Role.ORG_DEPARTMENT:
        return underViewerRegion(viewer, codeExpr);
      case Role.ENTERPRISE:
      case Role.ASSISTANCE_UNIT:
        return {
          sql: `${codeExpr} IN (SELECT village_code FROM provider_assigned_village WHERE provider_id = ?)`,
          bindings: [viewer.providerId],
        };
      default:
        return sqlFalse;
    }
  },

  /** `villageCode` is the code of the village to change (or to create). */
  requireWrite(viewer: Viewer, villageCode: string): void {
    if (viewer.role === Role.ADMIN) return;
    if (viewer.role === Role.REGION_OFFICIAL && insideViewerRegion(viewer, villageCode)) return;
    throw forbidden(`Village ${villageCode} is outside your region`);
  },

  receives: (viewer: Viewer, event: StoredEvent, db: () => EntityManager) => receivesVillageEvent(viewer, event, db),
});

/**
 * Whether an event about a place reaches a viewer: region roles when it lies in their region,
 * partners when they are a party to it or, for events open to assigned partners, when the
 * village is assigned to them. Events of other resources (teams, pairings) build on this.
 */
export async function receivesVillageEvent(
  viewer: Viewer,
  event: StoredEvent,
  db: () => EntityManager,
): Promise<boolean> {
  switch (viewer.role) {
    case Role.ADMIN:
      return true;
    case Role.REGION_OFFICIAL:
    case Role.ORG_DEPARTMENT:
      return insideViewerRegion(viewer, event.regionCode);
    case Role.ENTERPRISE:
    case Role.ASSISTANCE_UNIT: {
      if (event.partyIds.includes(viewer.providerId!)) return true;
      if (event.partnerAccess !== 'ASSIGNED_VILLAGE') return false;
      const rows = await query(
        db(),
        'SELECT 1 FROM provider_assigned_village WHERE provider_id = ? AND village_code = ?',
        [viewer.providerId, event.regionCode],
      );
      return rows.length > 0;
    }
    default:
      return false;
  }
}
