import {
  createPlatformClient,
  isPlatformError,
  type LiveStatus,
  type LiveSubscription,
  type PurchaseRecordedSubscription,
} from '@xiangcun/assistance-sdk';
import { AttendanceDaysDocument, RecentPurchasesDocument } from './documents';
import { renderMonthlyChart } from './chart';
import { mountMonitoring } from './monitoring/render';
import { mountFundsSection } from './funds-section';
import {
  CHANNELS,
  ROLES,
  TARGETS,
  TARGET_STATUS,
  addDaysTo,
  escapeHtml,
  lastCompleteWeek,
  lastTwelveMonths,
  mondayOf,
  money,
  percent,
  shortDate,
  time,
  toFen,
  todayInShanghai,
  yuan,
} from './format';
import './style.css';

/**
 * Configuration: `?api=…&token=…&region=…&week=…` or the Vite variables VITE_PLATFORM_API and
 * VITE_PLATFORM_TOKEN. A token from the address bar is kept in sessionStorage and removed from
 * the URL, so it does not linger in the browser history.
 */
const params = new URLSearchParams(location.search);
const api = params.get('api') ?? import.meta.env.VITE_PLATFORM_API ?? new URL('/graphql', location.href).href;
if (params.has('token')) {
  sessionStorage.setItem('platform-token', params.get('token')!);
  params.delete('token');
  history.replaceState(null, '', `${location.pathname}${params.size ? `?${params}` : ''}`);
}
const getToken = () => sessionStorage.getItem('platform-token') ?? import.meta.env.VITE_PLATFORM_TOKEN ?? null;
const client = createPlatformClient({ url: api, getToken });

const $ = <T extends HTMLElement = HTMLElement>(selector: string) => document.querySelector<T>(selector)!;
const today = todayInShanghai();
const months = lastTwelveMonths(today);
const fenByMonth = new Map<string, bigint>();
/** Feed items by purchase id; the list is kept ordered by the record time it shows. */
const feed = new Map<string, { item: HTMLLIElement; recordedAt: string }>();
let liveCount = 0;
let regionCode: string | null = null;
let subscription: LiveSubscription | null = null;
let statsRefresh: ReturnType<typeof setTimeout> | undefined;

const STATUS_TEXT: Record<LiveStatus, string> = {
  connecting: '实时连接中…',
  live: '● 实时推送已连接',
  reconnecting: '连接中断，正在重连（恢复后补齐期间的采购）…',
  closed: '实时推送已停止',
};

/** A problem the portal itself finds, already worded for the user. */
class PortalError extends Error {}

/** What went wrong, in Chinese, for every error the SDK reports (its `code` decides). */
function describeError(error: unknown): string {
  if (error instanceof PortalError) return error.message;
  if (!isPlatformError(error)) return '页面出错，请重试；如果问题持续，请联系平台管理员。';
  switch (error.code) {
    case 'UNAUTHENTICATED':
      return '登录凭证无效或已过期：请重新登录，或在地址中提供新的访问令牌后重试。';
    case 'FORBIDDEN':
      return '当前账号无权查看这些内容：请使用县级乡村振兴部门账号。';
    case 'NOT_FOUND':
      return '找不到该区划，或它不在本账号的管辖范围内。';
    case 'BAD_USER_INPUT':
      return `请求参数有误${error.fields.length ? `（${error.fields.join('、')}）` : ''}，请检查地址中的参数。`;
    case 'CONFLICT':
      return '数据已被他人修改，请重试。';
    case 'QUERY_TOO_COMPLEX':
      return '一次查询的内容过多，请缩小范围（例如减少每页条数）后重试。';
    case 'RATE_LIMITED':
      return `请求过于频繁，请在 ${error.retryAfterSeconds ?? 60} 秒后重试。`;
    case 'TIMEOUT':
      return '查询超时，请缩小范围后重试。';
    case 'BAD_REQUEST':
    case 'PAYLOAD_TOO_LARGE':
      return '请求格式有误，请刷新页面后重试。';
    case 'NETWORK_ERROR':
      return error.status ? '平台服务暂时不可用，请稍后重试。' : '无法连接平台服务，请检查网络后重试。';
    case 'CONFIGURATION_ERROR':
      return '当前浏览器不支持实时推送，请使用较新版本的浏览器。';
    case 'INTERNAL_SERVER_ERROR':
    case 'UNKNOWN':
      return '平台服务出错，请稍后重试；如果问题持续，请联系平台管理员。';
  }
}

