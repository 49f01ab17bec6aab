import { Migration } from '@mikro-orm/migrations';

/**
 * Transition funds and the project library (衔接资金与项目库): allocations by source to a county
 * and year with the date they were in place, projects with the villages they serve, their budget
 * by fund source, the status history, and payments from allocations to projects.
 */
export class Migration20261130020100_funds extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table fund_allocation (
        id uuid primary key default gen_random_uuid(),
        county_code varchar(12) not null references region(code),
        year int not null constraint fund_allocation_year check (year between 2000 and 2100),
        source text not null constraint fund_allocation_source check (source in
          ('CENTRAL_TRANSITION','PROVINCIAL_TRANSITION','CITY_TRANSITION','COUNTY_TRANSITION','EAST_WEST','DESIGNATED','ENTERPRISE','SOCIAL')),
        provider_id uuid references provider(id),
        amount numeric(18, 2) not null constraint fund_allocation_amount check (amount > 0),
        document_number text,
        allocated_on date not null,
        in_place_on date,
        note text,
        created_at timestamptz not null default now(),
        constraint fund_allocation_county check (right(county_code, 6) = '000000' and substr(county_code, 5, 2) <> '00'),
        constraint fund_allocation_in_place_order check (in_place_on is null or in_place_on >= allocated_on),
        -- Partner money names its partner; fiscal money has none.
        constraint fund_allocation_provider check (
          (source in ('EAST_WEST','DESIGNATED','ENTERPRISE') and provider_id is not null)
          or (source in ('CENTRAL_TRANSITION','PROVINCIAL_TRANSITION','CITY_TRANSITION','COUNTY_TRANSITION') and provider_id is null)
          or source = 'SOCIAL')
      );
      create index fund_allocation_county_year_idx on fund_allocation (county_code, year, source);
      create index fund_allocation_list_idx on fund_allocation (year, allocated_on, id);
      create index fund_allocation_provider_idx on fund_allocation (provider_id) where provider_id is not null;

      create table project (
        id uuid primary key default gen_random_uuid(),
        county_code varchar(12) not null references region(code),
        year int not null constraint project_year check (year between 2000 and 2100),
        name text not null constraint project_name check (length(btrim(name)) between 1 and 200),
        category text not null constraint project_category check (category in
          ('INDUSTRY','EMPLOYMENT','INFRASTRUCTURE','PUBLIC_SERVICES','LIVING_ENVIRONMENT','OTHER')),
        status text not null default 'PROPOSED' constraint project_status check (status in
          ('PROPOSED','ASSESSED','APPROVED','ANNOUNCED','STARTED','ACCEPTED','EVALUATED','CANCELLED')),
        description text,
        planned_start date not null,
        actual_start date,
        announcement_start date,
        announcement_end date,
        beneficiary_households int not null default 0 constraint project_beneficiary_households check (beneficiary_households >= 0),
        beneficiary_people int not null default 0 constraint project_beneficiary_people check (beneficiary_people >= 0),
        monitored_households int not null default 0 constraint project_monitored_households check (monitored_households >= 0),
        status_changed_on date not null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint project_county check (right(county_code, 6) = '000000' and substr(county_code, 5, 2) <> '00'),
        constraint project_monitored_within check (monitored_households <= beneficiary_households),
        constraint project_announcement_order check (announcement_end is null or announcement_end >= announcement_start),
        constraint project_started_has_date check ((status in ('STARTED','ACCEPTED','EVALUATED')) = (actual_start is not null))
      );
      create unique index project_name_per_county_year on project (county_code, year, lower(btrim(name)));
      create index project_list_idx on project (year, county_code, id);
      create index project_status_idx on project (county_code, status);

      create table project_village (
        project_id uuid not null references project(id) on delete cascade,
        village_code varchar(12) not null references village(code),
        primary key (project_id, village_code)
      );
      create index project_village_code_idx on project_village (village_code text_pattern_ops, project_id);

      create table project_budget_line (
        id uuid primary key default gen_random_uuid(),
        project_id uuid not null references project(id) on delete cascade,
        source text not null constraint project_budget_line_source check (source in
          ('CENTRAL_TRANSITION','PROVINCIAL_TRANSITION','CITY_TRANSITION','COUNTY_TRANSITION','EAST_WEST','DESIGNATED','ENTERPRISE','SOCIAL')),
        provider_id uuid references provider(id),
        amount numeric(18, 2) not null constraint project_budget_line_amount check (amount > 0),
        constraint project_budget_line_provider check (
          (source in ('EAST_WEST','DESIGNATED','ENTERPRISE') and provider_id is not null)
          or (source in ('CENTRAL_TRANSITION','PROVINCIAL_TRANSITION','CITY_TRANSITION','COUNTY_TRANSITION') and provider_id is null)
          or source = 'SOCIAL')
      );
      create unique index project_budget_line_one_per_source on project_budget_line (project_id, source, provider_id) nulls not distinct;
      create index project_budget_line_provider_idx on project_budget_line (provider_id, project_id) where provider_id is not null;

      create table project_status_change (
        id uuid primary key default gen_random_uuid(),
        project_id uuid not null references project(id) on delete cascade,
        from_status text,
        to_status text not null,
        changed_on date not null,
        actor_role text not null,
        actor_region varchar(12),
        actor_subject text,
        note text,
        recorded_at timestamptz not null default now()
      );
      create index project_status_change_project_idx on project_status_change (project_id, recorded_at, id);

      create table project_payment (
        id uuid primary key default gen_random_uuid(),
        project_id uuid not null references project(id),
        allocation_id uuid not null references fund_allocation(id),
        amount numeric(18, 2) not null constraint project_payment_amount check (amount > 0),
        paid_on date not null,
        stage text not null constraint project_payment_stage check (stage in ('ADVANCE','PROGRESS','FINAL')),
        note text,
        created_at timestamptz not null default now()
      );
      create index project_payment_project_idx on project_payment (project_id, paid_on, id);
      create index project_payment_allocation_idx on project_payment (allocation_id);
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      drop table project_payment;
      drop table project_status_change;
      drop table project_budget_line;
      drop table project_village;
      drop table project;
      drop table fund_allocation;
    `);
  }
}
