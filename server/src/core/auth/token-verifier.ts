import crypto from 'node:crypto';
import { unauthenticated } from '../errors';
import { decodeAuthorization, type DecodedToken } from './tokens';
import type { RevocationList } from './revocations';
import type { TokenScopes } from './token-scopes';

/**
 * The whole check of a bearer token, for HTTP requests and WebSocket connections alike: the token
 * itself (signature, issuer, `exp`, `sub`, `jti`, lifetime), then the deny list (in memory), then
 * whether the provider or region it names exists for its role (cached lookups).
 */
export class TokenVerifier {
  /**
   * The secret as a KeyObject, made once: given a string, jsonwebtoken builds a key from it on
   * every verification (first trying it as a public key), a measurable share of a small request.
   */
  private readonly key: crypto.KeyObject;

  constructor(
    secret: string,
    private readonly maxLifetimeSeconds: number,
    private readonly revocations: RevocationList,
    private readonly scopes: TokenScopes,
  ) {
    this.key = crypto.createSecretKey(Buffer.from(secret, 'utf8'));
  }

  async verify(header: unknown): Promise<DecodedToken> {
    const token = decodeAuthorization(header, this.key, this.maxLifetimeSeconds);
    this.requireNotRevoked(token);
    if (!(await this.scopes.accepts(token.viewer)))
      throw unauthenticated(
        `Token names a ${token.viewer.providerId ? 'provider' : 'region'} unknown for role ${token.viewer.role}`,
      );
    return token;
  }

  /** Still valid at this moment: not expired, not revoked. Live operations ask before each use. */
  requireCurrent(token: DecodedToken): void {
    if (Date.now() >= token.expiresAt) throw unauthenticated('Token expired');
    this.requireNotRevoked(token);
  }

  private requireNotRevoked(token: DecodedToken): void {
    if (this.revocations.has(token.tokenId)) throw unauthenticated('Token revoked');
  }

  get revocationList(): RevocationList {
    return this.revocations;
  }
}