function showError(error: unknown, retry: () => void): void {
  document.body.dataset.state = 'error';
  $('#error-message').textContent = describeError(error);
  // For support staff: the code and HTTP status, out of the text users read.
  $('#error').dataset.code = isPlatformError(error) ? error.code : 'UNKNOWN';
  if (isPlatformError(error) && error.status) $('#error').dataset.status = String(error.status);
  $('#error').hidden = false;
  $('#retry').onclick = () => {
    $('#error').hidden = true;
    retry();
  };
}

function card(label: string, value: string, note = '', id = ''): string {
  return `<div class="card"${id ? ` id="${id}"` : ''}><div class="label">${label}</div><div class="value">${value}</div><div class="note">${note}</div></div>`;
}

function renderChart(): void {
  renderMonthlyChart($('#chart'), months, fenByMonth);
  const total = months.reduce((sum, m) => sum + (fenByMonth.get(m) ?? 0n), 0n);
  $('#consumption-total').innerHTML = `近12个月合计 ${money(total)}（已剔除作废采购）`;
}

async function loadStats(code: string): Promise<void> {
  const stats = await client.consumptionStats({
    groupBy: ['MONTH'],
    filter: { regionCode: code, from: `${months[0]}-01`, to: today },
  });
  fenByMonth.clear();
  for (const row of stats) if (row.period) fenByMonth.set(row.period, toFen(row.amount));
  renderChart();
}

/**
 * The chart follows live purchases by asking for the statistics again (debounced): a purchase that
 * arrives live may or may not already be in the statistics loaded at start, and the platform's
 * sum is exact either way.
 */
function refreshStatsSoon(): void {
  clearTimeout(statsRefresh);
  statsRefresh = setTimeout(() => {
    if (regionCode) loadStats(regionCode).catch(() => undefined); // the next event or a retry catches up
  }, 250);
}

interface FeedPurchase {
  id: string;
  recordedAt: string;
  totalAmount: string;
  channel: string;
  buyer: { name: string } | null;
  originVillage: { name: string } | null;
}

/** Adds a purchase to the feed, newest record time first, each purchase once. */
function addToFeed(purchase: FeedPurchase, live: boolean, cursor?: string): void {
  if (feed.has(purchase.id)) return;
  const item = document.createElement('li');
  item.className = live ? 'live' : 'recent';
  item.dataset.purchaseId = purchase.id;
  item.dataset.recordedAt = purchase.recordedAt;
  if (cursor) item.dataset.cursor = cursor;
  item.innerHTML = `<time datetime="${escapeHtml(purchase.recordedAt)}">${live ? '<span class="badge">新</span>' : ''}${time(purchase.recordedAt)}</time>
    <span class="what"><span class="buyer">${escapeHtml(purchase.buyer?.name ?? '（采购方不可见）')}</span>
    采购 <span class="village">${escapeHtml(purchase.originVillage?.name ?? '—')}</span> 产品</span>
    <span class="amount">${money(purchase.totalAmount)}</span>
    <span class="channel">${CHANNELS[purchase.channel] ?? purchase.channel}</span>`;
  const list = $('#feed');
  const at = Date.parse(purchase.recordedAt);
  const next = [...feed.values()]
    .filter((entry) => Date.parse(entry.recordedAt) < at)
    .sort((a, b) => Date.parse(b.recordedAt) - Date.parse(a.recordedAt))[0];
  list.insertBefore(item, next?.item ?? null);
  feed.set(purchase.id, { item, recordedAt: purchase.recordedAt });
  $('#feed-empty').hidden = true;
}

function onPurchase(event: PurchaseRecordedSubscription): void {
  const { cursor, purchase } = event.purchaseRecorded;
  if (!purchase) return;
  liveCount += 1;
  $('#feed-count').textContent = `（本次打开后新增 ${liveCount} 笔）`;
  addToFeed(purchase, true, cursor);
  if (months.includes(purchase.purchasedOn.slice(0, 7))) refreshStatsSoon();
}

/**
 * Live first: the subscription's start cursor comes before the data is read, so nothing recorded
 * while the page loads is missed. Waits at most a few seconds for it; without a connection the
 * page still loads and the feed catches up once it connects.
 */
function startLive(code: string): Promise<void> {
  subscription?.close();
  return new Promise((resolve) => {
    const giveUp = setTimeout(resolve, 4000);
    subscription = client.live.purchaseRecorded(
      { filter: { regionCode: code }, after: subscription?.lastCursor ?? null },
      {
        next: onPurchase,
        status: (status) => {
          const box = $('#live-status');
          box.dataset.status = status;
          box.textContent = STATUS_TEXT[status];
          if (status === 'live' || status === 'closed') {
            clearTimeout(giveUp);
            resolve();
          }
        },
        error: (error) => showError(error, () => void startLive(code)),
      },
    );
  });
}

