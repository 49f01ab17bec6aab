import { PlatformError, type GraphQLErrorShape } from './errors.js';
import { currentToken, type HttpTransportOptions } from './transport.js';

/**
 * The 台账 the platform exports (`GET /exports/<name>.xlsx`), each with the filters it takes.
 * Dates are YYYY-MM-DD; region codes are 12-digit codes or their prefixes.
 */
export interface LedgerFilters {
  /** 驻村考勤台账: 五天四夜 compliance per member and week, from the week of `from` to that of `to`. */
  attendance: { regionCode?: string; from?: string; to?: string };
  /** 结对帮扶台账: pairings with pledged and delivered contributions. */
  pairings: { regionCode?: string; status?: string; mechanism?: string; from?: string; to?: string };
  /** 万企兴万村台账: the ENTERPRISE_VILLAGE pairings, with the enterprises' credit codes. */
  'enterprise-villages': { regionCode?: string; status?: string; from?: string; to?: string };
  /** 消费帮扶台账: purchases by month, buyer and origin village. */
  consumption: { regionCode?: string; from?: string; to?: string };
  /** 重点帮扶村指标台账: key-assisted villages, their indicators and target progress. */
  'key-villages': { regionCode?: string; year?: number };
}

export type LedgerName = keyof LedgerFilters;

export const LEDGER_NAMES: readonly LedgerName[] = [
  'attendance',
  'pairings',
  'enterprise-villages',
  'consumption',
  'key-villages',
];

/**
 * Downloads one ledger as an .xlsx workbook (a Blob of type
 * application/vnd.openxmlformats-officedocument.spreadsheetml.sheet). The export route sits
 * beside the GraphQL endpoint (`…/graphql` → `…/exports/<name>.xlsx`) and answers refusals as
 * the platform's JSON errors, thrown here as PlatformError with their code.
 */
export async function downloadLedger<N extends LedgerName>(
  http: HttpTransportOptions,
  name: N,
  filters: LedgerFilters[N] = {} as LedgerFilters[N],
): Promise<Blob> {
  const url = new URL(`exports/${name}.xlsx`, http.url);
  for (const [key, value] of Object.entries(filters))
    if (value !== undefined && value !== null) url.searchParams.set(key, String(value));
  const token = await currentToken(http.getToken);
  const fetchImpl = http.fetch ?? globalThis.fetch;
  let response: Response;
  try {
    response = await fetchImpl(url, {
      headers: { ...http.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
  } catch (cause) {
    throw PlatformError.network(`Platform unreachable at ${url.origin}`, cause);
  }
  if (response.ok) return response.blob();
  let body: { errors?: GraphQLErrorShape[] } | null = null;
  try {
    body = (await response.json()) as { errors?: GraphQLErrorShape[] };
  } catch {
    // not the platform's JSON: reported below as a network error with the status
  }
  if (body?.errors?.length) throw PlatformError.fromGraphQLErrors(body.errors, response.status);
  throw PlatformError.network(`Export answered HTTP ${response.status}`, undefined, response.status);
}
