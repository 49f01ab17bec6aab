import { Migration } from '@mikro-orm/migrations';

const CATEGORIES = `'UNSTABLE_LIFTED','MARGINAL','SUDDEN_HARDSHIP'`;
const CAUSES = `'ILLNESS','DISABILITY','EDUCATION','DISASTER','ACCIDENT','EPIDEMIC','UNSTABLE_WORK','LACK_OF_LABOUR','INDUSTRY_FAILURE','HOUSING','DRINKING_WATER','HIGH_EXPENDITURE','INCOME_DROP','OTHER'`;
const STATUSES = `'REPORTED','VILLAGE_REVIEWED','IN_NOTICE','TOWNSHIP_REVIEWED','CONFIRMED','ASSISTING','ELIMINATION_PROPOSED','RISK_ELIMINATED','REJECTED'`;
const ACTIONS = `'REPORT','VILLAGE_REVIEW','START_NOTICE','TOWNSHIP_REVIEW','CONFIRM','START_ASSISTANCE','PROPOSE_ELIMINATION','START_ELIMINATION_NOTICE','MARK_RISK_ELIMINATED','REJECT','WITHDRAW_ELIMINATION'`;
const MEASURES = `'INDUSTRY','EMPLOYMENT','PUBLIC_WELFARE_POST','MICRO_CREDIT','MINIMUM_LIVING_ALLOWANCE','EXTREME_POVERTY_SUPPORT','CASE_BY_CASE','MEDICAL_ASSISTANCE','EDUCATION_ASSISTANCE','HOUSING_RENOVATION','DRINKING_WATER','PREVENTION_INSURANCE','TEMPORARY_ASSISTANCE','OTHER'`;
const FUNDS = `'TRANSITION_FUND','SOCIAL_ASSISTANCE','MEDICAL_INSURANCE','PREVENTION_INSURANCE','PAIRING_UNIT','ENTERPRISE','CREDIT','HOUSEHOLD','OTHER'`;

/**
 * Return-to-poverty monitoring (防止返贫动态监测): households and members, income by source,
 * 两不愁三保障 and drinking water, monitoring lines and notice periods per region, cases with
 * their steps, plans, measures and visits, the screening cadence, and the personal-data access log.
 *
 * Rules that must hold under concurrent requests are the database's:
 * - an ID number is stored once (household_member_id_number);
 * - a household has one head (household_member_one_head) and one open case at a time
 *   (monitoring_case_one_open_per_household);
 * - a case's village is its household's (composite foreign key);
 * - a region's line rules never overlap in years (monitoring_line_years_overlap: a GiST exclusion
 *   over one integer range per rule, `code × 10000 + year`, which keeps regions apart without the
 *   btree_gist extension);
 * - the access log is append-only (a trigger refuses UPDATE, DELETE and TRUNCATE).
 */
