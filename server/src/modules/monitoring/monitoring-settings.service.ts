import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../core/context';
import { badInput, notFound } from '../../core/errors';
import { query } from '../../core/sql';
import { prefixOfCode } from '../../core/region-codes';
import { todayInShanghai } from '../../core/dates';
import { regionCodeArg } from '../regions/region.service';
import { monitoringCasePolicy } from './monitoring-case.policy';
import { lineAmount } from './monitoring-line';
import { lineRulesFor, noticePeriodsFor, type LineRuleRow } from './monitoring-case.repository';
import { MonitoringLineType, NoticePeriodType } from './monitoring.types';
import type { NoticeKind } from './monitoring.enums';
import type { SetMonitoringLineInput, SetNoticePeriodInput } from './monitoring.inputs';

export const LINE_YEARS_OVERLAP =
  'The region already has a monitoring line rule for some of these years (同一地区的监测标准年度不得重叠)';

function toLine(row: LineRuleRow): MonitoringLineType {
  const line = new MonitoringLineType();
  line.regionCode = row.code;
  line.year = row.year;
  line.ruleRegionCode = row.region_code;
  line.baseYear = row.from_year;
  line.toYear = row.to_year;
  line.baseAmount = row.base_amount;
  line.annualGrowthPercent = row.annual_growth_percent;
  line.source = row.source;
  line.amount = lineAmount(
    { baseYear: row.from_year, baseAmount: row.base_amount, annualGrowthPercent: row.annual_growth_percent },
    row.year,
  );
  return line;
}

/** The lines of many (region, year) pairs in one statement, keyed `code:year`; pairs without a rule are absent. */
export async function linesFor(
  em: EntityManager,
  pairs: readonly { code: string; year: number }[],
): Promise<Map<string, MonitoringLineType>> {
  const rows = await lineRulesFor(em, pairs);
  return new Map(rows.map((row) => [`${row.code}:${row.year}`, toLine(row)]));
}

/**
 * Per-region settings of monitoring: the monitoring line (a rule per region and span of years)
 * and the notice periods, both inherited down the region tree: a village uses the rule of the
 * nearest region above it (itself included) that has one.
 */
export class MonitoringSettingsService {
  /** The line of `year` for a region, or null when no region up the tree has a rule for that year. */
  line(ctx: Context, regionCode: string, year: number): Promise<MonitoringLineType | null> {
    const loader = ctx.loaders.get<string, MonitoringLineType | null>('monitoring.line', async (keys) => {
      const pairs = keys.map((key) => ({ code: key.slice(0, 12), year: Number(key.slice(13)) }));
      const rows = await lineRulesFor(ctx.em, pairs);
      const byKey = new Map(rows.map((row) => [`${row.code}:${row.year}`, toLine(row)]));
      return keys.map((key) => byKey.get(key) ?? null);
    });
    return loader.load(`${regionCode}:${year}`);
  }

  /** `monitoringLine(regionCode, year)`: public policy data, for every monitoring reader. */
  lineFor(ctx: Context, regionCode: string, year: number): Promise<MonitoringLineType | null> {
    const code = regionCodeArg(regionCode, 'regionCode');
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw badInput('year', 'year must be 2000 to 2100');
    return this.line(ctx, code, year);
  }

  /** The notice period of `kind` for a region; inside a transaction pass its EntityManager. */
  async noticePeriod(em: EntityManager, regionCode: string, kind: NoticeKind): Promise<NoticePeriodType | null> {
    const [row] = await noticePeriodsFor(em, [regionCode], kind);
    if (!row) return null;
    const period = new NoticePeriodType();
    period.regionCode = regionCode;
    period.kind = row.kind;
    period.days = row.days;
    period.ruleRegionCode = row.region_code;
    period.source = row.source;
    return period;
  }

  noticePeriodFor(ctx: Context, regionCode: string, kind: NoticeKind): Promise<NoticePeriodType | null> {
    return this.noticePeriod(ctx.em, regionCodeArg(regionCode, 'regionCode'), kind);
  }

  /** `setMonitoringLine`: upsert on (region, fromYear); overlapping years are refused by the database. */
  async setLine(ctx: Context, input: SetMonitoringLineInput): Promise<MonitoringLineType> {
    const code = regionCodeArg(input.regionCode, 'regionCode');
    monitoringCasePolicy.requireConfigure(ctx.viewer, code);
    if (input.fromYear < 2000 || input.fromYear > 2100) throw badInput('fromYear', 'fromYear must be 2000 to 2100');
    if (input.toYear !== undefined && input.toYear !== null && (input.toYear < input.fromYear || input.toYear > 2100))
      throw badInput('toYear', 'toYear must not be before fromYear (and at most 2100)');
    if (!/^\d{1,12}(\.\d{1,2})?$/.test(input.baseAmount) || /^0+(\.0+)?$/.test(input.baseAmount))
      throw badInput('baseAmount', 'baseAmount must be a positive amount in yuan with at most two decimals');
    if (!/^\d{1,2}(\.\d{1,2})?$/.test(input.annualGrowthPercent))
      throw badInput('annualGrowthPercent', 'annualGrowthPercent must be 0 to 99.99 with at most two decimals');
    await ctx.em.transactional(async (em) => {
      const [region] = await query(em, 'SELECT 1 FROM region WHERE code = ?', [code]);
      if (!region) throw notFound('Region not found', 'regionCode');
      await query(
        em,
        `INSERT INTO monitoring_line (region_code, region_prefix, from_year, to_year, base_amount, annual_growth_percent, source)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (region_code, from_year) DO UPDATE SET to_year = excluded.to_year, base_amount = excluded.base_amount,
           annual_growth_percent = excluded.annual_growth_percent, source = excluded.source, updated_at = now()`,
        [
          code,
          prefixOfCode(code),
          input.fromYear,
          input.toYear ?? null,
          input.baseAmount,
          input.annualGrowthPercent,
          input.source.trim(),
        ],
      );
    });
    const [row] = await lineRulesFor(ctx.em, [{ code, year: input.fromYear }]);
    return toLine(row);
  }

  /** `setMonitoringNoticePeriod`: upsert on (region, kind). */
  async setNoticePeriod(ctx: Context, input: SetNoticePeriodInput): Promise<NoticePeriodType> {
    const code = regionCodeArg(input.regionCode, 'regionCode');
    monitoringCasePolicy.requireConfigure(ctx.viewer, code);
    await ctx.em.transactional(async (em) => {
      const [region] = await query(em, 'SELECT 1 FROM region WHERE code = ?', [code]);
      if (!region) throw notFound('Region not found', 'regionCode');
      await query(
        em,
        `INSERT INTO monitoring_notice_period (region_code, region_prefix, kind, days, source) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (region_code, kind) DO UPDATE SET days = excluded.days, source = excluded.source, updated_at = now()`,
        [code, prefixOfCode(code), input.kind, input.days, input.source?.trim() || null],
      );
    });
    return (await this.noticePeriod(ctx.em, code, input.kind))!;
  }

  /** The current year in Asia/Shanghai. */
  thisYear(): number {
    return Number(todayInShanghai().slice(0, 4));
  }
}

export const monitoringSettingsService = new MonitoringSettingsService();
