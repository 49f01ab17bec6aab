import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../core/context';
import type { Viewer } from '../../core/auth/viewer';
import { badInput, conflict, notFound } from '../../core/errors';
import { and, inList, query, type SqlFragment } from '../../core/sql';
import { readPage, type ConnectionData, type PageInput } from '../../core/relay/connection';
import { keysetPage } from '../../core/relay/keyset-page';
import { isUuid, uuidKeyFromInput } from '../../core/relay/global-id';
import { prefixOfCode } from '../../core/region-codes';
import { addDays, todayInShanghai } from '../../core/dates';
import { regionCodeArg } from '../regions/region.service';
import { villageCodeFromId } from '../villages/village.service';
import { monitoringCasePolicy } from './monitoring-case.policy';
import type { MonitoringPlace } from './household.policy';
import { amountArg, householdService, notFuture } from './household.service';
import { householdsWhere, incomeTotalsOf, labourOf, type IncomeTotalRow } from './household.repository';
import {
  CASE_COLUMNS,
  casesWhere,
  insertStep,
  lockCase,
  measuresOf,
  plansOf,
  stepsOf,
  visitsOf,
  type CaseRow,
} from './monitoring-case.repository';
import {
  AssistanceTrack,
  LabourCapacity,
  MonitoringAction,
  MonitoringCaseStatus as S,
  NoticeKind,
} from './monitoring.enums';
import {
  assistanceTracks,
  categoryProblem,
  CLOSED_STATUSES,
  eliminationRefusals,
  Guard,
  noticeDates,
  noticeOver,
  perCapitaFen,
  planRefusals,
  transitionFor,
  type EliminationFacts,
} from './monitoring.rules';
import { amountToFen, fenToYuan } from './monitoring-line';
import {
  EliminationCheckType,
  FollowUpVisitType,
  HouseholdIncomeSummaryType,
  MonitoringCaseNode,
  MonitoringMeasureType,
  MonitoringPlanType,
  MonitoringStepType,
  type MonitoringCaseFilter,
} from './monitoring.types';
import { HouseholdGuaranteesType } from './household.types';
import type {
  AddMonitoringMeasureInput,
  AdvanceMonitoringCaseInput,
  RecordFollowUpVisitInput,
  ReportMonitoringCaseInput,
  SetMonitoringPlanInput,
} from './monitoring.inputs';
import { appendMonitoringEvent, MonitoringChange } from './monitoring.events';
import { linesFor, monitoringSettingsService } from './monitoring-settings.service';

export const OPEN_CASE_EXISTS = 'The household already has an open monitoring case (一户同时只有一个在监测的案件)';

const CASE_SORT = [
  { expr: 'c.reported_on', direction: 'desc' as const },
  { expr: 'c.id', direction: 'desc' as const },
];

const scopeOf = (viewer: Viewer) =>
  monitoringCasePolicy.readable(viewer, { villageCode: 'c.village_code', householdId: 'c.household_id' });

/** Statuses in which the case has a plan being carried out (after county confirmation, before closing). */
const PLANNED_STATUSES: readonly S[] = [S.CONFIRMED, S.ASSISTING, S.ELIMINATION_PROPOSED, S.IN_NOTICE];

function actorOf(viewer: Viewer) {
  return {
    actorRole: viewer.role,
    actorRegion: viewer.regionCode ?? null,
    actorProvider: viewer.providerId ?? null,
    actorSubject: viewer.subject ?? null,
  };
}

function toSummary(row: IncomeTotalRow, line: { amount: string } | null): Omit<HouseholdIncomeSummaryType, 'line'> {
  const total = amountToFen(row.total);
  return {
    year: row.year,
    totalAmount: fenToYuan(total),
    members: row.members,
    perCapita: fenToYuan(perCapitaFen(total, row.members)),
    aboveLine: line ? total > amountToFen(line.amount) * BigInt(row.members) : null,
  };
}

interface Place {
  household: string;
  village: string;
}

const placeOfKey = (key: string): Place => {
  const [household, village] = key.split('|');
  return { household, village };
};