export class Migration20261130010000_monitoring extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table household (
        id uuid primary key default gen_random_uuid(),
        village_code varchar(12) not null references village(code),
        address text,
        -- 脱贫户: a household registered poor (建档立卡) and lifted out by 2020.
        lifted_out_of_poverty boolean not null,
        -- 两不愁三保障 and drinking water at the last assessment; all null until assessed.
        guarantees_assessed_on date,
        food_secure boolean,
        clothing_secure boolean,
        education_secure boolean,
        medical_secure boolean,
        housing_secure boolean,
        water_secure boolean,
        guarantees_note text,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint household_village_key unique (id, village_code),
        constraint household_guarantees_complete check (
          (guarantees_assessed_on is null) = (food_secure is null)
          and (food_secure is null) = (clothing_secure is null)
          and (food_secure is null) = (education_secure is null)
          and (food_secure is null) = (medical_secure is null)
          and (food_secure is null) = (housing_secure is null)
          and (food_secure is null) = (water_secure is null))
      );
      create index household_village_idx on household (village_code text_pattern_ops, id);

      create table household_member (
        id uuid primary key default gen_random_uuid(),
        household_id uuid not null references household(id),
        name text not null constraint household_member_name_present check (length(btrim(name)) > 0),
        -- The only copy of the number on the platform: logs and events carry the member id.
        id_number varchar(18) not null constraint household_member_id_number_format check (id_number ~ '^[0-9]{17}[0-9X]$'),
        relation text not null constraint household_member_relation check (relation in ('HEAD','SPOUSE','CHILD','CHILD_IN_LAW','GRANDCHILD','PARENT','GRANDPARENT','SIBLING','OTHER')),
        labour_capacity text not null constraint household_member_labour check (labour_capacity in ('NONE','WEAK','FULL')),
        health text not null constraint household_member_health check (health in ('HEALTHY','CHRONIC_ILLNESS','SERIOUS_ILLNESS','DISABLED')),
        schooling text not null constraint household_member_schooling check (schooling in ('PRESCHOOL','COMPULSORY','HIGH_SCHOOL','HIGHER_EDUCATION','NOT_IN_SCHOOL','DROPPED_OUT')),
        employment text not null constraint household_member_employment check (employment in ('FARMING','LOCAL_WORK','MIGRANT_WORK','PUBLIC_WELFARE_POST','SELF_EMPLOYED','STUDENT','NOT_WORKING')),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      create unique index household_member_id_number on household_member (id_number);
      create unique index household_member_one_head on household_member (household_id) where relation = 'HEAD';
      create index household_member_household_idx on household_member (household_id, id);

      create table household_income (
        household_id uuid not null references household(id),
        year int not null constraint household_income_year check (year between 2000 and 2100),
        source text not null constraint household_income_source check (source in ('WAGE','BUSINESS','PROPERTY','TRANSFER')),
        amount numeric(14,2) not null constraint household_income_amount check (amount >= 0),
        recorded_at timestamptz not null default now(),
        constraint household_income_pkey primary key (household_id, year, source)
      );

      create table monitoring_line (
        region_code varchar(12) not null references region(code),
        -- The region's code prefix: "inherited down the tree" is a LIKE on it.
        region_prefix varchar(12) not null,
        from_year int not null constraint monitoring_line_from_year check (from_year between 2000 and 2100),
        to_year int constraint monitoring_line_to_year check (to_year between 2000 and 2100),
        base_amount numeric(14,2) not null constraint monitoring_line_base check (base_amount > 0),
        annual_growth_percent numeric(5,2) not null constraint monitoring_line_growth check (annual_growth_percent >= 0 and annual_growth_percent < 100),
        source text not null constraint monitoring_line_source_present check (length(btrim(source)) > 0),
        updated_at timestamptz not null default now(),
        constraint monitoring_line_pkey primary key (region_code, from_year),
        constraint monitoring_line_year_order check (to_year is null or to_year >= from_year),
        constraint monitoring_line_years_overlap exclude using gist (
          int8range(region_code::bigint * 10000 + from_year, region_code::bigint * 10000 + coalesce(to_year, 9999), '[]') with &&)
      );
      create index monitoring_line_prefix_idx on monitoring_line (region_prefix);

      create table monitoring_notice_period (
        region_code varchar(12) not null references region(code),
        region_prefix varchar(12) not null,
        kind text not null constraint monitoring_notice_period_kind check (kind in ('IDENTIFICATION','ELIMINATION')),
        days int not null constraint monitoring_notice_period_days check (days between 1 and 60),
        source text,
        updated_at timestamptz not null default now(),
        constraint monitoring_notice_period_pkey primary key (region_code, kind)
      );

      create table monitoring_case (
        id uuid primary key default gen_random_uuid(),
        household_id uuid not null,
        village_code varchar(12) not null,
        category text not null constraint monitoring_case_category check (category in (${CATEGORIES})),
        risk_causes text[] not null constraint monitoring_case_causes check (cardinality(risk_causes) >= 1 and risk_causes <@ array[${CAUSES}]),
        discovery_source text not null constraint monitoring_case_discovery check (discovery_source in ('SELF_APPLICATION','DEPARTMENT_DATA','CADRE_VISIT')),
        reported_on date not null,
        -- Per-capita annual net income at identification (识别时人均纯收入), yuan.
        income_at_identification numeric(14,2) not null constraint monitoring_case_income check (income_at_identification >= 0),
        status text not null constraint monitoring_case_status check (status in (${STATUSES})),
        -- The latest notice (公示); the steps keep every notice.
        notice_kind text constraint monitoring_case_notice_kind check (notice_kind in ('IDENTIFICATION','ELIMINATION')),
        notice_starts_on date,
        notice_ends_on date,
        confirmed_on date,
        eliminated_on date,
        rejected_on date,
        closing_reason text,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint monitoring_case_household_fk foreign key (household_id, village_code) references household(id, village_code),
        constraint monitoring_case_notice_complete check ((notice_kind is null) = (notice_starts_on is null) and (notice_kind is null) = (notice_ends_on is null)),
        constraint monitoring_case_notice_order check (notice_ends_on >= notice_starts_on),
        constraint monitoring_case_in_notice check (status <> 'IN_NOTICE' or notice_kind is not null)
      );
      create unique index monitoring_case_one_open_per_household on monitoring_case (household_id)
        where status not in ('RISK_ELIMINATED','REJECTED');
      create index monitoring_case_village_idx on monitoring_case (village_code text_pattern_ops, reported_on desc, id);
      create index monitoring_case_notice_idx on monitoring_case (notice_ends_on) where status = 'IN_NOTICE';

      create table monitoring_case_step (
        id bigint generated always as identity primary key,
        case_id uuid not null references monitoring_case(id),
        action text not null constraint monitoring_case_step_action check (action in (${ACTIONS})),
        from_status text constraint monitoring_case_step_from check (from_status in (${STATUSES})),
        to_status text not null constraint monitoring_case_step_to check (to_status in (${STATUSES})),
        level text constraint monitoring_case_step_level check (level in ('VILLAGE','TOWNSHIP','COUNTY')),
        taken_on date not null,
        taken_at timestamptz not null default now(),
        actor_role text not null,
        actor_region varchar(12),
        actor_provider uuid,
        actor_subject text,
        note text,
        notice_starts_on date,
        notice_ends_on date
      );
      create index monitoring_case_step_case_idx on monitoring_case_step (case_id, id);

      create table monitoring_plan (
        case_id uuid primary key references monitoring_case(id),
        -- The responsible person (结对帮扶责任人): a resident-team member, or a cadre by name.
        responsible_member_id uuid references team_member(id),
        responsible_name text,
        responsible_post text,
        -- The unit that pairs with the household (the member's dispatching unit, or given).
        responsible_unit_id uuid references provider(id),
        summary text,
        updated_at timestamptz not null default now(),
        constraint monitoring_plan_responsible check ((responsible_member_id is null) <> (responsible_name is null))
      );
      create index monitoring_plan_unit_idx on monitoring_plan (responsible_unit_id) where responsible_unit_id is not null;

      create table monitoring_measure (
        id uuid primary key default gen_random_uuid(),
        case_id uuid not null references monitoring_case(id),
        type text not null constraint monitoring_measure_type check (type in (${MEASURES})),
        description text,
        starts_on date not null,
        cost numeric(14,2) not null constraint monitoring_measure_cost check (cost >= 0),
        fund_source text not null constraint monitoring_measure_fund check (fund_source in (${FUNDS})),
        created_at timestamptz not null default now()
      );
      create index monitoring_measure_case_idx on monitoring_measure (case_id, starts_on, id);

      create table monitoring_visit (
        id uuid primary key default gen_random_uuid(),
        case_id uuid not null references monitoring_case(id),
        visited_on date not null,
        visitor text not null constraint monitoring_visit_visitor check (length(btrim(visitor)) > 0),
        finding text not null constraint monitoring_visit_finding check (length(btrim(finding)) > 0),
        recorded_by_role text not null,
        created_at timestamptz not null default now()
      );
      create index monitoring_visit_case_idx on monitoring_visit (case_id, visited_on desc, id);

      create table monitoring_screening (
        village_code varchar(12) not null references village(code),
        -- First day of the month screened (村组每月摸排).
        month date not null constraint monitoring_screening_month check (extract(day from month) = 1),
        screened_on date not null,
        households_checked int not null constraint monitoring_screening_households check (households_checked >= 0),
        note text,
        recorded_at timestamptz not null default now(),
        constraint monitoring_screening_pkey primary key (village_code, month),
        constraint monitoring_screening_in_month check (screened_on >= month)
      );

      create table monitoring_township_review (
        township_code varchar(12) not null references region(code),
        year int not null,
        quarter int not null constraint monitoring_township_review_quarter check (quarter between 1 and 4),
        reviewed_on date not null,
        note text,
        recorded_at timestamptz not null default now(),
        constraint monitoring_township_review_pkey primary key (township_code, year, quarter)
      );

      -- Every read of a whole ID number (谁核查，谁保密；谁泄露，谁负责: 003).
      create table personal_data_access (
        id bigint generated always as identity primary key,
        accessed_at timestamptz not null default now(),
        actor_role text not null,
        actor_region varchar(12),
        actor_provider uuid,
        actor_subject text,
        request_id text not null,
        operation text,
        field text not null,
        household_id uuid not null references household(id),
        member_id uuid not null references household_member(id),
        region_code varchar(12) not null
      );
      create index personal_data_access_region_idx on personal_data_access (region_code text_pattern_ops, id);
      create index personal_data_access_household_idx on personal_data_access (household_id, id);

      create function personal_data_access_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'personal_data_access is append-only';
      end $$;
      create trigger personal_data_access_no_change before update or delete on personal_data_access
        for each row execute function personal_data_access_append_only();
      create trigger personal_data_access_no_truncate before truncate on personal_data_access
        for each statement execute function personal_data_access_append_only();
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      drop table personal_data_access;
      drop function personal_data_access_append_only();
      drop table monitoring_township_review, monitoring_screening, monitoring_visit, monitoring_measure,
        monitoring_plan, monitoring_case_step, monitoring_case, monitoring_notice_period, monitoring_line,
        household_income, household_member, household;
    `);
  }
}
