import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { createClient, type Client } from 'graphql-ws';
import { PlatformError, type GraphQLErrorShape } from './errors.js';
import { currentToken, printDocument, type TokenSource } from './transport.js';

/**
 * What a subscription is doing: waiting for its first start, receiving (and caught up with
 * everything it missed), waiting to resume after a drop (and replaying what it missed), or stopped.
 */
export type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'closed';

export interface ReconnectOptions {
  /** First delay before reconnecting, doubled per failed attempt (default 500 ms). */
  initialDelayMs?: number;
  /** Upper bound of the delay (default 15 s). */
  maxDelayMs?: number;
  /** Give up after this many consecutive failed attempts (default: never). */
  maxAttempts?: number;
}

export interface LiveOptions {
  /** WebSocket URL; default: the HTTP URL with ws(s)://. */
  url: string;
  getToken: TokenSource;
  /** A WebSocket constructor where there is no global one (Node 20: pass `ws`). */
  webSocketImpl?: unknown;
  reconnect?: ReconnectOptions;
  /** Ping interval; a missing pong within the same time counts as a dropped connection (default 10 s). */
  keepAliveMs?: number;
}

export interface LiveHandlers<R> {
  /** Every event once, in cursor order: missed ones after a reconnect first, then live ones. */
  next(event: R): void;
  /**
   * Why the subscription stopped, always a PlatformError: a GraphQL error (FORBIDDEN, NOT_FOUND …),
   * a token the platform refused while getToken offered no new one (UNAUTHENTICATED), exhausted
   * reconnects (NETWORK_ERROR) or a missing WebSocket implementation (CONFIGURATION_ERROR).
   */
  error?(error: PlatformError): void;
  status?(status: LiveStatus): void;
}

export interface LiveSubscription {
  /**
   * The subscription's position: the cursor of the last event delivered, or, before any event,
   * the cursor the platform gave when the subscription went live. Pass it as `after` to resume
   * elsewhere (for example after a page reload) without losing an event.
   */
  readonly lastCursor: string | null;
  readonly status: LiveStatus;
  close(): void;
}

/** Variables every resumable platform subscription takes. */
export interface ResumableVariables {
  after?: string | null;
}

/** The `cursor` of the event under the single root field of a subscription payload. */
function cursorOf(data: unknown): string | null {
  if (!data || typeof data !== 'object') return null;
  for (const value of Object.values(data as Record<string, unknown>)) {
    if (value && typeof value === 'object' && typeof (value as { cursor?: unknown }).cursor === 'string')
      return (value as { cursor: string }).cursor;
  }
  return null;
}

/** Cursors are positions in the platform's event stream: decimal strings compare as integers. */
function isAfter(cursor: string, previous: string): boolean {
  if (/^\d+$/.test(cursor) && /^\d+$/.test(previous)) return BigInt(cursor) > BigInt(previous);
  return cursor !== previous;
}

const isGraphQLErrors = (value: unknown): value is GraphQLErrorShape[] => Array.isArray(value);

/** Close codes after which reconnecting cannot help (malformed messages, unsupported protocol). */
const FATAL_CLOSE_CODES = new Set([4400, 4406]);
/** Close codes by which the platform refuses the connection's token. */
const AUTH_CLOSE_CODES = new Set([4401, 4403]);
/** How many new tokens in a row may be refused before a subscription gives up. */
const MAX_TOKEN_REFUSALS = 3;

/**
 * Asks the platform to say when a subscription is live and from which cursor (an opt-in message
 * `{ extensions: { liveCursor: "<cursor>" } }` without data), so a subscription that has not
 * received an event yet still resumes gap-free.
 */
const LIVE_CURSOR = 'liveCursor';

function noWebSocket(): PlatformError {
  return PlatformError.of(
    'CONFIGURATION_ERROR',
    'No WebSocket implementation in this environment (Node 20 has none): pass `webSocketImpl` to ' +
      "createPlatformClient, e.g. `import WebSocket from 'ws'` … `webSocketImpl: WebSocket`, or run Node 22 or later",
  );
}

/**
 * Owns one lazily opened graphql-ws connection shared by all subscriptions of a client. The
 * connection itself never retries: each subscription resubscribes on its own, with backoff and
 * `after: <its position>`, so the server replays exactly what it missed.
 */
export class LiveConnection {
  private client: Client | null = null;
  /** The token the current (or last) connection was opened with. */
  private tokenInUse: string | null | undefined;
  private readonly active = new Set<() => void>();

  constructor(private readonly options: LiveOptions) {}

  private connection(): Client {
    if (this.client) return this.client;
    const webSocketImpl = this.options.webSocketImpl ?? (globalThis as { WebSocket?: unknown }).WebSocket;
    if (!webSocketImpl) throw noWebSocket();
    const keepAlive = this.options.keepAliveMs ?? 10_000;
    let pongTimer: ReturnType<typeof setTimeout> | undefined;
    this.client = createClient({
      url: this.options.url,
      lazy: true,
      retryAttempts: 0,
      keepAlive,
      webSocketImpl,
      // A function, so every (re)connect asks for a fresh token.
      connectionParams: async () => {
        const token = await currentToken(this.options.getToken);
        this.tokenInUse = token;
        return token ? { authorization: `Bearer ${token}` } : {};
      },
      on: {
        closed: () => clearTimeout(pongTimer),
        ping: (received) => {
          if (received) return;
          // Our ping: a half-open connection never answers, so close it and let the subscriptions resume.
          clearTimeout(pongTimer);
          pongTimer = setTimeout(() => this.terminate(), keepAlive);
        },
        pong: (received) => {
          if (received) clearTimeout(pongTimer);
        },
      },
    });
    return this.client;
  }

