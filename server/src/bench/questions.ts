import crypto from 'node:crypto';
import { toGlobalId } from '../core/relay/global-id';
import { scaleCountyCode } from './scale-data';

/**
 * The questions the performance benchmark asks, each as the platform's GraphQL document and as
 * the one SQL statement a hand-written server would answer it with (the limit any API layer can
 * approach). Both answer the same content under the same scope.
 */
export interface BenchQuestion {
  name: string;
  /** Token claims of the caller. */
  caller: { role: string; region?: string; provider?: string };
  query: string;
  variables: Record<string, unknown>;
  /** One statement returning one row with one `body` column: the whole JSON answer. */
  baseline: { sql: string; params: unknown[] };
}

const INDICATOR_JSON = `json_build_object('year', i.year, 'households', i.households, 'population', i.population,
  'perCapitaDisposableIncome', i.per_capita_disposable_income::text, 'collectiveIncome', i.collective_income::text)`;

/** Latest indicator row of village `code` as JSON (or null). */
const latestIndicators = (code: string) =>
  `(SELECT ${INDICATOR_JSON} FROM village_indicators i WHERE i.village_code = ${code} ORDER BY i.year DESC LIMIT 1)`;

/** `counties`: how many counties the scale data set has; the questions ask about the 43rd (or the last). */
export function benchQuestions(counties: number): BenchQuestion[] {
  const county = scaleCountyCode(Math.min(42, counties - 1));
  const countyPrefix = county.slice(0, 6);
  const village = `${countyPrefix}005003`;
  const enterprise = scaleUuid('scale-enterprise-17');
  return [
    {
      name: 'county dashboard (county official)',
      caller: { role: 'REGION_OFFICIAL', region: county },
      query: `query Dashboard($regionCode: String!, $from: Date!, $to: Date!) {
        villages(first: 50, filter: { regionCode: $regionCode }, orderBy: { field: NAME }) {
          totalCount
          edges { node { id code name
            indicators { year households population perCapitaDisposableIncome collectiveIncome }
            pairings(status: ACTIVE, first: 10) { mechanism provider { name } }
            consumption(from: $from, to: $to) { totalAmount purchaseCount }
          } }
        }
      }`,
      variables: { regionCode: countyPrefix, from: '2025-01-01', to: '2025-12-31' },
      baseline: {
        sql: `SELECT json_build_object('data', json_build_object('villages', json_build_object(
            'totalCount', (SELECT count(*) FROM village WHERE code LIKE $1),
            'edges', coalesce(json_agg(json_build_object('node', row_to_json(v)) ORDER BY v.name, v.code), '[]')))) AS body
          FROM (
            SELECT r.code, r.name, ${latestIndicators('r.code')} AS indicators,
              (SELECT coalesce(json_agg(json_build_object('mechanism', p.mechanism, 'provider', json_build_object('name', pr.name))), '[]')
                 FROM (SELECT * FROM pairing pa WHERE (pa.target_code = r.code OR pa.target_code = $2) AND pa.status = 'ACTIVE'
                       ORDER BY pa.start_date, pa.id LIMIT 10) p JOIN provider pr ON pr.id = p.provider_id) AS pairings,
              (SELECT json_build_object('totalAmount', coalesce(sum(pu.total_amount), 0)::text, 'purchaseCount', count(*))
                 FROM purchase pu WHERE pu.origin_village_code = r.code AND pu.status <> 'VOIDED'
                   AND pu.purchased_on BETWEEN $3 AND $4) AS consumption
            FROM village v JOIN region r ON r.code = v.code WHERE r.code LIKE $1 ORDER BY r.name, r.code LIMIT 50
          ) v`,
        params: [`${countyPrefix}%`, county, '2025-01-01', '2025-12-31'],
      },
    },
    ...(['ADMIN', 'REGION_OFFICIAL'] as const).map((role) => ({
      name: `one village by id (${role === 'ADMIN' ? 'admin' : 'county official'})`,
      caller: role === 'ADMIN' ? { role } : { role, region: county },
      query: `query Village($id: ID!) { node(id: $id) { id ... on Village { code name
        indicators { year households population perCapitaDisposableIncome collectiveIncome } } } }`,
      variables: { id: toGlobalId('Village', village) },
      baseline: {
        sql: `SELECT json_build_object('data', json_build_object('node',
            (SELECT json_build_object('code', r.code, 'name', r.name, 'indicators', ${latestIndicators('r.code')})
             FROM village v JOIN region r ON r.code = v.code WHERE v.code = $1 AND ($2::text IS NULL OR v.code LIKE $2)))) AS body`,
        params: [village, role === 'ADMIN' ? null : `${countyPrefix}%`],
      },
    })),
    {
      name: "an enterprise's assigned villages",
      caller: { role: 'ENTERPRISE', provider: enterprise },
      query: `query Assigned { viewer { provider { name ... on Enterprise {
        assignedVillages(first: 20) { totalCount edges { node { id code name
          indicators { year households population perCapitaDisposableIncome collectiveIncome } } } } } } } }`,
      variables: {},
      baseline: {
        sql: `SELECT json_build_object('data', json_build_object('viewer', json_build_object('provider', json_build_object(
            'name', (SELECT name FROM provider WHERE id = $1),
            'assignedVillages', (SELECT json_build_object('totalCount', (SELECT count(*) FROM provider_assigned_village WHERE provider_id = $1),
              'edges', coalesce(json_agg(json_build_object('node', row_to_json(v)) ORDER BY v.code), '[]'))
              FROM (SELECT r.code, r.name, ${latestIndicators('r.code')} AS indicators
                    FROM provider_assigned_village a JOIN region r ON r.code = a.village_code
                    WHERE a.provider_id = $1 ORDER BY r.code LIMIT 20) v))))) AS body`,
        params: [enterprise],
      },
    },
  ];
}

/** The uuid scale-data.ts gives a generated row: PostgreSQL's `md5(text)::uuid`. */
export function scaleUuid(text: string): string {
  const hex = crypto.createHash('md5').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