/**
 * What the elimination rules look at, for many households in four statements run one after
 * another (inside a step's transaction they share its one connection, and see what it locked).
 */
async function eliminationFactsOf(em: EntityManager, places: readonly Place[]): Promise<EliminationFacts[]> {
  const keys = places.map((p) => p.household);
  const labour = await labourOf(em, keys);
  const latest = await incomeTotalsOf(em, keys, null);
  const households = await householdsWhere(em, inList('h.id', keys));
  const village = new Map(places.map((p) => [p.household, p.village]));
  const lines = await linesFor(
    em,
    latest.map((t) => ({ code: village.get(t.household_id)!, year: t.year })),
  );
  return places.map((place) => {
    const income = latest.find((t) => t.household_id === place.household);
    const line = income ? lines.get(`${place.village}:${income.year}`) : undefined;
    const household = households.find((h) => h.id === place.household);
    const guarantees = household ? HouseholdGuaranteesType.from(household) : null;
    return {
      labour: labour.filter((l) => l.household_id === place.household).map((l) => l.labour_capacity),
      latestIncome: income ? { year: income.year, totalAmount: income.total } : null,
      line: line ? { year: line.year, amount: line.amount } : null,
      unsecured: guarantees ? guarantees.unsecured : null,
    };
  });
}

export class MonitoringCaseService {
  async findByKeys(ctx: Context, keys: readonly string[]): Promise<(MonitoringCaseNode | null)[]> {
    const today = todayInShanghai();
    const rows = await casesWhere(ctx.em, and(inList('c.id', keys), scopeOf(ctx.viewer)));
    const byKey = new Map(rows.map((row) => [row.id, MonitoringCaseNode.from(row, today)]));
    return keys.map((key) => byKey.get(key) ?? null);
  }

  /** A case the viewer may see, or null (absent, hidden and malformed keys look the same). */
  byKey(ctx: Context, key: string): Promise<MonitoringCaseNode | null> {
    if (!isUuid(key)) return Promise.resolve(null);
    return ctx.loaders
      .get<string, MonitoringCaseNode | null>('monitoringCase.byKey', (keys) => this.findByKeys(ctx, keys))
      .load(key.toLowerCase());
  }

  async require(ctx: Context, id: string, field = 'caseId'): Promise<MonitoringCaseNode> {
    const found = await this.byKey(ctx, uuidKeyFromInput(id, ['MonitoringCase'], field));
    if (!found) throw notFound('Monitoring case not found', field);
    return found;
  }

  /** `monitoringCases(filter)`: newest report first. */
  list(
    ctx: Context,
    filter: MonitoringCaseFilter | undefined | null,
    args: PageInput,
  ): Promise<ConnectionData<MonitoringCaseNode>> {
    const page = readPage(args);
    const today = todayInShanghai();
    const parts: SqlFragment[] = [scopeOf(ctx.viewer)];
    if (filter?.regionCode)
      parts.push({
        sql: 'c.village_code LIKE ?',
        bindings: [`${prefixOfCode(regionCodeArg(filter.regionCode, 'filter.regionCode'))}%`],
      });
    if (filter?.villageId)
      parts.push({ sql: 'c.village_code = ?', bindings: [villageCodeFromId(filter.villageId, 'filter.villageId')] });
    if (filter?.householdId)
      parts.push({
        sql: 'c.household_id = ?',
        bindings: [uuidKeyFromInput(filter.householdId, ['Household'], 'filter.householdId')],
      });
    if (filter?.category) parts.push({ sql: 'c.category = ?', bindings: [filter.category] });
    if (filter?.status) parts.push({ sql: 'c.status = ?', bindings: [filter.status] });
    if (filter?.riskCause) parts.push({ sql: '? = ANY (c.risk_causes)', bindings: [filter.riskCause] });
    if (filter?.open !== undefined && filter.open !== null)
      parts.push({ sql: `c.status ${filter.open ? 'NOT ' : ''}IN ('RISK_ELIMINATED','REJECTED')`, bindings: [] });
    if (filter?.noticeOverdue !== undefined && filter.noticeOverdue !== null)
      parts.push({
        sql: `${filter.noticeOverdue ? '' : 'NOT '}(c.status = 'IN_NOTICE' AND c.notice_ends_on < ?::date)`,
        bindings: [today],
      });
    return keysetPage<CaseRow, MonitoringCaseNode>(ctx, {
      columns: CASE_COLUMNS,
      from: 'monitoring_case c',
      where: and(...parts),
      sort: CASE_SORT,
      page,
      cursorOf: (row) => [row.reported_on, row.id],
      toNode: (row) => MonitoringCaseNode.from(row, today),
    });
  }

