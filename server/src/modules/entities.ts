import { Region } from './regions/region.entity';
import { Village, VillageDesignation, VillageIndicators } from './villages/village.entity';
import { PolicyTarget } from './targets/policy-target.entity';
import { Provider } from './providers/provider.entity';
import { Contribution, Pairing } from './pairings/pairing.entity';

/** Every MikroORM entity of the platform; a module adds its entities here. */
export const entities = [Region, Village, VillageDesignation, VillageIndicators, PolicyTarget, Provider, Pairing, Contribution];
