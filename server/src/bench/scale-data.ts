import type { Knex } from '@mikro-orm/knex';

/**
 * A deterministic data set at county-system scale, generated set-based in SQL (INSERT … SELECT
 * over generate_series): the same arguments always give the same rows, so runs on different days
 * compare. Everything lives under an illustrative province 99 (（示例）基准省) next to the demo data.
 *
 * Shape for `villages` = 10,000: 10 cities × 10 counties × 10 townships × 10 villages, every 10th
 * village key-assisted, indicators for 2021–2025, `enterprises` enterprises each paired (ACTIVE,
 * 万企兴万村) with 10 villages spread over the province, one supplier and product per village, and
 * `purchases` purchases (one line each) by those enterprises from their paired villages over
 * 2021–2025, 1 in 25 voided.
 */
export interface ScaleOptions {
  villages: number;
  enterprises: number;
  purchases: number;
}

export const SCALE_PROVINCE = '990000000000';

/** County codes of the generated province, in order (county i of city c: 99 cc kk 000000). */
export function scaleCountyCode(index: number): string {
  const city = Math.floor(index / 10) + 1;
  const county = (index % 10) + 1;
  return `99${String(city).padStart(2, '0')}${String(county).padStart(2, '0')}000000`;
}

/**
 * Generates the whole set in one transaction, so an interrupted run leaves nothing half-made. The
 * pool's statement timeout (15 s by default) is lifted for this transaction only: the purchase
 * steps take minutes at a million rows.
 */