  /** `Household.cases`: every case of the requested households, newest first, in one statement. */
  ofHousehold(ctx: Context, householdKey: string): Promise<MonitoringCaseNode[]> {
    const today = todayInShanghai();
    const loader = ctx.loaders.get<string, MonitoringCaseNode[]>('monitoringCase.ofHousehold', async (keys) => {
      const rows = await casesWhere(
        ctx.em,
        and(inList('c.household_id', keys), scopeOf(ctx.viewer)),
        'ORDER BY c.reported_on DESC, c.id DESC',
      );
      return keys.map((key) =>
        rows.filter((row) => row.household_id === key).map((row) => MonitoringCaseNode.from(row, today)),
      );
    });
    return loader.load(householdKey);
  }

  steps(ctx: Context, caseKey: string): Promise<MonitoringStepType[]> {
    const today = todayInShanghai();
    return ctx.loaders
      .get<string, MonitoringStepType[]>('monitoringCase.steps', async (keys) => {
        const rows = await stepsOf(ctx.em, keys);
        return keys.map((key) =>
          rows.filter((row) => row.case_id === key).map((row) => MonitoringStepType.from(row, today)),
        );
      })
      .load(caseKey);
  }

  plan(ctx: Context, caseKey: string): Promise<MonitoringPlanType | null> {
    return ctx.loaders
      .get<string, MonitoringPlanType | null>('monitoringCase.plan', async (keys) => {
        const rows = await plansOf(ctx.em, keys);
        const byCase = new Map(rows.map((row) => [row.case_id, MonitoringPlanType.from(row)]));
        return keys.map((key) => byCase.get(key) ?? null);
      })
      .load(caseKey);
  }

  measures(ctx: Context, caseKey: string): Promise<MonitoringMeasureType[]> {
    return ctx.loaders
      .get<string, MonitoringMeasureType[]>('monitoringCase.measures', async (keys) => {
        const rows = await measuresOf(ctx.em, keys);
        return keys.map((key) => rows.filter((row) => row.case_id === key).map(MonitoringMeasureType.from));
      })
      .load(caseKey);
  }

  visits(ctx: Context, caseKey: string): Promise<FollowUpVisitType[]> {
    return ctx.loaders
      .get<string, FollowUpVisitType[]>('monitoringCase.visits', async (keys) => {
        const rows = await visitsOf(ctx.em, keys);
        return keys.map((key) => rows.filter((row) => row.case_id === key).map(FollowUpVisitType.from));
      })
      .load(caseKey);
  }

  private labour(ctx: Context, householdKey: string): Promise<LabourCapacity[]> {
    return ctx.loaders
      .get<string, LabourCapacity[]>('monitoring.labour', async (keys) => {
        const rows = await labourOf(ctx.em, keys);
        return keys.map((key) => rows.filter((row) => row.household_id === key).map((row) => row.labour_capacity));
      })
      .load(householdKey);
  }

  /** `MonitoringCase.assistanceTracks`: by category, causes and the household's labour (004). */
  async tracks(ctx: Context, found: MonitoringCaseNode): Promise<AssistanceTrack[]> {
    return assistanceTracks(found.category, found.riskCauses, await this.labour(ctx, found.householdKey));
  }

