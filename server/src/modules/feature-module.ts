import type { PlatformModule } from '../core/module';
import type { TargetMetric } from './targets/target.service';

/**
 * A domain module's descriptor: what core assembles (resolvers, entities, migrations, topics, node
 * types, constraint messages) plus what modules offer one another through the composition root.
 */
export interface FeatureModule extends PlatformModule {
  /** Policy-target metrics computed from this module's data (see TargetMetric). */
  targetMetrics?: TargetMetric[];
}
