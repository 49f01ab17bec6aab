import 'reflect-metadata';
import { assertSupportedNode } from '../core/config';
import { importPurchases } from '../modules/consumption/purchase-import';
import { seedId } from '../../../seeds/load';
import { median, scratchDatabase, timed } from './scratch-database';

/**
 * `npm run bench:import [-- ROWS]`: throughput of the bulk purchase import, batched (5000
 * purchases per transaction, INSERT … SELECT FROM unnest) against one transaction per purchase, measured in
 * one run on the same database. Reports rows per second and their ratio; no absolute threshold.
 */
async function main(): Promise<void> {
  assertSupportedNode();
  const rows = Number(process.argv[2] ?? 40_000);
  const scratch = await scratchDatabase('platform_bench_import');
  try {
    const buyers = ['tea-co', 'citrus-co', 'sc-agri-dept', 'city-hospital'].map((k) => seedId('provider', k));
    const products = ['green-pepper', 'rapeseed-oil'].map((k) => seedId('product', k)); // one village: purchases may mix them
    let run = 0;
    /** Two lines per purchase, fresh client references for every run. */
    async function* csv(count: number): AsyncGenerator<{ line: number; fields: string[] }> {
      run++;
      yield {
        line: 1,
        fields: ['client_reference', 'buyer_id', 'channel', 'purchased_on', 'product_id', 'quantity', 'unit', 'amount'],
      };
      for (let i = 0; i < count; i++) {
        const purchase = Math.floor(i / 2);
        yield {
          line: i + 2,
          fields: [
            `bench-${run}-${purchase}`,
            buyers[purchase % buyers.length],
            'CANTEEN',
            '2026-03-01',
            products[i % 2],
            '2',
            '公斤',
            `${(i % 500) + 1}.25`,
          ],
        };
      }
    }
    const measure = async (count: number, batchSize: number, concurrency = 1) => {
      const { ms, result } = await timed(() =>
        importPurchases(scratch.orm.em.fork(), csv(count), { batchSize, concurrency }),
      );
      if (result.rejected.length || result.imported * 2 !== count)
        throw new Error(`unexpected import result ${JSON.stringify({ ...result, rejected: result.rejected.length })}`);
      return (count / ms) * 1000;
    };
    const parallel: number[] = [];
    const batched: number[] = [];
    const single: number[] = [];
    for (let i = 0; i < 3; i++) {
      parallel.push(await measure(rows, 5000, 2));
      batched.push(await measure(rows, 5000, 1));
      single.push(await measure(Math.min(4000, rows), 1, 1));
    }
    const p = median(parallel);
    const b = median(batched);
    const s = median(single);
    console.log(`bulk import, ${rows} rows per batched run, medians of 3 runs:`);
    console.log(`  batched, two batches in flight (default):  ${Math.round(p)} rows/s`);
    console.log(`  batched (5000 purchases per transaction): ${Math.round(b)} rows/s`);
    console.log(`  one transaction per purchase:             ${Math.round(s)} rows/s`);
    console.log(`  ratio batched / per-purchase:             ${(b / s).toFixed(1)}x`);
    console.log(`  ratio two in flight / one:                ${(p / b).toFixed(2)}x`);
  } finally {
    await scratch.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
