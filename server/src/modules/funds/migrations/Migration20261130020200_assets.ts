import { Migration } from '@mikro-orm/migrations';

/**
 * Project assets (扶贫项目资产) formed by accepted projects, their yearly income with its
 * distribution, and disposal requests approved by the county.
 */
export class Migration20261130020200_assets extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table project_asset (
        id uuid primary key default gen_random_uuid(),
        project_id uuid not null references project(id),
        village_code varchar(12) not null references village(code),
        name text not null constraint project_asset_name check (length(btrim(name)) between 1 and 200),
        type text not null constraint project_asset_type check (type in ('OPERATING','PUBLIC_WELFARE','HOUSEHOLD')),
        owner_kind text not null constraint project_asset_owner_kind check (owner_kind in ('VILLAGE_COLLECTIVE','HOUSEHOLD')),
        owner_name text not null,
        operator text,
        upkeep_body text not null,
        value numeric(18, 2) not null constraint project_asset_value check (value >= 0),
        benefit_link text constraint project_asset_benefit_link check (benefit_link in ('CONTRACT','DIVIDEND','SHAREHOLDING')),
        formed_on date not null,
        status text not null default 'IN_USE' constraint project_asset_status check (status in ('IN_USE','DISPOSED')),
        disposed_on date,
        created_at timestamptz not null default now(),
        -- 除已到户资产外 … 所有权原则上一次性确权到村集体 (000_ed3d1c40eab019cc.txt 4).
        constraint project_asset_owner check ((type = 'HOUSEHOLD') = (owner_kind = 'HOUSEHOLD')),
        constraint project_asset_operating_link check (type <> 'OPERATING' or benefit_link is not null),
        constraint project_asset_disposed check ((status = 'DISPOSED') = (disposed_on is not null))
      );
      create index project_asset_village_idx on project_asset (village_code text_pattern_ops, id);
      create index project_asset_project_idx on project_asset (project_id, id);

      create table asset_income (
        asset_id uuid not null references project_asset(id),
        year int not null constraint asset_income_year check (year between 2000 and 2100),
        amount numeric(18, 2) not null constraint asset_income_amount check (amount >= 0),
        monitored_households_percent numeric(5, 2) not null,
        upkeep_percent numeric(5, 2) not null,
        public_works_percent numeric(5, 2) not null,
        to_monitored_households numeric(18, 2) not null,
        to_upkeep numeric(18, 2) not null,
        to_public_works numeric(18, 2) not null,
        recorded_at timestamptz not null default now(),
        primary key (asset_id, year),
        constraint asset_income_percentages check (
          monitored_households_percent > 0 and upkeep_percent >= 0 and public_works_percent >= 0
          and monitored_households_percent + upkeep_percent + public_works_percent = 100),
        -- The last guard of the distribution rule: the parts add up to the income to the fen.
        constraint asset_income_distribution_exact check (
          to_monitored_households >= 0 and to_upkeep >= 0 and to_public_works >= 0
          and to_monitored_households + to_upkeep + to_public_works = amount)
      );

      create table asset_disposal (
        id uuid primary key default gen_random_uuid(),
        asset_id uuid not null references project_asset(id),
        kind text not null constraint asset_disposal_kind check (kind in ('TRANSFER','EXCHANGE','WRITE_OFF','SCRAP')),
        reason text not null constraint asset_disposal_reason check (length(btrim(reason)) between 1 and 1000),
        requested_on date not null,
        status text not null default 'REQUESTED' constraint asset_disposal_status check (status in ('REQUESTED','APPROVED','REJECTED')),
        decided_on date,
        decision_note text,
        requested_by_role text not null,
        decided_by_role text,
        decided_by_region varchar(12),
        created_at timestamptz not null default now(),
        constraint asset_disposal_decided check ((status = 'REQUESTED') = (decided_on is null)),
        constraint asset_disposal_order check (decided_on is null or decided_on >= requested_on)
      );
      -- One open request per asset; racing requests collide here.
      create unique index asset_disposal_one_open on asset_disposal (asset_id) where status = 'REQUESTED';
      create index asset_disposal_asset_idx on asset_disposal (asset_id, requested_on, id);
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      drop table asset_disposal;
      drop table asset_income;
      drop table project_asset;
    `);
  }
}
