import { Migration } from '@mikro-orm/migrations';

/**
 * Provenance of regions (数据来源): `DEMO` for invented example data, a policy document reference
 * for places the documents name, null for regions registered through the platform.
 */
export class Migration20261201000100_region_source extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table region add column source text constraint region_source_present check (length(btrim(source)) > 0);`,
    );
  }

  override async down(): Promise<void> {
    this.addSql('alter table region drop column source;');
  }
}
