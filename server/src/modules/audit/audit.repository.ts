import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../core/context';
import type { Role } from '../../core/auth/viewer';
import { and, query, sqlTrue, type SqlFragment } from '../../core/sql';
import { keysetPage } from '../../core/relay/keyset-page';
import type { ConnectionData, Page } from '../../core/relay/connection';
import { AuditEntryType, type AuditLogFilter } from './audit.types';
import { auditPolicy } from './audit.policy';

/** The audit log's named queries (table `audit_log`, append-only). */

export interface AuditRow {
  id: string;
  at: Date;
  actor: string;
  role: Role;
  scope_region: string | null;
  scope_provider: string | null;
  operation: string;
  operation_name: string | null;
  target_ids: string[];
  outcome: string;
  request_id: string;
  input: unknown;
}

export interface NewAuditEntry {
  actor: string;
  role: Role;
  scopeRegion: string | null;
  scopeProvider: string | null;
  operation: string;
  operationName: string | null;
  targetIds: string[];
  outcome: string;
  requestId: string;
  input: unknown;
}

/** Appends one entry, outside any transaction of the caller (a statement of its own). */
export async function appendAuditEntry(em: EntityManager, entry: NewAuditEntry): Promise<void> {
  await query(
    em,
    `INSERT INTO audit_log (actor, role, scope_region, scope_provider, operation, operation_name, target_ids, outcome, request_id, input)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)`,
    [
      entry.actor,
      entry.role,
      entry.scopeRegion,
      entry.scopeProvider,
      entry.operation,
      entry.operationName,
      entry.targetIds,
      entry.outcome,
      entry.requestId,
      JSON.stringify(entry.input ?? {}),
    ],
  );
}

export function toAuditEntry(row: AuditRow): AuditEntryType {
  return Object.assign(new AuditEntryType(), {
    id: String(row.id),
    at: row.at instanceof Date ? row.at : new Date(row.at),
    actor: row.actor,
    role: row.role,
    scopeRegion: row.scope_region,
    scopeProviderId: row.scope_provider,
    operation: row.operation,
    operationName: row.operation_name,
    targetIds: row.target_ids,
    outcome: row.outcome,
    requestId: row.request_id,
    input: JSON.stringify(row.input),
  });
}

function filterSql(filter: AuditLogFilter | undefined): SqlFragment {
  if (!filter) return sqlTrue;
  const parts: SqlFragment[] = [];
  if (filter.actor) parts.push({ sql: 'a.actor = ?', bindings: [filter.actor] });
  if (filter.operation) parts.push({ sql: 'a.operation = ?', bindings: [filter.operation] });
  if (filter.outcome) parts.push({ sql: 'a.outcome = ?', bindings: [filter.outcome] });
  if (filter.targetId) parts.push({ sql: '? = ANY (a.target_ids)', bindings: [filter.targetId] });
  if (filter.since) parts.push({ sql: 'a.at >= ?', bindings: [filter.since.toISOString()] });
  if (filter.until) parts.push({ sql: 'a.at < ?', bindings: [filter.until.toISOString()] });
  return and(...parts);
}

/** A page of the entries the viewer may read, newest first. */
export function auditPage(
  ctx: Context,
  filter: AuditLogFilter | undefined,
  page: Page,
): Promise<ConnectionData<AuditEntryType>> {
  return keysetPage<AuditRow, AuditEntryType>(ctx, {
    columns: 'a.*',
    from: 'audit_log a',
    where: and(
      auditPolicy.readable(ctx.viewer, { role: 'a.role', region: 'a.scope_region', provider: 'a.scope_provider' }),
      filterSql(filter),
    ),
    sort: [{ expr: 'a.id', direction: 'desc' }],
    page,
    cursorOf: (row) => [String(row.id)],
    toNode: toAuditEntry,
  });
}
