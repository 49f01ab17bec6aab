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
  /**
   * The trusted-document id ("sha256:…") the codegen put in the document's `__meta__.hash`
   * (`persistedDocuments` in its preset config), when it has one.
   */
  documentId?: string;
}

const printed = new WeakMap<DocumentNode, Printed>();

/** The text, operation name and trusted-document id of a document, worked out once per document object. */
export function printDocument(document: DocumentNode): Printed {
  let entry = printed.get(document);
  if (!entry) {
    const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
    const hash = (document as { __meta__?: { hash?: unknown } }).__meta__?.hash;
    entry = {
      query: print(document),
      ...(operation?.name ? { operationName: operation.name.value } : {}),
      ...(typeof hash === 'string' ? { documentId: hash } : {}),
    };
    printed.set(document, entry);
  }
  return entry;
}

/** The token from a TokenSource; a source that throws is reported as UNAUTHENTICATED. */
export async function currentToken(getToken: TokenSource): Promise<string | null | undefined> {
  try {
    return await getToken();
  } catch (error) {
    throw PlatformError.wrap(error, 'UNAUTHENTICATED', 'getToken failed');
  }
}

export interface HttpTransportOptions {
  url: string;
  getToken: TokenSource;
  fetch?: typeof globalThis.fetch;
  headers?: Record<string, string>;
}

/**
 * Runs one operation over HTTP POST and returns its data, or throws a PlatformError (whatever
 * went wrong: the platform's errors, an unreachable platform, an answer that is not GraphQL).
 *
 * A document with a trusted-document id is sent with its `documentId` and its text: a platform
 * with `TRUSTED_DOCUMENTS=only` runs the trusted copy, any other runs the text if it does not
 * know the id.
 */
export async function executeHttp<R, V>(
  options: HttpTransportOptions,
  document: TypedDocumentNode<R, V>,
  variables: V | undefined,
): Promise<R> {
  const { query, operationName, documentId } = printDocument(document);
  const token = await currentToken(options.getToken);
  const doFetch = options.fetch ?? (typeof globalThis.fetch === 'function' ? globalThis.fetch : undefined);
  if (!doFetch)
    throw PlatformError.of(
      'CONFIGURATION_ERROR',
      'No fetch implementation in this environment: pass `fetch` to createPlatformClient',
    );
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
      body: JSON.stringify({
        ...(documentId ? { documentId } : {}),
        query,
        variables: variables ?? {},
        ...(operationName ? { operationName } : {}),
      }),
    });
  } catch (cause) {
    throw PlatformError.network(`Platform unreachable at ${options.url}`, cause);
  }
  let body: { data?: R | null; errors?: GraphQLErrorShape[] } | null;
  try {
    body = (await response.json()) as typeof body;
    if (!body || typeof body !== 'object') throw new TypeError('not a JSON object');
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
