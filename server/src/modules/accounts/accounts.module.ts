import type { FeatureModule } from '../feature-module';
import { ViewerResolver } from './viewer.resolver';

/** Who is calling (`viewer`). */
export const accountsModule: FeatureModule = {
  name: 'accounts',
  resolvers: [ViewerResolver],
};
