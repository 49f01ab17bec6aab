import { Migration20261122000100_registry } from './Migration20261122000100_registry';
import { Migration20261122000200_providers } from './Migration20261122000200_providers';
import { Migration20261122000400_teams } from './Migration20261122000400_teams';

/** Listed explicitly so compiled builds and ts-jest find the same migrations without file globbing. */
export const migrationsList = [
  { name: 'Migration20261122000100_registry', class: Migration20261122000100_registry },
  { name: 'Migration20261122000200_providers', class: Migration20261122000200_providers },
  { name: 'Migration20261122000400_teams', class: Migration20261122000400_teams },
];
