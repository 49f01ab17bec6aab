import type { EntityManager } from '@mikro-orm/postgresql';
import type { Role, Viewer } from './viewer';

/**
 * What a token of a scoped role may name: a region role a region that exists, an ENTERPRISE token
 * an enterprise, an ASSISTANCE_UNIT token an assistance unit. Modules declare these in their
 * descriptors (`tokenScopes`); the server checks every token against them and the token CLI
 * refuses to sign for a scope that fails.
 */
export interface TokenScopeDefinition {
  role: Role;
  /** Whether `key` (the token's region code or provider id) names a real scope of this role. */
  exists(em: EntityManager, key: string): Promise<boolean>;
}

/** The scope key a viewer's token names, if its role has one. */
export const scopeKeyOf = (viewer: Pick<Viewer, 'regionCode' | 'providerId'>) => viewer.regionCode ?? viewer.providerId;

/**
 * Definitions start their SQL with the SQL comment "token scope": the lookups are per scope and
 * interval, not per request, and statement-counting tests leave them out by it.
 *
 * Checks tokens' scopes with a cache: a scope that exists is remembered for `positiveTtlMs`
 * (providers and regions are never deleted), one that does not for `negativeTtlMs`, so a token
 * costs one lookup per scope and interval, not one per request.
 */
export class TokenScopes {
  private readonly definitions = new Map<Role, TokenScopeDefinition>();
  private readonly cache = new Map<string, { ok: boolean; until: number }>();

  constructor(
    definitions: readonly TokenScopeDefinition[],
    private readonly db: () => EntityManager,
    private readonly positiveTtlMs = 10 * 60_000,
    private readonly negativeTtlMs = 30_000,
    private readonly maxEntries = 10_000,
  ) {
    for (const definition of definitions) {
      if (this.definitions.has(definition.role)) throw new Error(`token scope of ${definition.role} is declared twice`);
      this.definitions.set(definition.role, definition);
    }
  }

  /** True when the viewer's role takes no scope, or the scope it names exists for that role. */
  async accepts(viewer: Pick<Viewer, 'role' | 'regionCode' | 'providerId'>): Promise<boolean> {
    const key = scopeKeyOf(viewer);
    if (key === undefined) return true;
    const definition = this.definitions.get(viewer.role);
    if (!definition) return false; // a scope nobody can vouch for is refused
    const cacheKey = `${viewer.role}:${key}`;
    const now = Date.now();
    const cached = this.cache.get(cacheKey);
    if (cached && cached.until > now) return cached.ok;
    const ok = await definition.exists(this.db(), key);
    if (this.cache.size >= this.maxEntries) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(cacheKey, { ok, until: now + (ok ? this.positiveTtlMs : this.negativeTtlMs) });
    return ok;
  }
}
