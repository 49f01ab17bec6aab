import { ALL_ROLES, Role, type Viewer } from '../../core/auth/viewer';
import { definePolicy } from '../../core/access/policy';
import { insideViewerRegion } from '../../core/access/region-scope';
import { forbidden } from '../../core/errors';
import { sqlTrue, type SqlFragment } from '../../core/sql';

/**
 * Suppliers of consumption-support products (供应主体).
 *
 * - Read: every account. The catalogue is published like certification lists are, so buyers
 *   can find produce from villages they are not paired with; a supplier's village still
 *   resolves only inside the caller's village scope.
 * - Write (create, update): ADMIN, and REGION_OFFICIAL for suppliers in villages of its region,
 *   before and after a change (a supplier cannot be moved out of the official's region).
 */
export const supplierPolicy = definePolicy({
  resource: 'supplier',
  roles: { read: ALL_ROLES, write: [Role.ADMIN, Role.REGION_OFFICIAL] },

  readable(_viewer: Viewer, _alias: string): SqlFragment {
    return sqlTrue;
  },

  /** `villageCode` is the supplier's village (before and after the change). */
  requireWrite(viewer: Viewer, villageCode: string): void {
    if (viewer.role === Role.ADMIN) return;
    if (viewer.role === Role.REGION_OFFICIAL && insideViewerRegion(viewer, villageCode)) return;
    throw forbidden('Officials manage the suppliers of villages in their own region');
  },
});
