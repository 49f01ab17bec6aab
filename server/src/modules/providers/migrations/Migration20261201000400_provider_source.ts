import { Migration } from '@mikro-orm/migrations';

/** Provenance of providers (数据来源): `DEMO` for invented examples, null for those registered through the platform. */
export class Migration20261201000400_provider_source extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table provider add column source text constraint provider_source_present check (length(btrim(source)) > 0);`,
    );
  }

  override async down(): Promise<void> {
    this.addSql('alter table provider drop column source;');
  }
}
