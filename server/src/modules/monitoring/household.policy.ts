import type { EntityManager } from '@mikro-orm/postgresql';
import { Role, type Viewer } from '../../core/auth/viewer';
import { definePolicy } from '../../core/access/policy';
import { insideViewerRegion, underViewerRegion } from '../../core/access/region-scope';
import { forbidden } from '../../core/errors';
import { levelOfCode } from '../../core/region-codes';
import { query, sqlFalse, sqlTrue, type SqlFragment } from '../../core/sql';
import { MonitoringLevel } from './monitoring.enums';

/** SQL expressions of a household's village code and id (on a household or a case row). */
export interface HouseholdColumns {
  villageCode: string;
  householdId: string;
}

/** What the write checks need to know of the place a change happens in. */
export interface MonitoringPlace {
  villageCode: string;
  /** Units dispatching an active resident team with someone on duty in the village. */
  residentUnitIds: readonly string[];
}

/** Roles that may read monitoring data at all. */
const MONITORING_READERS = [Role.ADMIN, Role.REGION_OFFICIAL, Role.ASSISTANCE_UNIT] as const;

/** Villages where a unit dispatches an active resident team with someone on duty. */
const TEAM_VILLAGES = `SELECT rt.village_code FROM resident_team rt JOIN resident_team_unit rtu ON rtu.team_id = rt.id
  WHERE rtu.unit_id = ? AND rt.status = 'ACTIVE'
    AND EXISTS (SELECT 1 FROM team_member rtm WHERE rtm.team_id = rt.id AND rtm.status = 'ON_DUTY')`;

/** Households whose plan (一户一案) names a responsible person of the unit: its paired households. */
const PAIRED_HOUSEHOLDS = `SELECT pc.household_id FROM monitoring_plan pp JOIN monitoring_case pc ON pc.id = pp.case_id
  WHERE pp.responsible_unit_id = ?`;

/**
 * Households under return-to-poverty monitoring (防止返贫监测户) and their members, income and
 * 两不愁三保障: the most sensitive data the platform holds ("谁核查，谁保密；谁泄露，谁负责", 003).
 *
 * Who reads:
 * - ADMIN: all households, ID numbers masked.
 * - REGION_OFFICIAL: households inside its region. ID numbers whole only when its token names a
 *   county (县专班, the level that confirms cases: 000 区级及时确定, 004 以县为单位); masked for
 *   village, township, city and province officials. Every whole number read is logged.
 * - ASSISTANCE_UNIT, for two reasons: as a resident team (驻村工作队 have no accounts of their own;
 *   the units dispatching a team act for it), the households of every village where it
 *   dispatches an active team with someone on duty, ID numbers masked; and as the pairing unit
 *   (结对帮扶), the households whose plan names one of its people responsible, without ID numbers.
 * - ENTERPRISE, ORG_DEPARTMENT: none (enterprises hold no personal data; organisation departments
 *   follow the teams, not the households).
 *
 * Who acts, and at which level of the workflow (002: 村有专员、乡有专干、县有专班): a region
 * official at the level its token's region names (a village code: 村级; a township: 乡级; a
 * county: 县级; a city or province: none, they oversee); a unit dispatching the village's
 * resident team at village level; ADMIN at every level. Registering and updating households,
 * plans, measures and visits is open to every level acting for the village.
 */
