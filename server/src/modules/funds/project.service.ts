import type { Context } from '../../core/context';
import { badInput, notFound } from '../../core/errors';
import { and, type SqlFragment } from '../../core/sql';
import { todayInShanghai } from '../../core/dates';
import { appendEvent, type NewEvent } from '../../core/events/event-store';
import { isUuid, uuidKeyFromInput } from '../../core/relay/global-id';
import { readPage, type ConnectionData, type PageInput } from '../../core/relay/connection';
import { prefixOfCode } from '../../core/region-codes';
import { regionCodeArg } from '../regions/region.service';
import { villageCodeFromId, villageService } from '../villages/village.service';
import type { VillageNode } from '../villages/village.types';
import { providerIdArg } from '../providers/provider.service';
import { toFen, fromFen } from '../consumption/decimal';
import { projectPolicy, type ProjectTarget } from './project.policy';
import { PaymentStage, ProjectStatus } from './funds.enums';
import { PAYABLE_STATUSES, PROJECT_STEPS, PROPOSE_ACTOR, stepRefusal } from './project-workflow';
import {
  ProjectStatusCountType,
  type ProjectBudgetLineType,
  type ProjectFilter,
  type ProjectNode,
  type ProjectPaymentNode,
  type ProjectStatusChangeType,
} from './project.types';
import type { MoveProjectInput, ProposeProjectInput, RecordProjectPaymentInput } from './project.inputs';
import * as projects from './project.repository';
import * as funds from './fund.repository';
import { fundService } from './fund.service';
import { PROJECT_CHANGED } from './funds.events';
import { forgetReads } from './write';
import { amountArg, notFuture, textArg, yearArg } from './arguments';

const projectIdArg = (id: string, field: string) => uuidKeyFromInput(id, ['Project'], field);

/** What a project change tells live subscribers. */
export type ProjectChangeKind = 'PROPOSED' | 'STATUS_CHANGED' | 'PAID';

/**
 * The live event of a project: officials of the county or of a village served receive it, and the
 * partners funding it (its parties).
 */
function projectEvent(
  projectId: string,
  countyCode: string,
  villageCodes: readonly string[],
  funders: readonly string[],
  payload: { kind: ProjectChangeKind; from: ProjectStatus | null; to: ProjectStatus; amount?: string },
): NewEvent {
  return {
    topic: PROJECT_CHANGED,
    regionCode: countyCode,
    partyIds: [...funders],
    partnerAccess: 'PARTIES',
    payload: { projectId, villageCodes: [...villageCodes], ...payload },
  };
}

export class ProjectService {
  private scope(ctx: Context): SqlFragment {
    return projectPolicy.readable(ctx.viewer, { id: 'p.id', county: 'p.county_code' });
  }

  /** Projects by uuid, limited to the viewer's scope; missing or hidden ids map to null. */
  async findByKeys(ctx: Context, ids: readonly string[]): Promise<(ProjectNode | null)[]> {
    const wellFormed = ids.filter(isUuid);
    const rows = wellFormed.length ? await projects.projectsByIds(ctx.em, wellFormed, this.scope(ctx)) : [];
    const byId = new Map(rows.map((row) => [row.id, projects.toProjectNode(row)]));
    return ids.map((id) => byId.get(id.toLowerCase()) ?? null);
  }

