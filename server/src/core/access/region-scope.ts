import { ancestorCodesOf, levelOfCode } from '../region-codes';
import { inList, type SqlFragment } from '../sql';
import { Role, type Viewer } from '../auth/viewer';

/**
 * Building blocks of the resource policies for the region tree. A region role's token names one
 * region (a county, a city); everything whose code starts with that region's prefix is inside it.
 */

/** Whether a region code lies inside the viewer's region: ADMIN everywhere, region roles under their prefix. */
export function insideViewerRegion(viewer: Viewer, code: string): boolean {
  if (viewer.role === Role.ADMIN) return true;
  if (viewer.role === Role.REGION_OFFICIAL || viewer.role === Role.ORG_DEPARTMENT) {
    return code.startsWith(viewer.regionPrefix!);
  }
  return false;
}

/** `codeExpr` lies inside the viewer's region (for region roles only). */
export function underViewerRegion(viewer: Viewer, codeExpr: string): SqlFragment {
  return { sql: `${codeExpr} LIKE ?`, bindings: [`${viewer.regionPrefix}%`] };
}

/** `codeExpr` is one of the ancestors of the viewer's region (its city, its province). */
export function ancestorOfViewerRegion(viewer: Viewer, codeExpr: string): SqlFragment {
  return inList(codeExpr, ancestorCodesOf(viewer.regionCode!));
}

/** `codeExpr` is the county the viewer's region lies in (empty when the region is above county level). */
export function countyOfViewerRegion(viewer: Viewer, codeExpr: string): SqlFragment {
  return inList(
    codeExpr,
    ancestorCodesOf(viewer.regionCode!).filter((code) => levelOfCode(code) === 'COUNTY'),
  );
}
