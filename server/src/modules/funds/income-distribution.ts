import { fromFen, toFen } from '../consumption/decimal';

/**
 * How a year's income of a project asset is distributed (资产收益分配). The documents order the uses
 * but set no percentages: income goes first to people lifted out of poverty and monitored
 * households (脱贫人口稳定脱贫、监测人口防止返贫, `000_ed3d1c40eab019cc.txt` 4; "经营性扶贫资产收益优先用于
 * 易返贫致贫人口", `003_6038825323505164.txt` 第四篇), then project upkeep (项目运行管护) and village
 * public works (村级公益事业, `004_44e68c292b71f99b.txt` (四)). The village decides the percentages;
 * the platform keeps the order and the arithmetic:
 *
 * - the three percentages have at most two decimals and add up to exactly 100;
 * - the monitored-households share is never zero (优先: they always come first);
 * - upkeep and public works each get their percentage of the income **rounded down to the fen**,
 *   and the monitored households get the rest. The three amounts therefore add up to the income
 *   exactly, and every fen lost to rounding goes to the households that come first.
 */
export interface DistributionShares {
  monitoredHouseholdsPercent: string;
  upkeepPercent: string;
  publicWorksPercent: string;
}

export interface Distribution {
  toMonitoredHouseholds: string;
  toUpkeep: string;
  toPublicWorks: string;
}

const PERCENT = /^\d{1,3}(\.\d{1,2})?$/;

/** Hundredths of a percent, exact ("33.33" → 3333n). */
function basisPoints(percent: string): bigint {
  const [whole, frac = ''] = percent.split('.');
  return BigInt(whole) * 100n + BigInt(frac.padEnd(2, '0'));
}

/** The input field at fault and why, or null when the shares are acceptable. */
export function sharesRefusal(shares: DistributionShares): { field: string; message: string } | null {
  for (const field of ['monitoredHouseholdsPercent', 'upkeepPercent', 'publicWorksPercent'] as const) {
    if (!PERCENT.test(shares[field]) || basisPoints(shares[field]) > 10000n)
      return { field, message: `${field} must be a percentage from 0 to 100 with at most 2 decimals` };
  }
  if (basisPoints(shares.monitoredHouseholdsPercent) === 0n)
    return {
      field: 'monitoredHouseholdsPercent',
      message:
        'income goes first to people lifted out of poverty and monitored households (资产收益优先用于脱贫人口和监测户): their share cannot be 0',
    };
  const sum =
    basisPoints(shares.monitoredHouseholdsPercent) +
    basisPoints(shares.upkeepPercent) +
    basisPoints(shares.publicWorksPercent);
  if (sum !== 10000n)
    return {
      field: 'monitoredHouseholdsPercent',
      message: `the three percentages must add up to exactly 100, got ${fromFen(sum)}`,
    };
  return null;
}

/** Splits `income` (yuan, at most two decimals) by the rule above; call `sharesRefusal` first. */
export function distributeIncome(income: string, shares: DistributionShares): Distribution {
  const fen = toFen(income);
  const toUpkeep = (fen * basisPoints(shares.upkeepPercent)) / 10000n;
  const toPublicWorks = (fen * basisPoints(shares.publicWorksPercent)) / 10000n;
  return {
    toMonitoredHouseholds: fromFen(fen - toUpkeep - toPublicWorks),
    toUpkeep: fromFen(toUpkeep),
    toPublicWorks: fromFen(toPublicWorks),
  };
}