export const householdPolicy = definePolicy({
  resource: 'household',
  roles: {
    read: MONITORING_READERS,
    write: MONITORING_READERS,
    /** Read the personal-data access log. */
    audit: [Role.ADMIN, Role.REGION_OFFICIAL],
  },

  readable(viewer: Viewer, columns: HouseholdColumns): SqlFragment {
    switch (viewer.role) {
      case Role.ADMIN:
        return sqlTrue;
      case Role.REGION_OFFICIAL:
        return underViewerRegion(viewer, columns.villageCode);
      case Role.ASSISTANCE_UNIT:
        return {
          sql: `(${columns.villageCode} IN (${TEAM_VILLAGES}) OR ${columns.householdId} IN (${PAIRED_HOUSEHOLDS}))`,
          bindings: [viewer.providerId, viewer.providerId],
        };
      default:
        return sqlFalse;
    }
  },

  /** A SQL expression giving 'FULL', 'MASKED' or 'HIDDEN' for the ID numbers of a household row. */
  idNumberVisibility(viewer: Viewer, villageCodeExpr: string): SqlFragment {
    switch (viewer.role) {
      case Role.REGION_OFFICIAL:
        return {
          sql: levelOfCode(viewer.regionCode!) === 'COUNTY' ? `'FULL'` : `'MASKED'`,
          bindings: [],
        };
      case Role.ASSISTANCE_UNIT:
        return {
          sql: `CASE WHEN ${villageCodeExpr} IN (${TEAM_VILLAGES}) THEN 'MASKED' ELSE 'HIDDEN' END`,
          bindings: [viewer.providerId],
        };
      case Role.ADMIN:
        return { sql: `'MASKED'`, bindings: [] };
      default:
        return { sql: `'HIDDEN'`, bindings: [] };
    }
  },

  /** The workflow levels the viewer acts at for this village. */
  actingLevels(viewer: Viewer, place: MonitoringPlace): MonitoringLevel[] {
    switch (viewer.role) {
      case Role.ADMIN:
        return [MonitoringLevel.VILLAGE, MonitoringLevel.TOWNSHIP, MonitoringLevel.COUNTY];
      case Role.REGION_OFFICIAL: {
        if (!insideViewerRegion(viewer, place.villageCode)) return [];
        const level = levelOfCode(viewer.regionCode!);
        if (level === 'VILLAGE') return [MonitoringLevel.VILLAGE];
        if (level === 'TOWNSHIP') return [MonitoringLevel.TOWNSHIP];
        if (level === 'COUNTY') return [MonitoringLevel.COUNTY];
        return [];
      }
      case Role.ASSISTANCE_UNIT:
        return place.residentUnitIds.includes(viewer.providerId!) ? [MonitoringLevel.VILLAGE] : [];
      default:
        return [];
    }
  },

  /** Register or change a household, its plan, measures or visits: any level acting for the village. */
  requireWrite(viewer: Viewer, place: MonitoringPlace): void {
    if (householdPolicy.actingLevels(viewer, place).length) return;
    throw forbidden(
      'Only the village (resident team or 村专员), township or county of this household may change its monitoring records',
    );
  },

  /** Read the access log: ADMIN, and region officials at county level or above for their region. */
  requireAudit(viewer: Viewer): void {
    if (viewer.role === Role.ADMIN) return;
    const level = viewer.role === Role.REGION_OFFICIAL ? levelOfCode(viewer.regionCode!) : null;
    if (level === 'COUNTY' || level === 'CITY' || level === 'PROVINCE') return;
    throw forbidden('The personal-data access log is read by the county (or above) and by administrators');
  },

  /** Which access-log rows the viewer may read; `regionExpr` is the row's village code. */
  auditable(viewer: Viewer, regionExpr: string): SqlFragment {
    if (viewer.role === Role.ADMIN) return sqlTrue;
    if (viewer.role === Role.REGION_OFFICIAL) return underViewerRegion(viewer, regionExpr);
    return sqlFalse;
  },
});

/**
 * Whether a unit reaches a household now, as its resident team or its pairing unit: the unit
 * branch of `readable` for one household, for live events checked one at a time.
 */
export async function unitReachesHousehold(
  db: EntityManager,
  unitId: string,
  villageCode: string,
  householdId: string,
): Promise<boolean> {
  const rows = await query(db, `SELECT 1 WHERE ? IN (${TEAM_VILLAGES}) OR ?::uuid IN (${PAIRED_HOUSEHOLDS})`, [
    villageCode,
    unitId,
    householdId,
    unitId,
  ]);
  return rows.length > 0;
}
