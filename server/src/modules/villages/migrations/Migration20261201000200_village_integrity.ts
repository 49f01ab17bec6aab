import { Migration } from '@mikro-orm/migrations';

/**
 * Village data that tells examples from facts and keeps its history:
 * - `source` on profiles, designations and indicator years (数据来源): `DEMO`, a document
 *   reference, or null for data recorded through the platform;
 * - main industries (主要产业) as the documents list them, and `village_industry`: since when each
 *   named industry of a village is known to exist, so dated targets are judged on dated facts;
 * - `village_indicators_change`: every recording of a year, who made it, when, and the year's
 *   figures before and after;
 * - the plausibility rules as constraints, the last guard behind the service. NOT VALID: rows
 *   recorded before the rules are kept as they are (and show in the history when corrected).
 */
export class Migration20261201000200_village_integrity extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table village
        add column main_industries text[] not null default '{}',
        add column source text constraint village_source_present check (length(btrim(source)) > 0);
      alter table village_designation
        add column source text constraint village_designation_source_present check (length(btrim(source)) > 0);
      alter table village_indicators
        add column source text constraint village_indicators_source_present check (length(btrim(source)) > 0),
        add constraint village_indicators_collective_income check (collective_income >= 0) not valid,
        add constraint village_indicators_population_households check (population >= households) not valid,
        add constraint village_indicators_year check (year >= 2000) not valid;

      create table village_industry (
        village_code varchar(12) not null references village(code) on delete cascade,
        name text not null constraint village_industry_name check (length(btrim(name)) > 0),
        since_year int not null constraint village_industry_since_year check (since_year >= 1949),
        source text constraint village_industry_source_present check (length(btrim(source)) > 0),
        recorded_at timestamptz not null default now(),
        constraint village_industry_pkey primary key (village_code, name)
      );

      create table village_indicators_change (
        id bigint generated always as identity primary key,
        village_code varchar(12) not null references village(code) on delete cascade,
        year int not null,
        changed_at timestamptz not null default now(),
        changed_by_role text not null,
        changed_by text not null,
        changed_fields text[] not null,
        before jsonb,
        after jsonb not null
      );
      create index village_indicators_change_year_idx on village_indicators_change (village_code, year, id);
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      drop table village_indicators_change, village_industry;
      alter table village_indicators drop column source, drop constraint village_indicators_collective_income,
        drop constraint village_indicators_population_households, drop constraint village_indicators_year;
      alter table village_designation drop column source;
      alter table village drop column main_industries, drop column source;
    `);
  }
}
