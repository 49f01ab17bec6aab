import crypto from 'node:crypto';
import fs from 'node:fs';
import type { RequestHandler } from 'express';
import { GraphQLError, Kind, parse } from 'graphql';
import { ConfigError } from './core/config';
import { badInput } from './core/errors';
import type { Logger } from './core/logger';

/**
 * Trusted documents (persisted documents): the client sends `documentId` ("sha256:<hex>") instead
 * of, or beside, the document text, and the platform runs the document its manifest holds under
 * that id. The manifest is the SDK's `persisted-documents.json`, generated with the SDK's typed
 * documents, plus any further manifests a portal team generated the same way.
 *
 * - `TRUSTED_DOCUMENTS=allow` (default): a known `documentId` runs its document; any other request
 *   runs its own `query` as before.
 * - `TRUSTED_DOCUMENTS=only`: nothing but known documents runs, over HTTP and WebSocket alike, so a
 *   production portal's platform executes exactly the operations its portals were built with.
 *
 * The document text replaces the request's `query` before Apollo or graphql-ws parse it, so a
 * trusted document passes through the same validation rules and limits as any other.
 */
export type TrustedDocumentsMode = 'allow' | 'only';

export interface TrustedDocumentsConfig {
  mode: TrustedDocumentsMode;
  /** Manifest files (`{ "sha256:<hex>": "<document>" }`) read at start. */
  manifests: string[];
}

const SDK_MANIFEST = '@xiangcun/assistance-sdk/persisted-documents.json';

/** Reads TRUSTED_DOCUMENTS and TRUSTED_DOCUMENTS_MANIFESTS (comma-separated extra manifest paths). */
export function trustedDocumentsConfig(env: NodeJS.ProcessEnv = process.env): TrustedDocumentsConfig {
  const mode = env.TRUSTED_DOCUMENTS || 'allow';
  if (mode !== 'allow' && mode !== 'only')
    throw new ConfigError(`TRUSTED_DOCUMENTS must be "allow" or "only", got "${mode}"`);
  const extra = (env.TRUSTED_DOCUMENTS_MANIFESTS ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  return { mode, manifests: [require.resolve(SDK_MANIFEST), ...extra] };
}

/**
 * Loads manifests into one id → document map. Every entry's id must be the sha256 of its text
 * (how the codegen computes it), so a manifest edited by hand cannot slip in another document.
 */
export function loadManifests(paths: readonly string[]): Map<string, string> {
  const documents = new Map<string, string>();
  for (const file of paths) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (error) {
      throw new ConfigError(`cannot read the trusted-documents manifest ${file}: ${(error as Error).message}`);
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
      throw new ConfigError(`the trusted-documents manifest ${file} is not an object of id → document`);
    for (const [id, text] of Object.entries(parsed)) {
      const hash = typeof text === 'string' ? crypto.createHash('sha256').update(text).digest('hex') : '';
      if (id !== `sha256:${hash}`)
        throw new ConfigError(
          `the trusted-documents manifest ${file} holds ${id}, which is not the sha256 of its text`,
        );
      documents.set(id, text as string);
    }
  }
  return documents;
}

type Outcome = { query: string } | { keep: true } | { error: string; field: 'documentId' | 'query' };

export class TrustedDocuments {
  constructor(
    readonly mode: TrustedDocumentsMode,
    private readonly documents: ReadonlyMap<string, string>,
  ) {}

  get size(): number {
    return this.documents.size;
  }

  /** The operation names the manifests define (metrics keep these as labels, see BoundedLabel). */
  operationNames(): string[] {
    const names = new Set<string>();
    for (const text of this.documents.values())
      for (const definition of parse(text).definitions)
        if (definition.kind === Kind.OPERATION_DEFINITION && definition.name) names.add(definition.name.value);
    return [...names];
  }

  /**
   * What to run for a request naming `documentId` and/or carrying `query`: the trusted text, the
   * request's own query (allow mode), or a refusal naming the field at fault.
   */
  resolve(documentId: unknown, query: unknown): Outcome {
    if (documentId !== undefined && documentId !== null) {
      const text = typeof documentId === 'string' ? this.documents.get(documentId) : undefined;
      if (text !== undefined) return { query: text };
      // A client built against another manifest still works where raw documents are allowed.
      if (this.mode === 'allow' && typeof query === 'string' && query.trim()) return { keep: true };
      return {
        error: `Unknown documentId ${JSON.stringify(documentId)}: not in this platform's manifest`,
        field: 'documentId',
      };
    }
    if (this.mode === 'only')
      return {
        error: 'This platform runs trusted documents only: send the documentId of a document from its manifest',
        field: 'query',
      };
    return { keep: true };
  }

  /**
   * Express middleware, after the JSON body parser and before Apollo: POST bodies and GET
   * parameters with `documentId` get the trusted text as `query`.
   */
  readonly http: RequestHandler = (req, res, next) => {
    const refuse = (error: string, field: string) =>
      res.status(400).json({ errors: [{ message: error, extensions: { code: 'BAD_USER_INPUT', fields: [field] } }] });
    if (req.method === 'GET') {
      const url = new URL(req.url, 'http://platform');
      const outcome = this.resolve(url.searchParams.get('documentId') ?? undefined, url.searchParams.get('query'));
      if ('error' in outcome) return void refuse(outcome.error, outcome.field);
      if ('query' in outcome) {
        url.searchParams.delete('documentId');
        url.searchParams.set('query', outcome.query);
        req.url = `${url.pathname}${url.search}`;
      }
      return next();
    }
    const body: unknown = req.body;
    if (Array.isArray(body)) {
      // Batches are refused by Apollo anyway; in `only` mode they are refused here, whatever they hold.
      if (this.mode === 'only') return void refuse('Batched requests are not accepted', 'query');
      return next();
    }
    if (!body || typeof body !== 'object') return next();
    const request = body as { documentId?: unknown; query?: unknown; extensions?: { persistedQuery?: unknown } };
    // Apollo's automatic persisted queries are off (they would let anyone register any document);
    // answered here so the caller learns why, instead of Apollo's generic refusal.
    if (request.extensions?.persistedQuery !== undefined)
      return void refuse(
        'Automatic persisted queries are not supported: send the document, or a documentId from the manifest',
        'extensions.persistedQuery',
      );
    const outcome = this.resolve(request.documentId, request.query);
    if ('error' in outcome) return void refuse(outcome.error, outcome.field);
    if ('query' in outcome) request.query = outcome.query;
    delete request.documentId;
    next();
  };

  /**
   * graphql-ws `onSubscribe` step: graphql-ws requires `query` to be a string, so a client sends
   * `documentId` beside it (an empty `query` where it has no text). The payload's `query` is
   * replaced in place, so graphql-ws parses and validates the trusted text as usual.
   */
  onSubscribe(payload: { query: string; documentId?: unknown }): readonly GraphQLError[] | undefined {
    const outcome = this.resolve(payload.documentId, payload.query);
    if ('error' in outcome)
      return [new GraphQLError(outcome.error, { originalError: badInput(outcome.field, outcome.error) })];
    if ('query' in outcome) payload.query = outcome.query;
    return undefined;
  }
}

export function createTrustedDocuments(logger: Logger, config = trustedDocumentsConfig()): TrustedDocuments {
  const trusted = new TrustedDocuments(config.mode, loadManifests(config.manifests));
  logger.info(
    { mode: config.mode, documents: trusted.size, manifests: config.manifests.length },
    config.mode === 'only' ? 'trusted documents only' : 'trusted documents accepted beside any document',
  );
  return trusted;
}