export async function generateScaleData(knex: Knex, options: ScaleOptions, log: (line: string) => void): Promise<void> {
  await knex.transaction(async (trx) => {
    await trx.raw('SET LOCAL statement_timeout = 0');
    await generateInTransaction(trx, options, log);
  });
  // After commit (VACUUM cannot run in a transaction): ANALYZE so the planner's statistics see
  // every row, VACUUM so the visibility map lets index-only scans skip the heap, as autovacuum
  // would on a database that grew over years rather than in one bulk insert.
  const started = Date.now();
  await knex.raw('VACUUM (ANALYZE)');
  log(`  VACUUM (ANALYZE) (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

async function generateInTransaction(db: Knex, options: ScaleOptions, log: (line: string) => void): Promise<void> {
  const counties = Math.max(1, Math.ceil(options.villages / 100));
  const villages = counties * 100;
  const step = async (label: string, sql: string, bindings: Knex.RawBinding[] = []) => {
    const started = Date.now();
    await db.raw(sql, bindings);
    log(`  ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  };

  await step(
    'regions',
    `INSERT INTO region (code, name, level, parent_code, former_poverty_county, key_assisted_county)
     SELECT '${SCALE_PROVINCE}', '（示例）基准省', 'PROVINCE', NULL, false, NULL
     UNION ALL
     SELECT '99' || lpad(c::text, 2, '0') || '00000000', '（示例）基准市' || c, 'CITY', '${SCALE_PROVINCE}', false, NULL
       FROM generate_series(1, ?::int) c
     UNION ALL
     SELECT '99' || lpad((k / 10 + 1)::text, 2, '0') || lpad((k % 10 + 1)::text, 2, '0') || '000000',
            '（示例）基准县' || (k + 1), 'COUNTY', '99' || lpad((k / 10 + 1)::text, 2, '0') || '00000000',
            k % 3 = 0, CASE WHEN k % 5 = 0 THEN 'PROVINCIAL' END
       FROM generate_series(0, ?::int - 1) k`,
    [Math.ceil(counties / 10), counties],
  );
  await step(
    'townships and villages',
    `WITH county AS (SELECT code, row_number() OVER (ORDER BY code) - 1 AS k FROM region WHERE level = 'COUNTY' AND code LIKE '99%'),
     township AS (
       SELECT left(c.code, 6) || lpad(t::text, 3, '0') || '000' AS code, c.code AS county_code, c.k * 10 + t - 1 AS n
       FROM county c, generate_series(1, 10) t
     ),
     ins_township AS (
       INSERT INTO region (code, name, level, parent_code) SELECT code, '（示例）基准镇' || (n + 1), 'TOWNSHIP', county_code FROM township
     )
     INSERT INTO region (code, name, level, parent_code)
     SELECT left(t.code, 9) || lpad(v::text, 3, '0'), '（示例）基准村' || lpad((t.n * 10 + v)::text, 5, '0'), 'VILLAGE', t.code
     FROM township t, generate_series(1, 10) v`,
  );
  await step(
    'village profiles, designations, indicators 2021–2025',
    `WITH v AS (SELECT code, row_number() OVER (ORDER BY code) AS n FROM region WHERE level = 'VILLAGE' AND code LIKE '99%'),
     profile AS (
       INSERT INTO village (code, leading_industry, specialty_industries)
       SELECT code, (ARRAY['茶叶','水果','养殖','蔬菜','中药材'])[n % 5 + 1], ARRAY[(ARRAY['乡村旅游','手工艺','食用菌'])[n % 3 + 1]]
       FROM v
     ),
     designation AS (
       INSERT INTO village_designation (village_code, kind, level, since_year)
       SELECT code, 'KEY_ASSISTED', 'PROVINCIAL', 2021 FROM v WHERE n % 10 = 0
     )
     INSERT INTO village_indicators (village_code, year, households, population, per_capita_disposable_income, collective_income,
       farmland_mu, forest_mu, high_standard_farmland_share, tap_water_coverage, sanitary_toilet_coverage)
     SELECT code, y, 300 + n % 900, (300 + n % 900) * 3 + (n * 7) % 600, 12000 + (n * 37) % 9000 + (y - 2021) * 800,
       20000 + (n * 113) % 150000 + (y - 2021) * 5000, 1000 + n % 3000, 200 + n % 800, 30 + n % 50,
       80 + (n + y) % 21, 75 + (n * 3 + y) % 26
     FROM v, generate_series(2021, 2025) y`,
  );
  await step(
    'enterprises',
    `INSERT INTO provider (id, type, name, region_code, credit_code, ownership, industry, federation_member, campaigns)
     SELECT md5('scale-enterprise-' || e)::uuid, 'ENTERPRISE', '（示例）基准企业' || lpad(e::text, 4, '0'),
       '99' || lpad((e % ? / 10 + 1)::text, 2, '0') || lpad((e % ? % 10 + 1)::text, 2, '0') || '000000',
       '9199' || lpad(e::text, 14, '0'), 'PRIVATE', '农产品加工', e % 2 = 0, ARRAY['TEN_THOUSAND_ENTERPRISES']
     FROM generate_series(0, ?::int - 1) e`,
    [counties, counties, options.enterprises],
  );
  // Enterprise e helps villages (e * 37 + k * 997) mod V for k = 0..9: distinct for each enterprise,
  // spread over every county, so a county sees pairings of many enterprises.
  await step(
    'pairings (10 per enterprise)',
    `WITH v AS (SELECT code, row_number() OVER (ORDER BY code) - 1 AS i FROM village WHERE code LIKE '99%')
     INSERT INTO pairing (id, provider_id, target_code, target_level, mechanism, cooperation_areas, start_date, status)
     SELECT md5('scale-pairing-' || e || '-' || k)::uuid, md5('scale-enterprise-' || e)::uuid, v.code, 'VILLAGE',
       'ENTERPRISE_VILLAGE', ARRAY['INDUSTRY','CONSUMPTION'], DATE '2021-01-01' + (e % 365), 'ACTIVE'
     FROM generate_series(0, ?::int - 1) e CROSS JOIN generate_series(0, 9) k
     JOIN v ON v.i = (e * 37 + k * 997) % ?`,
    [options.enterprises, villages],
  );
  await step(
    'suppliers and certified products (one per village)',
    `WITH v AS (SELECT code, row_number() OVER (ORDER BY code) AS n FROM village WHERE code LIKE '99%'),
     s AS (
       INSERT INTO supplier (id, name, kind, village_code)
       SELECT md5('scale-supplier-' || code)::uuid, '（示例）基准合作社' || n, 'COOPERATIVE', code FROM v RETURNING id, village_code
     ),
     p AS (
       INSERT INTO product (id, name, category, supplier_id, origin_village_code)
       SELECT md5('scale-product-' || s.village_code)::uuid, '（示例）基准农产品', 'FRUIT_VEGETABLE', s.id, s.village_code
       FROM s RETURNING id, origin_village_code
     )
     INSERT INTO product_certification (product_id, certificate_number, issuing_body, valid_from, valid_until)
     SELECT p.id, 'XF-' || p.origin_village_code, '（示例）基准认定机构', DATE '2020-01-01', DATE '2030-12-31' FROM p`,
  );
  // Purchase n: buyer n mod E, from its k-th paired village with k = (n / E) mod 10, on a day
  // spread over 2021–2025; amount between 100 and 10,099.99 yuan.
  const started = Date.now();
  await db.raw(
    `CREATE TEMP TABLE scale_purchase ON COMMIT DROP AS
       SELECT md5('scale-purchase-' || n)::uuid AS id, n, p.provider_id AS buyer_id, p.id AS pairing_id, p.target_code AS village_code,
         DATE '2021-01-01' + ((n::bigint * 7919) % 1826)::int AS purchased_on,
         (100 + (n::bigint * 104729) % 1000000 / 100.0)::numeric(18,2) AS amount
       FROM generate_series(0, ?::int - 1) n
       JOIN pairing p ON p.id = md5('scale-pairing-' || (n % ?) || '-' || ((n / ?) % 10))::uuid`,
    [options.purchases, options.enterprises, options.enterprises],
  );
  await db.raw(
    `INSERT INTO purchase (id, buyer_id, client_reference, origin_village_code, county_code, channel, purchased_on, pairing_id,
         status, total_amount, line_count, recorded_by, void_reason, voided_at)
       SELECT id, buyer_id, 'scale-' || n, village_code, left(village_code, 6) || '000000',
         (ARRAY['E_COMMERCE_PLATFORM','CANTEEN','TRADE_UNION','EXPO','LIVE_STREAM','DIRECT'])[n % 6 + 1], purchased_on, pairing_id,
         CASE WHEN n % 25 = 0 THEN 'VOIDED' ELSE 'RECORDED' END, amount, 1, 'scale',
         CASE WHEN n % 25 = 0 THEN '（示例）重复录入' END, CASE WHEN n % 25 = 0 THEN now() END
       FROM scale_purchase`,
  );
  await db.raw(
    `INSERT INTO purchase_line (purchase_id, line_no, product_id, category, quantity, unit, amount)
       SELECT id, 1, md5('scale-product-' || village_code)::uuid, 'FRUIT_VEGETABLE', 1 + n % 50, '箱', amount FROM scale_purchase`,
  );
  log(
    `  purchases and lines: ${options.purchases.toLocaleString('en')} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
}
