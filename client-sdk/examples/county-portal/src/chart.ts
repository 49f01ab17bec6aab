import { wan, yuan } from './format';

const SVG = 'http://www.w3.org/2000/svg';

function el<K extends keyof SVGElementTagNameMap>(
  name: K,
  attrs: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * A bar chart of amounts (in fen) per month, drawn as plain SVG at the container's own width (so
 * its text stays legible on a phone instead of shrinking with a fixed viewBox); axis in 万元, each
 * bar's exact amount in yuan on hover.
 */
export function renderMonthlyChart(container: HTMLElement, months: string[], fenByMonth: Map<string, bigint>): void {
  const width = Math.round(Math.max(280, Math.min(720, container.clientWidth || 560)));
  const height = 240;
  const left = 46;
  const bottom = 36;
  const top = 16;
  const values = months.map((m) => fenByMonth.get(m) ?? 0n);
  const max = values.reduce((a, b) => (b > a ? b : a), 0n);
  const niceMax = max === 0n ? 100_00n : max;
  const plotH = height - top - bottom;
  const slot = (width - left - 8) / months.length;
  const svg = el('svg', {
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-label': '消费帮扶月度金额柱状图',
    class: 'chart',
  });
  svg.append(el('title', {}, '消费帮扶月度金额（万元）'));
  for (let i = 0; i <= 4; i++) {
    const y = top + plotH - (plotH * i) / 4;
    svg.append(el('line', { x1: left, x2: width - 4, y1: y, y2: y, class: 'grid' }));
    const label = (niceMax * BigInt(i)) / 4n;
    svg.append(el('text', { x: left - 6, y: y + 4, class: 'axis', 'text-anchor': 'end' }, wan(label)));
  }
  months.forEach((month, i) => {
    const value = values[i];
    const h = (Number((value * 10_000n) / niceMax) / 10_000) * plotH;
    const x = left + i * slot + slot * 0.18;
    const bar = el('rect', {
      x,
      y: top + plotH - h,
      width: slot * 0.64,
      height: Math.max(h, value > 0n ? 1 : 0),
      class: 'bar',
      'data-month': month,
      'data-fen': value.toString(),
    });
    bar.append(el('title', {}, `${month}：${yuan(value)} 元（${wan(value)} 万元）`));
    svg.append(bar);
    svg.append(
      el(
        'text',
        { x: x + slot * 0.32, y: height - bottom + 16, class: 'axis', 'text-anchor': 'middle' },
        slot >= 30 ? `${Number(month.slice(5))}月` : String(Number(month.slice(5))),
      ),
    );
  });
  svg.append(
    el('text', { x: left, y: height - 4, class: 'axis' }, `${months[0]} 至 ${months[months.length - 1]}，单位：万元`),
  );
  container.replaceChildren(svg);
}
