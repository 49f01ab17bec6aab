import type { Knex } from '@mikro-orm/knex';
import type { EntityManager } from '@mikro-orm/postgresql';
import { addDays, todayInShanghai, weekOf } from '../server/src/core/dates';
import { CHECK_COLUMNS } from '../server/src/modules/teams/inspection.types';
import { InspectionConsequence, type InspectionItem } from '../server/src/modules/teams/inspection.entity';
import { computeChecks, settleInspection } from '../server/src/modules/teams/inspection.rules';
import { inspectionFacts } from '../server/src/modules/teams/inspection.repository';
import { assessmentFacts, rubricFor } from '../server/src/modules/teams/assessment.repository';
import { adjustmentProblems, scoreYear } from '../server/src/modules/teams/assessment.rules';
import { dataFile, seedId, type SeedCounts } from './load';
import { DEMO } from './consumption.seed';

interface Attendance {
  /** The week pattern of every week not named below. */
  usual: string;
  /** Patterns of particular weeks, by their Monday. */
  weeks?: Record<string, string>;
  /** Patterns of weeks counted back from the current one ("-1": the last complete week); named weeks win. */
  recent?: Record<string, string>;
}

interface TeamsFile {
  people: {
    key: string;
    name: string;
    gender: string;
    partyMember: boolean;
    partyMemberSince?: string;
    phone: string;
    unit: string;
    post: string | null;
  }[];
  teams: {
    key: string;
    villageCode: string;
    dispatchingUnits: string[];
    leadUnit: string;
    termStart: string;
    termEnd: string;
    status: string;
    members: {
      key: string;
      person: string;
      role: string;
      status: string;
      onDutyFrom: string;
      onDutyTo: string;
      partyTransferredOn?: string;
      attendance?: Attendance;
    }[];
  }[];
  workPlans: { key: string; team: string; year: number; submittedOn: string; content: string }[];
  inspections: {
    key: string;
    team: string;
    date: string;
    inspector: string | null;
    checks: { item: InspectionItem; passed?: boolean; note?: string }[];
    consequence: InspectionConsequence;
    member?: string;
    consequenceNote?: string;
  }[];
  assessments: {
    key: string;
    member: string;
    year: number;
    adjustment?: string;
    adjustmentReason?: string;
    note?: string;
  }[];
}

type Member = TeamsFile['teams'][number]['members'][number];

/**
 * The repositories read through `knexOf(em)`: the open transaction when there is one. This
 * hands them the seed's transaction, so the facts of seeded inspections and assessments are
 * gathered by the very queries `recordInspection` and `recordAssessment` use.
 */
function emOver(trx: Knex.Transaction): EntityManager {
  return { getTransactionContext: () => trx, getKnex: () => trx } as unknown as EntityManager;
}

const PATTERN = /^[NDL-]{7}$/;

/**
 * Every recorded day of a member's duty up to `lastDay`: from the usual week pattern, the named
 * weeks, and the weeks counted back from the current one, so a fresh start always has attendance
 * for the weeks just past.
 */
