import { Migration } from '@mikro-orm/migrations';

/**
 * Revoked tokens (吊销的令牌): the deny list every instance checks each token's `jti` against.
 * Rows can go once `expires_at` has passed: an expired token is refused anyway.
 */
export class Migration20261130000100_revoked_tokens extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table revoked_token (
        jti uuid primary key,
        revoked_at timestamptz not null default now(),
        -- Until when the entry matters: the token's own exp, or the longest lifetime a token may have.
        expires_at timestamptz not null,
        revoked_by text not null,
        reason text
      );
      create index revoked_token_expires_idx on revoked_token (expires_at);
    `);
  }

  override async down(): Promise<void> {
    this.addSql('drop table revoked_token;');
  }
}
