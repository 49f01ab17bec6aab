import type { EntityManager } from '@mikro-orm/postgresql';
import { ALL_ROLES, Role, type Viewer } from '../../core/auth/viewer';
import { definePolicy } from '../../core/access/policy';
import { countyOfViewerRegion, insideViewerRegion, underViewerRegion } from '../../core/access/region-scope';
import { forbidden } from '../../core/errors';
import { sqlFalse, sqlTrue, type SqlFragment } from '../../core/sql';
import type { StoredEvent } from '../../core/events/event-store';
import { receivesVillageEvent } from '../villages/village.policy';

/** What the write checks need to know of a purchase. */
export interface PurchaseTarget {
  buyerId: string;
  originVillageCode: string;
}

/**
 * Consumption-support purchases (消费帮扶采购).
 *
 * - ADMIN: all.
 * - REGION_OFFICIAL: purchases of produce from villages inside its region.
 * - ENTERPRISE / ASSISTANCE_UNIT: their own purchases only; a partner never sees another buyer's.
 * - ORG_DEPARTMENT: none. Organisation departments follow resident teams; purchases are buyers'
 *   commercial data. Statistics and live events follow the same rule.
 *
 * Partners record and void their own purchases; officials record (for buyers paired with their
 * region), verify and void purchases of produce from their region.
 */
export const purchasePolicy = definePolicy({
  resource: 'purchase',
  roles: {
    read: ALL_ROLES,
    write: [Role.ADMIN, Role.REGION_OFFICIAL, Role.ENTERPRISE, Role.ASSISTANCE_UNIT],
    verify: [Role.ADMIN, Role.REGION_OFFICIAL],
  },

  /** `alias` is the SQL alias of a `purchase` row. */
  readable(viewer: Viewer, alias: string): SqlFragment {
    return purchasePolicy.readableOver(viewer, {
      place: { expr: `${alias}.origin_village_code`, prefixLength: 12 },
      buyer: `${alias}.buyer_id`,
    })!;
  },

  /**
   * The read rule over rows that carry less than a purchase, such as the statistics rollups:
   * `place` is an expression holding a region code cut to `prefixLength` digits (12 for the
   * village, 6 for the county), `buyer` one holding the buyer id. Null when the rule cannot be
   * decided on those columns (a township official over county rows, a partner over rows without
   * a buyer): the caller must then read the purchases themselves.
   */
  readableOver(
    viewer: Viewer,
    columns: { place?: { expr: string; prefixLength: number }; buyer?: string },
  ): SqlFragment | null {
    switch (viewer.role) {
      case Role.ADMIN:
        return sqlTrue;
      case Role.REGION_OFFICIAL:
        if (!columns.place || viewer.regionPrefix!.length > columns.place.prefixLength) return null;
        return underViewerRegion(viewer, columns.place.expr);
      case Role.ENTERPRISE:
      case Role.ASSISTANCE_UNIT:
        return columns.buyer ? { sql: `${columns.buyer} = ?`, bindings: [viewer.providerId] } : null;
      default:
        return sqlFalse;
    }
  },

  /**
   * Whether any purchase may be visible to the viewer: fields that summarise purchases (such as
   * `Village.consumption`) are null, not zero, for the roles `readable` answers false for.
   */
  seesPurchases(viewer: Viewer): boolean {
    return (
      viewer.role === Role.ADMIN ||
      viewer.role === Role.REGION_OFFICIAL ||
      viewer.role === Role.ENTERPRISE ||
      viewer.role === Role.ASSISTANCE_UNIT
    );
  },

  /**
   * Buyers the viewer may record purchases for, as a condition over a provider id expression:
   * partners themselves; officials the buyers paired with their region (a pairing in force or
   * once in force, that is not merely PROPOSED, with a target inside the region or with the
   * county the region lies in), because recording for a buyer adds to that buyer's ledger and a
   * region's officials keep the ledger of the partners that help it; ADMIN anyone.
   */
  recordableBuyers(viewer: Viewer, providerIdExpr: string): SqlFragment {
    switch (viewer.role) {
      case Role.ADMIN:
        return sqlTrue;
      case Role.ENTERPRISE:
      case Role.ASSISTANCE_UNIT:
        return { sql: `${providerIdExpr} = ?`, bindings: [viewer.providerId] };
      case Role.REGION_OFFICIAL: {
        const inside = underViewerRegion(viewer, 'rb.target_code');
        const county = countyOfViewerRegion(viewer, 'rb.target_code');
        return {
          sql: `EXISTS (SELECT 1 FROM pairing rb WHERE rb.provider_id = ${providerIdExpr} AND rb.status <> 'PROPOSED'
            AND ((${inside.sql}) OR (${county.sql})))`,
          bindings: [...inside.bindings, ...county.bindings],
        };
      }
      default:
        return sqlFalse;
    }
  },

  /**
   * Record for a buyer; `recordable` is whether the buyer meets `recordableBuyers`. Checked
   * before anything else about the buyer is read, so a caller who may not record for a buyer
   * learns nothing of it (not whether it exists, not which client references it has used).
   */
  requireRecordFor(viewer: Viewer, buyerId: string, recordable: boolean): void {
    if ((viewer.role === Role.ENTERPRISE || viewer.role === Role.ASSISTANCE_UNIT) && buyerId !== viewer.providerId)
      throw forbidden('Partners record purchases for themselves only');
    if (!recordable) throw forbidden('Officials record purchases only for buyers paired with their region');
  },

  /** Record, or void, this purchase. */
  requireWrite(viewer: Viewer, purchase: PurchaseTarget): void {
    switch (viewer.role) {
      case Role.ADMIN:
        return;
      case Role.REGION_OFFICIAL:
        if (insideViewerRegion(viewer, purchase.originVillageCode)) return;
        throw forbidden('Officials manage purchases of produce from their own region');
      case Role.ENTERPRISE:
      case Role.ASSISTANCE_UNIT:
        if (purchase.buyerId === viewer.providerId) return;
        throw forbidden('Partners manage their own purchases only');
      default:
        throw forbidden('Organisation departments do not manage purchases');
    }
  },

  /** Verify this purchase: officials of the origin region (and admins). */
  requireVerify(viewer: Viewer, purchase: PurchaseTarget): void {
    if (viewer.role === Role.ADMIN) return;
    if (viewer.role === Role.REGION_OFFICIAL && insideViewerRegion(viewer, purchase.originVillageCode)) return;
    throw forbidden('Only officials of the origin region verify purchases');
  },

  /** `purchaseRecorded` and `purchaseStatusChanged`: as the reads, so never organisation departments. */
  receives: (viewer: Viewer, event: StoredEvent, db: () => EntityManager) =>
    viewer.role !== Role.ORG_DEPARTMENT && receivesVillageEvent(viewer, event, db),
});
