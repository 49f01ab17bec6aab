import type { FeatureModule } from '../feature-module';
import { PolicyTarget } from './policy-target.entity';
import { keyVillageLedger } from './key-village.ledger';
import { RegionSummaryResolver, RegionTargetsResolver, VillageTargetsResolver } from './target.resolver';
import { Migration20261201000300_target_schedule } from './migrations/Migration20261201000300_target_schedule';

/** Policy targets (政策目标) as data, judged per village, per county and per region. */
export const targetsModule: FeatureModule = {
  name: 'targets',
  migrations: [{ name: 'Migration20261201000300_target_schedule', class: Migration20261201000300_target_schedule }],
  resolvers: [VillageTargetsResolver, RegionTargetsResolver, RegionSummaryResolver],
  entities: [PolicyTarget],
  ledgers: [keyVillageLedger],
};