/** The latest day between `from` and `to` on which any of the region's team members recorded attendance. */
async function latestAttendance(code: string, from: string, to: string): Promise<string | null> {
  const data = await client.request(AttendanceDaysDocument, { regionCode: code, from, to });
  let latest: string | null = null;
  for (const { node } of data.residentTeams.edges)
    for (const member of node.members)
      for (const day of member.attendance) if (!latest || day.date > latest) latest = day.date;
  return latest;
}

/**
 * The week for 五天四夜: the one asked for (`?week=`), else the last complete week (Monday–Sunday)
 * in which the region's teams recorded any attendance, within the last 13 weeks. `recorded` is
 * false when that week has no records at all: such a week shows "暂无考勤", not a rate of 0%.
 */
async function attendanceWeek(code: string): Promise<{ weekOf: string; recorded: boolean }> {
  const asked = params.get('week');
  if (asked) {
    const monday = mondayOf(asked);
    return { weekOf: monday, recorded: (await latestAttendance(code, monday, addDaysTo(monday, 6))) !== null };
  }
  const lastMonday = lastCompleteWeek(today);
  const latest = await latestAttendance(code, addDaysTo(lastMonday, -84), addDaysTo(lastMonday, 6));
  return latest ? { weekOf: mondayOf(latest), recorded: true } : { weekOf: lastMonday, recorded: false };
}

function renderVillages(villages: Awaited<ReturnType<typeof client.keyAssistedVillages>>): void {
  $('#villages tbody').innerHTML =
    villages.edges
      .map(({ node: v }) => {
        const listed = v.targetProgress.filter((t) => TARGETS[t.targetCode]);
        const chips = listed
          .map((t) => {
            const badge = TARGET_STATUS[t.status];
            const when = t.evaluatedYear ? `（${t.evaluatedYear} 年数据）` : '';
            return `<span class="chip ${badge.className}" data-status="${t.status}" title="${escapeHtml(`${badge.label}${when}：${t.description}`)}">${badge.mark} ${TARGETS[t.targetCode]}</span>`;
          })
          .join('');
        const reached = listed.filter((t) => t.status === 'MET' || t.status === 'ON_TRACK').length;
        const due = listed.filter((t) => t.status === 'MET' || t.status === 'MISSED').length;
        const income = v.indicators?.perCapitaDisposableIncome;
        // Figures invented for the demonstration are marked so nobody reports them upward as facts.
        const demo =
          v.indicators?.source === 'DEMO' ? ' <span class="chip demo" title="示例数据，非真实统计">示例</span>' : '';
        return `<tr data-code="${v.code}"><td class="name" data-label="村名"><span class="village-name">${escapeHtml(v.name)}</span>${demo}</td>
        <td data-label="乡镇">${escapeHtml(v.township?.name)}</td>
        <td class="num" data-label="户数">${v.indicators?.households ?? '—'}</td>
        <td class="num" data-label="人口">${v.indicators?.population ?? '—'}</td>
        <td class="num" data-label="人均可支配收入">${income ? `${yuan(income)} 元` : '—'}</td>
        <td class="num" data-label="村集体经济收入">${money(v.indicators?.collectiveIncome)}</td>
        <td data-label="主导产业">${escapeHtml(v.leadingIndustry) || '—'}</td>
        <td class="targets" data-label="目标进度"><div class="progress"><b>${reached} / ${listed.length}</b> 项已达成<small>（到期 ${due} 项）</small></div>${chips}</td></tr>`;
      })
      .join('') || '<tr><td colspan="8" class="muted">本区域暂无重点帮扶村</td></tr>';
}

