import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { PlatformError, type GraphQLErrorShape } from './errors.js';

/** A token, or a function that yields the current one (called before every request and (re)connect). */
export type TokenSource = () => string | null | undefined | Promise<string | null | undefined>;

/** The variables argument of a typed document: optional when every variable is. */
// `{}` is the point here: it is assignable to V exactly when every variable of V is optional.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type VariablesArg<V> = {} extends V ? [variables?: V] : [variables: V];

export type ResultOf<D> = D extends TypedDocumentNode<infer R, any> ? R : never;
export type VariablesOf<D> = D extends TypedDocumentNode<any, infer V> ? V : never;

interface Printed {
  query: string;
  operationName?: string;
}

const printed = new WeakMap<DocumentNode, Printed>();

/** The text and operation name of a document, printed once per document object. */
export function printDocument(document: DocumentNode): Printed {
  let entry = printed.get(document);
  if (!entry) {
    const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
    entry = { query: print(document), ...(operation?.name ? { operationName: operation.name.value } : {}) };
    printed.set(document, entry);
  }
  return entry;
}

export interface HttpTransportOptions {
  url: string;
  getToken: TokenSource;
  fetch?: typeof globalThis.fetch;
  headers?: Record<string, string>;
}

/** Runs one operation over HTTP POST and returns its data, or throws a PlatformError. */
export async function executeHttp<R, V>(
  options: HttpTransportOptions,
  document: TypedDocumentNode<R, V>,
  variables: V | undefined,
): Promise<R> {
  const { query, operationName } = printDocument(document);
  const token = await options.getToken();
  const doFetch = options.fetch ?? globalThis.fetch;
  if (!doFetch) throw PlatformError.network('No fetch implementation: pass `fetch` to createPlatformClient');
  let response: Response;
  try {
    response = await doFetch(options.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...options.headers,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables: variables ?? {}, ...(operationName ? { operationName } : {}) }),
    });
  } catch (cause) {
    throw PlatformError.network(`Platform unreachable at ${options.url}`, cause);
  }
  let body: { data?: R | null; errors?: GraphQLErrorShape[] };
  try {
    body = (await response.json()) as typeof body;
  } catch (cause) {
    throw PlatformError.network(
      `Platform answered HTTP ${response.status} without a GraphQL response`,
      cause,
      response.status,
    );
  }
  if (body.errors?.length) throw PlatformError.fromGraphQLErrors(body.errors, response.status);
  if (body.data == null)
    throw PlatformError.network(`Platform answered HTTP ${response.status} without data`, undefined, response.status);
  return body.data;
}
