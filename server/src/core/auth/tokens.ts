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

export function signToken(claims: TokenClaims, secret: string, expiresIn: string | number = '30d'): string {
  const problem = checkClaims(claims);
  if (problem) throw new Error(problem);
  const payload: Record<string, string> = { role: claims.role };
  if (claims.region) payload.region = claims.region;
  if (claims.provider) payload.provider = claims.provider;
  return jwt.sign(payload, secret, {
    algorithm: 'HS256',
    issuer: ISSUER,
    subject: claims.sub ?? claims.provider ?? claims.region ?? claims.role.toLowerCase(),
    expiresIn: expiresIn as jwt.SignOptions['expiresIn'],
  });
}

/** Turns an `Authorization` header value into a viewer, or throws UNAUTHENTICATED. */
export function viewerFromAuthorization(header: unknown, secret: string): Viewer {
  if (typeof header !== 'string' || !header.trim()) throw unauthenticated('Missing bearer token');
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) throw unauthenticated('Authorization must be "Bearer <token>"');
  let decoded: jwt.JwtPayload;
  try {
    decoded = jwt.verify(match[1], secret, { algorithms: ['HS256'], issuer: ISSUER }) as jwt.JwtPayload;
  } catch (error) {
    throw unauthenticated(error instanceof jwt.TokenExpiredError ? 'Token expired' : 'Invalid token');
  }
  const claims: TokenClaims = {
    role: decoded.role,
    region: decoded.region,
    provider: decoded.provider,
    sub: decoded.sub,
  };
  if (checkClaims(claims)) throw unauthenticated('Invalid token claims');
  return {
    role: claims.role,
    regionCode: claims.region,
    regionPrefix: claims.region ? prefixOfCode(claims.region) : undefined,
    providerId: claims.provider,
    subject: claims.sub,
  };
}
