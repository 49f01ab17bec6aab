import type { MigrationDefinition } from '../core/module';
import { Migration20261122000100_registry } from './Migration20261122000100_registry';
import { Migration20261122000200_providers } from './Migration20261122000200_providers';
import { Migration20261122000300_pairings } from './Migration20261122000300_pairings';
import { Migration20261122000400_teams } from './Migration20261122000400_teams';
import { Migration20261122000600_consumption } from './Migration20261122000600_consumption';

/**
 * The schema history of the first modules, written before each module carried its own migrations;
 * several span modules (the registry migration creates regions, villages and targets), so they
 * stay here in order. New modules list their migrations in their descriptor. Listed explicitly so
 * compiled builds and ts-jest find the same migrations without file globbing.
 */
export const schemaHistory: MigrationDefinition[] = [
  { name: 'Migration20261122000100_registry', class: Migration20261122000100_registry },
  { name: 'Migration20261122000200_providers', class: Migration20261122000200_providers },
  { name: 'Migration20261122000300_pairings', class: Migration20261122000300_pairings },
  { name: 'Migration20261122000400_teams', class: Migration20261122000400_teams },
  { name: 'Migration20261122000600_consumption', class: Migration20261122000600_consumption },
];
