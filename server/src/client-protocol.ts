import type { RequestHandler } from 'express';
import type { ExecutionResult } from 'graphql';
import type { ServerOptions } from 'graphql-ws';
import type { Logger } from './core/logger';
import { LIVE_CURSOR_EXTENSION, withLiveCursor } from './core/events/live-position';
import { createTrustedDocuments } from './trusted-documents';

/**
 * What the platform's transports add for its clients, wired into app.ts in one place:
 * trusted documents (`documentId`) over HTTP and WebSocket, and the `liveCursor` message that
 * tells a subscriber its resume cursor as soon as it is live (see core/events/live-position.ts).
 */
export interface ClientProtocol {
  /** Express middleware for `/graphql`, between the JSON body parser and Apollo. */
  http: RequestHandler;
  /** graphql-ws options with this protocol's hooks run before the given ones. */
  ws<O extends ServerOptions<any, any>>(options: O): O;
  /** Names of the trusted documents' operations. */
  operationNames: string[];
}

export function clientProtocol(logger: Logger): ClientProtocol {
  const trusted = createTrustedDocuments(logger);
  return {
    http: trusted.http,
    operationNames: trusted.operationNames(),
    ws: (options) => ({
      ...options,
      onSubscribe: async (ctx, id, payload) => {
        const refused = trusted.onSubscribe(payload);
        if (refused) return refused;
        return options.onSubscribe?.(ctx, id, payload);
      },
      onOperation: async (ctx, id, payload, args, result) => {
        const replaced = (await options.onOperation?.(ctx, id, payload, args, result)) ?? result;
        const wantsCursor = payload.extensions?.[LIVE_CURSOR_EXTENSION] === true;
        if (!wantsCursor || !(Symbol.asyncIterator in Object(replaced)) || !args.contextValue) return replaced;
        return withLiveCursor(replaced as AsyncGenerator<ExecutionResult>, args.contextValue as object);
      },
    }),
  };
}
