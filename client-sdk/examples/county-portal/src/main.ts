import {
  createPlatformClient,
  isPlatformError,
  type LiveStatus,
  type PurchaseRecordedSubscription,
} from '@xiangcun/assistance-sdk';
import { RecentPurchasesDocument } from './documents';
import { renderMonthlyChart } from './chart';
import {
  CHANNELS,
  ROLES,
  TARGETS,
  escapeHtml,
  lastCompleteWeek,
  lastTwelveMonths,
  percent,
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
const weekOf = params.get('week') ?? lastCompleteWeek(today);
const months = lastTwelveMonths(today);
const fenByMonth = new Map<string, bigint>();
const feed = new Map<string, HTMLLIElement>();
let liveCount = 0;

const STATUS_TEXT: Record<LiveStatus, string> = {
  connecting: '实时连接中…',
  live: '● 实时推送已连接',
  reconnecting: '连接中断，正在重连（不会遗漏采购）…',
  closed: '实时推送已停止',
};

function showError(error: unknown): void {
  const box = $('#error');
  box.hidden = false;
  box.textContent = isPlatformError(error)
    ? `加载失败（${error.code}）：${error.message}${error.fields.length ? `，字段：${error.fields.join('、')}` : ''}`
    : `加载失败：${String(error)}`;
}

function card(label: string, value: string, note = '', id = ''): string {
  return `<div class="card"${id ? ` id="${id}"` : ''}><div class="label">${label}</div><div class="value">${value}</div><div class="note">${note}</div></div>`;
}

function renderChart(): void {
  renderMonthlyChart($('#chart'), months, fenByMonth);
  const total = months.reduce((sum, m) => sum + (fenByMonth.get(m) ?? 0n), 0n);
  $('#consumption-total').textContent = `近12个月合计 ${yuan(total)} 元（已剔除作废采购）`;
}

type RecordedPurchase = NonNullable<PurchaseRecordedSubscription['purchaseRecorded']['purchase']>;

function addToFeed(
  purchase: {
    id: string;
    recordedAt: string;
    totalAmount: string;
    channel: string;
    buyer: { name: string } | null;
    originVillage: { name: string } | null;
  },
  live: boolean,
  cursor?: string,
): void {
  if (feed.has(purchase.id)) return;
  const item = document.createElement('li');
  item.className = live ? 'live' : 'recent';
  item.dataset.purchaseId = purchase.id;
  if (cursor) item.dataset.cursor = cursor;
  item.innerHTML = `${live ? '<span class="badge">新</span>' : ''}<time>${time(purchase.recordedAt)}</time>
    <span class="buyer">${escapeHtml(purchase.buyer?.name ?? '（采购方不可见）')}</span>
    采购 <span class="village">${escapeHtml(purchase.originVillage?.name ?? '—')}</span> 产品
    <span class="amount">${yuan(purchase.totalAmount)} 元</span>
    <span class="channel">${CHANNELS[purchase.channel] ?? purchase.channel}</span>`;
  feed.set(purchase.id, item);
  const list = $('#feed');
  if (live) list.prepend(item);
  else list.append(item);
  $('#feed-empty').hidden = true;
}

function onPurchase(event: PurchaseRecordedSubscription): void {
  const { cursor, purchase } = event.purchaseRecorded;
  if (!purchase) return;
  liveCount += 1;
  $('#feed-count').textContent = `（本次打开后新增 ${liveCount} 笔）`;
  addToFeed(purchase satisfies RecordedPurchase, true, cursor);
  const month = purchase.purchasedOn.slice(0, 7);
  if (months.includes(month) && purchase.status !== 'VOIDED') {
    fenByMonth.set(month, (fenByMonth.get(month) ?? 0n) + toFen(purchase.totalAmount));
    renderChart();
  }
}

async function load(): Promise<void> {
  const viewer = await client.viewer();
  const regionCode = params.get('region') ?? viewer.regionCode;
  if (!regionCode) throw new Error('此账号没有管辖区域：请使用县级乡村振兴部门账号，或在地址中指定 region');

  // Live first, so nothing recorded while the page loads is missed.
  const subscription = client.live.purchaseRecorded(
    { filter: { regionCode } },
    {
      next: onPurchase,
      status: (status) => {
        const box = $('#live-status');
        box.dataset.status = status;
        box.textContent = STATUS_TEXT[status];
      },
      error: showError,
    },
  );
  addEventListener('pagehide', () => subscription.close());

  const [region, villages, coverage, teams, stats, recent] = await Promise.all([
    client.region(regionCode),
    client.keyAssistedVillages(regionCode),
    client.teamCoverage(regionCode, weekOf),
    client.residentTeams({ filter: { regionCode, status: 'ACTIVE' }, weekOf, first: 100 }),
    client.consumptionStats({ groupBy: ['MONTH'], filter: { regionCode, from: `${months[0]}-01`, to: today } }),
    client.request(RecentPurchasesDocument, { regionCode, first: 8 }),
  ]);
  if (!region) throw new Error(`找不到区划 ${regionCode}，或不在本账号的管辖范围内`);

  document.title = `${region.name} · 县级乡村振兴帮扶协同门户`;
  $('#title').textContent = `${region.name} 乡村振兴帮扶协同门户`;
  $('#subtitle').textContent =
    `${region.parent?.name ?? ''} ${region.name}（${region.code}）${region.keyAssistedCounty ? ' · 乡村振兴重点帮扶县' : ''}${region.formerPovertyCounty ? ' · 脱贫县' : ''}`;

  const c = region.coverage;
  const withoutTeam = coverage.keyVillagesWithoutTeam.totalCount;
  const summary = coverage.teamComplianceSummary;
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
    card(
      '“五天四夜”达标率',
      percent(summary.rate),
      `${summary.compliantMembers} / ${summary.assessedMembers} 人达标`,
      'card-compliance',
    ),
  ].join('');

  $('#villages tbody').innerHTML = villages.edges
    .map(({ node: v }) => {
      const measured = v.targetProgress.filter((t) => t.met !== null);
      const chips = measured
        .filter((t) => TARGETS[t.targetCode])
        .map(
          (t) =>
            `<span class="chip ${t.met ? 'met' : 'unmet'}" title="${escapeHtml(t.description)}">${t.met ? '✓' : '✗'} ${TARGETS[t.targetCode]}</span>`,
        )
        .join('');
      const met = measured.filter((t) => t.met).length;
      return `<tr data-code="${v.code}"><td class="name">${escapeHtml(v.name)}</td><td>${escapeHtml(v.township?.name)}</td>
        <td class="num">${v.indicators?.households ?? '—'}</td><td class="num">${v.indicators?.population ?? '—'}</td>
        <td class="num">${yuan(v.indicators?.perCapitaDisposableIncome)}</td><td class="num">${yuan(v.indicators?.collectiveIncome)}</td>
        <td>${escapeHtml(v.leadingIndustry) || '—'}</td>
        <td><div class="progress"><b>${met} / ${measured.length}</b> 项达标</div>${chips}</td></tr>`;
    })
    .join('');

  $('#week').textContent =
    `考勤周：${summary.weekStart} 至 ${summary.weekEnd}；全员达标工作队 ${summary.fullyCompliantTeams} / ${summary.teams} 支`;
  $('#teams tbody').innerHTML =
    teams.edges
      .map(({ node: t }) => {
        const lead = t.dispatchingUnits.find((u) => u.lead);
        const secretary = t.members.find((m) => m.role === 'FIRST_SECRETARY');
        const rate = t.complianceRate;
        const ok = rate.assessedMembers > 0 && rate.compliantMembers === rate.assessedMembers;
        return `<tr><td>${escapeHtml(t.village.name)}</td><td>${escapeHtml(lead?.name)}</td><td>${escapeHtml(secretary?.person.name) || '—'}</td>
        <td class="num">${t.members.length} 人</td>
        <td><span class="chip ${ok ? 'met' : 'unmet'}">${rate.compliantMembers} / ${rate.assessedMembers}</span></td></tr>`;
      })
      .join('') || `<tr><td colspan="5" class="muted">暂无在岗工作队（${ROLES.FIRST_SECRETARY}）</td></tr>`;

  for (const row of stats) if (row.period) fenByMonth.set(row.period, toFen(row.amount));
  renderChart();

  for (const { node } of recent.purchases.edges) addToFeed(node, false);
  document.body.dataset.loaded = 'true';
}

load().catch(showError);