  /** Drops the socket as if the network failed; active subscriptions reconnect and resume. */
  terminate(): void {
    this.client?.terminate();
  }

  /** After the platform refused a token: whether getToken now yields a different one worth a try. */
  private async hasNewToken(): Promise<boolean> {
    try {
      const token = await this.options.getToken();
      return Boolean(token) && token !== this.tokenInUse;
    } catch {
      return false;
    }
  }

  subscribe<R, V extends ResumableVariables>(
    document: TypedDocumentNode<R, V>,
    variables: V,
    handlers: LiveHandlers<R>,
  ): LiveSubscription {
    const { query, operationName, documentId } = printDocument(document);
    const initial = this.options.reconnect?.initialDelayMs ?? 500;
    const maxDelay = this.options.reconnect?.maxDelayMs ?? 15_000;
    const maxAttempts = this.options.reconnect?.maxAttempts ?? Infinity;
    let lastCursor: string | null = variables.after ?? null;
    let status: LiveStatus = 'connecting';
    let failures = 0;
    let tokenRefusals = 0;
    let stopped = false;
    let unsubscribe: (() => void) | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;

    const setStatus = (next: LiveStatus) => {
      if (status === next) return;
      status = next;
      handlers.status?.(next);
    };
    const advance = (cursor: string) => {
      if (lastCursor === null || isAfter(cursor, lastCursor)) lastCursor = cursor;
    };
    const stop = (error?: PlatformError) => {
      if (stopped) return;
      stopped = true;
      clearTimeout(retryTimer);
      this.active.delete(close);
      unsubscribe?.();
      unsubscribe = null;
      setStatus('closed');
      if (error) handlers.error?.(error);
    };
    const close = () => stop();
    const schedule = (delay: number) => {
      setStatus('reconnecting');
      retryTimer = setTimeout(start, delay);
    };
    const retry = (reason: unknown) => {
      unsubscribe = null;
      if (stopped) return;
      failures += 1;
      if (failures > maxAttempts) {
        stop(
          PlatformError.wrap(reason, 'NETWORK_ERROR', `Live connection lost after ${maxAttempts} reconnect attempts`),
        );
        return;
      }
      const delay = Math.min(maxDelay, initial * 2 ** (failures - 1));
      schedule(delay / 2 + (Math.random() * delay) / 2);
    };
    /** The platform refused the token: resume only with a new one, never forever with the same. */
    const refused = (error: PlatformError) => {
      unsubscribe = null;
      if (stopped) return;
      tokenRefusals += 1;
      void this.hasNewToken().then((fresh) => {
        if (stopped) return;
        if (fresh && tokenRefusals <= MAX_TOKEN_REFUSALS) schedule(initial);
        else stop(error);
      });
    };
    const failed = (errors: readonly GraphQLErrorShape[]) => {
      const error = PlatformError.fromGraphQLErrors(errors);
      if (error.code === 'UNAUTHENTICATED') refused(error);
      else stop(error);
    };

    const start = () => {
      if (stopped) return;
      let client: Client;
      try {
        client = this.connection();
      } catch (error) {
        // Reported, never thrown: the caller holds its subscription before `error` and `status` fire.
        queueMicrotask(() => stop(PlatformError.wrap(error, 'CONFIGURATION_ERROR', 'Live connection unavailable')));
        return;
      }
      let settled = false;
      const payload = {
        query,
        variables: { ...(variables as Record<string, unknown>), after: lastCursor },
        ...(operationName ? { operationName } : {}),
        ...(documentId ? { documentId } : {}),
        extensions: { [LIVE_CURSOR]: true },
      };
      unsubscribe = client.subscribe<R, Record<string, unknown>>(payload, {
        next: (result) => {
          if (stopped || settled) return;
          if (result.errors?.length) {
            settled = true;
            unsubscribe?.();
            failed(result.errors as GraphQLErrorShape[]);
            return;
          }
          const live = result.extensions?.[LIVE_CURSOR];
          if (result.data == null && typeof live === 'string') {
            // Caught up: from here on every event is live, and `live` is where to resume from.
            advance(live);
            failures = 0;
            tokenRefusals = 0;
            setStatus('live');
            return;
          }
          const cursor = cursorOf(result.data);
          if (cursor !== null) {
            if (lastCursor !== null && !isAfter(cursor, lastCursor)) return; // already delivered
            lastCursor = cursor;
          }
          handlers.next(result.data as R);
        },
        error: (error) => {
          if (settled || stopped) return;
          settled = true;
          if (isGraphQLErrors(error)) return failed(error);
          const code = (error as { code?: unknown })?.code;
          if (typeof code === 'number' && AUTH_CLOSE_CODES.has(code))
            return refused(
              PlatformError.of(
                'UNAUTHENTICATED',
                `The platform refused the token for live updates (close code ${code}) and getToken gave no new one`,
                error,
              ),
            );
          if (typeof code === 'number' && FATAL_CLOSE_CODES.has(code))
            return stop(PlatformError.network(`Live connection refused (close code ${code})`, error));
          if (error instanceof PlatformError && error.code !== 'NETWORK_ERROR') return stop(error);
          retry(error);
        },
        complete: () => {
          if (settled || stopped) return;
          settled = true;
          // The server ends a subscription only when its socket or its stream goes away: resume.
          retry(new Error('subscription completed'));
        },
      });
    };
    this.active.add(close);
    start();

    return {
      get lastCursor() {
        return lastCursor;
      },
      get status() {
        return status;
      },
      close,
    };
  }

  /** Stops every subscription (status `closed`) and closes the socket. */
  async dispose(): Promise<void> {
    for (const close of [...this.active]) close();
    const client = this.client;
    this.client = null;
    await client?.dispose();
  }
}
