import type { MigrationDefinition } from '../../module';
import { Migration20261122000500_events } from './Migration20261122000500_events';

/** The event outbox is core's own table. */
export const coreMigrations: MigrationDefinition[] = [
  { name: 'Migration20261122000500_events', class: Migration20261122000500_events },
];