  /**
   * `Household.incomeSummary(year)`: that year's (or the latest year's) income against the line.
   * One batch per request and year runs a fixed two statements (totals, then the lines of the
   * years found): a field that awaited one shared loader before calling another would batch
   * differently from run to run, as sibling fields resolve in a different order.
   */
  incomeSummary(
    ctx: Context,
    householdKey: string,
    villageCode: string,
    year: number | null,
  ): Promise<HouseholdIncomeSummaryType | null> {
    return ctx.loaders
      .get<string, HouseholdIncomeSummaryType | null>(`monitoring.incomeSummary:${year ?? 'latest'}`, async (keys) => {
        const places = keys.map(placeOfKey);
        const totals = await incomeTotalsOf(
          ctx.em,
          places.map((p) => p.household),
          year,
        );
        const village = new Map(places.map((p) => [p.household, p.village]));
        const lines = await linesFor(
          ctx.em,
          totals.map((t) => ({ code: village.get(t.household_id)!, year: t.year })),
        );
        return places.map((place) => {
          const row = totals.find((t) => t.household_id === place.household);
          if (!row) return null;
          const line = lines.get(`${place.village}:${row.year}`) ?? null;
          return { ...toSummary(row, line), line };
        });
      })
      .load(`${householdKey}|${villageCode}`);
  }

  /** `MonitoringCase.eliminationCheck`: the elimination rules applied to the household as it stands. */
  async eliminationCheck(ctx: Context, found: MonitoringCaseNode): Promise<EliminationCheckType> {
    const facts = await ctx.loaders
      .get<string, EliminationFacts>('monitoring.eliminationFacts', (keys) =>
        eliminationFactsOf(ctx.em, keys.map(placeOfKey)),
      )
      .load(`${found.householdKey}|${found.villageCode}`);
    const refusals = eliminationRefusals(facts);
    return { allowed: refusals.length === 0, refusals };
  }

  /** `reportMonitoringCase`: a new case REPORTED; a household has one open case at a time. */
  async report(ctx: Context, input: ReportMonitoringCaseInput): Promise<MonitoringCaseNode> {
    const household = await householdService.require(ctx, input.householdId);
    monitoringCasePolicy.requireWrite(ctx.viewer, await householdService.place(ctx, household.villageCode));
    const problem = categoryProblem(input.category, household.liftedOutOfPoverty);
    if (problem) throw badInput('category', problem);
    notFuture(input.reportedOn, 'reportedOn');
    if (input.reportedOn < '2021-01-01')
      throw badInput('reportedOn', 'reportedOn must be in the transition period, from 2021-01-01 (过渡期)');
    amountArg(input.incomeAtIdentification, 'incomeAtIdentification');
    const causes = [...new Set(input.riskCauses)];
    const key = await ctx.em.transactional(async (em) => {
      const [open] = await query(
        em,
        `SELECT 1 FROM monitoring_case WHERE household_id = ? AND status NOT IN ('RISK_ELIMINATED','REJECTED')`,
        [household.key],
      );
      if (open) throw conflict(OPEN_CASE_EXISTS, ['householdId']);
      const [row] = await query<{ id: string }>(
        em,
        `INSERT INTO monitoring_case (household_id, village_code, category, risk_causes, discovery_source, reported_on,
           income_at_identification, status)
         VALUES (?, ?, ?, ?::text[], ?, ?, ?, 'REPORTED') RETURNING id`,
        [
          household.key,
          household.villageCode,
          input.category,
          causes,
          input.discoverySource,
          input.reportedOn,
          input.incomeAtIdentification,
        ],
      );
      await insertStep(em, {
        caseId: row.id,
        action: MonitoringAction.REPORT,
        from: null,
        to: S.REPORTED,
        level: null,
        takenOn: todayInShanghai(),
        ...actorOf(ctx.viewer),
        note: input.note ?? null,
        notice: null,
      });
      await appendMonitoringEvent(em, {
        change: MonitoringChange.STEP,
        caseId: row.id,
        householdId: household.key,
        villageCode: household.villageCode,
        action: MonitoringAction.REPORT,
        from: null,
        to: S.REPORTED,
        responsibleUnitId: null,
      });
      return row.id;
    });
    ctx.events.announce();
    return this.fresh(ctx, key);
  }

