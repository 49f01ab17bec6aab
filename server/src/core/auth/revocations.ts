import type { EntityManager } from '@mikro-orm/postgresql';
import { query } from '../sql';
import type { Logger } from '../logger';

/**
 * The `jti` deny list, held in memory so checking a token costs a set lookup. Each instance
 * reloads it every `refreshMs` (the list is small: entries leave once their token would have
 * expired); a revocation made through this instance counts at once, one made elsewhere (another
 * instance, the CLI) within `refreshMs`. Listeners hear of newly revoked ids, so live
 * subscriptions of a revoked token end too.
 */
export class RevocationList {
  private revoked = new Set<string>();
  private timer?: NodeJS.Timeout;
  private readonly listeners = new Set<(tokenId: string) => void>();

  constructor(
    private readonly db: () => EntityManager,
    private readonly logger: Logger,
    /** How long an entry is kept when the token's own expiry is unknown: the longest a token may live. */
    private readonly retainSeconds: number,
    private readonly refreshMs = 5000,
  ) {}

  async start(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => {
      this.refresh().catch((err) => this.logger.warn({ err }, 'could not reload the token deny list'));
    }, this.refreshMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  has(tokenId: string): boolean {
    return this.revoked.has(tokenId);
  }

  onRevoked(listener: (tokenId: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Adds a token id to the deny list (idempotent) and tells this instance's listeners. */
  async revoke(
    tokenId: string,
    revokedBy: string,
    reason: string | null,
    expiresAt = new Date(Date.now() + this.retainSeconds * 1000),
  ): Promise<boolean> {
    const rows = await query<{ jti: string }>(
      this.db(),
      `INSERT INTO revoked_token (jti, expires_at, revoked_by, reason) VALUES (?, ?, ?, ?)
       ON CONFLICT (jti) DO NOTHING RETURNING jti`,
      [tokenId, expiresAt.toISOString(), revokedBy, reason],
    );
    this.remember(tokenId);
    return rows.length > 0;
  }

  private remember(tokenId: string): void {
    if (this.revoked.has(tokenId)) return;
    this.revoked.add(tokenId);
    for (const listener of this.listeners) listener(tokenId);
  }

  private async refresh(): Promise<void> {
    const rows = await query<{ jti: string }>(
      this.db(),
      '/* background */ SELECT jti FROM revoked_token WHERE expires_at > now()',
    );
    const current = new Set(rows.map((r) => r.jti));
    for (const jti of current) this.remember(jti);
    this.revoked = current;
  }
}
