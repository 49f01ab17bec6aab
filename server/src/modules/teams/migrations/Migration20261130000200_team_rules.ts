import { Migration } from '@mikro-orm/migrations';

/**
 * The team rules as 002_d5d8c2fb670d631c.txt (八) writes them:
 *
 * - Party membership: since when a person is a member, and when each duty's membership was
 *   transferred to the village (查档案, "党组织的关系是否转到当地").
 * - 五查五看: beside the inspector's verdict and notes, what the platform's data said for each
 *   check (`*_computed`, null where it holds no data) and why (`*_basis`).
 * - Vacancies: a recall opens one, shown until someone is dispatched into the team.
 * - 星级化管理、积分制考核: a rubric stored as data (criteria with their points, star bands, the
 *   largest adjustment an assessor may make), and assessments that keep their breakdown, the
 *   assessor's adjustment and its reason, and the rubric version they were scored with.
 * - `source` on every table the demo seeds: `DEMO`, a document reference, or null (API data).
 */
export class Migration20261130000200_team_rules extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table person add column party_member_since date, add column source text,
        add constraint person_party_member_since check (party_member_since is null or party_member);
      alter table team_member add column party_transferred_on date, add column source text;
      alter table resident_team add column source text;
      alter table attendance_day add column source text;
      alter table team_work_plan add column source text;

      alter table team_inspection add column source text,
        add column identity_computed boolean, add column identity_basis text,
        add column archive_computed boolean, add column archive_basis text,
        add column residence_computed boolean, add column residence_basis text,
        add column plan_computed boolean, add column plan_basis text,
        add column results_computed boolean, add column results_basis text;

      create table team_vacancy (
        id uuid primary key default gen_random_uuid(),
        team_id uuid not null references resident_team(id),
        role text not null constraint team_vacancy_role check (role in ('FIRST_SECRETARY','TEAM_LEADER','MEMBER')),
        opened_on date not null,
        inspection_id uuid references team_inspection(id),
        recalled_member_id uuid references team_member(id),
        -- Closed when someone is dispatched into the team in that role, or when the team ends.
        closed_on date,
        filled_by_member_id uuid references team_member(id),
        source text,
        created_at timestamptz not null default now(),
        constraint team_vacancy_filled_closed check (filled_by_member_id is null or closed_on is not null),
        constraint team_vacancy_order check (closed_on is null or closed_on >= opened_on)
      );
      create index team_vacancy_team_idx on team_vacancy (team_id, opened_on, id);
      create index team_vacancy_open_idx on team_vacancy (opened_on, id) where closed_on is null;

      create table assessment_rubric (
        version int primary key,
        effective_from_year int not null constraint assessment_rubric_year unique,
        max_adjustment numeric(6,2) not null constraint assessment_rubric_adjustment check (max_adjustment >= 0),
        source text not null,
        created_at timestamptz not null default now()
      );
      create table assessment_rubric_criterion (
        version int not null references assessment_rubric(version),
        criterion text not null constraint assessment_criterion_kind check (criterion in ('ATTENDANCE','INSPECTIONS','WORK_PLAN')),
        max_points numeric(6,2) not null constraint assessment_criterion_points check (max_points > 0),
        deduction_per_failed_check numeric(6,2),
        deduction_per_consequence numeric(6,2),
        description text not null,
        primary key (version, criterion)
      );
      create table assessment_star_band (
        version int not null references assessment_rubric(version),
        stars int not null constraint assessment_star_band_stars check (stars between 1 and 5),
        min_points numeric(6,2) not null,
        primary key (version, stars)
      );

      insert into assessment_rubric (version, effective_from_year, max_adjustment, source) values
        (1, 2021, 10, '002_d5d8c2fb670d631c.txt (八) 星级化管理、积分制考核; the document names the method, the weights are the platform''s default');
      insert into assessment_rubric_criterion (version, criterion, max_points, deduction_per_failed_check, deduction_per_consequence, description) values
        (1, 'ATTENDANCE', 50, null, null, '驻村考勤: points in proportion to the member''s full weeks of the year that kept 五天四夜'),
        (1, 'INSPECTIONS', 30, 5, 10, '督查结果: full points less 5 per failed 五查五看 check of the team during the member''s duty and 10 per 通报/约谈/召回 naming the member, never below 0'),
        (1, 'WORK_PLAN', 20, null, null, '年度计划: full points when the team''s plan for the year was submitted (查计划)');
      insert into assessment_star_band (version, stars, min_points) values (1, 5, 90), (1, 4, 80), (1, 3, 70), (1, 2, 60), (1, 1, 0);

      alter table team_member_assessment
        add column rubric_version int references assessment_rubric(version),
        add column attendance_points numeric(6,2),
        add column inspection_points numeric(6,2),
        add column plan_points numeric(6,2),
        add column computed_points numeric(6,2),
        add column adjustment numeric(6,2) not null default 0,
        add column adjustment_reason text,
        add column basis jsonb,
        add column source text,
        add constraint team_member_assessment_adjustment_reason check (adjustment = 0 or adjustment_reason is not null);
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      alter table team_member_assessment drop constraint team_member_assessment_adjustment_reason,
        drop column rubric_version, drop column attendance_points, drop column inspection_points, drop column plan_points,
        drop column computed_points, drop column adjustment, drop column adjustment_reason, drop column basis, drop column source;
      drop table assessment_star_band, assessment_rubric_criterion, assessment_rubric, team_vacancy;
      alter table team_inspection drop column source,
        drop column identity_computed, drop column identity_basis, drop column archive_computed, drop column archive_basis,
        drop column residence_computed, drop column residence_basis, drop column plan_computed, drop column plan_basis,
        drop column results_computed, drop column results_basis;
      alter table team_work_plan drop column source;
      alter table attendance_day drop column source;
      alter table resident_team drop column source;
      alter table team_member drop column party_transferred_on, drop column source;
      alter table person drop constraint person_party_member_since, drop column party_member_since, drop column source;
    `);
  }
}
