import type { ApolloServerPlugin } from '@apollo/server';

const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json';

/**
 * Status codes as the GraphQL-over-HTTP spec asks: a client that accepts only
 * `application/json` (the legacy media type) gets 200 for a document that fails to parse or
 * validate or whose variables fail coercion, with the errors in the body; a client that prefers
 * `application/graphql-response+json` keeps Apollo's 400. graphql-http's audit checks both.
 */
export function jsonStatusPlugin<C extends object>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response }) {
          if (response.body.kind !== 'single' || response.http.status !== 400) return;
          const result = response.body.singleResult;
          if (result.data !== undefined || !result.errors?.length) return;
          if (prefersGraphQLResponseJson(request.http?.headers.get('accept'))) return;
          response.http.status = 200;
        },
      };
    },
  };
}

/**
 * Whether content negotiation picks `application/graphql-response+json` over `application/json`,
 * as Apollo does when it sets the response's content type: each offered type takes the q of the
 * most specific Accept entry matching it; the higher q wins, then the entry listed first, then
 * `application/json`.
 */
export function prefersGraphQLResponseJson(accept: string | undefined): boolean {
  if (!accept) return false;
  const entries = accept.split(',').map((part, order) => {
    const [type, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    return { type: type.trim(), q: q === undefined ? 1 : Number(q), order };
  });
  const match = (offer: string) => {
    const candidates = entries
      .map((e) => ({
        ...e,
        specificity: e.type === offer ? 2 : e.type === 'application/*' ? 1 : e.type === '*/*' ? 0 : -1,
      }))
      .filter((e) => e.specificity >= 0)
      .sort((a, b) => b.specificity - a.specificity);
    return candidates[0];
  };
  const json = match('application/json');
  const graphql = match(GRAPHQL_RESPONSE_JSON);
  if (!graphql || graphql.q <= 0) return false;
  if (!json || json.q <= 0) return true;
  if (graphql.q !== json.q) return graphql.q > json.q;
  return graphql.order < json.order;
}
