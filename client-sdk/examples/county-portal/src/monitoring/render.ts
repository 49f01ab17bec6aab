import {
  MonitoringCaseChangedDocument,
  MonitoringSummaryDocument,
  isPlatformError,
  type LiveStatus,
  type MonitoringCaseChangedSubscription,
  type MonitoringSummaryQuery,
  type PlatformClient,
} from '@xiangcun/assistance-sdk';
import type { PortalOverdueNoticesQuery } from '../gql/graphql';
import { escapeHtml, time, yuan } from '../format';
import { OverdueNoticesDocument } from './documents';
import { ACTIONS, CATEGORIES, CAUSES, CHANGES, NOTICES, STATUSES } from './labels';
import './monitoring.css';

/**
 * The county portal's monitoring section (防止返贫动态监测): counts by category and status, what is
 * overdue (notices past their end, months without village screening, quarters without township
 * review), and the cases changing live. It mounts itself at the end of `host`, reads through the
 * SDK only, and refreshes its counts shortly after each live change. It shows no ID numbers.
 */

type Summary = MonitoringSummaryQuery['monitoringSummary'];
type Overdue = PortalOverdueNoticesQuery['monitoringCases'];
type Change = MonitoringCaseChangedSubscription['monitoringCaseChanged'];

const SECTION = `
<section class="panel monitoring" id="monitoring" aria-labelledby="monitoring-title">
  <h2 id="monitoring-title">防止返贫动态监测 <span class="muted" id="monitoring-year"></span></h2>
  <p class="muted" id="monitoring-line"></p>
  <p class="error" id="monitoring-error" hidden></p>
  <div class="mon-cards" id="monitoring-cards"></div>
  <div class="mon-grid">
    <div>
      <h3>监测对象：类别 × 状态</h3>
      <div class="mon-scroll">
        <table id="monitoring-matrix"><thead></thead><tbody></tbody></table>
      </div>
      <p class="muted" id="monitoring-causes"></p>
    </div>
    <div>
      <h3>逾期事项 <span class="muted" id="monitoring-overdue-count"></span></h3>
      <ul class="mon-list" id="monitoring-overdue"></ul>
    </div>
  </div>
  <h3>监测动态 <span class="muted" id="monitoring-live-status" data-status="connecting">连接中…</span></h3>
  <ol class="mon-list" id="monitoring-feed"></ol>
  <p class="muted" id="monitoring-feed-empty">暂无新的监测动态；上报、审核、公示、帮扶与回访将实时显示在这里。</p>
</section>`;

const LIVE_TEXT: Record<LiveStatus, string> = {
  connecting: '连接中…',
  live: '● 实时',
  reconnecting: '重连中（不会遗漏）…',
  closed: '已停止',
};

function card(id: string, label: string, value: string, note = ''): string {
  return `<div class="card" id="${id}"><div class="label">${label}</div><div class="value">${value}</div><div class="note">${note}</div></div>`;
}

function renderSummary(root: HTMLElement, s: Summary): void {
  const $ = (selector: string) => root.querySelector<HTMLElement>(selector)!;
  $('#monitoring-year').textContent = `${s.year} 年`;
  $('#monitoring-line').textContent = s.line
    ? `监测标准：人均年纯收入 ${yuan(s.line.amount)} 元（${s.line.baseYear} 年起${s.line.annualGrowthPercent === '0.00' ? '' : `逐年增长 ${Number(s.line.annualGrowthPercent)}%`}；依据：${s.line.source}）`
    : '本区域尚未设定当年监测标准（由县级设定；不设全国统一常数）';
  const category = (key: string) => s.byCategory.find((c) => c.category === key)?.count ?? 0;
  $('#monitoring-cards').innerHTML = [
    card('mon-card-cases', '年内监测对象', `${s.cases} 户`, `年内新识别 ${s.confirmedInYear} 户`),
    ...Object.entries(CATEGORIES).map(([key, name]) => card(`mon-card-${key}`, name, `${category(key)} 户`)),
    card('mon-card-eliminated', '年内风险消除', `${s.eliminatedInYear} 户`),
    card(
      'mon-card-overdue',
      '逾期事项',
      `${s.overdueNotices + s.cadence.villagesBehind + s.cadence.townshipsBehind} 项`,
      `公示期满待处理 ${s.overdueNotices}，未按月摸排 ${s.cadence.villagesBehind} 村，未按季审核 ${s.cadence.townshipsBehind} 个乡镇`,
    ),
  ].join('');

  const count = (cat: string, status: string) =>
    s.byCategoryAndStatus.find((c) => c.category === cat && c.status === status)?.count ?? 0;
  $('#monitoring-matrix thead').innerHTML = `<tr><th>状态</th>${Object.values(CATEGORIES)
    .map((name) => `<th class="num">${name}</th>`)
    .join('')}<th class="num">合计</th></tr>`;
  $('#monitoring-matrix tbody').innerHTML = s.byStatus
    .map(
      ({ status, count: total }) =>
        `<tr data-status="${status}"><td>${STATUSES[status] ?? status}</td>${Object.keys(CATEGORIES)
          .map((cat) => `<td class="num" data-category="${cat}">${count(cat, status) || '·'}</td>`)
          .join('')}<td class="num total">${total}</td></tr>`,
    )
    .join('');
  $('#monitoring-causes').textContent = s.byRiskCause.length
    ? `主要风险：${s.byRiskCause
        .slice(0, 6)
        .map((c) => `${CAUSES[c.cause] ?? c.cause} ${c.count}`)
        .join('，')}`
    : '';
}