function attendanceDays(member: Member, lastDay: string): { date: string; mark: string }[] {
  const attendance = member.attendance;
  if (!attendance) return [];
  for (const pattern of [
    attendance.usual,
    ...Object.values(attendance.weeks ?? {}),
    ...Object.values(attendance.recent ?? {}),
  ])
    if (!PATTERN.test(pattern)) throw new Error(`teams.json: bad attendance pattern "${pattern}" of ${member.key}`);
  for (const monday of Object.keys(attendance.weeks ?? {}))
    if (weekOf(monday).start !== monday) throw new Error(`teams.json: ${monday} of ${member.key} is not a Monday`);
  const thisMonday = weekOf(todayInShanghai()).start;
  const recent = new Map(
    Object.entries(attendance.recent ?? {}).map(([offset, pattern]) => [
      addDays(thisMonday, 7 * Number(offset)),
      pattern,
    ]),
  );
  const last = member.status === 'ON_DUTY' || member.onDutyTo > lastDay ? lastDay : member.onDutyTo;
  const days: { date: string; mark: string }[] = [];
  for (let date = member.onDutyFrom; date <= last; date = addDays(date, 1)) {
    const monday = weekOf(date).start;
    const pattern = attendance.weeks?.[monday] ?? recent.get(monday) ?? attendance.usual;
    const mark = pattern[(new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7];
    if (mark !== '-') days.push({ date, mark });
  }
  return days;
}

/**
 * Resident teams (驻村工作队), their people, attendance, plans, inspections, vacancies and
 * assessments. Inspections and assessments are checked and scored by the rules the API applies
 * (`inspection.rules.ts`, `assessment.rules.ts`) over the facts the API's queries gather, so the
 * demo tells one story: a file whose inspector findings contradict the data is refused.
 */
export async function seedTeams(trx: Knex.Transaction, counts: SeedCounts): Promise<void> {
  const file = dataFile<TeamsFile>('teams.json');
  const em = emOver(trx);
  const today = todayInShanghai();
  for (const p of file.people) {
    await trx('person')
      .insert({
        id: seedId('person', p.key),
        name: p.name,
        gender: p.gender,
        party_member: p.partyMember,
        party_member_since: p.partyMemberSince ?? null,
        phone: p.phone,
        unit_id: seedId('provider', p.unit),
        post: p.post,
        source: DEMO,
      })
      .onConflict('id')
      .merge();
  }
  const people = new Map(file.people.map((p) => [p.key, p]));
  const members = new Map<string, Member>();
  const days: Record<string, unknown>[] = [];
  for (const team of file.teams) {
    const teamId = seedId('resident-team', team.key);
    await trx('resident_team')
      .insert({
        id: teamId,
        village_code: team.villageCode,
        term_start: team.termStart,
        term_end: team.termEnd,
        status: team.status,
        source: DEMO,
      })
      .onConflict('id')
      .merge();
    for (const unit of team.dispatchingUnits) {
      await trx('resident_team_unit')
        .insert({ team_id: teamId, unit_id: seedId('provider', unit), lead: unit === team.leadUnit })
        .onConflict(['team_id', 'unit_id'])
        .merge();
    }
    for (const member of team.members) {
      members.set(member.key, member);
      if (member.role === 'FIRST_SECRETARY' && !people.get(member.person)?.partyMember)
        throw new Error(`teams.json: first secretary ${member.key} is not a Party member`);
      const memberId = seedId('team-member', member.key);
      await trx('team_member')
        .insert({
          id: memberId,
          team_id: teamId,
          person_id: seedId('person', member.person),
          role: member.role,
          status: member.status,
          on_duty_from: member.onDutyFrom,
          on_duty_to: member.onDutyTo,
          party_transferred_on: member.partyTransferredOn ?? null,
          source: DEMO,
        })
        .onConflict('id')
        .merge();
      for (const { date, mark } of attendanceDays(member, addDays(today, -1))) {
        days.push({
          member_id: memberId,
          date,
          kind: mark === 'L' ? 'APPROVED_LEAVE' : 'ON_SITE',
          present_by_day: mark !== 'L',
          stayed_night: mark === 'N',
          location: mark === 'L' ? null : '村委会',
          note: mark === 'L' ? '经派出单位批准请假（示例）' : null,
          source: DEMO,
        });
      }
    }
  }
  for (let i = 0; i < days.length; i += 1000)
    await trx('attendance_day')
      .insert(days.slice(i, i + 1000))
      .onConflict(['member_id', 'date'])
      .merge();

  for (const plan of file.workPlans) {
    await trx('team_work_plan')
      .insert({
        id: seedId('team-work-plan', plan.key),
        team_id: seedId('resident-team', plan.team),
        year: plan.year,
        content: plan.content,
        submitted_at: `${plan.submittedOn}T10:00:00+08:00`,
        source: DEMO,
      })
      .onConflict('id')
      .merge(['team_id', 'year', 'content', 'submitted_at', 'source']);
  }

  let vacancies = 0;
  for (const inspection of file.inspections) {
    const teamId = seedId('resident-team', inspection.team);
    const computed = computeChecks(await inspectionFacts(em, teamId, inspection.date), inspection.date);
    const { checks, problems } = settleInspection(computed, inspection);
    if (problems.length)
      throw new Error(`teams.json: inspection ${inspection.key}: ${problems.map((p) => p.message).join('; ')}`);
    const id = seedId('team-inspection', inspection.key);
    const row: Record<string, unknown> = {
      id,
      team_id: teamId,
      date: inspection.date,
      inspector: inspection.inspector,
      consequence: inspection.consequence,
      member_id: inspection.member ? seedId('team-member', inspection.member) : null,
      consequence_note: inspection.consequenceNote ?? null,
      source: DEMO,
    };
    for (const check of checks) {
      const column = CHECK_COLUMNS[check.item];
      row[`${column}_passed`] = check.passed;
      row[`${column}_note`] = check.note;
      row[`${column}_computed`] = check.computed;
      row[`${column}_basis`] = check.basis;
    }
    await trx('team_inspection').insert(row).onConflict('id').merge();
    if (inspection.consequence === InspectionConsequence.RECALL) {
      const member = members.get(inspection.member ?? '');
      if (member?.status !== 'RECALLED' || member.onDutyTo !== inspection.date)
        throw new Error(
          `teams.json: recall ${inspection.key} needs member ${inspection.member} RECALLED with onDutyTo ${inspection.date}`,
        );
      // A recall opens a vacancy; the demo keeps it open (nobody has been dispatched yet).
      await trx('team_vacancy')
        .insert({
          id: seedId('team-vacancy', inspection.key),
          team_id: teamId,
          role: member.role,
          opened_on: inspection.date,
          inspection_id: id,
          recalled_member_id: seedId('team-member', member.key),
          source: DEMO,
        })
        .onConflict('id')
        .merge();
      vacancies++;
    }
  }

  for (const a of file.assessments) {
    const memberId = seedId('team-member', a.member);
    const rubric = await rubricFor(em, a.year);
    if (!rubric) throw new Error(`teams.json: no assessment rubric for ${a.year}`);
    const facts = await assessmentFacts(em, memberId, a.year, today);
    const adjustment = a.adjustment ?? '0';
    const computed = scoreYear(rubric, facts, '0');
    const problems = adjustmentProblems(rubric, computed.computedPoints, adjustment, a.adjustmentReason);
    if (!facts.assessedWeeks || problems.length)
      throw new Error(
        `teams.json: assessment ${a.key}: ${problems.map((p) => p.message).join('; ') || 'no full week'}`,
      );
    const score = scoreYear(rubric, facts, adjustment);
    const points = (criterion: string) => score.breakdown.find((line) => line.criterion === criterion)?.points ?? null;
    await trx('team_member_assessment')
      .insert({
        id: seedId('team-member-assessment', a.key),
        member_id: memberId,
        year: a.year,
        rubric_version: rubric.version,
        attendance_points: points('ATTENDANCE'),
        inspection_points: points('INSPECTIONS'),
        plan_points: points('WORK_PLAN'),
        computed_points: score.computedPoints,
        adjustment: score.adjustment,
        adjustment_reason: a.adjustmentReason ?? null,
        basis: JSON.stringify(score.breakdown),
        stars: score.stars,
        points: score.points,
        note: a.note ?? null,
        source: DEMO,
      })
      .onConflict('id')
      .merge();
  }
  counts.people = file.people.length;
  counts.residentTeams = file.teams.length;
  counts.teamMembers = members.size;
  counts.attendanceDays = days.length;
  counts.workPlans = file.workPlans.length;
  counts.inspections = file.inspections.length;
  counts.teamVacancies = vacancies;
  counts.assessments = file.assessments.length;
}
