import { Role, type Viewer } from '../../core/auth/viewer';
import { definePolicy } from '../../core/access/policy';
import { insideViewerRegion, underViewerRegion } from '../../core/access/region-scope';
import { forbidden } from '../../core/errors';
import { sqlFalse, sqlTrue, type SqlFragment } from '../../core/sql';

/**
 * Public-welfare posts (公益岗位) and everything under them: agreements with their holders (names
 * and household categories are personal data), checks and monthly fees.
 *
 * - ADMIN: all.
 * - REGION_OFFICIAL: posts in villages inside its region.
 * - ORG_DEPARTMENT, ENTERPRISE, ASSISTANCE_UNIT: none. Posts are the county's and township's
 *   business (人社, 林业), and their holders' data are not partner data.
 *
 * Posts are set, holders hired, checks recorded and agreements ended by administrators and by
 * officials whose region holds the village (the township forestry station, 乡(镇)林业环保站, is
 * 甲方 of the ranger agreement).
 */
export const postPolicy = definePolicy({
  resource: 'post',
  roles: {
    read: [Role.ADMIN, Role.REGION_OFFICIAL],
    write: [Role.ADMIN, Role.REGION_OFFICIAL],
  },

  /** `villageExpr` is the SQL expression of the post's village code. */
  readable(viewer: Viewer, villageExpr: string): SqlFragment {
    switch (viewer.role) {
      case Role.ADMIN:
        return sqlTrue;
      case Role.REGION_OFFICIAL:
        return underViewerRegion(viewer, villageExpr);
      default:
        return sqlFalse;
    }
  },

  /** Manage a post (or its agreements and checks) in this village. */
  requireWrite(viewer: Viewer, villageCode: string): void {
    if (viewer.role === Role.ADMIN) return;
    if (viewer.role === Role.REGION_OFFICIAL && insideViewerRegion(viewer, villageCode)) return;
    throw forbidden(`Village ${villageCode} is outside your region`);
  },
});
