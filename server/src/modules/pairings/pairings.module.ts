import type { FeatureModule } from '../feature-module';
import { Contribution, Pairing } from './pairing.entity';
import { PairingResolver, RegionCoverageResolver, VillagePairingsResolver } from './pairing.resolver';
import { PairingLiveResolver } from './pairing-live.resolver';
import { pairingService } from './pairing.service';
import { pairingPolicy } from './pairing.policy';
import { PAIRING_CHANGED } from './pairing.events';
import { enterpriseVillageLedger, pairingsLedger } from './pairing.ledgers';
import { Migration20261201000500_pairing_integrity } from './migrations/Migration20261201000500_pairing_integrity';

/** Pairings (结对帮扶) of providers with villages and counties, and their contributions. */
export const pairingsModule: FeatureModule = {
  name: 'pairings',
  resolvers: [PairingResolver, VillagePairingsResolver, RegionCoverageResolver, PairingLiveResolver],
  migrations: [{ name: 'Migration20261201000500_pairing_integrity', class: Migration20261201000500_pairing_integrity }],
  entities: [Pairing, Contribution],
  ledgers: [pairingsLedger, enterpriseVillageLedger],
  nodeTypes: [
    { typeName: 'Pairing', fetch: (ctx, key) => pairingService.byKey(ctx, key) },
    { typeName: 'Contribution', fetch: (ctx, key) => pairingService.contributionByKey(ctx, key) },
  ],
  topics: [{ topic: PAIRING_CHANGED, receives: pairingPolicy.receives }],
  constraints: [
    {
      constraint: 'pairing_one_active',
      message: 'This provider already has an active pairing with this target under this mechanism',
      fields: ['providerId', 'targetId', 'mechanism'],
    },
    { constraint: 'pairing_dates', message: 'endDate must not be before startDate', fields: ['endDate'] },
  ],
  targetMetrics: [
    {
      // 强村带弱村: how many key-assisted villages a (demonstration) village helps through active
      // strong-helps-weak pairings of the demonstration-village unit homed in it.
      metric: 'PAIRED_KEY_VILLAGE_COUNT',
      expr: `(SELECT count(DISTINCT sp.target_code) FROM pairing sp
          JOIN provider spr ON spr.id = sp.provider_id AND spr.unit_kind = 'DEMONSTRATION_VILLAGE'
          JOIN village_designation skd ON skd.village_code = sp.target_code AND skd.kind = 'KEY_ASSISTED'
        WHERE sp.status = 'ACTIVE' AND sp.mechanism = 'STRONG_HELPS_WEAK' AND spr.region_code = vs.code)`,
      yearly: false,
    },
  ],
};
