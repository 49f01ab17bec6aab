import type { Knex } from '@mikro-orm/knex';
import { levelOfCode, prefixOfCode } from '../server/src/core/region-codes';
import { todayInShanghai } from '../server/src/core/dates';
import { idNumberProblem } from '../server/src/modules/monitoring/id-number';
import { amountToFen, fenToYuan, lineAmount } from '../server/src/modules/monitoring/monitoring-line';
import {
  assistanceTracks,
  categoryProblem,
  eliminationRefusals,
  Guard,
  noticeDates,
  noticeOver,
  planRefusals,
  transitionFor,
} from '../server/src/modules/monitoring/monitoring.rules';
import {
  GuaranteeItem,
  MonitoringAction,
  MonitoringCaseStatus,
  type LabourCapacity,
  type MeasureType,
  type MonitoringCategory,
  type NoticeKind,
  type RiskCause,
} from '../server/src/modules/monitoring/monitoring.enums';
import { dataFile, seedId, type SeedCounts } from './load';

/**
 * Loads `seeds/data/monitoring.json`: the two documented monitoring lines, notice periods, the
 * example households (all （示例）, synthetic ID numbers) with their cases, and the screening
 * cadence. Each case's steps are replayed through the workflow rules: a step the rules would
 * refuse (wrong order, a notice not yet over, a plan without a fitting measure, an elimination of
 * a household without labour or at the line) stops the seed with the case named, so the demo can
 * never show a story the platform itself would not allow. Idempotent like the other seed steps.
 */

interface LineRecord {
  regionCode: string;
  fromYear: number;
  toYear: number | null;
  baseAmount: string;
  annualGrowthPercent: string;
  source: string;
}

interface MemberRecord {
  name: string;
  idNumber: string;
  relation: string;
  labourCapacity: LabourCapacity;
  health: string;
  schooling: string;
  employment: string;
}

interface CaseRecord {
  category: MonitoringCategory;
  riskCauses: RiskCause[];
  discoverySource: string;
  reportedOn: string;
  incomeAtIdentification: string;
  /** [action, date, note?] in order. */
  steps: [MonitoringAction, string, string?][];
  plan?: {
    responsibleMember?: string;
    responsibleName?: string;
    responsiblePost?: string;
    responsibleUnit?: string;
    summary: string;
  };
  /** [type, startsOn, cost, fundSource, description] */
  measures?: [MeasureType, string, string, string, string][];
  /** [visitedOn, visitor, finding] */
  visits?: [string, string, string][];
}

interface HouseholdRecord {
  key: string;
  villageCode: string;
  address: string | null;
  liftedOutOfPoverty: boolean;
  members: MemberRecord[];
  incomes: { year: number; lines: [string, string][] }[];
  guarantees:
    | (Record<
        'food' | 'clothing' | 'compulsoryEducation' | 'basicMedical' | 'housingSafety' | 'drinkingWater',
        boolean
      > & {
        assessedOn: string;
      })
    | null;
  case: CaseRecord | null;
}

interface MonitoringFile {
  lines: LineRecord[];
  noticePeriods: { regionCode: string; kind: NoticeKind; days: number; source: string }[];
  households: HouseholdRecord[];
  screenings: {
    villageCode: string;
    from: string;
    to: string;
    missing: string[];
    day: number;
    householdsChecked: number;
  }[];
  townshipReviews: { townshipCode: string; year: number; quarters: number[]; day: number }[];
}

interface TeamsFile {
  people: { key: string; unit: string }[];
  teams: {
    villageCode: string;
    status: string;
    leadUnit: string;
    members: { key: string; person: string; status: string }[];
  }[];
}

const GUARANTEE_FIELDS: [GuaranteeItem, keyof NonNullable<HouseholdRecord['guarantees']>][] = [
  [GuaranteeItem.FOOD, 'food'],
  [GuaranteeItem.CLOTHING, 'clothing'],
  [GuaranteeItem.COMPULSORY_EDUCATION, 'compulsoryEducation'],
  [GuaranteeItem.BASIC_MEDICAL, 'basicMedical'],
  [GuaranteeItem.HOUSING_SAFETY, 'housingSafety'],
  [GuaranteeItem.DRINKING_WATER, 'drinkingWater'],
];

const monthsBetween = (from: string, to: string): string[] => {
  const months: string[] = [];
  for (
    let [y, m] = from.split('-').map(Number);
    `${y}-${String(m).padStart(2, '0')}` <= to;
    m === 12 ? (y++, (m = 1)) : m++
  )
    months.push(`${y}-${String(m).padStart(2, '0')}`);
  return months;
};

