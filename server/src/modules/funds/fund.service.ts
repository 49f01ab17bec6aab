import type { Context } from '../../core/context';
import { badInput, notFound } from '../../core/errors';
import { and, type SqlFragment } from '../../core/sql';
import { todayInShanghai } from '../../core/dates';
import { isUuid, uuidKeyFromInput } from '../../core/relay/global-id';
import { readPage, type ConnectionData, type PageInput } from '../../core/relay/connection';
import { prefixOfCode } from '../../core/region-codes';
import { regionCodeArg, regionService } from '../regions/region.service';
import { providerIdArg, providerService } from '../providers/provider.service';
import { fundAllocationPolicy } from './fund-allocation.policy';
import { projectPolicy } from './project.policy';
import { FundSource, PARTNER_SOURCES } from './funds.enums';
import { aprilDeadline, KEY_VILLAGE_SHARE_MIN_PERCENT, TRANSITION_PERIOD } from './fund-rules';
import {
  CityFundLevelType,
  DeadlinesType,
  FundShareType,
  type FundAllocationFilter,
  type FundAllocationNode,
} from './fund.types';
import type { ProjectPaymentNode } from './project.types';
import type { RecordFundAllocationInput, RecordFundsInPlaceInput } from './fund.inputs';
import { forgetReads } from './write';
import * as funds from './fund.repository';
import { countProjects, paymentPages, projectsWhere, toProjectNode } from './project.repository';
import { toFen } from '../consumption/decimal';
import { amountArg, notFuture, regionAtLevel, textArg, yearArg } from './arguments';

/** Lists inside the deadlines report are bounded; their counts are not. */
const DEADLINE_LIST_LIMIT = 100;

const allocationIdArg = (id: string, field: string) => uuidKeyFromInput(id, ['FundAllocation'], field);

export class FundService {
  private scope(ctx: Context): SqlFragment {
    return fundAllocationPolicy.readable(ctx.viewer, { county: 'fa.county_code', provider: 'fa.provider_id' });
  }

  /** Allocations by uuid, limited to the viewer's scope; missing or hidden ids map to null. */
  async findByKeys(ctx: Context, ids: readonly string[]): Promise<(FundAllocationNode | null)[]> {
    const wellFormed = ids.filter(isUuid);
    const rows = wellFormed.length ? await funds.allocationsByIds(ctx.em, wellFormed, this.scope(ctx)) : [];
    const byId = new Map(rows.map((row) => [row.id, funds.toAllocationNode(row)]));
    return ids.map((id) => byId.get(id.toLowerCase()) ?? null);
  }

