import { Migration } from '@mikro-orm/migrations';

/**
 * Pairings (结对帮扶) and their contributions, and the partner scope views redefined from active
 * pairings: a partner sees the villages it helps directly or through a paired county, and their
 * ancestor regions.
 */
export class Migration20261122000300_pairings extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table pairing (
        id uuid primary key default gen_random_uuid(),
        provider_id uuid not null references provider(id),
        target_code varchar(12) not null references region(code),
        target_level text not null constraint pairing_target_level check (target_level in ('VILLAGE','COUNTY')),
        mechanism text not null constraint pairing_mechanism check (mechanism in
          ('DESIGNATED','EAST_WEST','COUNTERPART','ENTERPRISE_VILLAGE','STRONG_HELPS_WEAK')),
        cooperation_areas text[] not null default '{}' constraint pairing_cooperation_areas check (cooperation_areas <@
          array['INDUSTRY','LABOUR','TALENT','CONSUMPTION','DONATION','DESIGNATED_AID']::text[]),
        start_date date not null,
        end_date date,
        status text not null constraint pairing_status check (status in ('PROPOSED','ACTIVE','SUSPENDED','ENDED')),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint pairing_dates check (end_date is null or end_date >= start_date),
        -- The level follows from the code: a village code ends in a non-zero segment, a county code
        -- in six zeros after a non-zero county segment.
        constraint pairing_target_code_level check (
          (target_level = 'VILLAGE' and right(target_code, 3) <> '000')
          or (target_level = 'COUNTY' and right(target_code, 6) = '000000' and substr(target_code, 5, 2) <> '00'))
      );
      -- One active pairing per provider, target and mechanism; concurrent activations collide here.
      create unique index pairing_one_active on pairing (provider_id, target_code, mechanism) where status = 'ACTIVE';
      create index pairing_provider_status_idx on pairing (provider_id, status);
      create index pairing_target_idx on pairing (target_code text_pattern_ops, status);
      create index pairing_start_idx on pairing (start_date, id);

      create table contribution (
        id uuid primary key default gen_random_uuid(),
        pairing_id uuid not null references pairing(id) on delete cascade,
        kind text not null constraint contribution_kind check (kind in ('FUNDS','GOODS','JOBS','TRAINING','TALENT','PURCHASES')),
        stage text not null constraint contribution_stage check (stage in ('PLEDGED','DELIVERED')),
        amount numeric(18, 2) constraint contribution_amount check (amount >= 0),
        count int constraint contribution_count check (count >= 0),
        contributed_on date not null,
        note text,
        recorded_at timestamptz not null default now(),
        constraint contribution_measure check (amount is not null or count is not null)
      );
      create index contribution_pairing_idx on contribution (pairing_id, contributed_on, id);

      -- Villages a provider is assigned through ACTIVE pairings: the paired village itself, or
      -- every village of a paired county (a code range, so the village primary key serves it).
      create or replace view provider_assigned_village as
        select p.provider_id, v.code::varchar(12) as village_code
          from pairing p join village v on v.code = p.target_code
          where p.status = 'ACTIVE' and p.target_level = 'VILLAGE'
        union
        select p.provider_id, v.code::varchar(12)
          from pairing p join village v on v.code > p.target_code and v.code <= substr(p.target_code, 1, 6) || '999999'
          where p.status = 'ACTIVE' and p.target_level = 'COUNTY';

      -- Those villages and their township, county, city and province.
      create or replace view provider_visible_region as
        select distinct a.provider_id, up.code::varchar(12) as region_code
          from provider_assigned_village a
          cross join lateral (values
            (a.village_code),
            (substr(a.village_code, 1, 9) || '000'),
            (substr(a.village_code, 1, 6) || '000000'),
            (substr(a.village_code, 1, 4) || '00000000'),
            (substr(a.village_code, 1, 2) || '0000000000')) as up(code);
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      create or replace view provider_visible_region as
        select null::uuid as provider_id, null::varchar(12) as region_code where false;
      create or replace view provider_assigned_village as
        select null::uuid as provider_id, null::varchar(12) as village_code where false;
      drop table contribution;
      drop table pairing;
    `);
  }
}
