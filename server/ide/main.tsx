// The platform's offline GraphQL IDE: GraphiQL 4 bundled from npm (see server/scripts/build-ide.mjs),
// served from the platform's own origin, so nothing is fetched from a CDN or a font service.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher, type Fetcher } from '@graphiql/toolkit';
import 'graphiql/style.css';
import './ide.css';

/**
 * sessionStorage, never localStorage: a token is a credential and must not outlive the browser
 * tab, nor be readable by later users of a shared office computer.
 */
const TOKEN_KEY = 'platform-ide-token';

const DEFAULT_QUERY = `# 乡村振兴帮扶协同平台 · GraphQL IDE
#
# 先在上方粘贴访问令牌, 再点 ▶ 运行 (Ctrl+Enter)。令牌: npm run token -- --role ADMIN
# Paste a token above, then run ▶ (Ctrl+Enter). A token: npm run token -- --role ADMIN
#
# 订阅 (subscription) 走 graphql-ws, 例如 / subscriptions run over graphql-ws, e.g.
#   subscription { purchaseRecorded { cursor purchase { id } } }

query Overview {
  viewer {
    role
    regionCode
  }
  regions(first: 5) {
    totalCount
    edges {
      node {
        code
        name
        level
      }
    }
  }
}
`;

/** Accepts the token alone or a pasted "Bearer …" header value; the server wants "Bearer <token>". */
function normalise(text: string): string {
  return text.trim().replace(/^Bearer\s+/i, '');
}

function readToken(): string {
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    return ''; // storage blocked by the browser's settings: the token lives in this page only
  }
}

function storeToken(token: string): void {
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // see readToken
  }
}

/**
 * One fetcher per token: HTTP requests carry `Authorization: Bearer …`, and each subscription's
 * graphql-ws connection sends the same value as `connectionParams.authorization`, which is where
 * the server reads it (core/http/websocket.ts). A new fetcher also makes GraphiQL load the schema
 * again, which needs a token.
 */
function fetcherFor(token: string): Fetcher {
  // The page is at <base>/ide/: the API is <base>/graphql, whatever prefix a proxy adds.
  const url = new URL('../graphql', window.location.href);
  const subscriptionUrl = new URL(url);
  subscriptionUrl.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  const authorization = token ? { authorization: `Bearer ${token}` } : undefined;
  return createGraphiQLFetcher({
    url: url.href,
    subscriptionUrl: subscriptionUrl.href,
    headers: authorization,
    wsConnectionParams: authorization,
    // The platform has no @defer/@stream: plain JSON answers, no multipart parsing.
    enableIncrementalDelivery: false,
  });
}

const form = document.getElementById('token-form') as HTMLFormElement;
const input = document.getElementById('token') as HTMLInputElement;
const state = document.getElementById('token-state') as HTMLOutputElement;
const root = createRoot(document.getElementById('graphiql')!);

function render(token: string): void {
  state.textContent = token ? '已设置令牌 token set' : '未设置令牌 no token';
  state.dataset.token = token ? 'set' : 'none';
  root.render(
    <StrictMode>
      <GraphiQL
        fetcher={fetcherFor(token)}
        // Every request needs a token: without one, asking for the schema could only fail (401).
        schema={token ? undefined : null}
        defaultQuery={DEFAULT_QUERY}
        shouldPersistHeaders={false}
      />
    </StrictMode>,
  );
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const token = normalise(input.value);
  storeToken(token);
  input.value = token;
  render(token);
});
document.getElementById('token-clear')!.addEventListener('click', () => {
  input.value = '';
  storeToken('');
  render('');
});

input.value = readToken();
render(input.value);