  /**
   * `advanceMonitoringCase`: the next step of the workflow, by the level that owns it, with its
   * guards (notice over, plan ready, elimination rules) checked on the case row locked in the
   * step's transaction, so two racing steps cannot both apply.
   */
  async advance(ctx: Context, input: AdvanceMonitoringCaseInput): Promise<MonitoringCaseNode> {
    const found = await this.require(ctx, input.caseId);
    const place = await householdService.place(ctx, found.villageCode);
    monitoringCasePolicy.requireWrite(ctx.viewer, place);
    const next = transitionFor(input.action, found.status, found.notice?.kind ?? null);
    if ('refusal' in next) throw conflict(next.refusal, ['action']);
    const { transition } = next;
    monitoringCasePolicy.requireStep(ctx.viewer, place, transition.level, input.action);
    const note = input.note?.trim() || null;
    if (transition.guards.includes(Guard.NOTE) && !note)
      throw badInput('note', `${input.action} needs a note giving the reason or the finding`);
    const today = todayInShanghai();
    await ctx.em.transactional(async (em) => {
      const row = await lockCase(em, found.key);
      if (!row || row.status !== found.status || row.notice_kind !== (found.notice?.kind ?? null))
        throw conflict('The case changed meanwhile; read it again', ['caseId']);
      await this.checkGuards(em, row, transition.guards, input.action, today);
      let notice: { startsOn: string; endsOn: string } | null = null;
      if (transition.opensNotice) {
        const period = await monitoringSettingsService.noticePeriod(em, row.village_code, transition.opensNotice);
        if (!period)
          throw conflict(
            `No ${transition.opensNotice} notice period is set for this village’s region (未设定公示期): set one with setMonitoringNoticePeriod`,
            ['action'],
          );
        notice = noticeDates(today, period.days);
      }
      await query(
        em,
        `UPDATE monitoring_case SET status = ?,
           notice_kind = coalesce(?, notice_kind), notice_starts_on = coalesce(?::date, notice_starts_on),
           notice_ends_on = coalesce(?::date, notice_ends_on),
           confirmed_on = CASE WHEN ? THEN ?::date ELSE confirmed_on END,
           eliminated_on = CASE WHEN ? THEN ?::date ELSE eliminated_on END,
           rejected_on = CASE WHEN ? THEN ?::date ELSE rejected_on END,
           closing_reason = CASE WHEN ? THEN ? ELSE closing_reason END,
           updated_at = now()
         WHERE id = ?`,
        [
          transition.to,
          transition.opensNotice ?? null,
          notice?.startsOn ?? null,
          notice?.endsOn ?? null,
          transition.to === S.CONFIRMED,
          today,
          transition.to === S.RISK_ELIMINATED,
          today,
          transition.to === S.REJECTED,
          today,
          CLOSED_STATUSES.includes(transition.to),
          note,
          row.id,
        ],
      );
      await insertStep(em, {
        caseId: row.id,
        action: input.action,
        from: row.status,
        to: transition.to,
        level: transition.level,
        takenOn: today,
        ...actorOf(ctx.viewer),
        note,
        notice,
      });
      await this.appendEvent(em, row, MonitoringChange.STEP, input.action, transition.to);
    });
    ctx.events.announce();
    return this.fresh(ctx, found.key);
  }

