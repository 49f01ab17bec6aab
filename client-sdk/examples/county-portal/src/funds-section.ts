import {
  FundDeadlinesDocument,
  ProjectChangedDocument,
  ProjectStatusCountsDocument,
  isPlatformError,
  type PlatformClient,
} from '@xiangcun/assistance-sdk';
import { graphql } from './gql';
import { escapeHtml, money } from './format';
import './funds-section.css';

/**
 * 衔接资金与项目库: the county's 12% gauge (003_…第四篇), its projects by status and the April
 * deadlines at risk (002_… 九), on the SDK's documents. Mounted by main.ts with one call; it
 * builds its own section, and redraws when a project of the county changes (projectChanged).
 */

/** The transition period's five years in one request: the gauge's year strip. */
const FundSharesDocument = graphql(`
  query PortalFundShares($regionCode: String!) {
    y2021: fundShare(regionCode: $regionCode, year: 2021) { ...PortalFundShare }
    y2022: fundShare(regionCode: $regionCode, year: 2022) { ...PortalFundShare }
    y2023: fundShare(regionCode: $regionCode, year: 2023) { ...PortalFundShare }
    y2024: fundShare(regionCode: $regionCode, year: 2024) { ...PortalFundShare }
    y2025: fundShare(regionCode: $regionCode, year: 2025) { ...PortalFundShare }
  }
  fragment PortalFundShare on FundShare { year total keyVillages share thresholdPercent met }
`);

const YEARS = [2021, 2022, 2023, 2024, 2025] as const;

export const PROJECT_STATUS: Record<string, string> = {
  PROPOSED: '申报入库',
  ASSESSED: '论证评审',
  APPROVED: '审批立项',
  ANNOUNCED: '公示公告',
  STARTED: '已开工',
  ACCEPTED: '竣工验收',
  EVALUATED: '绩效评价',
  CANCELLED: '已取消',
};

export const FUND_SOURCES: Record<string, string> = {
  CENTRAL_TRANSITION: '中央衔接资金',
  PROVINCIAL_TRANSITION: '省级衔接资金',
  CITY_TRANSITION: '市级衔接资金',
  COUNTY_TRANSITION: '县级衔接资金',
  EAST_WEST: '东西部协作资金',
  DESIGNATED: '定点帮扶资金',
  ENTERPRISE: '企业帮扶资金',
  SOCIAL: '社会帮扶资金',
};

type Share = {
  year: number;
  total: string;
  keyVillages: string;
  share: string | null;
  thresholdPercent: string;
  met: boolean | null;
};

/** The gauge: the share on a 0–max scale with the 12% line; exact strings, drawn with CSS widths. */
function gauge(share: Share): string {
  const value = share.share === null ? null : Number(share.share);
  const threshold = Number(share.thresholdPercent);
  const scale = Math.max(20, Math.ceil(((value ?? 0) + 1) / 5) * 5);
  const verdict =
    share.met === null
      ? '<span class="chip">无数据</span>'
      : share.met
        ? '<span class="chip met">达标</span>'
        : '<span class="chip unmet">未达标</span>';
  return `<div class="funds-gauge" data-year="${share.year}" data-met="${share.met}">
    <div class="funds-gauge-head"><span class="funds-share">${share.share === null ? '—' : `${share.share}%`}</span>${verdict}</div>
    <div class="funds-track" role="img" aria-label="重点帮扶村资金占比 ${share.share ?? '无数据'}%，要求不低于 ${threshold}%">
      <div class="funds-fill ${share.met ? 'met' : 'unmet'}" style="width:${((value ?? 0) / scale) * 100}%"></div>
      <div class="funds-line" style="left:${(threshold / scale) * 100}%"><span>${threshold}%</span></div>
    </div>
    <p class="muted">${share.year} 年财政衔接资金 ${money(share.total)}，其中用于重点帮扶村（仅服务重点帮扶村项目的已拨付资金）${money(share.keyVillages)}。</p>
  </div>`;
}

