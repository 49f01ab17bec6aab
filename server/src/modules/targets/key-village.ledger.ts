import type { Ledger } from '../../core/exports/ledger';
import { collectPages, yearParameter } from '../../core/exports/pages';
import { villagePolicy } from '../villages/village.policy';
import { villageService } from '../villages/village.service';
import { DesignationKind } from '../villages/village.entity';
import type { VillageIndicatorsType, VillageNode } from '../villages/village.types';
import { targetService } from './target.service';
import { TargetStatus } from './target.rules';
import type { TargetProgress } from './target.types';

export interface KeyVillageLedgerRow {
  village: VillageNode;
  indicators: VillageIndicatorsType | null;
  progress: TargetProgress[];
}

const count = (row: KeyVillageLedgerRow, status: TargetStatus) =>
  row.progress.filter((p) => p.status === status).length;

/**
 * 重点帮扶村指标台账: each key-assisted village (乡村振兴重点帮扶村) the caller may see, its
 * indicators of the year and how its policy targets stand, read through `villageService.list`
 * (the `villages` query with designations KEY_ASSISTED), `Village.indicators(year)` and
 * `Village.targetProgress(year)`: the same scope, the same judgement.
 */
export const keyVillageLedger: Ledger<KeyVillageLedgerRow> = {
  name: 'key-villages',
  title: '重点帮扶村指标台账',
  roles: villagePolicy.roles.read,
  parameters: [
    { name: 'regionCode', description: 'only villages inside this region (12-digit code or prefix)' },
    {
      name: 'year',
      description: 'indicator year and the year targets are judged for (default: latest indicators, this year)',
    },
  ],
  columns: [
    { header: '村区划代码', kind: 'text', value: (r) => r.village.code, width: 16 },
    { header: '村名', kind: 'text', value: (r) => r.village.name, width: 16 },
    { header: '指标年份', kind: 'integer', value: (r) => r.indicators?.year },
    { header: '户数', kind: 'integer', value: (r) => r.indicators?.households, total: true },
    { header: '人口', kind: 'integer', value: (r) => r.indicators?.population, total: true },
    { header: '人均可支配收入（元）', kind: 'money', value: (r) => r.indicators?.perCapitaDisposableIncome, width: 18 },
    {
      header: '村集体经济收入（元）',
      kind: 'money',
      value: (r) => r.indicators?.collectiveIncome,
      total: true,
      width: 18,
    },
    { header: '自来水普及率（%）', kind: 'decimal', value: (r) => r.indicators?.tapWaterCoverage },
    { header: '卫生厕所普及率（%）', kind: 'decimal', value: (r) => r.indicators?.sanitaryToiletCoverage },
    { header: '目标数', kind: 'integer', value: (r) => r.progress.length, total: true },
    { header: '已达成', kind: 'integer', value: (r) => count(r, TargetStatus.MET), total: true },
    { header: '进展正常', kind: 'integer', value: (r) => count(r, TargetStatus.ON_TRACK), total: true },
    { header: '未达成', kind: 'integer', value: (r) => count(r, TargetStatus.MISSED), total: true },
    { header: '未到期', kind: 'integer', value: (r) => count(r, TargetStatus.NOT_DUE), total: true },
    { header: '无数据', kind: 'integer', value: (r) => count(r, TargetStatus.NO_DATA), total: true },
  ],
  async rows(ctx, parameters, limit) {
    const year = yearParameter(parameters, 'year');
    const filter = { regionCode: parameters.regionCode || undefined, designations: [DesignationKind.KEY_ASSISTED] };
    const villages = await collectPages((page) => villageService.list(ctx, filter, page), limit);
    const [indicators, progress] = await Promise.all([
      Promise.all(villages.map((v) => villageService.indicators(ctx, v.code, year))),
      Promise.all(villages.map((v) => targetService.progress(ctx, v.code, year))),
    ]);
    return villages.map((village, i) => ({ village, indicators: indicators[i], progress: progress[i] }));
  },
};
