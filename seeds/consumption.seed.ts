import type { Knex } from '@mikro-orm/knex';
import { PAIRING_OF_PURCHASE_SQL } from '../server/src/modules/consumption/purchase.repository';
import { certificateOn } from '../server/src/modules/consumption/purchase.rules';
import { fromFen } from '../server/src/modules/consumption/decimal';
import { addDays } from '../server/src/core/dates';
import { dataFile, seedId, type SeedCounts } from './load';

/** Provenance of every row this step writes (see `source` in the API). */
export const DEMO = 'DEMO';

interface ConsumptionFile {
  suppliers: { key: string; name: string; kind: string; villageCode: string; creditCode?: string }[];
  products: {
    key: string;
    name: string;
    category: string;
    supplierKey: string;
    unit: string;
    unitPrice: string;
    certifications: {
      certificateNumber: string;
      issuingBody: string;
      validFrom: string;
      validUntil: string | null;
      revokedFrom?: string;
      revokeReason?: string;
    }[];
  }[];
}

interface ProvidersFile {
  assistanceUnits: { key: string }[];
  enterprises: { key: string }[];
}

interface PairingsFile {
  pairings: { provider: string; target: string; status: string }[];
}

/** A small deterministic generator, so the demo ledger is the same on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const CHANNELS = ['E_COMMERCE_PLATFORM', 'CANTEEN', 'TRADE_UNION', 'EXPO', 'LIVE_STREAM', 'DIRECT'];
export const LEDGER_START = '2025-11-01';
export const LEDGER_DAYS = 365;
const PURCHASES = 1200;

/**
 * Suppliers, products with their certificates, and a year of generated purchases (from
 * LEDGER_START) by every seeded unit and enterprise over every channel; every 25th purchase is
 * voided with a reason. The ledger follows the recording rule: every line is of a product
 * certified on the purchase date (`certificateOn`, the rule the API and the import apply), so a
 * buyer picks among its products certified that day, and the demo shows the gaps a real
 * catalogue has (a certificate that lapsed before its renewal, one revoked, one product
 * certified only from March 2026).
 */
