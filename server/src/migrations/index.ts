import { Migration20261122000100_registry } from './Migration20261122000100_registry';

/** Listed explicitly so compiled builds and ts-jest find the same migrations without file globbing. */
export const migrationsList = [{ name: 'Migration20261122000100_registry', class: Migration20261122000100_registry }];
