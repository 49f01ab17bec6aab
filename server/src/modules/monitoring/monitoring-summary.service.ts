import type { Context } from '../../core/context';
import { badInput, conflict, notFound } from '../../core/errors';
import { and, query, type SqlFragment } from '../../core/sql';
import { readPage, toConnection, type ConnectionData, type PageInput } from '../../core/relay/connection';
import { afterSql, orderBySql, type SortColumn } from '../../core/relay/keyset';
import { levelOfCode } from '../../core/region-codes';
import { todayInShanghai } from '../../core/dates';
import { regionCodeArg, regionService } from '../regions/region.service';
import { regionPolicy } from '../regions/region.policy';
import { villagePolicy } from '../villages/village.policy';
import { villageCodeFromId } from '../villages/village.service';
import { monitoringCasePolicy } from './monitoring-case.policy';
import { householdService, notFuture } from './household.service';
import {
  activeInYear,
  countByCategoryAndStatus,
  countByCause,
  gapTotals,
  reviewGapsFrom,
  screeningGapsFrom,
  yearCounts,
} from './monitoring-case.repository';
import { MonitoringCaseStatus, MonitoringCategory } from './monitoring.enums';
import { dueMonths, dueQuarters, quarterDates } from './monitoring.rules';
import { MonitoringSummaryType, TownshipReviewGapType, VillageScreeningGapType } from './monitoring-summary.types';
import type {
  RecordTownshipReviewInput,
  RecordVillageScreeningInput,
  TownshipReviewType,
  VillageScreeningType,
} from './monitoring.inputs';
import { monitoringSettingsService } from './monitoring-settings.service';

const GAP_SORT: SortColumn[] = [{ expr: 'g.code', direction: 'asc' }];

/** One page of a gaps table built by the repository (its FROM carries bindings of its own). */
async function gapPage<Row extends { code: string }, T>(
  ctx: Context,
  from: SqlFragment,
  args: PageInput,
  toNode: (row: Row) => T,
  column: 'missing_months' | 'missing_quarters',
): Promise<ConnectionData<T>> {
  const page = readPage(args);
  const seek = page.after ? afterSql(GAP_SORT, page.after) : { sql: 'true', bindings: [] };
  const rows = await query<Row>(ctx.em, {
    sql: `SELECT g.* FROM ${from.sql} WHERE ${seek.sql} ORDER BY ${orderBySql(GAP_SORT)} LIMIT ${page.first + 1}`,
    bindings: [...from.bindings, ...seek.bindings],
  });
  return toConnection(
    rows,
    page,
    (row) => [row.code],
    toNode,
    async () => (await gapTotals(ctx.em, from, column)).places,
  );
}

/**
 * `monitoringSummary`, the cadence gaps under it, and the cadence records themselves (monthly
 * village screening, quarterly township review: 000 村组每月摸排、镇/街每季度审核、区级及时确定).
 */
export class MonitoringSummaryService {
  async summary(ctx: Context, regionCode: string, year: number | null | undefined): Promise<MonitoringSummaryType> {
    const prefix = await regionService.requireVisiblePrefix(ctx, regionCode, 'regionCode');
    const code = prefix.padEnd(12, '0');
    const thisYear = monitoringSettingsService.thisYear();
    const asked = year ?? thisYear;
    if (!Number.isInteger(asked) || asked < 2021 || asked > thisYear)
      throw badInput('year', `year must be between 2021 (the transition period) and ${thisYear}`);
    const today = todayInShanghai();
    const scope = and(
      monitoringCasePolicy.readable(ctx.viewer, { villageCode: 'c.village_code', householdId: 'c.household_id' }),
      { sql: 'c.village_code LIKE ?', bindings: [`${prefix}%`] },
    );
    const inYear = and(scope, activeInYear(asked));
    const months = dueMonths(asked, today);
    const quarters = dueQuarters(asked, today);
    const [counts, causes, yearly, line, villageGaps, townshipGaps] = await Promise.all([
      countByCategoryAndStatus(ctx.em, inYear),
      countByCause(ctx.em, inYear),
      yearCounts(ctx.em, scope, asked, today),
      monitoringSettingsService.line(ctx, code, asked),
      gapTotals(ctx.em, this.screeningGaps(ctx, prefix, months), 'missing_months'),
      gapTotals(ctx.em, this.reviewGaps(ctx, prefix, quarters), 'missing_quarters'),
    ]);
    const summary = new MonitoringSummaryType();
    summary.regionCode = code;
    summary.year = asked;
    summary.prefix = prefix;
    summary.line = line;
    summary.cases = counts.find((c) => c.category === null && c.status === null)?.count ?? 0;
    summary.byCategory = Object.values(MonitoringCategory).map((category) => ({
      category,
      count: counts.find((c) => c.category === category && c.status === null)?.count ?? 0,
    }));
    summary.byStatus = Object.values(MonitoringCaseStatus).map((status) => ({
      status,
      count: counts.find((c) => c.category === null && c.status === status)?.count ?? 0,
    }));
    summary.byCategoryAndStatus = counts
      .filter((c) => c.category !== null && c.status !== null)
      .map((c) => ({ category: c.category!, status: c.status!, count: c.count }))
      .sort((a, b) => a.category.localeCompare(b.category) || a.status.localeCompare(b.status));
    summary.byRiskCause = causes.sort((a, b) => b.count - a.count || a.cause.localeCompare(b.cause));
    summary.confirmedInYear = yearly.confirmed;
    summary.eliminatedInYear = yearly.eliminated;
    summary.overdueNotices = yearly.notices_overdue;
    summary.cadence = {
      dueMonths: months,
      villagesBehind: villageGaps.places,
      missingVillageMonths: villageGaps.periods,
      dueQuarters: quarters,
      townshipsBehind: townshipGaps.places,
      missingTownshipQuarters: townshipGaps.periods,
    };
    return summary;
  }

