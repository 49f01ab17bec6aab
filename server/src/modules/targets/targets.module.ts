import type { FeatureModule } from '../feature-module';
import { PolicyTarget } from './policy-target.entity';
import { VILLAGE_METRICS } from './target.service';
import { Migration20261201000300_target_schedule } from './migrations/Migration20261201000300_target_schedule';

/** Policy targets (政策目标) as data, evaluated per village and region. */
export const targetsModule: FeatureModule = {
  name: 'targets',
  migrations: [{ name: 'Migration20261201000300_target_schedule', class: Migration20261201000300_target_schedule }],
  entities: [PolicyTarget],
  targetMetrics: VILLAGE_METRICS,
};