  private async checkGuards(
    em: EntityManager,
    row: CaseRow,
    guards: readonly Guard[],
    action: MonitoringAction,
    today: string,
  ): Promise<void> {
    if (guards.includes(Guard.NOTICE_OVER)) {
      const notice = { startsOn: row.notice_starts_on!, endsOn: row.notice_ends_on! };
      if (!noticeOver(notice, today))
        throw conflict(
          `The notice runs through ${notice.endsOn}; ${action} is possible from ${addDays(notice.endsOn, 1)} (公示期未满，不得跳过公示)`,
          ['action'],
        );
    }
    if (guards.includes(Guard.PLAN_READY)) {
      const [plan] = await plansOf(em, [row.id]);
      const measures = await measuresOf(em, [row.id]);
      const labour = await labourOf(em, [row.household_id]);
      const tracks = assistanceTracks(
        row.category,
        row.risk_causes,
        labour.map((l) => l.labour_capacity),
      );
      const refusals = planRefusals(
        plan ? { hasResponsiblePerson: true, measureTypes: measures.map((m) => m.type) } : null,
        tracks,
      );
      if (refusals.length) throw conflict(`Assistance cannot start: ${refusals.join('; ')}`, ['action']);
    }
    if (guards.includes(Guard.ELIMINATION_RULES)) {
      const [facts] = await eliminationFactsOf(em, [{ household: row.household_id, village: row.village_code }]);
      const refusals = eliminationRefusals(facts);
      if (refusals.length) throw conflict(`风险消除 refused: ${refusals.join('; ')}`, ['action']);
    }
  }

  private async appendEvent(
    em: EntityManager,
    row: CaseRow,
    change: MonitoringChange,
    action: MonitoringAction | null,
    to: S,
  ): Promise<void> {
    const [plan] = await plansOf(em, [row.id]);
    await appendMonitoringEvent(em, {
      change,
      caseId: row.id,
      householdId: row.household_id,
      villageCode: row.village_code,
      action,
      from: action ? row.status : to,
      to,
      responsibleUnitId: plan?.responsible_unit_id ?? null,
    });
  }

  /** A case the viewer may change, and its place; the status must allow a plan. */
  private async requirePlanned(
    ctx: Context,
    caseId: string,
  ): Promise<{ found: MonitoringCaseNode; place: MonitoringPlace }> {
    const found = await this.require(ctx, caseId);
    const place = await householdService.place(ctx, found.villageCode);
    monitoringCasePolicy.requireWrite(ctx.viewer, place);
    if (
      !PLANNED_STATUSES.includes(found.status) ||
      (found.status === S.IN_NOTICE && found.notice?.kind !== NoticeKind.ELIMINATION)
    )
      throw conflict(
        `A plan and its measures belong to a case confirmed by the county and not closed; this one is ${found.status}`,
        ['caseId'],
      );
    return { found, place };
  }

  /** `setMonitoringPlan`: the responsible person (结对帮扶责任人) and the plan in words. */
  async setPlan(ctx: Context, input: SetMonitoringPlanInput): Promise<MonitoringCaseNode> {
    const { found } = await this.requirePlanned(ctx, input.caseId);
    const byMember = Boolean(input.responsibleMemberId);
    if (byMember === Boolean(input.responsibleName?.trim()))
      throw badInput(
        ['responsibleMemberId', 'responsibleName'],
        'Name the responsible person either as a team member (responsibleMemberId) or as a cadre (responsibleName)',
      );
    if (byMember && (input.responsibleUnitId || input.responsiblePost))
      throw badInput(
        'responsibleUnitId',
        'A team member’s unit and post are their own; leave responsibleUnitId and responsiblePost out',
      );
    const memberKey = byMember
      ? uuidKeyFromInput(input.responsibleMemberId!, ['TeamMember'], 'responsibleMemberId')
      : null;
    let unitKey = input.responsibleUnitId
      ? uuidKeyFromInput(input.responsibleUnitId, ['AssistanceUnit'], 'responsibleUnitId')
      : null;
    await ctx.em.transactional(async (em) => {
      if (memberKey) {
        const [member] = await query<{ unit_id: string }>(
          em,
          `SELECT p.unit_id FROM team_member tm JOIN resident_team t ON t.id = tm.team_id JOIN person p ON p.id = tm.person_id
           WHERE tm.id = ? AND tm.status = 'ON_DUTY' AND t.village_code = ?`,
          [memberKey, found.villageCode],
        );
        if (!member)
          throw badInput(
            'responsibleMemberId',
            'responsibleMemberId must be a resident-team member on duty in the household’s village',
          );
        unitKey = member.unit_id;
      } else if (unitKey) {
        const [unit] = await query(em, `SELECT 1 FROM provider WHERE id = ? AND type = 'ASSISTANCE_UNIT'`, [unitKey]);
        if (!unit) throw badInput('responsibleUnitId', 'responsibleUnitId must be an assistance unit (帮扶单位)');
      }
      await query(
        em,
        `INSERT INTO monitoring_plan (case_id, responsible_member_id, responsible_name, responsible_post, responsible_unit_id, summary)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (case_id) DO UPDATE SET responsible_member_id = excluded.responsible_member_id,
           responsible_name = excluded.responsible_name, responsible_post = excluded.responsible_post,
           responsible_unit_id = excluded.responsible_unit_id, summary = excluded.summary, updated_at = now()`,
        [
          found.key,
          memberKey,
          memberKey ? null : input.responsibleName!.trim(),
          memberKey ? null : input.responsiblePost?.trim() || null,
          unitKey,
          input.summary?.trim() || null,
        ],
      );
      const row = (await lockCase(em, found.key))!;
      await this.appendEvent(em, row, MonitoringChange.PLAN, null, row.status);
    });
    ctx.events.announce();
    return this.fresh(ctx, found.key);
  }

