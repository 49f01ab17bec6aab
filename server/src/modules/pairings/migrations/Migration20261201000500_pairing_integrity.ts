import { Migration } from '@mikro-orm/migrations';

/**
 * Pairings under 社会力量参与帮扶 (social participation: social organisations and enterprises
 * outside 万企兴万村), and provenance (数据来源) of pairings and contributions: `DEMO` for invented
 * examples, null for those recorded through the platform.
 */
export class Migration20261201000500_pairing_integrity extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table pairing drop constraint pairing_mechanism;
      alter table pairing add constraint pairing_mechanism check (mechanism in
        ('DESIGNATED','EAST_WEST','COUNTERPART','ENTERPRISE_VILLAGE','STRONG_HELPS_WEAK','SOCIAL_PARTICIPATION'));
      alter table pairing add column source text constraint pairing_source_present check (length(btrim(source)) > 0);
      alter table contribution
        add column source text constraint contribution_source_present check (length(btrim(source)) > 0);
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      alter table contribution drop column source;
      alter table pairing drop column source;
      alter table pairing drop constraint pairing_mechanism;
      alter table pairing add constraint pairing_mechanism check (mechanism in
        ('DESIGNATED','EAST_WEST','COUNTERPART','ENTERPRISE_VILLAGE','STRONG_HELPS_WEAK'));
    `);
  }
}
