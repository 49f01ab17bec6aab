import type express from 'express';
import { IDE_PATH } from './ide';

export interface EndpointIndexSettings {
  ide: boolean;
  /** `/metrics` is listed only where it is served on the API port. */
  metricsOnApiPort: boolean;
  /** Ledger names, each exported at `/exports/<name>.xlsx`. */
  ledgers: string[];
}

/** What `GET /` names: paths on this origin (the WebSocket endpoint shares the GraphQL path). */
export function endpointIndex(settings: EndpointIndexSettings) {
  return {
    service: '乡村振兴帮扶协同平台 (assistance coordination platform)',
    endpoints: {
      graphql: { http: '/graphql', websocket: '/graphql', websocketProtocol: 'graphql-transport-ws' },
      ...(settings.ide ? { ide: `${IDE_PATH}/` } : {}),
      livez: '/livez',
      readyz: '/readyz',
      ...(settings.metricsOnApiPort ? { metrics: '/metrics' } : {}),
      exports: settings.ledgers.map((name) => `/exports/${name}.xlsx`),
    },
  };
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * `GET /`: a JSON map of the endpoints, or for a browser a tiny page with the same links (no
 * script, so the strict Content-Security-Policy holds). Before it, `/` answered the JSON 404.
 */
export function endpointIndexRoute(settings: EndpointIndexSettings): express.RequestHandler {
  const body = endpointIndex(settings);
  const links: [string, string][] = [
    ['GraphQL (HTTP POST, graphql-ws)', body.endpoints.graphql.http],
    ...(settings.ide ? ([['GraphQL IDE 调试界面', `${IDE_PATH}/`]] as [string, string][]) : []),
    ['livez 存活探针', '/livez'],
    ['readyz 就绪探针', '/readyz'],
    ...(settings.metricsOnApiPort ? ([['metrics 指标', '/metrics']] as [string, string][]) : []),
  ];
  const html = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(body.service)}</title></head>
<body><h1>${escapeHtml(body.service)}</h1><ul>
${links.map(([label, href]) => `<li><a href="${escapeHtml(href)}">${escapeHtml(label)}</a> <code>${escapeHtml(href)}</code></li>`).join('\n')}
<li>台账导出 exports (bearer token): ${body.endpoints.exports.map((p) => `<code>${escapeHtml(p)}</code>`).join(' ')}</li>
</ul></body></html>
`;
  return (req, res) => {
    if (req.accepts(['application/json', 'text/html']) === 'text/html') res.type('html').send(html);
    else res.json(body);
  };
}
