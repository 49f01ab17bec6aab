import { Role, type Viewer } from '../../core/auth/viewer';
import { definePolicy } from '../../core/access/policy';
import { insideViewerRegion, underViewerRegion } from '../../core/access/region-scope';
import { forbidden } from '../../core/errors';
import { sqlFalse, sqlTrue, type SqlFragment } from '../../core/sql';

/** SQL expressions of an allocation's county code and provider id. */
export interface FundAllocationColumns {
  county: string;
  provider: string;
}

/**
 * Fund allocations (资金下达) to a county, and the rules computed over them (the 12% share, the
 * April deadlines, the city's year-on-year level).
 *
 * - ADMIN: all.
 * - REGION_OFFICIAL: allocations to a county inside its region (a county official its own, a city
 *   official its counties'); a township official none, allocations are made to counties.
 * - ENTERPRISE / ASSISTANCE_UNIT: the allocations of their own money (east-west, designated,
 *   enterprise or social funds naming them).
 * - ORG_DEPARTMENT: none, as for projects.
 *
 * Allocations are recorded, and marked in place, by administrators and by officials whose region
 * holds the county. The rule summaries (`fundShare`, `deadlines`) are for the same officials.
 */
export const fundAllocationPolicy = definePolicy({
  resource: 'fund-allocation',
  roles: {
    read: [Role.ADMIN, Role.REGION_OFFICIAL, Role.ENTERPRISE, Role.ASSISTANCE_UNIT],
    write: [Role.ADMIN, Role.REGION_OFFICIAL],
    summarise: [Role.ADMIN, Role.REGION_OFFICIAL],
  },

  readable(viewer: Viewer, columns: FundAllocationColumns): SqlFragment {
    switch (viewer.role) {
      case Role.ADMIN:
        return sqlTrue;
      case Role.REGION_OFFICIAL:
        return underViewerRegion(viewer, columns.county);
      case Role.ENTERPRISE:
      case Role.ASSISTANCE_UNIT:
        return { sql: `${columns.provider} = ?`, bindings: [viewer.providerId] };
      default:
        return sqlFalse;
    }
  },

  /** Record an allocation to this county, or mark one in place. */
  requireWrite(viewer: Viewer, countyCode: string): void {
    if (viewer.role === Role.ADMIN) return;
    if (viewer.role === Role.REGION_OFFICIAL && insideViewerRegion(viewer, countyCode)) return;
    throw forbidden(`County ${countyCode} is outside your region`);
  },

  /** Read the rule summaries of this region (a county, or a city for the deadlines). */
  requireSummarise(viewer: Viewer, regionCode: string): void {
    if (viewer.role === Role.ADMIN) return;
    if (viewer.role === Role.REGION_OFFICIAL && insideViewerRegion(viewer, regionCode)) return;
    throw forbidden(`Region ${regionCode} is outside your region: funds are reported to the county and above`);
  },
});
