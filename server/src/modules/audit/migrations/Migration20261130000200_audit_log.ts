import { Migration } from '@mikro-orm/migrations';

/**
 * The audit log (操作审计日志): one row per executed mutation, appended in its own transaction.
 * Rows are never changed or removed: triggers refuse UPDATE, DELETE and TRUNCATE, whoever asks.
 */
export class Migration20261130000200_audit_log extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table audit_log (
        id bigint generated always as identity primary key,
        at timestamptz not null default clock_timestamp(),
        -- The token's subject: who acted.
        actor text not null,
        role text not null,
        -- The actor's scope: a region role's region code, a partner's provider id.
        scope_region varchar(12),
        scope_provider uuid,
        -- The root mutation field, and the operation's name in the document when it has one.
        operation text not null,
        operation_name text,
        -- Global ids the input named and the result returned.
        target_ids text[] not null default '{}',
        -- OK, or the error code the caller received.
        outcome text not null,
        request_id text not null,
        -- The input with sensitive values (phones, ID numbers) masked.
        input jsonb not null
      );
      create index audit_log_at_idx on audit_log (at desc, id desc);
      create index audit_log_region_idx on audit_log (scope_region text_pattern_ops, at desc, id desc);
      create index audit_log_provider_idx on audit_log (scope_provider, at desc, id desc);

      create function audit_log_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'audit_log is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
      end $$;
      create trigger audit_log_no_update_delete before update or delete on audit_log
        for each row execute function audit_log_append_only();
      create trigger audit_log_no_truncate before truncate on audit_log
        for each statement execute function audit_log_append_only();
    `);
  }

  override async down(): Promise<void> {
    this.addSql('drop table audit_log; drop function audit_log_append_only();');
  }
}
