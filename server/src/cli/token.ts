import 'reflect-metadata';
import { parseArgs } from 'node:util';
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertSupportedNode, loadConfig } from '../core/config';
import { resolveJwtSecret, signToken, checkClaims, parseLifetime, formatLifetime } from '../core/auth/tokens';
import { TokenScopes } from '../core/auth/token-scopes';
import { RevocationList } from '../core/auth/revocations';
import { Role } from '../core/auth/viewer';
import { fromGlobalId, isUuid } from '../core/relay/global-id';
import { normaliseRegionCode } from '../core/region-codes';
import { createLogger } from '../core/logger';
import { openDatabase } from '../core/db/database';
import { connectPlatformOrm, platformParts } from '../platform';

const USAGE = `usage: npm run token -- --role ROLE --subject WHO [--region CODE] [--enterprise ID] [--unit ID] [--expires 30d]
       npm run token -- --revoke TOKEN_ID [--reason TEXT] [--subject WHO]
  ROLE: ${Object.values(Role).join(', ')}
  --subject     who the token is for (a person or a system account); recorded as the actor of every change
  --region      region code (12 digits or prefix) for REGION_OFFICIAL and ORG_DEPARTMENT; must exist
  --enterprise  enterprise id as the API shows it (global id) for ENTERPRISE; must be an enterprise
  --unit        assistance unit id as the API shows it (global id) for ASSISTANCE_UNIT; must be a unit
  --expires     lifetime such as 12h, 30d (default and most: TOKEN_MAX_LIFETIME, 30d)
  --revoke      revoke the token with this id (its jti, printed when it was signed)
The provider or region is checked in the database (DATABASE_URL, or the embedded one).`;

class UsageError extends Error {}

/** Provider ids may be given as the API's global id or as the bare uuid inside it. */
function providerKey(text: string, expectedType: string): string {
  const decoded = fromGlobalId(text);
  if (decoded && decoded.type !== text) {
    if (decoded.type !== expectedType) throw new UsageError(`${text} is a ${decoded.type} id, not ${expectedType}`);
    return decoded.key.toLowerCase();
  }
  if (!isUuid(text)) throw new UsageError(`${text} is not an ${expectedType} id`);
  return text.toLowerCase();
}

async function withDatabase<T>(run: (em: () => EntityManager) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const logger = createLogger('warn');
  const database = await openDatabase(config, logger, { shareRunning: true });
  const orm = await connectPlatformOrm(database.url, logger, 2);
  try {
    return await run(() => orm.em.fork({ clear: true, useContext: false }) as EntityManager);
  } finally {
    await orm.close();
    await database.embedded?.stop();
  }
}

async function main(): Promise<void> {
  assertSupportedNode();
  const config = loadConfig();
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      subject: { type: 'string' },
      region: { type: 'string' },
      enterprise: { type: 'string' },
      unit: { type: 'string' },
      expires: { type: 'string', default: formatLifetime(config.tokenMaxLifetimeSeconds) },
      revoke: { type: 'string' },
      reason: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE + '\n');
    return;
  }
  if (values.revoke) {
    const tokenId = values.revoke.toLowerCase();
    if (!isUuid(tokenId)) throw new UsageError(`--revoke takes a token id (a uuid), got ${values.revoke}`);
    const fresh = await withDatabase((db) =>
      new RevocationList(db, createLogger('warn'), config.tokenMaxLifetimeSeconds).revoke(
        tokenId,
        values.subject ?? 'cli',
        values.reason ?? null,
      ),
    );
    process.stderr.write(fresh ? `revoked ${tokenId}\n` : `${tokenId} was already revoked\n`);
    return;
  }
  if (!values.role) throw new UsageError('--role is required');
  if (!values.subject?.trim()) throw new UsageError('--subject is required: who the token is for');
  const role = values.role.toUpperCase() as Role;
  const region = values.region ? normaliseRegionCode(values.region) : undefined;
  if (values.region && !region) throw new UsageError(`--region ${values.region} is not a region code`);
  if ((role === Role.ENTERPRISE && values.unit) || (role === Role.ASSISTANCE_UNIT && values.enterprise)) {
    throw new UsageError(
      role === Role.ENTERPRISE
        ? 'ENTERPRISE takes --enterprise, not --unit'
        : 'ASSISTANCE_UNIT takes --unit, not --enterprise',
    );
  }
  const provider = values.enterprise
    ? providerKey(values.enterprise, 'Enterprise')
    : values.unit
      ? providerKey(values.unit, 'AssistanceUnit')
      : undefined;
  const claims = { role, region: region ?? undefined, provider, sub: values.subject.trim() };
  const problem = checkClaims(claims);
  if (problem) throw new UsageError(problem);
  const lifetime = parseLifetime(values.expires);
  if (lifetime === null) throw new UsageError(`--expires ${values.expires} is not a lifetime such as 12h or 30d`);
  if (lifetime > config.tokenMaxLifetimeSeconds)
    throw new UsageError(
      `--expires ${values.expires} is longer than the most a token may live (${formatLifetime(config.tokenMaxLifetimeSeconds)})`,
    );
  // The server refuses tokens naming a provider or region that does not exist for the role;
  // signing one would only hand out a token that never works.
  const known = await withDatabase((db) =>
    new TokenScopes(platformParts().tokenScopes, db).accepts({
      role,
      regionCode: region ?? undefined,
      providerId: provider,
    }),
  );
  if (!known)
    throw new UsageError(
      provider
        ? `no ${role === Role.ENTERPRISE ? 'enterprise' : 'assistance unit'} has the id ${provider}`
        : `region ${region} does not exist`,
    );
  const secret = resolveJwtSecret(config.jwtSecret, config.dataDir);
  const token = signToken(claims, secret, lifetime, config.tokenMaxLifetimeSeconds);
  const { jti } = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as { jti: string };
  process.stderr.write(`token id (for --revoke): ${jti}\n`);
  process.stdout.write(token + '\n');
}

main().catch((error) => {
  const usage = error instanceof UsageError ? `\n\n${USAGE}` : '';
  process.stderr.write(`${error instanceof Error ? error.message : error}${usage}\n`);
  process.exit(2);
});
