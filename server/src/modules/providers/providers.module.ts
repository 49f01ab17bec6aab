import type { FeatureModule } from '../feature-module';
import { Provider } from './provider.entity';
import { AssistanceUnitResolver, EnterpriseResolver, ProviderFieldsResolver } from './provider.resolver';
import { providerService } from './provider.service';
import { ProviderType } from './provider.entity';
import { providerTokenScopes } from './provider.policy';
import { Migration20261201000400_provider_source } from './migrations/Migration20261201000400_provider_source';

/** Assistance units (帮扶单位) and enterprises (帮扶企业). */
export const providersModule: FeatureModule = {
  name: 'providers',
  resolvers: [AssistanceUnitResolver, EnterpriseResolver, ProviderFieldsResolver],
  migrations: [{ name: 'Migration20261201000400_provider_source', class: Migration20261201000400_provider_source }],
  entities: [Provider],
  nodeTypes: [
    {
      typeName: 'AssistanceUnit',
      fetch: (ctx, key) => providerService.byTypedKey(ctx, ProviderType.ASSISTANCE_UNIT, key),
    },
    { typeName: 'Enterprise', fetch: (ctx, key) => providerService.byTypedKey(ctx, ProviderType.ENTERPRISE, key) },
  ],
  constraints: [
    {
      constraint: 'provider_credit_code_unique',
      message: 'An enterprise with this unified social credit code already exists',
      fields: ['creditCode'],
    },
  ],
  tokenScopes: providerTokenScopes,
};