export async function seedConsumption(trx: Knex.Transaction, counts: SeedCounts): Promise<void> {
  const file = dataFile<ConsumptionFile>('consumption.json');
  const providers = dataFile<ProvidersFile>('providers.json');
  for (const s of file.suppliers) {
    await trx('supplier')
      .insert({
        id: seedId('supplier', s.key),
        name: s.name,
        kind: s.kind,
        village_code: s.villageCode,
        credit_code: s.creditCode ?? null,
        source: DEMO,
      })
      .onConflict('id')
      .merge();
  }
  const villageOfSupplier = new Map(file.suppliers.map((s) => [s.key, s.villageCode]));
  let certificates = 0;
  for (const p of file.products) {
    const productId = seedId('product', p.key);
    await trx('product')
      .insert({
        id: productId,
        name: p.name,
        category: p.category,
        supplier_id: seedId('supplier', p.supplierKey),
        origin_village_code: villageOfSupplier.get(p.supplierKey),
        source: DEMO,
      })
      .onConflict('id')
      .merge();
    for (const c of p.certifications) {
      await trx('product_certification')
        .insert({
          id: seedId('product-certification', c.certificateNumber),
          product_id: productId,
          certificate_number: c.certificateNumber,
          issuing_body: c.issuingBody,
          valid_from: c.validFrom,
          valid_until: c.validUntil,
          revoked_from: c.revokedFrom ?? null,
          revoke_reason: c.revokeReason ?? null,
          recorded_by: 'seed',
          source: DEMO,
        })
        .onConflict('id')
        .merge();
      certificates++;
    }
  }
  counts.suppliers = file.suppliers.length;
  counts.products = file.products.length;
  counts.productCertifications = certificates;

  // Buyers buy mostly where they help (消费协作): from villages their active pairings cover; a
  // buyer without such products sticks to one product picked from its key.
  const pairings = dataFile<PairingsFile>('pairings.json').pairings.filter((p) => p.status === 'ACTIVE');
  const covered = (providerKey: string, village: string) =>
    pairings.some(
      (p) =>
        p.provider === providerKey &&
        (p.target === village || (p.target.endsWith('000000') && village.startsWith(p.target.slice(0, 6)))),
    );
  const certified = (product: ConsumptionFile['products'][number], day: string) =>
    certificateOn(
      product.certifications.map((c) => ({ ...c, revokedFrom: c.revokedFrom ?? null })),
      day,
    ) !== null;
  const buyerKeys = [...providers.assistanceUnits, ...providers.enterprises].map((p) => p.key);
  const productsOf = new Map(
    buyerKeys.map((key, i) => {
      const own = file.products.filter((p) => covered(key, villageOfSupplier.get(p.supplierKey)!));
      return [key, own.length ? own : [file.products[i % file.products.length]]];
    }),
  );
  const next = random(20251101);
  const purchases: Record<string, unknown>[] = [];
  const lines: Record<string, unknown>[] = [];
  let n = 0;
  for (let attempt = 0; purchases.length < PURCHASES; attempt++) {
    const buyerKey = buyerKeys[attempt % buyerKeys.length];
    const day = addDays(LEDGER_START, Math.floor(next() * LEDGER_DAYS));
    // On a day none of its products is certified, the buyer records nothing (as the API would refuse it).
    const candidates = productsOf.get(buyerKey)!.filter((p) => certified(p, day));
    if (!candidates.length) continue;
    const product = candidates[Math.floor(next() * candidates.length)];
    const second = file.products.find(
      (p) => p.supplierKey === product.supplierKey && p.key !== product.key && certified(p, day),
    );
    const chosen = second && next() < 0.3 ? [product, second] : [product];
    const id = seedId('purchase', String(n));
    let totalFen = 0n;
    chosen.forEach((p, i) => {
      const quantity = 1 + Math.floor(next() * 40);
      const amountFen = BigInt(Math.round(Number(p.unitPrice) * 100)) * BigInt(quantity);
      totalFen += amountFen;
      lines.push({
        purchase_id: id,
        line_no: i + 1,
        product_id: seedId('product', p.key),
        category: p.category,
        quantity,
        unit: p.unit,
        amount: fromFen(amountFen),
      });
    });
    const village = villageOfSupplier.get(product.supplierKey)!;
    const voided = n % 25 === 24;
    purchases.push({
      id,
      buyer_id: seedId('provider', buyerKey),
      client_reference: `seed-${n}`,
      origin_village_code: village,
      county_code: village.slice(0, 6).padEnd(12, '0'),
      channel: CHANNELS[n % CHANNELS.length],
      purchased_on: day,
      status: voided ? 'VOIDED' : n % 3 === 0 ? 'VERIFIED' : 'RECORDED',
      total_amount: fromFen(totalFen),
      line_count: chosen.length,
      recorded_by: 'seed',
      void_reason: voided ? '重复登记（示例）' : null,
      voided_at: voided ? new Date(`${LEDGER_START}T00:00:00Z`) : null,
      source: DEMO,
    });
    n++;
  }
  for (let i = 0; i < purchases.length; i += 500) {
    await trx('purchase')
      .insert(purchases.slice(i, i + 500))
      .onConflict('id')
      .ignore();
  }
  for (let i = 0; i < lines.length; i += 500) {
    await trx('purchase_line')
      .insert(lines.slice(i, i + 500))
      .onConflict(['purchase_id', 'line_no'])
      .ignore();
  }
  // The same rule as live recording decides which pairing each purchase counts toward.
  await trx.raw(
    `UPDATE purchase p SET pairing_id = ${PAIRING_OF_PURCHASE_SQL('p.buyer_id', 'p.origin_village_code')} WHERE p.id = ANY(?::uuid[])`,
    [purchases.map((p) => p.id as string)],
  );
  counts.purchases = purchases.length;
  counts.purchaseLines = lines.length;
}
