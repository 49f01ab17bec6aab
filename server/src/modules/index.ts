import type { FeatureModule } from './feature-module';
import { accountsModule } from './accounts/accounts.module';
import { regionsModule } from './regions/regions.module';
import { villagesModule } from './villages/villages.module';
import { targetsModule } from './targets/targets.module';
import { providersModule } from './providers/providers.module';
import { pairingsModule } from './pairings/pairings.module';
import { teamsModule } from './teams/teams.module';
import { consumptionModule } from './consumption/consumption.module';
import { fundsModule } from './funds/funds.module';
import { postsModule } from './posts/posts.module';
import { auditModule } from './audit/audit.module';
import { monitoringModule } from './monitoring/monitoring.module';

/** Every domain module of the platform; a new module adds its descriptor here. */
export const featureModules: FeatureModule[] = [
  accountsModule,
  regionsModule,
  villagesModule,
  targetsModule,
  providersModule,
  pairingsModule,
  teamsModule,
  consumptionModule,
  fundsModule,
  postsModule,
  auditModule,
  monitoringModule,
];
