/** Exact money: decimal strings (yuan) to integer fen and back, never through floating point. */
export function toFen(amount: string): bigint {
  const negative = amount.startsWith('-');
  const [whole, frac = ''] = amount.replace('-', '').split('.');
  const fen = BigInt(whole || '0') * 100n + BigInt((frac + '00').slice(0, 2));
  return negative ? -fen : fen;
}

export function fenToYuan(fen: bigint): string {
  const sign = fen < 0n ? '-' : '';
  const abs = fen < 0n ? -fen : fen;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** 1234567.8 → "1,234,567.80" */
export function yuan(amount: string | bigint | null | undefined): string {
  if (amount === null || amount === undefined) return '—';
  const text = typeof amount === 'bigint' ? fenToYuan(amount) : fenToYuan(toFen(amount));
  const [whole, frac] = text.split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
}

/** 1234567.8 → "123.46" (万元, rounded half up to two decimals), exactly, through integer fen. */
export function wan(amount: string | bigint): string {
  const fen = typeof amount === 'bigint' ? amount : toFen(amount);
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  const hundredths = (abs + 5_000n) / 10_000n; // 1 万元 = 1,000,000 fen; hundredths of 万元 = fen / 10,000
  const text = `${hundredths / 100n}.${String(hundredths % 100n).padStart(2, '0')}`;
  return `${negative ? '-' : ''}${text.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
}

const escapeAttribute = (text: string) => text.replace(/"/g, '&quot;');

/**
 * Money as county officials read it: from 1 万元 up in 万元, with the exact amount in yuan on
 * hover (`title`); smaller amounts in 元. Returns HTML.
 */
export function money(amount: string | bigint | null | undefined): string {
  if (amount === null || amount === undefined) return '—';
  const fen = typeof amount === 'bigint' ? amount : toFen(amount);
  const exact = `${yuan(fen)} 元`;
  if (fen >= 1_000_000n || fen <= -1_000_000n)
    return `<span class="money" title="${escapeAttribute(exact)}" data-fen="${fen}">${wan(fen)} 万元</span>`;
  return `<span class="money" data-fen="${fen}">${exact}</span>`;
}

export function percent(rate: string | null | undefined): string {
  if (rate === null || rate === undefined) return '—';
  return `${(Number(rate) * 100).toFixed(1)}%`;
}

/** Today's calendar date in Asia/Shanghai (YYYY-MM-DD). */
export function todayInShanghai(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function addDaysTo(date: string, days: number): string {
  return addDays(date, days);
}

/** Monday of the week holding `date`. */
export function mondayOf(date: string): string {
  const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
  return addDays(date, -weekday);
}

/** Monday of the last complete Monday–Sunday week before `today`. */
export function lastCompleteWeek(today: string): string {
  return addDays(mondayOf(today), -7);
}

/** "2026-11-09" → "11月9日" */
export function shortDate(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/** The twelve months ending with the month of `today`, oldest first ("2026-01"). */
export function lastTwelveMonths(today: string): string[] {
  const [year, month] = today.split('-').map(Number);
  return Array.from({ length: 12 }, (_, i) => {
    const index = year * 12 + (month - 1) - (11 - i);
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

export function time(iso: string): string {
  return new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).format(new Date(iso));
}

export const CHANNELS: Record<string, string> = {
  CANTEEN: '食堂采购',
  DIRECT: '直接采购',
  EXPO: '展销会',
  E_COMMERCE_PLATFORM: '电商平台',
  LIVE_STREAM: '直播带货',
  TRADE_UNION: '工会福利',
};

export const TARGETS: Record<string, string> = {
  PER_CAPITA_INCOME_VS_COUNTY_AVG_2023: '人均收入达县域平均',
  LEADING_INDUSTRY_2023: '主导产业',
  SPECIALTY_INDUSTRY_2023: '特色产业',
  COLLECTIVE_INCOME_2023: '集体收入≥5万',
  COLLECTIVE_INCOME_2025: '集体收入≥10万',
  TAP_WATER_COVERAGE_2025: '自来水≥90%',
  SANITARY_TOILET_COVERAGE_2025: '卫生厕所≥90%',
  RESIDENT_TEAM: '派驻工作队',
  DEMONSTRATION_PAIRS_KEY_VILLAGE: '示范村帮带',
};

/**
 * How a target's status is drawn: only MET and MISSED are judgements on the due year's data;
 * a target not yet due is never drawn as a failure, and a metric without data says so.
 */
export const TARGET_STATUS: Record<string, { mark: string; label: string; className: string }> = {
  MET: { mark: '✓', label: '已达标', className: 'met' },
  ON_TRACK: { mark: '✓', label: '提前达成', className: 'met' },
  MISSED: { mark: '✗', label: '未达标', className: 'unmet' },
  NOT_DUE: { mark: '○', label: '未到期', className: 'pending' },
  NO_DATA: { mark: '—', label: '无数据', className: 'nodata' },
};

export const ROLES: Record<string, string> = { FIRST_SECRETARY: '第一书记', TEAM_LEADER: '队长', MEMBER: '队员' };

export function escapeHtml(text: string | null | undefined): string {
  return (text ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}
