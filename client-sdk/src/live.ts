import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { createClient, type Client } from 'graphql-ws';
import { PlatformError, type GraphQLErrorShape } from './errors.js';
import { printDocument, type TokenSource } from './transport.js';

/** What a subscription is doing: waiting for its connection, receiving, waiting to reconnect, or stopped. */
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
  /** A GraphQL error (e.g. FORBIDDEN, NOT_FOUND) or exhausted reconnects; the subscription stops. */
  error?(error: PlatformError): void;
  status?(status: LiveStatus): void;
}

export interface LiveSubscription {
  /** The cursor of the last event delivered; pass it as `after` to resume elsewhere. */
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

/**
 * Owns one lazily opened graphql-ws connection shared by all subscriptions of a client. The
 * connection itself never retries: each subscription resubscribes on its own, with backoff and
 * `after: <last cursor it delivered>`, so the server replays exactly what it missed.
 */
export class LiveConnection {
  private client: Client | null = null;
  private readonly listeners = new Set<(connected: boolean) => void>();

  constructor(private readonly options: LiveOptions) {}

  private connection(): Client {
    if (this.client) return this.client;
    const keepAlive = this.options.keepAliveMs ?? 10_000;
    let pongTimer: ReturnType<typeof setTimeout> | undefined;
    this.client = createClient({
      url: this.options.url,
      lazy: true,
      retryAttempts: 0,
      keepAlive,
      ...(this.options.webSocketImpl ? { webSocketImpl: this.options.webSocketImpl } : {}),
      // A function, so every (re)connect asks for a fresh token.
      connectionParams: async () => {
        const token = await this.options.getToken();
        return token ? { authorization: `Bearer ${token}` } : {};
      },
      on: {
        connected: () => this.listeners.forEach((l) => l(true)),
        closed: () => {
          clearTimeout(pongTimer);
          this.listeners.forEach((l) => l(false));
        },
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

  onConnection(listener: (connected: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  subscribe<R, V extends ResumableVariables>(
    document: TypedDocumentNode<R, V>,
    variables: V,
    handlers: LiveHandlers<R>,
  ): LiveSubscription {
    const { query, operationName } = printDocument(document);
    const initial = this.options.reconnect?.initialDelayMs ?? 500;
    const maxDelay = this.options.reconnect?.maxDelayMs ?? 15_000;
    const maxAttempts = this.options.reconnect?.maxAttempts ?? Infinity;
    let lastCursor: string | null = variables.after ?? null;
    let status: LiveStatus = 'connecting';
    let failures = 0;
    let stopped = false;
    let unsubscribe: (() => void) | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;

    const setStatus = (next: LiveStatus) => {
      if (status === next) return;
      status = next;
      handlers.status?.(next);
    };
    const stop = (error?: PlatformError) => {
      if (stopped) return;
      stopped = true;
      clearTimeout(retryTimer);
      removeListener();
      unsubscribe?.();
      unsubscribe = null;
      setStatus('closed');
      if (error) handlers.error?.(error);
    };
    const removeListener = this.onConnection((connected) => {
      if (stopped) return;
      if (connected && unsubscribe) {
        failures = 0;
        setStatus('live');
      }
    });
    const retry = (reason: unknown) => {
      unsubscribe = null;
      if (stopped) return;
      failures += 1;
      if (failures > maxAttempts) {
        stop(PlatformError.network(`Live connection lost after ${maxAttempts} reconnect attempts`, reason));
        return;
      }
      setStatus('reconnecting');
      const delay = Math.min(maxDelay, initial * 2 ** (failures - 1));
      retryTimer = setTimeout(start, delay / 2 + (Math.random() * delay) / 2);
    };
    const start = () => {
      if (stopped) return;
      if (status !== 'reconnecting') setStatus('connecting');
      let settled = false;
      unsubscribe = this.connection().subscribe<R>(
        {
          query,
          variables: { ...(variables as Record<string, unknown>), after: lastCursor },
          ...(operationName ? { operationName } : {}),
        },
        {
          next: (result) => {
            if (stopped) return;
            if (result.errors?.length) {
              settled = true;
              stop(PlatformError.fromGraphQLErrors(result.errors as GraphQLErrorShape[]));
              return;
            }
            failures = 0;
            setStatus('live');
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
            if (isGraphQLErrors(error)) return stop(PlatformError.fromGraphQLErrors(error));
            const code = (error as { code?: unknown })?.code;
            if (typeof code === 'number' && FATAL_CLOSE_CODES.has(code)) {
              return stop(PlatformError.network(`Live connection refused (close code ${code})`, error));
            }
            retry(error);
          },
          complete: () => {
            if (settled || stopped) return;
            settled = true;
            // The server ends a subscription only when its socket goes away: resume.
            retry(new Error('subscription completed'));
          },
        },
      );
    };
    start();

    return {
      get lastCursor() {
        return lastCursor;
      },
      get status() {
        return status;
      },
      close: () => stop(),
    };
  }

  async dispose(): Promise<void> {
    const client = this.client;
    this.client = null;
    await client?.dispose();
  }
}
