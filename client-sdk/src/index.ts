export { createPlatformClient, type PlatformClient, type PlatformClientOptions } from './client.js';
export {
  PlatformError,
  isPlatformError,
  SERVER_ERROR_CODES,
  type ErrorCode,
  type ServerErrorCode,
  type PlatformErrorDetail,
} from './errors.js';
export { LEDGER_NAMES, type LedgerFilters, type LedgerName } from './ledgers.js';
export type { LiveHandlers, LiveStatus, LiveSubscription, ReconnectOptions } from './live.js';
export type { ResultOf, VariablesOf, TokenSource } from './transport.js';
// Every typed document of the SDK (e.g. `PurchasesDocument`) and every schema type, for `request`.
// Documents of your own: generate them from this package's schema.graphql (codegen.example.ts).
export * from './generated/graphql.js';
export type { TypedDocumentNode } from '@graphql-typed-document-node/core';
