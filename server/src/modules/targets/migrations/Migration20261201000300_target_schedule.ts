import { Migration } from '@mikro-orm/migrations';

/**
 * When each policy target is due and what it measures: `measures` describes the metric in words
 * (English and the documents' Chinese term); an annual target (the 12% fund share) is due at the
 * end of every year from `from_year` to `to_year`, a one-off target at the end of `due_year`, a
 * standing requirement (neither) always.
 */
export class Migration20261201000300_target_schedule extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table policy_target
        add column measures text,
        add column from_year int,
        add column to_year int,
        add constraint policy_target_annual check ((from_year is null) = (to_year is null) and from_year <= to_year),
        add constraint policy_target_one_schedule check (due_year is null or from_year is null);
    `);
  }

  override async down(): Promise<void> {
    this.addSql('alter table policy_target drop column measures, drop column from_year, drop column to_year;');
  }
}
