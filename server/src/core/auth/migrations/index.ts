import type { MigrationDefinition } from '../../module';
import { Migration20261130000100_revoked_tokens } from './Migration20261130000100_revoked_tokens';

/** The token deny list is core's own table. */
export const authMigrations: MigrationDefinition[] = [
  { name: 'Migration20261130000100_revoked_tokens', class: Migration20261130000100_revoked_tokens },
];
