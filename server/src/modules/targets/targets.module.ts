import type { FeatureModule } from '../feature-module';
import { PolicyTarget } from './policy-target.entity';
import { VILLAGE_METRICS } from './target.service';

/** Policy targets (政策目标) as data, evaluated per village and region. */
export const targetsModule: FeatureModule = {
  name: 'targets',
  entities: [PolicyTarget],
  targetMetrics: VILLAGE_METRICS,
};
