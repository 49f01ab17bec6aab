import type { EntityManager } from '@mikro-orm/postgresql';
import { Role, type Viewer } from '../../core/auth/viewer';
import { definePolicy } from '../../core/access/policy';
import { insideViewerRegion } from '../../core/access/region-scope';
import { forbidden } from '../../core/errors';
import { levelOfCode } from '../../core/region-codes';
import type { SqlFragment } from '../../core/sql';
import type { StoredEvent } from '../../core/events/event-store';
import { householdPolicy, unitReachesHousehold, type HouseholdColumns, type MonitoringPlace } from './household.policy';
import { MonitoringLevel, type MonitoringAction } from './monitoring.enums';

const LEVEL_NAMES: Record<MonitoringLevel, string> = {
  [MonitoringLevel.VILLAGE]: 'the village level (村级: the resident team or the village officer 村专员)',
  [MonitoringLevel.TOWNSHIP]: 'the township level (乡级: the township officer 乡专干)',
  [MonitoringLevel.COUNTY]: 'the county level (县级: the county monitoring team 县专班)',
};

/**
 * Monitoring cases (监测对象) with their steps, notices, plans (一户一案), measures and visits; and
 * the cadence records (village screenings, township reviews) and the per-region settings
 * (monitoring lines, notice periods) they are judged by.
 *
 * Read: a case is visible exactly when its household is (see `householdPolicy`): ADMIN all,
 * region officials inside their region, assistance units as resident team or pairing unit,
 * enterprises and organisation departments nothing; the same on lists, nested fields,
 * `node(id)` and `monitoringCaseChanged`.
 *
 * Act: each workflow step belongs to one level (see TRANSITIONS in monitoring.rules.ts);
 * `householdPolicy.actingLevels` says which levels a viewer acts at for a village. Village
 * screenings are recorded at village level, township reviews by the township itself. Lines and
 * notice periods are set by ADMIN and by region officials at county level or above, inside
 * their region. The summary is for ADMIN and region officials.
 */
export const monitoringCasePolicy = definePolicy({
  resource: 'monitoringCase',
  roles: {
    read: householdPolicy.roles.read,
    write: householdPolicy.roles.write,
    summarise: [Role.ADMIN, Role.REGION_OFFICIAL],
    configure: [Role.ADMIN, Role.REGION_OFFICIAL],
    reviewTownship: [Role.ADMIN, Role.REGION_OFFICIAL],
  },

  /** `columns` name the case row's village code and household id. */
  readable(viewer: Viewer, columns: HouseholdColumns): SqlFragment {
    return householdPolicy.readable(viewer, columns);
  },

  /** Report a case, or change its plan: any level acting for the village. */
  requireWrite(viewer: Viewer, place: MonitoringPlace): void {
    householdPolicy.requireWrite(viewer, place);
  },

  /** Take a workflow step owned by `level`. */
  requireStep(viewer: Viewer, place: MonitoringPlace, level: MonitoringLevel, action: MonitoringAction): void {
    if (householdPolicy.actingLevels(viewer, place).includes(level)) return;
    throw forbidden(`${action} belongs to ${LEVEL_NAMES[level]} of this household’s village`);
  },

  /**
   * Record a follow-up visit: any level acting for the village, or the pairing unit whose person
   * is responsible for the household (结对帮扶责任人 visit their households).
   */
  requireVisit(viewer: Viewer, place: MonitoringPlace & { responsibleUnitId: string | null }): void {
    if (viewer.role === Role.ASSISTANCE_UNIT && place.responsibleUnitId === viewer.providerId) return;
    householdPolicy.requireWrite(viewer, place);
  },

  /** Record a month's screening of a village (村组每月摸排): village level. */
  requireScreening(viewer: Viewer, place: MonitoringPlace): void {
    if (householdPolicy.actingLevels(viewer, place).includes(MonitoringLevel.VILLAGE)) return;
    throw forbidden(`Monthly screening belongs to ${LEVEL_NAMES[MonitoringLevel.VILLAGE]}`);
  },

  /** Record a township's quarterly review (镇/街每季度审核): the township's own officer. */
  requireTownshipReview(viewer: Viewer, townshipCode: string): void {
    if (viewer.role === Role.ADMIN) return;
    if (viewer.role === Role.REGION_OFFICIAL && viewer.regionCode === townshipCode) return;
    throw forbidden(`The quarterly review belongs to ${LEVEL_NAMES[MonitoringLevel.TOWNSHIP]} of that township`);
  },

  /** Set a monitoring line or a notice period for `regionCode`. */
  requireConfigure(viewer: Viewer, regionCode: string): void {
    if (viewer.role === Role.ADMIN) return;
    const level = viewer.role === Role.REGION_OFFICIAL ? levelOfCode(viewer.regionCode!) : null;
    if ((level === 'COUNTY' || level === 'CITY' || level === 'PROVINCE') && insideViewerRegion(viewer, regionCode))
      return;
    throw forbidden('Monitoring lines and notice periods are set by the county (or above) for its own region');
  },

  /**
   * `monitoringCaseChanged`: ADMIN all; region officials inside their region; a unit while it is
   * the resident team of the village or the pairing unit of the household (checked when the
   * event passes, so a rotated-out team stops receiving); enterprises and organisation
   * departments never.
   */
  receives: async (viewer: Viewer, event: StoredEvent, db: () => EntityManager): Promise<boolean> => {
    switch (viewer.role) {
      case Role.ADMIN:
        return true;
      case Role.REGION_OFFICIAL:
        return insideViewerRegion(viewer, event.regionCode);
      case Role.ASSISTANCE_UNIT:
        return unitReachesHousehold(db(), viewer.providerId!, event.regionCode, String(event.payload.householdId));
      default:
        return false;
    }
  },
});
