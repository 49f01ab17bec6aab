import { Migration } from '@mikro-orm/migrations';

/**
 * Resident work teams (驻村工作队): people, teams and their dispatching units, members and their
 * duty, daily attendance (五天四夜), annual work plans, 五查五看 inspections and yearly assessments.
 *
 * The rules that must hold under concurrent requests live here as partial unique indexes, so two
 * racing mutations give one success and one CONFLICT instead of two rows:
 * - a person is on duty in at most one team (team_member_person_on_duty);
 * - a team has at most one first secretary on duty (team_member_one_first_secretary);
 * - a village has at most one active team (resident_team_one_active_per_village);
 * - a team has exactly one lead unit (resident_team_unit_one_lead; "at least one" is checked by the service).
 */
export class Migration20261122000400_teams extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table person (
        id uuid primary key default gen_random_uuid(),
        name text not null constraint person_name_present check (length(btrim(name)) > 0),
        gender text not null constraint person_gender check (gender in ('MALE','FEMALE')),
        party_member boolean not null,
        phone varchar(11) not null constraint person_phone_format check (phone ~ '^1[3-9][0-9]{9}$'),
        unit_id uuid not null references provider(id),
        post text,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      create index person_unit_idx on person (unit_id);

      create table resident_team (
        id uuid primary key default gen_random_uuid(),
        village_code varchar(12) not null references village(code),
        term_start date not null,
        term_end date not null,
        status text not null constraint resident_team_status check (status in ('ACTIVE','ENDED')),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint resident_team_term_order check (term_end >= term_start)
      );
      create index resident_team_village_idx on resident_team (village_code text_pattern_ops, id);
      create unique index resident_team_one_active_per_village on resident_team (village_code) where status = 'ACTIVE';

      create table resident_team_unit (
        team_id uuid not null references resident_team(id) on delete cascade,
        unit_id uuid not null references provider(id),
        lead boolean not null default false,
        constraint resident_team_unit_pkey primary key (team_id, unit_id)
      );
      create unique index resident_team_unit_one_lead on resident_team_unit (team_id) where lead;
      create index resident_team_unit_unit_idx on resident_team_unit (unit_id, team_id);

      create table team_member (
        id uuid primary key default gen_random_uuid(),
        team_id uuid not null references resident_team(id),
        person_id uuid not null references person(id),
        role text not null constraint team_member_role check (role in ('FIRST_SECRETARY','TEAM_LEADER','MEMBER')),
        status text not null constraint team_member_status check (status in ('ON_DUTY','ROTATED_OUT','RECALLED')),
        on_duty_from date not null,
        -- Planned end while on duty; the actual last day once rotated out or recalled.
        on_duty_to date not null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint team_member_duty_order check (on_duty_to >= on_duty_from)
      );
      create unique index team_member_person_on_duty on team_member (person_id) where status = 'ON_DUTY';
      create unique index team_member_one_first_secretary on team_member (team_id) where role = 'FIRST_SECRETARY' and status = 'ON_DUTY';
      create index team_member_team_idx on team_member (team_id, id);
      create index team_member_ending_idx on team_member (on_duty_to, id) where status = 'ON_DUTY';

      create table attendance_day (
        member_id uuid not null references team_member(id) on delete cascade,
        date date not null,
        kind text not null constraint attendance_day_kind check (kind in ('ON_SITE','APPROVED_LEAVE')),
        present_by_day boolean not null,
        stayed_night boolean not null,
        location text,
        note text,
        recorded_at timestamptz not null default now(),
        constraint attendance_day_pkey primary key (member_id, date),
        -- A leave day is a day away: it cannot also count as presence.
        constraint attendance_day_leave_absent check (kind = 'ON_SITE' or (not present_by_day and not stayed_night))
      );

      create table team_work_plan (
        id uuid primary key default gen_random_uuid(),
        team_id uuid not null references resident_team(id),
        year int not null constraint team_work_plan_year check (year between 2000 and 2100),
        content text not null constraint team_work_plan_content check (length(btrim(content)) > 0),
        submitted_at timestamptz not null default now(),
        constraint team_work_plan_one_per_year unique (team_id, year)
      );

      create table team_inspection (
        id uuid primary key default gen_random_uuid(),
        team_id uuid not null references resident_team(id),
        date date not null,
        inspector text,
        identity_passed boolean not null,
        identity_note text,
        archive_passed boolean not null,
        archive_note text,
        residence_passed boolean not null,
        residence_note text,
        plan_passed boolean not null,
        plan_note text,
        results_passed boolean not null,
        results_note text,
        consequence text not null constraint team_inspection_consequence check (consequence in ('NONE','NOTICE','TALK','RECALL')),
        member_id uuid references team_member(id),
        consequence_note text,
        created_at timestamptz not null default now(),
        constraint team_inspection_member_named check (consequence = 'NONE' or member_id is not null)
      );
      create index team_inspection_team_idx on team_inspection (team_id, date desc, id);
      create index team_inspection_date_idx on team_inspection (date desc, id);

      create table team_member_assessment (
        id uuid primary key default gen_random_uuid(),
        member_id uuid not null references team_member(id),
        year int not null constraint team_member_assessment_year check (year between 2000 and 2100),
        stars int not null constraint team_member_assessment_stars check (stars between 1 and 5),
        points numeric(8,2) not null constraint team_member_assessment_points check (points >= 0),
        note text,
        created_at timestamptz not null default now(),
        constraint team_member_assessment_one_per_year unique (member_id, year)
      );
    `);
  }

  override async down(): Promise<void> {
    this.addSql(
      'drop table team_member_assessment, team_inspection, team_work_plan, attendance_day, team_member, resident_team_unit, resident_team, person;',
    );
  }
}