export async function seedMonitoring(trx: Knex.Transaction, counts: SeedCounts): Promise<void> {
  const file = dataFile<MonitoringFile>('monitoring.json');
  const teams = dataFile<TeamsFile>('teams.json');
  const today = todayInShanghai();

  for (const line of file.lines) {
    await trx('monitoring_line')
      .insert({
        region_code: line.regionCode,
        region_prefix: prefixOfCode(line.regionCode),
        from_year: line.fromYear,
        to_year: line.toYear,
        base_amount: line.baseAmount,
        annual_growth_percent: line.annualGrowthPercent,
        source: line.source,
      })
      .onConflict(['region_code', 'from_year'])
      .merge(['to_year', 'base_amount', 'annual_growth_percent', 'source']);
  }
  for (const period of file.noticePeriods) {
    await trx('monitoring_notice_period')
      .insert({
        region_code: period.regionCode,
        region_prefix: prefixOfCode(period.regionCode),
        kind: period.kind,
        days: period.days,
        source: period.source,
      })
      .onConflict(['region_code', 'kind'])
      .merge(['days', 'source']);
  }

  /** The rule data of the file, looked up as the platform does: the nearest region up the tree. */
  const lineOf = (villageCode: string, year: number) => {
    const rule = file.lines
      .filter(
        (l) => villageCode.startsWith(prefixOfCode(l.regionCode)) && year >= l.fromYear && (l.toYear ?? 9999) >= year,
      )
      .sort((a, b) => prefixOfCode(b.regionCode).length - prefixOfCode(a.regionCode).length)[0];
    return rule ? { year, amount: lineAmount({ baseYear: rule.fromYear, ...rule }, year) } : null;
  };
  const noticeDaysOf = (villageCode: string, kind: NoticeKind) =>
    file.noticePeriods
      .filter((p) => p.kind === kind && villageCode.startsWith(prefixOfCode(p.regionCode)))
      .sort((a, b) => prefixOfCode(b.regionCode).length - prefixOfCode(a.regionCode).length)[0]?.days;
  const unitOfPerson = new Map(teams.people.map((p) => [p.key, p.unit]));
  const memberOnDuty = (villageCode: string, key: string) =>
    teams.teams
      .filter((t) => t.villageCode === villageCode && t.status === 'ACTIVE')
      .flatMap((t) => t.members)
      .find((m) => m.key === key && m.status === 'ON_DUTY');
  const villageActor = (villageCode: string) => {
    const team = teams.teams.find((t) => t.villageCode === villageCode && t.status === 'ACTIVE');
    return team
      ? { actor_role: 'ASSISTANCE_UNIT', actor_region: null, actor_provider: seedId('provider', team.leadUnit) }
      : { actor_role: 'REGION_OFFICIAL', actor_region: villageCode, actor_provider: null };
  };
  const actorAt = (villageCode: string, level: string | null) =>
    level === 'TOWNSHIP'
      ? { actor_role: 'REGION_OFFICIAL', actor_region: villageCode.slice(0, 9).padEnd(12, '0'), actor_provider: null }
      : level === 'COUNTY'
        ? {
            actor_role: 'REGION_OFFICIAL',
            actor_region: villageCode.slice(0, 6).padEnd(12, '0'),
            actor_provider: null,
          }
        : villageActor(villageCode);

  let members = 0;
  let cases = 0;
  for (const household of file.households) {
    const fail = (message: string) => {
      throw new Error(`monitoring.json: household ${household.key}: ${message}`);
    };
    if (levelOfCode(household.villageCode) !== 'VILLAGE') fail('villageCode is not a village');
    if (household.members.filter((m) => m.relation === 'HEAD').length !== 1) fail('needs exactly one HEAD');
    const householdId = seedId('household', household.key);
    const g = household.guarantees;
    await trx('household')
      .insert({
        id: householdId,
        village_code: household.villageCode,
        address: household.address,
        lifted_out_of_poverty: household.liftedOutOfPoverty,
        guarantees_assessed_on: g?.assessedOn ?? null,
        food_secure: g?.food ?? null,
        clothing_secure: g?.clothing ?? null,
        education_secure: g?.compulsoryEducation ?? null,
        medical_secure: g?.basicMedical ?? null,
        housing_secure: g?.housingSafety ?? null,
        water_secure: g?.drinkingWater ?? null,
      })
      .onConflict('id')
      .merge();
    for (const [i, member] of household.members.entries()) {
      const problem = idNumberProblem(member.idNumber, today);
      if (problem || !member.idNumber.startsWith('999999') || !member.name.endsWith('（示例）'))
        fail(`member ${i} must be an example: name ending （示例）, synthetic ID number 999999… (${problem ?? 'ok'})`);
      await trx('household_member')
        .insert({
          id: seedId('household-member', `${household.key}/${i}`),
          household_id: householdId,
          name: member.name,
          id_number: member.idNumber,
          relation: member.relation,
          labour_capacity: member.labourCapacity,
          health: member.health,
          schooling: member.schooling,
          employment: member.employment,
        })
        .onConflict('id')
        .merge();
      members++;
    }
    for (const income of household.incomes) {
      for (const [source, amount] of income.lines) {
        await trx('household_income')
          .insert({ household_id: householdId, year: income.year, source, amount })
          .onConflict(['household_id', 'year', 'source'])
          .merge(['amount']);
      }
    }
    if (household.case) {
      await seedCase(trx, household, household.case, householdId, {
        fail,
        lineOf,
        noticeDaysOf,
        unitOfPerson,
        memberOnDuty,
        actorAt,
      });
      cases++;
    }
  }

  let screenings = 0;
  for (const s of file.screenings) {
    for (const month of monthsBetween(s.from, s.to)) {
      if (s.missing.includes(month)) continue;
      await trx('monitoring_screening')
        .insert({
          village_code: s.villageCode,
          month: `${month}-01`,
          screened_on: `${month}-${String(s.day).padStart(2, '0')}`,
          households_checked: s.householdsChecked,
          note: '月度摸排（示例）',
        })
        .onConflict(['village_code', 'month'])
        .merge(['screened_on', 'households_checked', 'note']);
      screenings++;
    }
  }
  let reviews = 0;
  for (const r of file.townshipReviews) {
    for (const quarter of r.quarters) {
      // Reviewed early in the month after the quarter.
      const month = quarter * 3 + 1;
      const reviewedOn =
        month > 12
          ? `${r.year + 1}-01-${String(r.day).padStart(2, '0')}`
          : `${r.year}-${String(month).padStart(2, '0')}-${String(r.day).padStart(2, '0')}`;
      await trx('monitoring_township_review')
        .insert({
          township_code: r.townshipCode,
          year: r.year,
          quarter,
          reviewed_on: reviewedOn,
          note: '季度审核（示例）',
        })
        .onConflict(['township_code', 'year', 'quarter'])
        .merge(['reviewed_on', 'note']);
      reviews++;
    }
  }

  counts.monitoringLines = file.lines.length;
  counts.noticePeriods = file.noticePeriods.length;
  counts.households = file.households.length;
  counts.householdMembers = members;
  counts.monitoringCases = cases;
  counts.villageScreenings = screenings;
  counts.townshipReviews = reviews;
}

