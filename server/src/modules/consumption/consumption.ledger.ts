import type { Ledger } from '../../core/exports/ledger';
import { dateParameter, requireOrdered } from '../../core/exports/pages';
import { providerService } from '../providers/provider.service';
import { regionService } from '../regions/region.service';
import { purchasePolicy } from './purchase.policy';
import { statsService } from './stats.service';
import { StatsDimension } from './consumption.enums';
import type { ConsumptionStatsRow } from './consumption.types';

export interface ConsumptionLedgerRow {
  stats: ConsumptionStatsRow;
  buyerName: string;
  villageName: string;
}

/**
 * 消费帮扶台账: purchases of certified products by buyer, origin village and month, read through
 * `statsService.stats` with groupBy BUYER, VILLAGE, MONTH: the `consumptionStats` query's scope,
 * filters and sums (voided purchases never count). Names come through the providers' and
 * regions' scoped loaders; a name the caller may not see is shown as its id.
 */
export const consumptionLedger: Ledger<ConsumptionLedgerRow> = {
  name: 'consumption',
  title: '消费帮扶台账',
  roles: purchasePolicy.roles.read,
  parameters: [
    { name: 'regionCode', description: 'only products from villages inside this region (12-digit code or prefix)' },
    { name: 'from', description: 'only purchases on or after this day (YYYY-MM-DD)' },
    { name: 'to', description: 'only purchases on or before this day (YYYY-MM-DD)' },
  ],
  columns: [
    { header: '月份', kind: 'text', value: (r) => r.stats.period, width: 10 },
    { header: '采购方', kind: 'text', value: (r) => r.buyerName, width: 30 },
    { header: '产品来源村', kind: 'text', value: (r) => r.villageName, width: 20 },
    { header: '村区划代码', kind: 'text', value: (r) => r.stats.villageCode, width: 16 },
    { header: '采购笔数', kind: 'integer', value: (r) => r.stats.purchaseCount, total: true },
    { header: '产品明细行数', kind: 'integer', value: (r) => r.stats.lineCount, total: true },
    { header: '采购金额（元）', kind: 'money', value: (r) => r.stats.amount, total: true, width: 16 },
  ],
  async rows(ctx, parameters, limit) {
    const from = dateParameter(parameters, 'from');
    const to = dateParameter(parameters, 'to');
    requireOrdered(from, to);
    const all = await statsService.stats(ctx, { regionCode: parameters.regionCode || undefined, from, to }, [
      StatsDimension.MONTH,
      StatsDimension.BUYER,
      StatsDimension.VILLAGE,
    ]);
    const stats = all.slice(0, limit);
    const [buyers, villages] = await Promise.all([
      providerService.findByKeys(ctx, [...new Set(stats.map((s) => s.buyerId!))]),
      regionService.findByKeys(ctx, [...new Set(stats.map((s) => s.villageCode!))]),
    ]);
    const buyerByKey = new Map(buyers.flatMap((b) => (b ? [[b.key, b.name]] : [])));
    const villageByCode = new Map(villages.flatMap((v) => (v ? [[v.code, v.name]] : [])));
    return stats.map((s) => ({
      stats: s,
      buyerName: buyerByKey.get(s.buyerId!) ?? s.buyerId!,
      villageName: villageByCode.get(s.villageCode!) ?? s.villageCode!,
    }));
  },
};