  private screeningGaps(ctx: Context, prefix: string, months: readonly string[]): SqlFragment {
    return screeningGapsFrom(prefix, months, villagePolicy.readable(ctx.viewer, 'r.code'));
  }

  private reviewGaps(ctx: Context, prefix: string, quarters: readonly string[]): SqlFragment {
    return reviewGapsFrom(prefix, quarters, regionPolicy.readable(ctx.viewer, 'r.code'));
  }

  /** `MonitoringSummary.screeningGaps`: villages with due months lacking a screening, by code. */
  villageGaps(
    ctx: Context,
    summary: MonitoringSummaryType,
    args: PageInput,
  ): Promise<ConnectionData<VillageScreeningGapType>> {
    return gapPage<{ code: string; name: string; missing_months: string[] }, VillageScreeningGapType>(
      ctx,
      this.screeningGaps(ctx, summary.prefix, summary.cadence.dueMonths),
      args,
      (row) => ({ villageCode: row.code, villageName: row.name, missingMonths: row.missing_months }),
      'missing_months',
    );
  }

  /** `MonitoringSummary.reviewGaps`: townships with due quarters lacking a review, by code. */
  townshipGaps(
    ctx: Context,
    summary: MonitoringSummaryType,
    args: PageInput,
  ): Promise<ConnectionData<TownshipReviewGapType>> {
    return gapPage<{ code: string; name: string; missing_quarters: string[] }, TownshipReviewGapType>(
      ctx,
      this.reviewGaps(ctx, summary.prefix, summary.cadence.dueQuarters),
      args,
      (row) => ({ townshipCode: row.code, townshipName: row.name, missingQuarters: row.missing_quarters }),
      'missing_quarters',
    );
  }

  /** `recordVillageScreening`: one record per village and month; recording a month again replaces it. */
  async recordScreening(ctx: Context, input: RecordVillageScreeningInput): Promise<VillageScreeningType> {
    const villageCode = villageCodeFromId(input.villageId);
    monitoringCasePolicy.requireScreening(ctx.viewer, await householdService.place(ctx, villageCode));
    notFuture(input.screenedOn, 'screenedOn');
    if (input.screenedOn.slice(0, 7) < input.month)
      throw badInput('screenedOn', `screenedOn must fall in ${input.month} or later`);
    if (input.month < '2021-01') throw badInput('month', 'month must be in the transition period, from 2021-01');
    await ctx.em.transactional(async (em) => {
      const [village] = await query(em, 'SELECT 1 FROM village WHERE code = ?', [villageCode]);
      if (!village) throw notFound('Village not found', 'villageId');
      await query(
        em,
        `INSERT INTO monitoring_screening (village_code, month, screened_on, households_checked, note)
         VALUES (?, (? || '-01')::date, ?, ?, ?)
         ON CONFLICT (village_code, month) DO UPDATE SET screened_on = excluded.screened_on,
           households_checked = excluded.households_checked, note = excluded.note, recorded_at = now()`,
        [villageCode, input.month, input.screenedOn, input.householdsChecked, input.note?.trim() || null],
      );
    });
    return {
      villageCode,
      month: input.month,
      screenedOn: input.screenedOn,
      householdsChecked: input.householdsChecked,
    };
  }

  /** `recordTownshipReview`: one record per township and quarter; by the township's own officer. */
  async recordReview(ctx: Context, input: RecordTownshipReviewInput): Promise<TownshipReviewType> {
    const townshipCode = regionCodeArg(input.townshipCode, 'townshipCode');
    if (levelOfCode(townshipCode) !== 'TOWNSHIP')
      throw badInput('townshipCode', 'townshipCode must name a township (乡镇/街道)');
    monitoringCasePolicy.requireTownshipReview(ctx.viewer, townshipCode);
    notFuture(input.reviewedOn, 'reviewedOn');
    if (input.year < 2021) throw badInput('year', 'year must be in the transition period, from 2021');
    const { from } = quarterDates(input.year, input.quarter);
    if (input.reviewedOn < from) throw badInput('reviewedOn', `reviewedOn must be ${from} or later`);
    await ctx.em.transactional(async (em) => {
      const [township] = await query(em, `SELECT 1 FROM region WHERE code = ? AND level = 'TOWNSHIP'`, [townshipCode]);
      if (!township) throw notFound('Township not found', 'townshipCode');
      const [existing] = await query(
        em,
        'SELECT 1 FROM monitoring_township_review WHERE township_code = ? AND year = ? AND quarter = ?',
        [townshipCode, input.year, input.quarter],
      );
      if (existing) throw conflict('The township has already recorded its review of this quarter', ['quarter']);
      await query(
        em,
        `INSERT INTO monitoring_township_review (township_code, year, quarter, reviewed_on, note) VALUES (?, ?, ?, ?, ?)`,
        [townshipCode, input.year, input.quarter, input.reviewedOn, input.note?.trim() || null],
      );
    });
    return { townshipCode, year: input.year, quarter: input.quarter, reviewedOn: input.reviewedOn };
  }
}

export const monitoringSummaryService = new MonitoringSummaryService();