interface CaseHelpers {
  fail: (message: string) => never;
  lineOf: (villageCode: string, year: number) => { year: number; amount: string } | null;
  noticeDaysOf: (villageCode: string, kind: NoticeKind) => number | undefined;
  unitOfPerson: Map<string, string>;
  memberOnDuty: (villageCode: string, key: string) => { person: string } | undefined;
  actorAt: (villageCode: string, level: string | null) => Record<string, string | null>;
}

async function seedCase(
  trx: Knex.Transaction,
  household: HouseholdRecord,
  record: CaseRecord,
  householdId: string,
  h: CaseHelpers,
): Promise<void> {
  const caseId = seedId('monitoring-case', household.key);
  const problem = categoryProblem(record.category, household.liftedOutOfPoverty);
  if (problem) h.fail(problem);
  const labour = household.members.map((m) => m.labourCapacity);
  const measureTypes = (record.measures ?? []).map((m) => m[0]);
  const latest = [...household.incomes].sort((a, b) => b.year - a.year)[0];
  const g = household.guarantees;
  const eliminationFacts = {
    labour,
    latestIncome: latest
      ? {
          year: latest.year,
          totalAmount: fenToYuan(latest.lines.reduce((sum, [, amount]) => sum + amountToFen(amount), 0n)),
        }
      : null,
    line: latest ? h.lineOf(household.villageCode, latest.year) : null,
    unsecured: g ? GUARANTEE_FIELDS.filter(([, field]) => !g[field]).map(([item]) => item) : null,
  };

  let status = MonitoringCaseStatus.REPORTED;
  let notice: { kind: NoticeKind; startsOn: string; endsOn: string } | null = null;
  const dates: Record<string, string | null> = { confirmed_on: null, eliminated_on: null, rejected_on: null };
  let closingReason: string | null = null;
  let previous = record.reportedOn;
  const steps: Record<string, unknown>[] = [
    {
      case_id: caseId,
      action: MonitoringAction.REPORT,
      from_status: null,
      to_status: status,
      level: null,
      taken_on: record.reportedOn,
      ...h.actorAt(household.villageCode, null),
      actor_subject: 'seed',
      note: null,
    },
  ];
  for (const [action, on, note] of record.steps) {
    if (on < previous) h.fail(`step ${action} on ${on} comes before ${previous}`);
    previous = on;
    const next = transitionFor(action, status, notice?.kind ?? null);
    if ('refusal' in next) h.fail(next.refusal);
    const { transition } = next as Exclude<typeof next, { refusal: string }>;
    if (transition.guards.includes(Guard.NOTE) && !note) h.fail(`${action} needs a note`);
    if (transition.guards.includes(Guard.NOTICE_OVER) && !noticeOver(notice!, on))
      h.fail(`${action} on ${on} comes before the notice ends on ${notice!.endsOn}`);
    if (transition.guards.includes(Guard.PLAN_READY)) {
      const refusals = planRefusals(
        record.plan ? { hasResponsiblePerson: true, measureTypes } : null,
        assistanceTracks(record.category, record.riskCauses, labour),
      );
      if (refusals.length) h.fail(refusals.join('; '));
    }
    if (transition.guards.includes(Guard.ELIMINATION_RULES)) {
      const refusals = eliminationRefusals(eliminationFacts);
      if (refusals.length) h.fail(refusals.join('; '));
    }
    let posted: { startsOn: string; endsOn: string } | null = null;
    if (transition.opensNotice) {
      const days = h.noticeDaysOf(household.villageCode, transition.opensNotice);
      if (!days) h.fail(`no ${transition.opensNotice} notice period for ${household.villageCode}`);
      posted = noticeDates(on, days!);
      notice = { kind: transition.opensNotice, ...posted };
    }
    if (transition.to === MonitoringCaseStatus.CONFIRMED) dates.confirmed_on = on;
    if (transition.to === MonitoringCaseStatus.RISK_ELIMINATED) dates.eliminated_on = on;
    if (transition.to === MonitoringCaseStatus.REJECTED) dates.rejected_on = on;
    if (transition.to === MonitoringCaseStatus.REJECTED || transition.to === MonitoringCaseStatus.RISK_ELIMINATED)
      closingReason = note ?? null;
    steps.push({
      case_id: caseId,
      action,
      from_status: status,
      to_status: transition.to,
      level: transition.level,
      taken_on: on,
      ...h.actorAt(household.villageCode, transition.level),
      actor_subject: 'seed',
      note: note ?? null,
      notice_starts_on: posted?.startsOn ?? null,
      notice_ends_on: posted?.endsOn ?? null,
    });
    status = transition.to;
  }

  await trx('monitoring_case')
    .insert({
      id: caseId,
      household_id: householdId,
      village_code: household.villageCode,
      category: record.category,
      risk_causes: record.riskCauses,
      discovery_source: record.discoverySource,
      reported_on: record.reportedOn,
      income_at_identification: record.incomeAtIdentification,
      status,
      notice_kind: notice?.kind ?? null,
      notice_starts_on: notice?.startsOn ?? null,
      notice_ends_on: notice?.endsOn ?? null,
      ...dates,
      closing_reason: closingReason,
    })
    .onConflict('id')
    .merge();
  // Steps have no key of their own: a re-run replaces the case's history with the file's.
  await trx('monitoring_case_step').where({ case_id: caseId }).delete();
  await trx('monitoring_case_step').insert(steps);

  if (record.plan) {
    const p = record.plan;
    let unit: string | null = p.responsibleUnit ? seedId('provider', p.responsibleUnit) : null;
    if (p.responsibleMember) {
      const member = h.memberOnDuty(household.villageCode, p.responsibleMember);
      if (!member) h.fail(`responsible member ${p.responsibleMember} is not on duty in the village`);
      unit = seedId('provider', h.unitOfPerson.get(member!.person)!);
    }
    await trx('monitoring_plan')
      .insert({
        case_id: caseId,
        responsible_member_id: p.responsibleMember ? seedId('team-member', p.responsibleMember) : null,
        responsible_name: p.responsibleMember ? null : p.responsibleName,
        responsible_post: p.responsibleMember ? null : (p.responsiblePost ?? null),
        responsible_unit_id: unit,
        summary: p.summary,
      })
      .onConflict('case_id')
      .merge();
  }
  for (const [i, [type, startsOn, cost, fundSource, description]] of (record.measures ?? []).entries()) {
    await trx('monitoring_measure')
      .insert({
        id: seedId('monitoring-measure', `${household.key}/${i}`),
        case_id: caseId,
        type,
        starts_on: startsOn,
        cost,
        fund_source: fundSource,
        description,
      })
      .onConflict('id')
      .merge();
  }
  for (const [i, [visitedOn, visitor, finding]] of (record.visits ?? []).entries()) {
    if (visitedOn < record.reportedOn) h.fail(`visit ${i} comes before the report`);
    await trx('monitoring_visit')
      .insert({
        id: seedId('monitoring-visit', `${household.key}/${i}`),
        case_id: caseId,
        visited_on: visitedOn,
        visitor,
        finding,
        recorded_by_role: 'REGION_OFFICIAL',
      })
      .onConflict('id')
      .merge();
  }
}
