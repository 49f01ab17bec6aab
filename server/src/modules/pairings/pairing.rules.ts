import { prefixOfCode } from '../../core/region-codes';
import { Campaign, Ownership, ProviderType, UnitKind } from '../providers/provider.entity';
import { DesignationKind } from '../villages/village.entity';
import { PairingMechanism, PairingStatus, PairingTargetLevel } from './pairing.entity';

/**
 * The rules of pairings (结对帮扶), free of any database so they can be tested on their own: which
 * status may follow which, and which providers fit each mechanism. The service gathers the facts
 * (the provider, its home village's designations, the partner regions of the target) and asks
 * these functions, on create and again on every activation.
 */

/** Which status may follow which; anything else (including staying put) is refused. */
export const PAIRING_TRANSITIONS: Record<PairingStatus, readonly PairingStatus[]> = {
  [PairingStatus.PROPOSED]: [PairingStatus.ACTIVE, PairingStatus.ENDED],
  [PairingStatus.ACTIVE]: [PairingStatus.SUSPENDED, PairingStatus.ENDED],
  [PairingStatus.SUSPENDED]: [PairingStatus.ACTIVE, PairingStatus.ENDED],
  [PairingStatus.ENDED]: [],
};

/** Why a pairing may not move from one status to another, or null when it may. */
export function transitionRefusal(from: PairingStatus, to: PairingStatus): string | null {
  const allowed = PAIRING_TRANSITIONS[from];
  if (allowed.includes(to)) return null;
  return `a ${from} pairing cannot become ${to}${allowed.length ? `; allowed: ${allowed.join(', ')}` : '; it is final'}`;
}

/** What the mechanism rules need to know of a provider. */
export interface ProviderFacts {
  type: ProviderType;
  unitKind: UnitKind | null;
  ownership: Ownership | null;
  campaigns: readonly string[];
  /** Home region code; null for none (central units). */
  homeCode: string | null;
  /** Designations of the home region when it is a village (for 强村带弱村). */
  homeVillageDesignations: readonly DesignationKind[];
}

export interface TargetFacts {
  code: string;
  level: PairingTargetLevel;
}

/** A provider that does not fit a mechanism: the input field to name and why. */
export interface Misfit {
  field: 'providerId' | 'targetId' | 'mechanism';
  message: string;
}

/** 定点帮扶 is the duty of state units (004 十五: 中央单位、驻省央企; 省市县党政机关和国有企业定点帮扶制度). */
export const STATE_UNIT_KINDS: readonly UnitKind[] = [
  UnitKind.PARTY_GOVERNMENT_ORGAN,
  UnitKind.PUBLIC_INSTITUTION,
  UnitKind.STATE_OWNED_ENTERPRISE,
  UnitKind.CENTRAL_UNIT,
];

/** The mechanisms between partner regions: 东西部协作/山海协作 and 对口帮扶 (001 16., 000 3.). */
export const PARTNER_MECHANISMS: readonly PairingMechanism[] = [
  PairingMechanism.EAST_WEST,
  PairingMechanism.COUNTERPART,
];

const inside = (code: string, region: string) => code.startsWith(prefixOfCode(region));
const countyOf = (code: string) => code.slice(0, 6).padEnd(12, '0');

/**
 * Whether a provider fits a mechanism for a target, or why not.
 *
 * - 定点帮扶 (DESIGNATED): a state unit — party or government organ, public institution,
 *   state-owned enterprise, central unit — or an enterprise owned by the state.
 * - 东西部协作/山海协作 (EAST_WEST) and 对口帮扶 (COUNTERPART): the partner region itself (a unit of
 *   kind PARTNER_REGION homed outside the target's county), or a unit or enterprise homed inside a
 *   partner region of the target. The partner regions of a target are the home regions of the
 *   PARTNER_REGION units holding an ACTIVE pairing under either mechanism with the target or with
 *   its county (`partnerRegions`): the region-to-region partnership is itself a pairing.
 * - 万企兴万村 (ENTERPRISE_VILLAGE): an enterprise enrolled in that campaign; 千企兴千村 or
 *   百企帮百村 alone does not count.
 * - 强村带弱村 (STRONG_HELPS_WEAK): a DEMONSTRATION_VILLAGE unit homed in a village that holds the
 *   demonstration designation (示范村), helping another village.
 * - 社会力量参与帮扶 (SOCIAL_PARTICIPATION): a social organisation, or any enterprise (百企帮百村,
 *   千企兴千村, or none) (000 3., 004 十五).
 */
export function mechanismMisfit(
  mechanism: PairingMechanism,
  provider: ProviderFacts,
  target: TargetFacts,
  partnerRegions: readonly string[],
): Misfit | null {
  const unit = provider.type === ProviderType.ASSISTANCE_UNIT;
  switch (mechanism) {
    case PairingMechanism.DESIGNATED:
      if (unit ? STATE_UNIT_KINDS.includes(provider.unitKind!) : provider.ownership === Ownership.STATE_OWNED)
        return null;
      return {
        field: 'providerId',
        message:
          'DESIGNATED (定点帮扶) is for state units: party and government organs, public institutions, state-owned enterprises and central units',
      };
    case PairingMechanism.EAST_WEST:
    case PairingMechanism.COUNTERPART: {
      const home = provider.homeCode;
      if (unit && provider.unitKind === UnitKind.PARTNER_REGION) {
        if (home && !inside(target.code, home) && !inside(home, countyOf(target.code))) return null;
        return {
          field: 'providerId',
          message: `${mechanism} needs a partner region homed outside the target's county`,
        };
      }
      if (home && partnerRegions.some((region) => inside(home, region))) return null;
      return {
        field: 'providerId',
        message: `${mechanism} (东西部协作/山海协作/对口帮扶) is for the partner region of the target and for units and enterprises homed in it; ${
          partnerRegions.length
            ? `the target's partner regions are ${partnerRegions.join(', ')}`
            : 'the target has no partner region with an active partnership'
        }`,
      };
    }
    case PairingMechanism.ENTERPRISE_VILLAGE:
      if (provider.type !== ProviderType.ENTERPRISE)
        return { field: 'mechanism', message: 'ENTERPRISE_VILLAGE (万企兴万村) pairs an enterprise with its target' };
      if (provider.campaigns.includes(Campaign.WANQI_XING_WANCUN)) return null;
      return {
        field: 'providerId',
        message:
          'ENTERPRISE_VILLAGE (万企兴万村) needs an enterprise enrolled in 万企兴万村; other campaigns do not count',
      };
    case PairingMechanism.STRONG_HELPS_WEAK:
      if (
        !unit ||
        provider.unitKind !== UnitKind.DEMONSTRATION_VILLAGE ||
        !provider.homeVillageDesignations.includes(DesignationKind.DEMONSTRATION)
      ) {
        return {
          field: 'providerId',
          message:
            'STRONG_HELPS_WEAK (强村带弱村) needs a demonstration-village unit homed in a village designated 示范村',
        };
      }
      if (target.level !== PairingTargetLevel.VILLAGE)
        return { field: 'targetId', message: 'STRONG_HELPS_WEAK (强村带弱村) targets a village' };
      if (provider.homeCode === target.code) return { field: 'targetId', message: 'a village cannot help itself' };
      return null;
    case PairingMechanism.SOCIAL_PARTICIPATION:
      if (provider.type === ProviderType.ENTERPRISE || provider.unitKind === UnitKind.SOCIAL_ORGANISATION) return null;
      return {
        field: 'providerId',
        message: 'SOCIAL_PARTICIPATION (社会力量参与帮扶) is for social organisations and enterprises',
      };
  }
}
