import type { Context } from '../../core/context';
import type { Ledger, LedgerParameter } from '../../core/exports/ledger';
import { collectPages, dateParameter, requireOrdered } from '../../core/exports/pages';
import { badInput } from '../../core/errors';
import { providerService } from '../providers/provider.service';
import { regionService } from '../regions/region.service';
import { pairingPolicy } from './pairing.policy';
import { pairingService } from './pairing.service';
import { PairingMechanism, PairingStatus } from './pairing.entity';
import type { PairingNode } from './pairing.types';

const MECHANISM: Record<PairingMechanism, string> = {
  DESIGNATED: '定点帮扶',
  EAST_WEST: '东西部协作',
  COUNTERPART: '对口帮扶',
  ENTERPRISE_VILLAGE: '万企兴万村',
  STRONG_HELPS_WEAK: '强村带弱村',
  SOCIAL_PARTICIPATION: '社会帮扶',
};

const STATUS: Record<PairingStatus, string> = {
  PROPOSED: '拟结对',
  ACTIVE: '结对中',
  SUSPENDED: '暂停',
  ENDED: '已结束',
};

export interface PairingLedgerRow {
  pairing: PairingNode;
  providerName: string;
  creditCode: string | null;
  targetName: string;
  pledged: string;
  delivered: string;
}

const PARAMETERS: LedgerParameter[] = [
  { name: 'regionCode', description: 'only pairings whose target lies in this region (12-digit code or prefix)' },
  { name: 'status', description: `only this status: ${Object.values(PairingStatus).join(', ')}` },
  { name: 'from', description: 'only pairings in force on or after this day (end date empty or not before it)' },
  { name: 'to', description: 'only pairings that started on or before this day' },
];

/**
 * Pairings read through `pairingService.list` (the `pairings` query's scope and filters), page
 * by page, with their pledged and delivered sums (`Pairing.pledgedAmount`/`deliveredAmount`)
 * and the names of provider and target through the providers' and regions' scoped loaders.
 */
async function pairingRows(
  ctx: Context,
  parameters: Record<string, string>,
  limit: number,
  mechanism?: PairingMechanism,
): Promise<PairingLedgerRow[]> {
  const status = parameters.status as PairingStatus | undefined;
  if (status !== undefined && !Object.values(PairingStatus).includes(status))
    throw badInput('status', `status must be one of ${Object.values(PairingStatus).join(', ')}`);
  const from = dateParameter(parameters, 'from');
  const to = dateParameter(parameters, 'to');
  requireOrdered(from, to);
  const filter = { regionCode: parameters.regionCode || undefined, status, mechanism };
  const all = await collectPages((page) => pairingService.list(ctx, filter, page), limit);
  // The period is a filter of the ledger, over the dates the API returns for each pairing.
  const pairings = all.filter((p) => (!to || p.startDate <= to) && (!from || !p.endDate || p.endDate >= from));
  const [totals, providers, regions] = await Promise.all([
    Promise.all(pairings.map((p) => pairingService.totals(ctx, p.key))),
    providerService.findByKeys(ctx, [...new Set(pairings.map((p) => p.providerId))]),
    regionService.findByKeys(ctx, [...new Set(pairings.map((p) => p.targetCode))]),
  ]);
  const providerByKey = new Map(providers.flatMap((p) => (p ? [[p.key, p]] : [])));
  const regionByCode = new Map(regions.flatMap((r) => (r ? [[r.code, r]] : [])));
  return pairings.map((pairing, i) => {
    const provider = providerByKey.get(pairing.providerId);
    return {
      pairing,
      providerName: provider?.name ?? pairing.providerId,
      creditCode: (provider as { creditCode?: string } | undefined)?.creditCode ?? null,
      targetName: regionByCode.get(pairing.targetCode)?.name ?? pairing.targetCode,
      pledged: totals[i].pledged,
      delivered: totals[i].delivered,
    };
  });
}

const common = {
  roles: pairingPolicy.roles.read,
  parameters: PARAMETERS,
};

/** 结对帮扶台账: every pairing the caller may see, with its contributions pledged and delivered. */
export const pairingsLedger: Ledger<PairingLedgerRow> = {
  ...common,
  name: 'pairings',
  title: '结对帮扶台账',
  parameters: [
    ...PARAMETERS,
    { name: 'mechanism', description: `only this mechanism: ${Object.values(PairingMechanism).join(', ')}` },
  ],
  columns: [
    { header: '帮扶主体', kind: 'text', value: (r) => r.providerName, width: 30 },
    { header: '帮扶机制', kind: 'text', value: (r) => MECHANISM[r.pairing.mechanism] },
    { header: '帮扶对象', kind: 'text', value: (r) => r.targetName, width: 20 },
    { header: '对象区划代码', kind: 'text', value: (r) => r.pairing.targetCode, width: 16 },
    { header: '结对状态', kind: 'text', value: (r) => STATUS[r.pairing.status] },
    { header: '开始日期', kind: 'date', value: (r) => r.pairing.startDate, width: 12 },
    { header: '结束日期', kind: 'date', value: (r) => r.pairing.endDate, width: 12 },
    { header: '承诺金额（元）', kind: 'money', value: (r) => r.pledged, total: true, width: 16 },
    { header: '落实金额（元）', kind: 'money', value: (r) => r.delivered, total: true, width: 16 },
  ],
  rows(ctx, parameters, limit) {
    const mechanism = parameters.mechanism as PairingMechanism | undefined;
    if (mechanism !== undefined && !Object.values(PairingMechanism).includes(mechanism))
      throw badInput('mechanism', `mechanism must be one of ${Object.values(PairingMechanism).join(', ')}`);
    return pairingRows(ctx, parameters, limit, mechanism);
  },
};

/**
 * 万企兴万村台账: the pairings of the ENTERPRISE_VILLAGE mechanism, with the enterprise's unified
 * social credit code. A ledger of its own because counties file it as its own table; its rows
 * are exactly the pairings ledger's with mechanism=ENTERPRISE_VILLAGE.
 */
export const enterpriseVillageLedger: Ledger<PairingLedgerRow> = {
  ...common,
  name: 'enterprise-villages',
  title: '万企兴万村台账',
  columns: [
    { header: '民营企业', kind: 'text', value: (r) => r.providerName, width: 30 },
    { header: '统一社会信用代码', kind: 'text', value: (r) => r.creditCode, width: 22 },
    { header: '结对村（县）', kind: 'text', value: (r) => r.targetName, width: 20 },
    { header: '区划代码', kind: 'text', value: (r) => r.pairing.targetCode, width: 16 },
    { header: '结对状态', kind: 'text', value: (r) => STATUS[r.pairing.status] },
    { header: '开始日期', kind: 'date', value: (r) => r.pairing.startDate, width: 12 },
    { header: '结束日期', kind: 'date', value: (r) => r.pairing.endDate, width: 12 },
    { header: '承诺金额（元）', kind: 'money', value: (r) => r.pledged, total: true, width: 16 },
    { header: '落实金额（元）', kind: 'money', value: (r) => r.delivered, total: true, width: 16 },
  ],
  rows: (ctx, parameters, limit) => pairingRows(ctx, parameters, limit, PairingMechanism.ENTERPRISE_VILLAGE),
};