  /** `addMonitoringMeasure`: a measure with its exact cost and fund source. */
  async addMeasure(ctx: Context, input: AddMonitoringMeasureInput): Promise<MonitoringCaseNode> {
    const { found } = await this.requirePlanned(ctx, input.caseId);
    amountArg(input.cost, 'cost');
    const latest = addDays(todayInShanghai(), 366);
    if (input.startsOn < found.reportedOn || input.startsOn > latest)
      throw badInput('startsOn', `startsOn must be between the report date ${found.reportedOn} and ${latest}`);
    await ctx.em.transactional(async (em) => {
      await query(
        em,
        `INSERT INTO monitoring_measure (case_id, type, description, starts_on, cost, fund_source) VALUES (?, ?, ?, ?, ?, ?)`,
        [found.key, input.type, input.description?.trim() || null, input.startsOn, input.cost, input.fundSource],
      );
      const row = (await lockCase(em, found.key))!;
      await this.appendEvent(em, row, MonitoringChange.MEASURE, null, row.status);
    });
    ctx.events.announce();
    return this.fresh(ctx, found.key);
  }

  /** `recordFollowUpVisit`: by the village's levels or the household's pairing unit; any status but REJECTED. */
  async recordVisit(ctx: Context, input: RecordFollowUpVisitInput): Promise<MonitoringCaseNode> {
    const found = await this.require(ctx, input.caseId);
    const place = await householdService.place(ctx, found.villageCode);
    const plan = await this.plan(ctx, found.key);
    monitoringCasePolicy.requireVisit(ctx.viewer, {
      ...place,
      responsibleUnitId: plan?.responsibleUnitKey ?? null,
    });
    if (found.status === S.REJECTED)
      throw conflict('The case was rejected; visits belong to monitored households', ['caseId']);
    notFuture(input.visitedOn, 'visitedOn');
    if (input.visitedOn < found.reportedOn)
      throw badInput('visitedOn', `visitedOn must not be before the report date ${found.reportedOn}`);
    await ctx.em.transactional(async (em) => {
      await query(
        em,
        `INSERT INTO monitoring_visit (case_id, visited_on, visitor, finding, recorded_by_role) VALUES (?, ?, ?, ?, ?)`,
        [found.key, input.visitedOn, input.visitor.trim(), input.finding.trim(), ctx.viewer.role],
      );
      const row = (await lockCase(em, found.key))!;
      await this.appendEvent(em, row, MonitoringChange.VISIT, null, row.status);
    });
    ctx.events.announce();
    return this.fresh(ctx, found.key);
  }

  /** The case as it stands now, bypassing the request's cache (after a write). */
  async fresh(ctx: Context, key: string): Promise<MonitoringCaseNode> {
    const [found] = await this.findByKeys(ctx, [key]);
    if (!found) throw notFound('Monitoring case not found');
    return found;
  }
}

export const monitoringCaseService = new MonitoringCaseService();