  /** Null for malformed uuids, so `node(id)` never sends a bad uuid to the database. */
  byKey(ctx: Context, id: string): Promise<ProjectNode | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return ctx.loaders
      .get<string, ProjectNode | null>('project.byKey', (ids) => this.findByKeys(ctx, ids))
      .load(id.toLowerCase());
  }

  /** A project the caller may see, or NOT_FOUND naming the field (hidden and absent look the same). */
  async require(ctx: Context, id: string, field: string): Promise<ProjectNode> {
    const project = await this.byKey(ctx, projectIdArg(id, field));
    if (!project) throw notFound('Project not found', field);
    return project;
  }

  /** `projects(filter)`: newest plan year first, keyset-paginated, scoped. */
  list(ctx: Context, filter: ProjectFilter | undefined, args: PageInput): Promise<ConnectionData<ProjectNode>> {
    const page = readPage(args);
    const conditions: SqlFragment[] = [this.scope(ctx)];
    if (filter?.regionCode) {
      const inside = `${prefixOfCode(regionCodeArg(filter.regionCode, 'filter.regionCode'))}%`;
      conditions.push({
        sql: 'p.county_code LIKE ? OR EXISTS (SELECT 1 FROM project_village fv WHERE fv.project_id = p.id AND fv.village_code LIKE ?)',
        bindings: [inside, inside],
      });
    }
    if (filter?.year !== undefined && filter.year !== null)
      conditions.push({ sql: 'p.year = ?', bindings: [filter.year] });
    if (filter?.status) conditions.push({ sql: 'p.status = ?', bindings: [filter.status] });
    if (filter?.category) conditions.push({ sql: 'p.category = ?', bindings: [filter.category] });
    if (filter?.villageId)
      conditions.push({
        sql: 'EXISTS (SELECT 1 FROM project_village fv WHERE fv.project_id = p.id AND fv.village_code = ?)',
        bindings: [villageCodeFromId(filter.villageId, 'filter.villageId')],
      });
    if (filter?.providerId)
      conditions.push({
        sql: 'EXISTS (SELECT 1 FROM project_budget_line fb WHERE fb.project_id = p.id AND fb.provider_id = ?)',
        bindings: [providerIdArg(filter.providerId, 'filter.providerId')],
      });
    return projects.projectPage(ctx, and(...conditions), page);
  }

  /** `projectStatusCounts(regionCode, year)`: how many projects of the region are at each status, with their budgets. */
  async statusCounts(
    ctx: Context,
    regionCode: string,
    year: number | null | undefined,
  ): Promise<ProjectStatusCountType[]> {
    const inside = `${prefixOfCode(regionCodeArg(regionCode, 'regionCode'))}%`;
    const conditions: SqlFragment[] = [
      this.scope(ctx),
      {
        sql: 'p.county_code LIKE ? OR EXISTS (SELECT 1 FROM project_village fv WHERE fv.project_id = p.id AND fv.village_code LIKE ?)',
        bindings: [inside, inside],
      },
    ];
    if (year !== undefined && year !== null) conditions.push({ sql: 'p.year = ?', bindings: [yearArg(year)] });
    const counted = new Map((await projects.statusCounts(ctx.em, and(...conditions))).map((c) => [c.status, c]));
    // Every status, in workflow order, so a dashboard shows the empty ones too.
    return Object.values(ProjectStatus).map(
      (status) =>
        counted.get(status) ?? Object.assign(new ProjectStatusCountType(), { status, count: 0, budget: '0.00' }),
    );
  }

  /** Villages served, key-villages-only, budget and paid total of every project of a request, in one statement. */
  facts(ctx: Context, projectId: string): Promise<projects.ProjectFactsRow> {
    return ctx.loaders
      .get<string, projects.ProjectFactsRow>('project.facts', async (ids) => {
        const rows = new Map((await projects.projectFacts(ctx.em, ids)).map((r) => [r.id, r]));
        return ids.map(
          (id) =>
            rows.get(id) ?? { id, village_codes: [], key_villages_only: false, total_budget: '0.00', paid: '0.00' },
        );
      })
      .load(projectId);
  }

  /** `Project.villages`: the villages served that the caller may see. */
  async villages(ctx: Context, project: ProjectNode): Promise<VillageNode[]> {
    const { village_codes } = await this.facts(ctx, project.uuid);
    const villages = await Promise.all(village_codes.map((code) => villageService.byKey(ctx, code)));
    return villages.filter((v): v is VillageNode => v !== null);
  }

  budget(ctx: Context, projectId: string): Promise<ProjectBudgetLineType[]> {
    return ctx.loaders
      .get<string, ProjectBudgetLineType[]>('project.budget', async (ids) => {
        const rows = await projects.budgetLines(ctx.em, ids);
        return ids.map((id) => rows.filter((r) => r.project_id === id).map(projects.toBudgetLine));
      })
      .load(projectId);
  }

  history(ctx: Context, projectId: string): Promise<ProjectStatusChangeType[]> {
    return ctx.loaders
      .get<string, ProjectStatusChangeType[]>('project.history', async (ids) => {
        const rows = await projects.statusHistory(ctx.em, ids);
        return ids.map((id) => rows.filter((r) => r.project_id === id).map(projects.toStatusChange));
      })
      .load(projectId);
  }

  /** `Project.payments`, batched over the projects of a request (the project is visible, so are its payments). */
  payments(ctx: Context, projectId: string, args: PageInput): Promise<ConnectionData<ProjectPaymentNode>> {
    const page = readPage(args);
    return ctx.loaders
      .get<string, ConnectionData<ProjectPaymentNode>>(`project.payments:${JSON.stringify(page)}`, (keys) =>
        projects.paymentPages(ctx, keys, 'pp.project_id', this.scope(ctx), page),
      )
      .load(projectId);
  }

  /** A payment by uuid, visible with its project (for `node(id)`). */
  async paymentByKey(ctx: Context, id: string): Promise<ProjectPaymentNode | null> {
    if (!isUuid(id)) return null;
    const [row] = await projects.paymentsByIds(ctx.em, [id.toLowerCase()], this.scope(ctx));
    return row ? projects.toPaymentNode(row) : null;
  }

  /**
   * `proposeProject`: enters a project into the county library as PROPOSED. Every village served
   * lies in one county, which becomes the project's; the caller's region must hold them all (a
   * LOCAL step). The planned start falls in the plan year; budget lines name their provider as
   * their source demands, at most one line per source and provider.
   */
  async propose(ctx: Context, input: ProposeProjectInput): Promise<ProjectNode> {
    const villageCodes = input.villageIds.map((id, i) => villageCodeFromId(id, `villageIds.${i}`));
    const duplicate = villageCodes.findIndex((code, i) => villageCodes.indexOf(code) !== i);
    if (duplicate >= 0) throw badInput(`villageIds.${duplicate}`, 'a village is named twice');
    const countyCode = `${villageCodes[0].slice(0, 6)}000000`;
    const elsewhere = villageCodes.findIndex((code) => !code.startsWith(countyCode.slice(0, 6)));
    if (elsewhere >= 0) throw badInput(`villageIds.${elsewhere}`, 'all villages of a project lie in one county');
    const target: ProjectTarget = { countyCode, villageCodes };
    projectPolicy.requireStep(ctx.viewer, target, PROPOSE_ACTOR);

    const villages = await Promise.all(villageCodes.map((code) => villageService.byKey(ctx, code)));
    const missing = villages.findIndex((v) => v === null);
    if (missing >= 0) throw notFound('Village not found', `villageIds.${missing}`);
    const name = textArg(input.name, 'name');
    const year = yearArg(input.year);
    if (!input.plannedStart.startsWith(`${year}-`))
      throw badInput('plannedStart', `plannedStart must fall in the plan year ${year}`);
    const proposedOn = notFuture(input.proposedOn ?? todayInShanghai(), 'proposedOn');
    const households = input.beneficiaryHouseholds ?? 0;
    if ((input.monitoredHouseholds ?? 0) > households)
      throw badInput('monitoredHouseholds', 'monitoredHouseholds cannot exceed beneficiaryHouseholds');
    const lines: { source: (typeof input.budget)[number]['source']; providerId: string | null; amount: string }[] = [];
    for (const [i, line] of input.budget.entries()) {
      const providerId = await fundService.providerOf(ctx, line.source, line.providerId, `budget.${i}.providerId`);
      if (lines.some((l) => l.source === line.source && l.providerId === providerId))
        throw badInput(`budget.${i}.source`, 'one budget line per source and provider');
      lines.push({ source: line.source, providerId, amount: amountArg(line.amount, `budget.${i}.amount`) });
    }
    const description = input.description ? textArg(input.description, 'description') : null;

    const id = await ctx.em.transactional(async (em) => {
      const projectId = await projects.insertProject(
        em,
        {
          countyCode,
          year,
          name,
          category: input.category,
          description,
          plannedStart: input.plannedStart,
          beneficiaryHouseholds: households,
          beneficiaryPeople: input.beneficiaryPeople ?? 0,
          monitoredHouseholds: input.monitoredHouseholds ?? 0,
          proposedOn,
        },
        villageCodes,
        lines,
      );
      await projects.insertStatusChange(em, {
        projectId,
        from: null,
        to: ProjectStatus.PROPOSED,
        date: proposedOn,
        ...this.actor(ctx),
        note: null,
      });
      const funders = [...new Set(lines.flatMap((l) => (l.providerId ? [l.providerId] : [])))];
      await appendEvent(
        em,
        projectEvent(projectId, countyCode, villageCodes, funders, {
          kind: 'PROPOSED',
          from: null,
          to: ProjectStatus.PROPOSED,
        }),
      );
      return projectId;
    });
    ctx.events.announce();
    forgetReads(ctx);
    return this.mustSee(ctx, id);
  }

  /**
   * `moveProject`: one step of the workflow (PROJECT_STEPS), by the step's actor. The row is
   * locked, so concurrent steps apply one after another against the current status. A step's
   * date is not before the previous step's nor in the future; ANNOUNCED records the announcement
   * period (公示期); STARTED records the actual start, which comes after the announcement ends.
   */
  async move(ctx: Context, input: MoveProjectInput): Promise<ProjectNode> {
    const project = await this.require(ctx, input.projectId, 'projectId');
    if (input.status === ProjectStatus.PROPOSED)
      throw badInput('status', 'a project enters the library as PROPOSED only once');
    const { village_codes: villageCodes } = await this.facts(ctx, project.uuid);
    projectPolicy.requireStep(
      ctx.viewer,
      { countyCode: project.countyCode, villageCodes },
      PROJECT_STEPS[input.status].actor,
    );
    notFuture(input.date, 'date');
    if (input.status === ProjectStatus.ANNOUNCED) {
      if (!input.announcementEnd) throw badInput('announcementEnd', 'ANNOUNCED needs the last day of the announcement');
      if (input.announcementEnd < input.date)
        throw badInput(
          'announcementEnd',
          'announcementEnd must not be before the first day of the announcement (date)',
        );
    } else if (input.announcementEnd) {
      throw badInput('announcementEnd', 'announcementEnd is recorded with ANNOUNCED only');
    }

    await ctx.em.transactional(async (em) => {
      const current = await projects.lockProject(em, project.uuid);
      if (!current) throw notFound('Project not found', 'projectId');
      const refusal = stepRefusal(current.status, input.status);
      if (refusal) throw badInput('status', refusal);
      const last = await projects.lastStepDate(em, project.uuid);
      if (last && input.date < last) throw badInput('date', `date must not be before the previous step (${last})`);
      if (input.status === ProjectStatus.STARTED && current.announcement_end && input.date <= current.announcement_end)
        throw badInput('date', `a project starts after its public announcement ends (${current.announcement_end})`);
      await projects.updateProjectStatus(em, project.uuid, input.status, input.date, {
        actualStart: input.status === ProjectStatus.STARTED ? input.date : undefined,
        announcementStart: input.status === ProjectStatus.ANNOUNCED ? input.date : undefined,
        announcementEnd: input.status === ProjectStatus.ANNOUNCED ? input.announcementEnd : undefined,
      });
      await projects.insertStatusChange(em, {
        projectId: project.uuid,
        from: current.status,
        to: input.status,
        date: input.date,
        ...this.actor(ctx),
        note: input.note ? textArg(input.note, 'note') : null,
      });
      await appendEvent(
        em,
        projectEvent(project.uuid, project.countyCode, villageCodes, await projects.fundersOf(em, project.uuid), {
          kind: 'STATUS_CHANGED',
          from: current.status,
          to: input.status,
        }),
      );
    });
    ctx.events.announce();
    forgetReads(ctx);
    return this.mustSee(ctx, project.uuid);
  }

  /**
   * `recordProjectPayment`: the county pays a started (or accepted) project from an allocation of
   * its own county that is in place by the payment date. The payment draws on the budget line of
   * the allocation's source and provider; neither that line nor the allocation may be exceeded.
   * The allocation row is locked first, then the project, so concurrent payments cannot both pass
   * the checks against the same remainder.
   */
  async pay(
    ctx: Context,
    input: RecordProjectPaymentInput,
  ): Promise<{ payment: ProjectPaymentNode; project: ProjectNode }> {
    const project = await this.require(ctx, input.projectId, 'projectId');
    const { village_codes: villageCodes } = await this.facts(ctx, project.uuid);
    projectPolicy.requirePay(ctx.viewer, { countyCode: project.countyCode, villageCodes });
    const allocation = await fundService.require(ctx, input.allocationId, 'allocationId');
    const amount = amountArg(input.amount, 'amount');
    notFuture(input.paidOn, 'paidOn');

    const id = await ctx.em.transactional(async (em) => {
      const source = await funds.lockAllocation(em, allocation.uuid);
      const current = await projects.lockProject(em, project.uuid);
      if (!source) throw notFound('Fund allocation not found', 'allocationId');
      if (!current) throw notFound('Project not found', 'projectId');
      if (source.county_code !== current.county_code)
        throw badInput('allocationId', 'the allocation was made to another county');
      if (!PAYABLE_STATUSES.includes(current.status))
        throw badInput(
          'projectId',
          `a ${current.status} project is not paid: payments follow progress from STARTED on`,
        );
      if (input.stage === PaymentStage.FINAL && current.status === ProjectStatus.STARTED)
        throw badInput('stage', 'the final settlement (验收结算) follows acceptance');
      if (!source.in_place_on || source.in_place_on > input.paidOn)
        throw badInput(
          'paidOn',
          `the allocation is not in place by ${input.paidOn}${source.in_place_on ? ` (in place ${source.in_place_on})` : ''}`,
        );
      if (current.actual_start && input.paidOn < current.actual_start)
        throw badInput('paidOn', `paidOn must not be before the project started (${current.actual_start})`);
      const room = await projects.paymentRoom(em, project.uuid, {
        id: source.id,
        source: source.source,
        providerId: source.provider_id,
      });
      if (room.line_amount === null)
        throw badInput('allocationId', `the project’s budget has no line for ${source.source} funds of this provider`);
      const lineLeft = toFen(room.line_amount) - toFen(room.line_paid);
      if (toFen(amount) > lineLeft)
        throw badInput(
          'amount',
          `amount exceeds what is left of the project’s ${source.source} budget (${fromFen(lineLeft)})`,
        );
      const allocationLeft = toFen(source.amount) - toFen(room.allocation_paid);
      if (toFen(amount) > allocationLeft)
        throw badInput('amount', `amount exceeds what is left of the allocation (${fromFen(allocationLeft)})`);
      const paymentId = await projects.insertPayment(em, {
        projectId: project.uuid,
        allocationId: source.id,
        amount,
        paidOn: input.paidOn,
        stage: input.stage,
        note: input.note ? textArg(input.note, 'note') : null,
      });
      await appendEvent(
        em,
        projectEvent(project.uuid, project.countyCode, villageCodes, await projects.fundersOf(em, project.uuid), {
          kind: 'PAID',
          from: current.status,
          to: current.status,
          amount,
        }),
      );
      return paymentId;
    });
    ctx.events.announce();
    forgetReads(ctx);
    const payment = await this.paymentByKey(ctx, id);
    if (!payment) throw notFound(`Payment ${id} is not visible`);
    return { payment, project: await this.mustSee(ctx, project.uuid) };
  }

  /** Who took a step, as recorded in the history. */
  private actor(ctx: Context): { actorRole: string; actorRegion: string | null; actorSubject: string | null } {
    return {
      actorRole: ctx.viewer.role,
      actorRegion: ctx.viewer.regionCode ?? null,
      actorSubject: ctx.viewer.subject ?? null,
    };
  }

  private async mustSee(ctx: Context, id: string): Promise<ProjectNode> {
    const [project] = await this.findByKeys(ctx, [id]);
    if (!project) throw notFound(`Project ${id} is not visible`);
    return project;
  }
}

export const projectService = new ProjectService();