export function mountFundsSection(client: PlatformClient, regionCode: string, parent: HTMLElement): void {
  const section = document.createElement('section');
  section.className = 'panel funds';
  section.id = 'funds';
  section.innerHTML = `<h2>衔接资金与项目库</h2>
    <p class="muted">过渡期内（2021—2025年）财政衔接推进乡村振兴补助资金每年不低于12%用于重点帮扶村；4月底前市县两级预算资金全部到位、项目全部开工。</p>
    <div class="funds-years" role="tablist"></div>
    <div class="funds-body"><p class="muted">正在加载…</p></div>`;
  parent.append(section);
  let year: number | undefined;
  let shares: Share[] = [];

  const fail = (error: unknown) => {
    section.querySelector('.funds-body')!.innerHTML = `<p class="error">${escapeHtml(
      isPlatformError(error) ? `加载失败（${error.code}）：${error.message}` : `加载失败：${String(error)}`,
    )}</p>`;
  };

  async function render(): Promise<void> {
    const data = await client.request(FundSharesDocument, { regionCode });
    shares = YEARS.map((y) => data[`y${y}`]);
    // The latest year with funds, unless the reader chose one.
    year ??= [...shares].reverse().find((s) => s.share !== null)?.year ?? YEARS[YEARS.length - 1];
    section.querySelector('.funds-years')!.innerHTML = shares
      .map(
        (s) => `<button type="button" role="tab" data-year="${s.year}" aria-selected="${s.year === year}"
          class="${s.met === null ? '' : s.met ? 'met' : 'unmet'}">${s.year}<small>${s.share === null ? '—' : `${s.share}%`}</small></button>`,
      )
      .join('');
    const [counts, deadlines] = await Promise.all([
      client.request(ProjectStatusCountsDocument, { regionCode, year }),
      client.request(FundDeadlinesDocument, { regionCode, year: year! }),
    ]);
    const d = deadlines.deadlines;
    const state = d.passed ? '已逾期' : '有风险';
    const statusRows = counts.projectStatusCounts
      .filter((c) => c.count > 0 || c.status !== 'CANCELLED')
      .map(
        (c) => `<li data-status="${c.status}"><span class="label">${PROJECT_STATUS[c.status]}</span>
          <span class="count">${c.count} 个</span><span class="budget">${money(c.budget)}</span></li>`,
      )
      .join('');
    const city = d.cityFunds;
    section.querySelector('.funds-body')!.innerHTML = `
      <div class="funds-grid">
        <div><h3>重点帮扶村资金占比（${year}年）</h3>${gauge(shares.find((s) => s.year === year)!)}</div>
        <div><h3>项目库状态（${year}年）</h3><ul class="funds-status">${statusRows}</ul></div>
      </div>
      <h3>4月底时限（截至 ${d.deadline}）</h3>
      <div class="funds-deadlines">
        <div class="funds-risk" id="funds-late-money" data-count="${d.fundsNotInPlaceCount}">
          <b>${d.fundsNotInPlaceCount ? `${d.fundsNotInPlaceCount} 笔资金${state}` : '市县资金已按期到位'}</b>
          ${d.fundsNotInPlaceCount ? `<span class="muted">合计 ${money(d.fundsNotInPlaceAmount)}</span>` : ''}
          <ul>${d.fundsNotInPlace
            .map(
              (f) =>
                `<li>${FUND_SOURCES[f.source] ?? f.source} ${money(f.amount)} · ${f.inPlaceOn ? `${f.inPlaceOn} 到位` : '尚未到位'}</li>`,
            )
            .join('')}</ul>
        </div>
        <div class="funds-risk" id="funds-late-projects" data-count="${d.projectsNotStartedCount}">
          <b>${d.projectsNotStartedCount ? `${d.projectsNotStartedCount} 个项目开工${state}` : '项目已全部按期开工'}</b>
          <ul>${d.projectsNotStarted
            .map(
              (p) =>
                `<li>${escapeHtml(p.name)} · ${PROJECT_STATUS[p.status]}${p.actualStart ? `（${p.actualStart} 开工）` : `（计划 ${p.plannedStart}）`}</li>`,
            )
            .join('')}</ul>
        </div>
        <div class="funds-risk" id="funds-city" data-ok="${city.notBelowLastYear}">
          <b>市级衔接资金${city.notBelowLastYear === null ? '无数据' : city.notBelowLastYear ? '不低于上年' : '低于上年度水平'}</b>
          <span class="muted">${year}年 ${money(city.amount)}；上年 ${money(city.previousAmount)}</span>
        </div>
      </div>`;
    section.dataset.loaded = 'true';
  }

  section.querySelector('.funds-years')!.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest('button');
    if (!button) return;
    year = Number(button.dataset.year);
    render().catch(fail);
  });

  // A project entered, moved or paid changes the gauge, the counts or the deadlines: redraw once per burst.
  let pending: ReturnType<typeof setTimeout> | undefined;
  const subscription = client.subscribe(
    ProjectChangedDocument,
    { filter: { regionCode } },
    {
      next: () => {
        clearTimeout(pending);
        pending = setTimeout(() => render().catch(fail), 300);
      },
      error: fail,
    },
  );
  addEventListener('pagehide', () => subscription.close());

  render().catch(fail);
}
