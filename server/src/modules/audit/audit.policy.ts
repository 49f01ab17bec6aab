import { ALL_ROLES, Role, type Viewer } from '../../core/auth/viewer';
import { definePolicy } from '../../core/access/policy';
import { underViewerRegion } from '../../core/access/region-scope';
import { forbidden } from '../../core/errors';
import { sqlFalse, sqlTrue, type SqlFragment } from '../../core/sql';

/** SQL expressions of an audit entry's actor scope. */
export interface AuditColumns {
  role: string;
  region: string;
  provider: string;
}

/**
 * The audit log (操作审计日志): who may read which entries. Nobody writes them through the API;
 * the mutation hook appends them.
 *
 * - ADMIN: every entry.
 * - REGION_OFFICIAL: the entries of accounts of its region (region roles whose region lies inside it).
 * - ORG_DEPARTMENT: the entries of organisation-department accounts of its own region code.
 * - ENTERPRISE / ASSISTANCE_UNIT: the entries of its own actions (any token of the provider).
 */
export const auditPolicy = definePolicy({
  resource: 'audit',
  roles: { read: ALL_ROLES, write: [] },

  readable(viewer: Viewer, columns: AuditColumns): SqlFragment {
    switch (viewer.role) {
      case Role.ADMIN:
        return sqlTrue;
      case Role.REGION_OFFICIAL:
        return underViewerRegion(viewer, columns.region);
      case Role.ORG_DEPARTMENT:
        return {
          sql: `${columns.role} = ? AND ${columns.region} = ?`,
          bindings: [Role.ORG_DEPARTMENT, viewer.regionCode],
        };
      case Role.ENTERPRISE:
      case Role.ASSISTANCE_UNIT:
        return { sql: `${columns.provider} = ?`, bindings: [viewer.providerId] };
      default:
        return sqlFalse;
    }
  },

  requireWrite(): void {
    throw forbidden('The audit log is written by the platform only');
  },
});

/** The actor scope recorded with an entry, the columns `readable` compares against. */
export function actorScope(viewer: Viewer): { region: string | null; provider: string | null } {
  return { region: viewer.regionCode ?? null, provider: viewer.providerId ?? null };
}