async function load(): Promise<void> {
  document.body.dataset.state = 'loading';
  const viewer = await client.viewer();
  const code = params.get('region') ?? viewer.regionCode;
  if (!code) throw new PortalError('此账号没有管辖区域：请使用县级乡村振兴部门账号，或在地址中指定 region 参数。');
  regionCode = code;
  mountMonitoring(client, code, $('main'));

  if (subscription?.status !== 'live') await startLive(code);
  const { weekOf, recorded: hasAttendance } = await attendanceWeek(code);

  const [region, villages, coverage, teams, recent] = await Promise.all([
    client.region(code),
    client.keyAssistedVillages(code),
    client.teamCoverage(code, weekOf),
    client.residentTeams({ filter: { regionCode: code, status: 'ACTIVE' }, weekOf, first: 100 }),
    client.request(RecentPurchasesDocument, { regionCode: code, first: 8 }),
    loadStats(code),
  ]);
  if (!region) throw new PortalError(`找不到区划 ${code}，或它不在本账号的管辖范围内。`);
  if (region.level === 'COUNTY' && !document.getElementById('funds')) mountFundsSection(client, region.code, $('main'));

  document.title = `${region.name} · 县级乡村振兴帮扶协同门户`;
  $('#title').textContent = `${region.name} 乡村振兴帮扶协同门户`;
  $('#subtitle').textContent =
    `${region.parent?.name ?? ''} ${region.name}（${region.code}）${region.keyAssistedCounty ? ' · 乡村振兴重点帮扶县' : ''}${region.formerPovertyCounty ? ' · 脱贫县' : ''}`;

  const c = region.coverage;
  const withoutTeam = coverage.keyVillagesWithoutTeam.totalCount;
  const summary = coverage.teamComplianceSummary;
  // Members with no record that week are not assessed as failing: no records at all is "no data".
  const teamRates = teams.edges.map(({ node }) => node.complianceRate);
  const recorded = hasAttendance && summary.assessedMembers > 0;
  $('#cards').innerHTML = [
    card('重点帮扶村', `${c.keyAssistedVillages} 个`, `行政村 ${region.summary.villageCount} 个`, 'card-key'),
    card(
      '结对帮扶覆盖',
      `${c.keyAssistedVillagesPaired} / ${c.keyAssistedVillages}`,
      '已结对重点帮扶村',
      'card-paired',
    ),
    card(
      '万企兴万村',
      `${c.keyAssistedVillagesPairedWithEnterprise} / ${c.keyAssistedVillages}`,
      '企业结对重点帮扶村',
      'card-enterprise',
    ),
    card(
      '强村带弱村',
      `${c.demonstrationVillagesHelping} / ${c.demonstrationVillages}`,
      '帮带重点村的示范村',
      'card-demo',
    ),
    card(
      '驻村工作队覆盖',
      `${c.keyAssistedVillages - withoutTeam} / ${c.keyAssistedVillages}`,
      withoutTeam ? `${withoutTeam} 个重点村未派驻` : '重点帮扶村全覆盖',
      'card-teams',
    ),
    recorded
      ? card(
          '“五天四夜”达标率',
          percent(summary.rate),
          `${shortDate(summary.weekStart)}–${shortDate(summary.weekEnd)}：${summary.compliantMembers} / ${summary.assessedMembers} 人达标`,
          'card-compliance',
        )
      : card(
          '“五天四夜”达标率',
          '暂无考勤',
          `${shortDate(summary.weekStart)}–${shortDate(summary.weekEnd)} 无考勤记录`,
          'card-compliance',
        ),
  ].join('');

  renderVillages(villages);

  $('#week').textContent = recorded
    ? `考勤周：${summary.weekStart} 至 ${summary.weekEnd}（最近一个有考勤记录的完整周）；全员达标工作队 ${summary.fullyCompliantTeams} / ${summary.teams} 支`
    : `考勤周：${summary.weekStart} 至 ${summary.weekEnd}，暂无考勤记录`;
  $('#teams-week-header').textContent = recorded
    ? `${shortDate(summary.weekStart)}–${shortDate(summary.weekEnd)} 达标`
    : '考勤周达标';
  $('#teams tbody').innerHTML =
    teams.edges
      .map(({ node: t }, i) => {
        const lead = t.dispatchingUnits.find((u) => u.lead);
        const secretary = t.members.find((m) => m.role === 'FIRST_SECRETARY');
        const rate = teamRates[i];
        const ok = rate.assessedMembers > 0 && rate.compliantMembers === rate.assessedMembers;
        const compliance =
          recorded && rate.assessedMembers > 0
            ? `<span class="chip ${ok ? 'met' : 'unmet'}">${rate.compliantMembers} / ${rate.assessedMembers}</span>`
            : '<span class="muted">暂无考勤</span>';
        return `<tr><td data-label="驻点村">${escapeHtml(t.village?.name) || '—'}</td><td data-label="牵头派出单位">${escapeHtml(lead?.name)}</td>
        <td data-label="第一书记">${escapeHtml(secretary?.person.name) || '—'}</td>
        <td class="num" data-label="在岗">${t.members.length} 人</td>
        <td data-label="达标">${compliance}</td></tr>`;
      })
      .join('') || `<tr><td colspan="5" class="muted">暂无在岗工作队（${ROLES.FIRST_SECRETARY}）</td></tr>`;

  for (const { node } of recent.purchases.edges) addToFeed(node, false);
  document.body.dataset.state = 'ready';
  document.body.dataset.loaded = 'true';
}

function run(): void {
  load().catch((error: unknown) => showError(error, run));
}

let resizeTimer: ReturnType<typeof setTimeout> | undefined;
addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => document.body.dataset.loaded && renderChart(), 150);
});
addEventListener('pagehide', () => subscription?.close());
run();
