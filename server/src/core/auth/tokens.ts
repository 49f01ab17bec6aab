import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import jwt from 'jsonwebtoken';
import { isRegionCode, prefixOfCode } from '../region-codes';
import { unauthenticated } from '../errors';
import { isUuid } from '../relay/global-id';
import { Role, type Viewer } from './viewer';

const ISSUER = 'assistance-platform';

/** Claims carried by a token; `region` for region roles, `provider` for partners. */
export interface TokenClaims {
  role: Role;
  region?: string;
  provider?: string;
  sub?: string;
}

/**
 * The signing secret: `JWT_SECRET` when set; otherwise (development only, production refuses to
 * start without it) one generated on first use and kept in DATA_DIR so tokens outlive restarts.
 */
export function resolveJwtSecret(jwtSecret: string | undefined, dataDir: string): string {
  if (jwtSecret) return jwtSecret;
  const file = path.join(dataDir, 'jwt-secret');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = crypto.randomBytes(48).toString('base64url');
  try {
    // 'wx' fails when another process wrote the file first; then that one's secret wins.
    fs.writeFileSync(file, secret + '\n', { flag: 'wx', mode: 0o600 });
    return secret;
  } catch {
    return fs.readFileSync(file, 'utf8').trim();
  }
}

export function checkClaims(claims: TokenClaims): string | null {
  if (!Object.values(Role).includes(claims.role)) return `unknown role "${claims.role}"`;
  if (claims.role === Role.REGION_OFFICIAL || claims.role === Role.ORG_DEPARTMENT) {
    if (!claims.region || !isRegionCode(claims.region)) return `role ${claims.role} needs a 12-digit region code`;
  } else if (claims.region) {
    return `role ${claims.role} takes no region`;
  }
  if (claims.role === Role.ENTERPRISE || claims.role === Role.ASSISTANCE_UNIT) {
    if (!claims.provider || !isUuid(claims.provider)) return `role ${claims.role} needs a provider id`;
  } else if (claims.provider) {
    return `role ${claims.role} takes no provider`;
  }
  return null;
}

/** Tokens live at most this long unless TOKEN_MAX_LIFETIME says otherwise. */
export const DEFAULT_TOKEN_MAX_LIFETIME_SECONDS = 30 * 24 * 3600;

/** What a verified token says beyond the viewer: its id (for revocation) and its end. */
export interface DecodedToken {
  viewer: Viewer;
  /** The token's id (`jti`), which a revocation names. */
  tokenId: string;
  /** `exp`, in epoch milliseconds. */
  expiresAt: number;
}

/**
 * Signs a token for `claims`. Every token carries `sub` (who it is for, recorded as the actor of
 * each change; defaults to the scope it names), a fresh `jti` and an `exp` at most
 * `maxLifetimeSeconds` after issue; a longer `expiresIn` is refused.
 */
export function signToken(
  claims: TokenClaims,
  secret: string,
  expiresIn: string | number = '30d',
  maxLifetimeSeconds = DEFAULT_TOKEN_MAX_LIFETIME_SECONDS,
): string {
  const problem = checkClaims(claims);
  if (problem) throw new Error(problem);
  const payload: Record<string, string> = { role: claims.role };
  if (claims.region) payload.region = claims.region;
  if (claims.provider) payload.provider = claims.provider;
  const token = jwt.sign(payload, secret, {
    algorithm: 'HS256',
    issuer: ISSUER,
    subject: claims.sub ?? claims.provider ?? claims.region ?? claims.role.toLowerCase(),
    jwtid: crypto.randomUUID(),
    expiresIn: expiresIn as jwt.SignOptions['expiresIn'],
  });
  const { iat, exp } = jwt.decode(token) as jwt.JwtPayload;
  if (exp! - iat! > maxLifetimeSeconds)
    throw new Error(`a token may live at most ${formatLifetime(maxLifetimeSeconds)}; ${expiresIn} is longer`);
  return token;
}

export function formatLifetime(seconds: number): string {
  if (seconds % 86400 === 0) return `${seconds / 86400}d`;
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  return `${seconds}s`;
}

/** "30d", "12h", "90m", "3600s" or plain seconds, as TOKEN_MAX_LIFETIME and --expires take them. */
export function parseLifetime(text: string): number | null {
  const match = /^(\d+)\s*([smhd]?)$/.exec(text.trim());
  if (!match) return null;
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[match[2] as '' | 's' | 'm' | 'h' | 'd'];
  const seconds = Number(match[1]) * unit;
  return seconds > 0 ? seconds : null;
}

/**
 * Turns an `Authorization` header value into a viewer, or throws UNAUTHENTICATED. Only the token
 * itself is checked here (signature, issuer, claims, lifetime); the TokenVerifier adds what needs
 * the database (revocation, the named provider or region).
 */
export function decodeAuthorization(
  header: unknown,
  secret: string | crypto.KeyObject,
  maxLifetimeSeconds = DEFAULT_TOKEN_MAX_LIFETIME_SECONDS,
): DecodedToken {
  if (typeof header !== 'string' || !header.trim()) throw unauthenticated('Missing bearer token');
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) throw unauthenticated('Authorization must be "Bearer <token>"');
  let decoded: jwt.JwtPayload;
  try {
    decoded = jwt.verify(match[1], secret, { algorithms: ['HS256'], issuer: ISSUER }) as jwt.JwtPayload;
  } catch (error) {
    throw unauthenticated(error instanceof jwt.TokenExpiredError ? 'Token expired' : 'Invalid token');
  }
  // A token without an end would live forever, one without a subject would make every holder the
  // same actor, and one without an id could not be revoked.
  if (typeof decoded.exp !== 'number' || typeof decoded.iat !== 'number')
    throw unauthenticated('Token has no expiry (exp and iat are required)');
  if (decoded.exp - decoded.iat > maxLifetimeSeconds)
    throw unauthenticated(`Token lifetime exceeds ${formatLifetime(maxLifetimeSeconds)}`);
  if (typeof decoded.sub !== 'string' || !decoded.sub.trim() || decoded.sub.length > 200)
    throw unauthenticated('Token has no subject (sub)');
  if (typeof decoded.jti !== 'string' || !isUuid(decoded.jti)) throw unauthenticated('Token has no id (jti)');
  const claims: TokenClaims = {
    role: decoded.role,
    region: decoded.region,
    provider: decoded.provider,
    sub: decoded.sub,
  };
  if (checkClaims(claims)) throw unauthenticated('Invalid token claims');
  return {
    viewer: {
      role: claims.role,
      regionCode: claims.region,
      regionPrefix: claims.region ? prefixOfCode(claims.region) : undefined,
      providerId: claims.provider?.toLowerCase(),
      subject: claims.sub,
    },
    tokenId: decoded.jti.toLowerCase(),
    expiresAt: decoded.exp * 1000,
  };
}

/** The viewer of an `Authorization` header, token checks only (see decodeAuthorization). */
export function viewerFromAuthorization(header: unknown, secret: string): Viewer {
  return decodeAuthorization(header, secret).viewer;
}
