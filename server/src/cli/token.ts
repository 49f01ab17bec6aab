import { parseArgs } from 'node:util';
import { assertSupportedNode, loadConfig } from '../core/config';
import { resolveJwtSecret, signToken, checkClaims } from '../core/auth/tokens';
import { Role } from '../core/auth/viewer';
import { fromGlobalId } from '../core/relay/global-id';
import { normaliseRegionCode } from '../core/region-codes';

const USAGE = `usage: npm run token -- --role ROLE [--region CODE] [--enterprise ID] [--unit ID] [--expires 30d]
  ROLE: ${Object.values(Role).join(', ')}
  --region      region code (12 digits or prefix) for REGION_OFFICIAL and ORG_DEPARTMENT
  --enterprise  enterprise id as the API shows it (global id) for ENTERPRISE
  --unit        assistance unit id as the API shows it (global id) for ASSISTANCE_UNIT
  --expires     lifetime such as 12h, 30d (default 30d)`;

/** Provider ids may be given as the API's global id or as the bare uuid inside it. */
function providerKey(text: string, expectedType: string): string {
  const decoded = fromGlobalId(text);
  if (decoded) {
    if (decoded.type !== expectedType) throw new Error(`${text} is a ${decoded.type} id, not ${expectedType}`);
    return decoded.key;
  }
  return text;
}

function main(): void {
  assertSupportedNode();
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      region: { type: 'string' },
      enterprise: { type: 'string' },
      unit: { type: 'string' },
      expires: { type: 'string', default: '30d' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || !values.role) {
    process.stderr.write(USAGE + '\n');
    process.exit(values.help ? 0 : 2);
  }
  const role = values.role.toUpperCase() as Role;
  const region = values.region ? normaliseRegionCode(values.region) : undefined;
  if (values.region && !region) throw new Error(`--region ${values.region} is not a region code`);
  const provider = values.enterprise
    ? providerKey(values.enterprise, 'Enterprise')
    : values.unit
      ? providerKey(values.unit, 'AssistanceUnit')
      : undefined;
  if ((role === Role.ENTERPRISE && values.unit) || (role === Role.ASSISTANCE_UNIT && values.enterprise)) {
    throw new Error(
      role === Role.ENTERPRISE
        ? 'ENTERPRISE takes --enterprise, not --unit'
        : 'ASSISTANCE_UNIT takes --unit, not --enterprise',
    );
  }
  const claims = { role, region: region ?? undefined, provider };
  const problem = checkClaims(claims);
  if (problem) throw new Error(problem);
  const config = loadConfig();
  const secret = resolveJwtSecret(config.jwtSecret, config.dataDir);
  process.stdout.write(signToken(claims, secret, values.expires) + '\n');
}

try {
  main();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : error}\n\n${USAGE}\n`);
  process.exit(2);
}
