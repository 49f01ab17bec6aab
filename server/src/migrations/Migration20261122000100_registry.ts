import { Migration } from '@mikro-orm/migrations';

/** The region and village registry and the policy targets (区划、村档案、政策目标). */
export class Migration20261122000100_registry extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table region (
        code varchar(12) primary key constraint region_code_format check (code ~ '^[0-9]{12}$'),
        name text not null constraint region_name_present check (length(btrim(name)) > 0),
        level text not null constraint region_level_known check (level in ('PROVINCE','CITY','COUNTY','TOWNSHIP','VILLAGE')),
        parent_code varchar(12) references region(code),
        former_poverty_county boolean not null default false,
        key_assisted_county text constraint region_key_assisted_level check (key_assisted_county in ('NATIONAL','PROVINCIAL')),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint region_parent_matches_level check ((level = 'PROVINCE') = (parent_code is null))
      );
      -- text_pattern_ops lets "code LIKE '3504%'" (everything inside a region) use the index.
      create index region_code_prefix_idx on region (code text_pattern_ops);
      create index region_parent_idx on region (parent_code, code);
      create index region_level_idx on region (level, code text_pattern_ops);

      create table village (
        code varchar(12) primary key references region(code) on delete cascade,
        leading_industry text,
        specialty_industries text[] not null default '{}',
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );

      create table village_designation (
        village_code varchar(12) not null references village(code) on delete cascade,
        kind text not null constraint village_designation_kind check (kind in ('KEY_ASSISTED','FORMER_POVERTY','MERGED','DEMONSTRATION')),
        level text constraint village_designation_level check (level in ('NATIONAL','PROVINCIAL','MUNICIPAL','COUNTY')),
        since_year int,
        created_at timestamptz not null default now(),
        constraint village_designation_unique primary key (village_code, kind)
      );
      create index village_designation_kind_idx on village_designation (kind, village_code);

      create table village_indicators (
        village_code varchar(12) not null references village(code) on delete cascade,
        year int not null,
        households int constraint village_indicators_households check (households >= 0),
        population int constraint village_indicators_population check (population >= 0),
        per_capita_disposable_income numeric constraint village_indicators_income check (per_capita_disposable_income >= 0),
        collective_income numeric,
        farmland_mu numeric constraint village_indicators_farmland check (farmland_mu >= 0),
        forest_mu numeric constraint village_indicators_forest check (forest_mu >= 0),
        high_standard_farmland_share numeric constraint village_indicators_hsf check (high_standard_farmland_share between 0 and 100),
        tap_water_coverage numeric constraint village_indicators_tap_water check (tap_water_coverage between 0 and 100),
        sanitary_toilet_coverage numeric constraint village_indicators_toilets check (sanitary_toilet_coverage between 0 and 100),
        recorded_at timestamptz not null default now(),
        constraint village_indicators_pkey primary key (village_code, year)
      );

      create table policy_target (
        code text primary key,
        metric text not null,
        comparison text not null constraint policy_target_comparison check (comparison in ('GTE','EQ')),
        threshold numeric not null,
        unit text not null,
        due_year int,
        applies_to text not null constraint policy_target_applies_to check (applies_to in ('KEY_ASSISTED','DEMONSTRATION_PROVINCIAL_OR_MUNICIPAL','COUNTY')),
        description text not null,
        source text not null
      );

      -- Partner scope: which villages (and their ancestor regions) an enterprise or unit may see.
      -- The pairings migration redefines these from active pairings; before pairings exist no
      -- partner is assigned anything.
      create view provider_assigned_village as
        select null::uuid as provider_id, null::varchar(12) as village_code where false;
      create view provider_visible_region as
        select null::uuid as provider_id, null::varchar(12) as region_code where false;
    `);
  }

  override async down(): Promise<void> {
    this.addSql(
      'drop view provider_visible_region, provider_assigned_village; drop table policy_target, village_indicators, village_designation, village, region cascade;',
    );
  }
}
