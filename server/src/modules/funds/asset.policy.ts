import { Role, type Viewer } from '../../core/auth/viewer';
import { definePolicy } from '../../core/access/policy';
import { insideViewerRegion, underViewerRegion } from '../../core/access/region-scope';
import { forbidden } from '../../core/errors';
import { sqlFalse, sqlTrue, type SqlFragment } from '../../core/sql';
import { projectPolicy } from './project.policy';

/** SQL expressions of an asset's village code and project id. */
export interface AssetColumns {
  village: string;
  project: string;
}

/**
 * Project assets (扶贫项目资产) and everything under them (yearly income, disposal requests).
 *
 * - ADMIN: all.
 * - REGION_OFFICIAL: assets in villages inside its region; the asset ledger (资产台账) of its
 *   region and of any village or county inside it.
 * - ENTERPRISE / ASSISTANCE_UNIT: the assets formed by projects they fund (as projects).
 * - ORG_DEPARTMENT: none, as for projects.
 *
 * Assets are registered, their income recorded and disposal requested by officials whose region
 * holds the village; a disposal is approved or rejected by the county's own officials
 * (`004_44e68c292b71f99b.txt` (四): 履行相应的报批程序).
 */
export const assetPolicy = definePolicy({
  resource: 'asset',
  roles: {
    read: [Role.ADMIN, Role.REGION_OFFICIAL, Role.ENTERPRISE, Role.ASSISTANCE_UNIT],
    write: [Role.ADMIN, Role.REGION_OFFICIAL],
    approve: [Role.ADMIN, Role.REGION_OFFICIAL],
    ledger: [Role.ADMIN, Role.REGION_OFFICIAL],
  },

  readable(viewer: Viewer, columns: AssetColumns): SqlFragment {
    switch (viewer.role) {
      case Role.ADMIN:
        return sqlTrue;
      case Role.REGION_OFFICIAL:
        return underViewerRegion(viewer, columns.village);
      case Role.ENTERPRISE:
      case Role.ASSISTANCE_UNIT:
        // Partners see what their money formed: the assets of the projects they fund.
        return projectPolicy.readable(viewer, { id: columns.project, county: 'NULL' });
      default:
        return sqlFalse;
    }
  },

  /** Register an asset in, record income of, or request disposal of an asset in this village. */
  requireWrite(viewer: Viewer, villageCode: string): void {
    if (viewer.role === Role.ADMIN) return;
    if (viewer.role === Role.REGION_OFFICIAL && insideViewerRegion(viewer, villageCode)) return;
    throw forbidden(`Village ${villageCode} is outside your region`);
  },

  /** Approve or reject the disposal of an asset in this village: the county's own officials. */
  requireApprove(viewer: Viewer, villageCode: string): void {
    if (viewer.role === Role.ADMIN) return;
    if (viewer.role === Role.REGION_OFFICIAL && viewer.regionCode === `${villageCode.slice(0, 6)}000000`) return;
    throw forbidden('Only the officials of the asset’s county approve its disposal');
  },

  /** Read the asset ledger of this region. */
  requireLedger(viewer: Viewer, regionCode: string): void {
    if (viewer.role === Role.ADMIN) return;
    if (viewer.role === Role.REGION_OFFICIAL && insideViewerRegion(viewer, regionCode)) return;
    throw forbidden(`Region ${regionCode} is outside your region`);
  },
});
