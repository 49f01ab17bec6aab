import { ALL_ROLES, Role, type Viewer } from '../../core/auth/viewer';
import { definePolicy } from '../../core/access/policy';
import { insideViewerRegion, underViewerRegion } from '../../core/access/region-scope';
import { forbidden } from '../../core/errors';
import { query, sqlFalse, sqlTrue, type SqlFragment } from '../../core/sql';
import type { TokenScopeDefinition } from '../../core/auth/token-scopes';
import { isUuid } from '../../core/relay/global-id';
import { pairingPolicy } from '../pairings/pairing.policy';

/** SQL expressions of a provider's id and home region code. */
export interface ProviderColumns {
  id: string;
  home: string;
}

/**
 * Providers: assistance units (帮扶单位) and enterprises (帮扶企业).
 *
 * - ADMIN: all.
 * - REGION_OFFICIAL / ORG_DEPARTMENT: providers homed in their region, paired (any status) with
 *   a target they may see, or buying produce from their region: every provider a region role
 *   meets on a pairing or a purchase can be shown by name.
 * - ENTERPRISE / ASSISTANCE_UNIT: only themselves.
 *
 * ADMIN registers providers anywhere (also with no home region, for central units); a region
 * official only providers homed inside its region, before and after a change.
 */
export const providerPolicy = definePolicy({
  resource: 'provider',
  roles: { read: ALL_ROLES, write: [Role.ADMIN, Role.REGION_OFFICIAL] },

  readable(viewer: Viewer, columns: ProviderColumns): SqlFragment {
    switch (viewer.role) {
      case Role.ADMIN:
        return sqlTrue;
      case Role.REGION_OFFICIAL:
      case Role.ORG_DEPARTMENT: {
        const home = underViewerRegion(viewer, columns.home);
        const paired = pairingPolicy.readable(viewer, { provider: 'vp.provider_id', target: 'vp.target_code' });
        const buying = underViewerRegion(viewer, 'vpu.origin_village_code');
        return {
          sql: `${home.sql} OR EXISTS (SELECT 1 FROM pairing vp WHERE vp.provider_id = ${columns.id} AND (${paired.sql}))
          OR EXISTS (SELECT 1 FROM purchase vpu WHERE vpu.buyer_id = ${columns.id} AND ${buying.sql})`,
          bindings: [...home.bindings, ...paired.bindings, ...buying.bindings],
        };
      }
      case Role.ENTERPRISE:
      case Role.ASSISTANCE_UNIT:
        return { sql: `${columns.id} = ?`, bindings: [viewer.providerId] };
      default:
        return sqlFalse;
    }
  },

  /** Follow the live events of this provider: a partner only its own. */
  requireFollow(viewer: Viewer, providerId: string): void {
    if ((viewer.role === Role.ENTERPRISE || viewer.role === Role.ASSISTANCE_UNIT) && providerId !== viewer.providerId) {
      throw forbidden('You may follow your own events only');
    }
  },

  /** `homeRegionCode` is the provider's home region (before or after the change); null for none. */
  requireWrite(viewer: Viewer, homeRegionCode: string | null): void {
    if (viewer.role === Role.ADMIN) return;
    if (homeRegionCode === null) throw forbidden('A region official may only register providers homed in its region');
    if (viewer.role === Role.REGION_OFFICIAL && insideViewerRegion(viewer, homeRegionCode)) return;
    throw forbidden(`Region ${homeRegionCode} is outside your region`);
  },
});

/**
 * What a partner token may name: an ENTERPRISE token an enterprise, an ASSISTANCE_UNIT token an
 * assistance unit; a token carrying the other kind's id is refused (core/auth/token-scopes.ts).
 */
export const providerTokenScopes: TokenScopeDefinition[] = (
  [
    [Role.ENTERPRISE, 'ENTERPRISE'],
    [Role.ASSISTANCE_UNIT, 'ASSISTANCE_UNIT'],
  ] as const
).map(([role, providerType]) => ({
  role,
  exists: async (em, providerId) =>
    isUuid(providerId) &&
    (await query(em, '/* token scope */ SELECT 1 FROM provider WHERE id = ? AND type = ?', [providerId, providerType]))
      .length > 0,
}));
