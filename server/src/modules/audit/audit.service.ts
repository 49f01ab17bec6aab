import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import type { MutationRecord } from '../../core/mutation-observers';
import type { Context } from '../../core/context';
import { AppError } from '../../core/errors';
import { fromGlobalId } from '../../core/relay/global-id';
import { readPage, type PageInput } from '../../core/relay/connection';
import type { ConnectionData } from '../../core/relay/connection';
import { appendAuditEntry, auditPage } from './audit.repository';
import type { AuditEntryType, AuditLogFilter } from './audit.types';
import { actorScope } from './audit.policy';

/** Input keys whose values are personal data: kept in the log only masked (谁核查，谁保密). */
const SENSITIVE_KEY = /phone|mobile|idnumber|idcard|identitynumber|bankaccount|password|secret|token/i;

/** "138****5678"-style masking: the last four characters stay, so an entry can still be matched. */
export function maskValue(value: unknown): unknown {
  if (typeof value !== 'string') return value === null || value === undefined ? value : '***';
  if (value.length <= 4) return '*'.repeat(value.length);
  return '*'.repeat(value.length - 4) + value.slice(-4);
}

/** A copy of the input with sensitive values masked, at any depth. */
export function maskInput(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskInput);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key, SENSITIVE_KEY.test(key) ? maskValue(inner) : maskInput(inner)]),
    );
  }
  return value;
}

/** Global ids anywhere in the input, and the `id` of objects the result returns (two levels down). */
export function targetIdsOf(args: unknown, result: unknown): string[] {
  const ids = new Set<string>();
  const fromInput = (value: unknown): void => {
    if (typeof value === 'string') {
      if (value.length <= 200 && fromGlobalId(value)) ids.add(value);
    } else if (Array.isArray(value)) value.forEach(fromInput);
    else if (value && typeof value === 'object') Object.values(value).forEach(fromInput);
  };
  fromInput(args);
  const fromResult = (value: unknown, depth: number): void => {
    if (!value || typeof value !== 'object' || depth > 2) return;
    const id = (value as { id?: unknown }).id;
    if (typeof id === 'string' && fromGlobalId(id)) ids.add(id);
    for (const inner of Object.values(value)) {
      if (Array.isArray(inner)) inner.forEach((item) => fromResult(item, depth + 1));
      else fromResult(inner, depth + 1);
    }
  };
  fromResult(result, 0);
  return [...ids].slice(0, 100);
}

/** The code the caller saw for a failed mutation, as the error catalog will show it. */
function outcomeOf(error: unknown): string {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  if (original instanceof AppError) return original.code;
  const code = (original as { extensions?: { code?: unknown } })?.extensions?.code;
  if (typeof code === 'string') return code;
  const sqlState = (original as { code?: unknown })?.code;
  if (typeof sqlState === 'string' && /^23/.test(sqlState)) return sqlState === '23505' ? 'CONFLICT' : 'BAD_USER_INPUT';
  return 'ERROR';
}

export const auditService = {
  /**
   * The mutation observer: one row per executed root mutation field, success or refusal, in a
   * statement of its own after the mutation's transaction has ended, so a rolled-back change is
   * still on record as refused.
   */
  async record(record: MutationRecord): Promise<void> {
    const { ctx } = record;
    const viewer = ctx.viewer;
    const scope = actorScope(viewer);
    const em = ctx.em.fork({ clear: true, useContext: false }) as EntityManager;
    await appendAuditEntry(em, {
      actor: viewer.subject ?? viewer.role,
      role: viewer.role,
      scopeRegion: scope.region,
      scopeProvider: scope.provider,
      operation: record.field,
      operationName: record.operationName,
      targetIds: targetIdsOf(record.args, record.result),
      outcome: record.error === undefined ? 'OK' : outcomeOf(record.error),
      requestId: ctx.requestId,
      input: maskInput(record.args),
    });
  },

  list(ctx: Context, filter: AuditLogFilter | undefined, page: PageInput): Promise<ConnectionData<AuditEntryType>> {
    return auditPage(ctx, filter, readPage(page));
  },
};
