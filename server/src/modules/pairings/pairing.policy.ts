import type { EntityManager } from '@mikro-orm/postgresql';
import { ALL_ROLES, Role, type Viewer } from '../../core/auth/viewer';
import { definePolicy } from '../../core/access/policy';
import { countyOfViewerRegion, insideViewerRegion, underViewerRegion } from '../../core/access/region-scope';
import { forbidden } from '../../core/errors';
import { sqlFalse, sqlTrue, type SqlFragment } from '../../core/sql';
import type { StoredEvent } from '../../core/events/event-store';
import { receivesVillageEvent } from '../villages/village.policy';

/** SQL expressions of a pairing's provider id and target code. */
export interface PairingColumns {
  provider: string;
  target: string;
}

/** What a write check needs to know of a pairing. */
export interface PairingTarget {
  targetCode: string;
  providerId?: string;
}

/**
 * Pairings (结对帮扶) and their contributions.
 *
 * - ADMIN: all.
 * - REGION_OFFICIAL / ORG_DEPARTMENT: pairings whose target lies inside their region, plus the
 *   county-level pairings of the county their region lies in (those cover the region's villages).
 * - ENTERPRISE / ASSISTANCE_UNIT: their own pairings only, whatever the status.
 *
 * Pairings are created and moved between statuses by ADMIN or by region officials whose region
 * holds the target; contributions may also be recorded by the pairing's own partner.
 */
export const pairingPolicy = definePolicy({
  resource: 'pairing',
  roles: {
    read: ALL_ROLES,
    write: [Role.ADMIN, Role.REGION_OFFICIAL],
    contribute: [Role.ADMIN, Role.REGION_OFFICIAL, Role.ENTERPRISE, Role.ASSISTANCE_UNIT],
  },

  readable(viewer: Viewer, columns: PairingColumns): SqlFragment {
    switch (viewer.role) {
      case Role.ADMIN:
        return sqlTrue;
      case Role.REGION_OFFICIAL:
      case Role.ORG_DEPARTMENT: {
        const inside = underViewerRegion(viewer, columns.target);
        const covering = countyOfViewerRegion(viewer, columns.target);
        return { sql: `${inside.sql} OR ${covering.sql}`, bindings: [...inside.bindings, ...covering.bindings] };
      }
      case Role.ENTERPRISE:
      case Role.ASSISTANCE_UNIT:
        return { sql: `${columns.provider} = ?`, bindings: [viewer.providerId] };
      default:
        return sqlFalse;
    }
  },

  /** Create a pairing on, or change the status of a pairing with, this target. */
  requireWrite(viewer: Viewer, pairing: PairingTarget): void {
    if (viewer.role === Role.ADMIN) return;
    if (viewer.role === Role.REGION_OFFICIAL && insideViewerRegion(viewer, pairing.targetCode)) return;
    throw forbidden(`Target ${pairing.targetCode} is outside your region`);
  },

  /** Record a contribution against this pairing. */
  requireContribute(viewer: Viewer, pairing: Required<PairingTarget>): void {
    if (viewer.role === Role.ADMIN) return;
    if (viewer.role === Role.REGION_OFFICIAL && insideViewerRegion(viewer, pairing.targetCode)) return;
    if (
      (viewer.role === Role.ENTERPRISE || viewer.role === Role.ASSISTANCE_UNIT) &&
      viewer.providerId?.toLowerCase() === pairing.providerId
    ) {
      return;
    }
    throw forbidden("Only the pairing's partner, its region's officials or an administrator may record contributions");
  },

  /** `pairingChanged`: region roles inside their region; partners when they are the pairing's provider. */
  receives: (viewer: Viewer, event: StoredEvent, db: () => EntityManager) => receivesVillageEvent(viewer, event, db),
});