  /** Null for malformed uuids, so `node(id)` never sends a bad uuid to the database. */
  byKey(ctx: Context, id: string): Promise<FundAllocationNode | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return ctx.loaders
      .get<string, FundAllocationNode | null>('fund.allocationByKey', (ids) => this.findByKeys(ctx, ids))
      .load(id.toLowerCase());
  }

  /** An allocation the caller may see, or NOT_FOUND naming the field (hidden and absent look the same). */
  async require(ctx: Context, id: string, field: string): Promise<FundAllocationNode> {
    const allocation = await this.byKey(ctx, allocationIdArg(id, field));
    if (!allocation) throw notFound('Fund allocation not found', field);
    return allocation;
  }

  /** `fundAllocations(filter)`: newest year first, keyset-paginated, scoped. */
  list(
    ctx: Context,
    filter: FundAllocationFilter | undefined,
    args: PageInput,
  ): Promise<ConnectionData<FundAllocationNode>> {
    const page = readPage(args);
    const conditions: SqlFragment[] = [this.scope(ctx)];
    if (filter?.regionCode)
      conditions.push({
        sql: 'fa.county_code LIKE ?',
        bindings: [`${prefixOfCode(regionCodeArg(filter.regionCode, 'filter.regionCode'))}%`],
      });
    if (filter?.year !== undefined && filter.year !== null)
      conditions.push({ sql: 'fa.year = ?', bindings: [filter.year] });
    if (filter?.source) conditions.push({ sql: 'fa.source = ?', bindings: [filter.source] });
    if (filter?.providerId)
      conditions.push({ sql: 'fa.provider_id = ?', bindings: [providerIdArg(filter.providerId, 'filter.providerId')] });
    if (filter?.inPlace === true) conditions.push({ sql: 'fa.in_place_on IS NOT NULL', bindings: [] });
    if (filter?.inPlace === false) conditions.push({ sql: 'fa.in_place_on IS NULL', bindings: [] });
    return funds.allocationPage(ctx, and(...conditions), page);
  }

  /** `FundAllocation.paidAmount` for every allocation of a request in one statement. */
  paid(ctx: Context, allocationId: string): Promise<string> {
    return ctx.loaders
      .get<string, string>('fund.paid', async (ids) => {
        const rows = await funds.paidFromAllocations(ctx.em, ids);
        const byId = new Map(rows.map((r) => [r.id, r.paid]));
        return ids.map((id) => byId.get(id) ?? '0.00');
      })
      .load(allocationId);
  }

  /** `FundAllocation.payments`: the payments to projects you may see, batched over the allocations of a request. */
  payments(ctx: Context, allocationId: string, args: PageInput): Promise<ConnectionData<ProjectPaymentNode>> {
    const page = readPage(args);
    return ctx.loaders
      .get<string, ConnectionData<ProjectPaymentNode>>(`fund.payments:${JSON.stringify(page)}`, (keys) =>
        paymentPages(
          ctx,
          keys,
          'pp.allocation_id',
          projectPolicy.readable(ctx.viewer, { id: 'p.id', county: 'p.county_code' }),
          page,
        ),
      )
      .load(allocationId);
  }

  /**
   * `recordFundAllocation`: administrators, or officials whose region holds the county. Partner
   * sources name their provider, fiscal sources none; dates not in the future, in place not
   * before allocated.
   */
  async record(ctx: Context, input: RecordFundAllocationInput): Promise<FundAllocationNode> {
    const countyCode = regionAtLevel(input.countyCode, 'countyCode', ['COUNTY'], 'a county (县级区划)');
    fundAllocationPolicy.requireWrite(ctx.viewer, countyCode);
    if (!(await regionService.byKey(ctx, countyCode))) throw notFound('County not found', 'countyCode');
    const year = yearArg(input.year);
    const amount = amountArg(input.amount, 'amount');
    notFuture(input.allocatedOn, 'allocatedOn');
    if (input.inPlaceOn !== undefined && input.inPlaceOn !== null) {
      notFuture(input.inPlaceOn, 'inPlaceOn');
      if (input.inPlaceOn < input.allocatedOn) throw badInput('inPlaceOn', 'inPlaceOn must not be before allocatedOn');
    }
    const providerId = await this.providerOf(ctx, input.source, input.providerId, 'providerId');
    const id = await ctx.em.transactional((em) =>
      funds.insertAllocation(em, {
        countyCode,
        year,
        source: input.source,
        providerId,
        amount,
        documentNumber: input.documentNumber ? textArg(input.documentNumber, 'documentNumber') : null,
        allocatedOn: input.allocatedOn,
        inPlaceOn: input.inPlaceOn ?? null,
        note: input.note ? textArg(input.note, 'note') : null,
      }),
    );
    forgetReads(ctx);
    return this.mustSee(ctx, id);
  }

  /**
   * The provider a source names: required for partner sources, refused for fiscal ones, optional
   * for social money; it must be a provider the caller may see.
   */
  async providerOf(
    ctx: Context,
    source: FundSource,
    providerId: string | undefined | null,
    field: string,
  ): Promise<string | null> {
    if (!providerId) {
      if (PARTNER_SOURCES.includes(source))
        throw badInput(field, `${source} funds name the provider whose money it is`);
      return null;
    }
    if (source !== FundSource.SOCIAL && !PARTNER_SOURCES.includes(source))
      throw badInput(field, `${source} is fiscal money and names no provider`);
    await providerService.require(ctx, providerId, field);
    return providerIdArg(providerId, field);
  }

  /** `recordFundsInPlace`: the date the money arrived; changing it later is a correction by the same officials. */
  async recordInPlace(ctx: Context, input: RecordFundsInPlaceInput): Promise<FundAllocationNode> {
    const allocation = await this.require(ctx, input.allocationId, 'allocationId');
    fundAllocationPolicy.requireWrite(ctx.viewer, allocation.countyCode);
    notFuture(input.inPlaceOn, 'inPlaceOn');
    await ctx.em.transactional(async (em) => {
      const current = await funds.lockAllocation(em, allocation.uuid);
      if (!current) throw notFound('Fund allocation not found', 'allocationId');
      if (input.inPlaceOn < current.allocated_on)
        throw badInput('inPlaceOn', `inPlaceOn must not be before the allocation date ${current.allocated_on}`);
      await funds.setInPlace(em, allocation.uuid, input.inPlaceOn);
    });
    forgetReads(ctx);
    return this.mustSee(ctx, allocation.uuid);
  }

  /** `fundShare(regionCode, year)`: the 12% rule of one county and year (see fund-rules.ts). */
  async fundShare(ctx: Context, regionCode: string, year: number): Promise<FundShareType> {
    const countyCode = regionAtLevel(regionCode, 'regionCode', ['COUNTY'], 'a county: the 12% rule is a county’s');
    yearArg(year);
    if (!(await regionService.byKey(ctx, countyCode))) throw notFound(`Region ${countyCode} not found`, 'regionCode');
    fundAllocationPolicy.requireSummarise(ctx.viewer, countyCode);
    const row = await funds.keyVillageShare(ctx.em, countyCode, year);
    const ruleApplies = year >= TRANSITION_PERIOD.from && year <= TRANSITION_PERIOD.to;
    return Object.assign(new FundShareType(), {
      regionCode: countyCode,
      year,
      total: row.total,
      keyVillages: row.key_villages,
      share: row.share,
      thresholdPercent: String(KEY_VILLAGE_SHARE_MIN_PERCENT),
      ruleApplies,
      met: ruleApplies ? row.met : null,
    });
  }

  /** `deadlines(regionCode, year)`: the April deadlines and the city's year-on-year level (see DeadlinesType). */
  async deadlines(ctx: Context, regionCode: string, year: number): Promise<DeadlinesType> {
    const code = regionAtLevel(regionCode, 'regionCode', ['COUNTY', 'CITY', 'PROVINCE'], 'a county, city or province');
    yearArg(year);
    if (!(await regionService.byKey(ctx, code))) throw notFound(`Region ${code} not found`, 'regionCode');
    fundAllocationPolicy.requireSummarise(ctx.viewer, code);
    const inside = `${prefixOfCode(code)}%`;
    const deadline = aprilDeadline(year);

    const allocations = and(this.scope(ctx), { sql: 'fa.county_code LIKE ?', bindings: [inside] });
    const lateFunds = and(allocations, funds.fundsNotInPlaceWhere(year));
    const lateProjects = and(projectPolicy.readable(ctx.viewer, { id: 'p.id', county: 'p.county_code' }), {
      sql: `p.county_code LIKE ? AND p.year = ? AND p.status <> 'CANCELLED' AND (p.actual_start IS NULL OR p.actual_start > ?::date)`,
      bindings: [inside, year, deadline],
    });
    const [fundRows, fundTotals, projectRows, projectCount, city] = await Promise.all([
      funds.allocationsWhere(ctx.em, lateFunds, DEADLINE_LIST_LIMIT),
      funds.allocationTotals(ctx.em, lateFunds),
      projectsWhere(ctx.em, lateProjects, DEADLINE_LIST_LIMIT),
      countProjects(ctx.em, lateProjects),
      funds.cityFundsByYear(ctx.em, allocations, year),
    ]);
    return Object.assign(new DeadlinesType(), {
      regionCode: code,
      year,
      deadline,
      passed: todayInShanghai() > deadline,
      fundsNotInPlace: fundRows.map(funds.toAllocationNode),
      fundsNotInPlaceCount: fundTotals.count,
      fundsNotInPlaceAmount: fundTotals.amount,
      projectsNotStarted: projectRows.map(toProjectNode),
      projectsNotStartedCount: projectCount,
      cityFunds: Object.assign(new CityFundLevelType(), {
        year,
        amount: city.amount,
        previousAmount: city.previous_amount,
        notBelowLastYear: city.any_rows ? toFen(city.amount) >= toFen(city.previous_amount) : null,
      }),
    });
  }

  private async mustSee(ctx: Context, id: string): Promise<FundAllocationNode> {
    const [allocation] = await this.findByKeys(ctx, [id]);
    if (!allocation) throw notFound(`Fund allocation ${id} is not visible`);
    return allocation;
  }
}

export const fundService = new FundService();
