import { ALL_ROLES, Role, type Viewer } from '../../core/auth/viewer';
import { definePolicy } from '../../core/access/policy';
import { insideViewerRegion } from '../../core/access/region-scope';
import { forbidden } from '../../core/errors';
import { sqlTrue, type SqlFragment } from '../../core/sql';

/**
 * Products and their certification (消费帮扶产品认定).
 *
 * - Read: every account (the product catalogue and its certificates are published); a product's
 *   origin village still resolves only inside the caller's village scope.
 * - Write (create and update a product, certify, revoke a certificate): ADMIN, and
 *   REGION_OFFICIAL for products whose origin village lies in its region. Organisation
 *   departments and partners do not certify.
 */
export const productPolicy = definePolicy({
  resource: 'product',
  roles: { read: ALL_ROLES, write: [Role.ADMIN, Role.REGION_OFFICIAL] },

  readable(_viewer: Viewer, _alias: string): SqlFragment {
    return sqlTrue;
  },

  /** `originVillageCode` is the product's origin village. */
  requireWrite(viewer: Viewer, originVillageCode: string): void {
    if (viewer.role === Role.ADMIN) return;
    if (viewer.role === Role.REGION_OFFICIAL && insideViewerRegion(viewer, originVillageCode)) return;
    throw forbidden('Officials manage and certify the products of villages in their own region');
  },
});
