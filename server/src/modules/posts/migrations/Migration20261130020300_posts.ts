import { Migration } from '@mikro-orm/migrations';

/**
 * Public-welfare posts (公益岗位) and forest rangers (生态护林员): posts set as needed in a village,
 * agreements with their holders, and the checks recording absences and fires.
 */
export class Migration20261130020300_posts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table welfare_post (
        id uuid primary key default gen_random_uuid(),
        village_code varchar(12) not null references village(code),
        kind text not null constraint welfare_post_kind check (kind in ('FOREST_RANGER','SANITATION','ROAD_UPKEEP','WATER_UPKEEP','OTHER')),
        title text not null constraint welfare_post_title check (length(btrim(title)) between 1 and 200),
        duties text,
        set_on date not null,
        created_at timestamptz not null default now()
      );
      create index welfare_post_village_idx on welfare_post (village_code text_pattern_ops, id);

      create table post_agreement (
        id uuid primary key default gen_random_uuid(),
        post_id uuid not null references welfare_post(id),
        holder_name text not null constraint post_agreement_holder check (length(btrim(holder_name)) between 1 and 100),
        holder_category text not null constraint post_agreement_category check (holder_category in
          ('UNSTABLE_LIFTED','MARGINAL','SUDDEN_HARDSHIP','LIFTED','OTHER')),
        priority_waiver_reason text,
        area_mu numeric(18, 2) constraint post_agreement_area check (area_mu > 0),
        bounds text,
        starts_on date not null,
        ends_on date not null,
        annual_fee numeric(18, 2) not null constraint post_agreement_fee check (annual_fee > 0),
        status text not null default 'ACTIVE' constraint post_agreement_status check (status in
          ('ACTIVE','TERMINATION_PROPOSED','TERMINATED','EXITED')),
        proposed_on date,
        ended_on date,
        end_reason text constraint post_agreement_end_reason check (end_reason in ('THREE_ABSENCES','FOREST_FIRE','ORDERLY_EXIT')),
        end_note text,
        created_at timestamptz not null default now(),
        -- Whole months: the fee is monthly (当月管护费).
        constraint post_agreement_whole_months check (
          extract(day from starts_on) = 1 and extract(day from ends_on + 1) = 1 and ends_on > starts_on),
        constraint post_agreement_priority check (
          holder_category in ('UNSTABLE_LIFTED','MARGINAL') or length(btrim(coalesce(priority_waiver_reason, ''))) > 0),
        constraint post_agreement_ended check ((status in ('TERMINATED','EXITED')) = (ended_on is not null and end_reason is not null)),
        constraint post_agreement_proposed check (status <> 'TERMINATION_PROPOSED' or proposed_on is not null)
      );
      -- One agreement in force per post; racing hires collide here.
      create unique index post_agreement_one_in_force on post_agreement (post_id) where status in ('ACTIVE','TERMINATION_PROPOSED');
      create index post_agreement_post_idx on post_agreement (post_id, starts_on, id);

      create table post_check (
        id uuid primary key default gen_random_uuid(),
        agreement_id uuid not null references post_agreement(id),
        checked_on date not null,
        on_post boolean not null,
        fire_area_mu numeric(18, 2) constraint post_check_fire_area check (fire_area_mu >= 0),
        fire_through_neglect boolean not null default false,
        note text,
        recorded_by_role text not null,
        created_at timestamptz not null default now(),
        constraint post_check_neglect_needs_fire check (not fire_through_neglect or fire_area_mu is not null)
      );
      create unique index post_check_one_per_day on post_check (agreement_id, checked_on);
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      drop table post_check;
      drop table post_agreement;
      drop table welfare_post;
    `);
  }
}