function renderOverdue(root: HTMLElement, s: Summary, overdue: Overdue): void {
  const items = [
    ...overdue.edges.map(
      ({ node: c }) =>
        `<li class="overdue notice" data-case-id="${c.id}"><b>${escapeHtml(c.village.name)} ${escapeHtml(c.household.headName)}</b>
         ${NOTICES[c.notice?.kind ?? ''] ?? '公示'}已于 ${c.notice?.endsOn ?? '—'} 期满，${c.notice?.kind === 'ELIMINATION' ? '待县级标注风险消除' : '待乡镇审核'}</li>`,
    ),
    ...s.screeningGaps.edges.map(
      ({ node: g }) =>
        `<li class="overdue screening" data-village="${g.villageCode}"><b>${escapeHtml(g.villageName)}</b> 未按月摸排：${g.missingMonths.join('、')}</li>`,
    ),
    ...s.reviewGaps.edges.map(
      ({ node: g }) =>
        `<li class="overdue review" data-township="${g.townshipCode}"><b>${escapeHtml(g.townshipName)}</b> 未按季审核：${g.missingQuarters.join('、')}</li>`,
    ),
  ];
  const more = overdue.totalCount - overdue.edges.length;
  root.querySelector('#monitoring-overdue-count')!.textContent = `（${items.length + Math.max(more, 0)} 项）`;
  root.querySelector('#monitoring-overdue')!.innerHTML =
    items.join('') + (more > 0 ? `<li class="muted">另有 ${more} 户公示期满待处理</li>` : '') ||
    '<li class="muted">无逾期事项</li>';
}

function addToFeed(root: HTMLElement, change: Change): void {
  const list = root.querySelector('#monitoring-feed')!;
  const c = change.case;
  const item = document.createElement('li');
  item.className = 'live';
  item.dataset.cursor = change.cursor;
  if (c) item.dataset.caseId = c.id;
  const what =
    change.change === 'STEP'
      ? `${ACTIONS[change.action ?? ''] ?? change.action}：${change.from ? `${STATUSES[change.from]} → ` : ''}${STATUSES[change.to]}`
      : `${CHANGES[change.change]}（${STATUSES[change.to]}）`;
  item.innerHTML = `<span class="badge">新</span><time>${time(new Date().toISOString())}</time>
    <span>${c ? `${escapeHtml(c.village.name)} ${escapeHtml(c.household.headName)}` : '（已不在本账号范围内）'}</span>
    <span class="what">${what}</span>`;
  list.prepend(item);
  root.querySelector<HTMLElement>('#monitoring-feed-empty')!.hidden = true;
}

let mounted: { close(): void } | undefined;

/**
 * Mounts the section once (the portal may run its loading again after an error); returns a
 * handle that stops its live subscription.
 */
export function mountMonitoring(client: PlatformClient, regionCode: string, host: HTMLElement): { close(): void } {
  if (mounted) return mounted;
  host.insertAdjacentHTML('beforeend', SECTION);
  const root = host.querySelector<HTMLElement>('#monitoring')!;
  const showError = (error: unknown) => {
    const box = root.querySelector<HTMLElement>('#monitoring-error')!;
    box.hidden = false;
    box.textContent =
      isPlatformError(error) && error.code === 'FORBIDDEN'
        ? '本账号无权查看防止返贫监测数据（仅限县级乡村振兴部门等监测角色）'
        : `监测数据加载失败：${isPlatformError(error) ? `${error.code} ${error.message}` : String(error)}`;
  };

  const refresh = async () => {
    const [{ monitoringSummary }, overdue] = await Promise.all([
      client.request(MonitoringSummaryDocument, { regionCode }),
      client.request(OverdueNoticesDocument, { regionCode, first: 20 }),
    ]);
    renderSummary(root, monitoringSummary);
    renderOverdue(root, monitoringSummary, overdue.monitoringCases);
    root.dataset.loaded = 'true';
  };
  let pending: ReturnType<typeof setTimeout> | undefined;
  const refreshSoon = () => {
    clearTimeout(pending);
    pending = setTimeout(() => void refresh().catch(showError), 250);
  };

  // Live first, so nothing changing while the counts load is missed.
  const subscription = client.subscribe(
    MonitoringCaseChangedDocument,
    { filter: { regionCode } },
    {
      next: (event) => {
        addToFeed(root, event.monitoringCaseChanged);
        refreshSoon();
      },
      status: (status) => {
        const badge = root.querySelector<HTMLElement>('#monitoring-live-status')!;
        badge.dataset.status = status;
        badge.textContent = LIVE_TEXT[status];
      },
      error: showError,
    },
  );
  addEventListener('pagehide', () => subscription.close());
  void refresh().catch(showError);
  mounted = { close: () => subscription.close() };
  return mounted;
}
