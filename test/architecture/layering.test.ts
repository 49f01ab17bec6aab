import fs from 'node:fs';
import path from 'node:path';

/**
 * The shape the codebase promises (README, "Layout"): core knows no module, and who may see or
 * change what is decided only in the resource policies. Checked on the source text, so a new
 * file that breaks the rule fails here before review.
 */
const SERVER = path.resolve(__dirname, '..', '..', 'server', 'src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '__tests__' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

const relative = (file: string) => path.relative(SERVER, file).split(path.sep).join('/');

/** Lines of a file matching a pattern, as "file:line: text". */
function findings(files: string[], pattern: RegExp): string[] {
  return files.flatMap((file) =>
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, i) => (pattern.test(line) ? [`${relative(file)}:${i + 1}: ${line.trim()}`] : [])),
  );
}

describe('layering', () => {
  const files = sourceFiles(SERVER);

  it('reads real sources', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files.some((f) => relative(f).endsWith('.policy.ts'))).toBe(true);
  });

  it('core imports no module: modules reach core through their descriptors only', () => {
    const core = files.filter((f) => relative(f).startsWith('core/'));
    expect(core.length).toBeGreaterThan(10);
    expect(findings(core, /from '(\.\.\/)+(modules|platform|migrations)\b/)).toEqual([]);
  });

  it('core names no module topic: modules declare their topics in their descriptors', () => {
    const topics = files
      .filter((f) => f.endsWith('.events.ts'))
      .flatMap((f) => [...fs.readFileSync(f, 'utf8').matchAll(/export const \w+ = '(\w+)';/g)].map((m) => m[1]));
    expect(topics).toEqual(expect.arrayContaining(['purchaseRecorded', 'pairingChanged', 'teamEvent']));
    const core = files.filter((f) => relative(f).startsWith('core/'));
    expect(findings(core, new RegExp(`'(${topics.join('|')})'`))).toEqual([]);
  });

  it('nothing registers itself on import', () => {
    expect(findings(files, /\b(registerNodeType|describeConstraint|registerTargetMetric)\(/)).toEqual([]);
  });

  it('decides access only in policy files: no role switch or scope SQL elsewhere', () => {
    // Token handling, the policy toolkit, the policies, and the CLIs and benchmarks that mint
    // tokens or build viewers may name roles; everything else asks a policy.
    const allowed = (file: string) =>
      /^core\/(auth|access)\//.test(file) || file.endsWith('.policy.ts') || /^(cli|bench)\//.test(file);
    const elsewhere = files.filter((f) => !allowed(relative(f)));
    const roleSwitch =
      /\bRole\.(ADMIN|REGION_OFFICIAL|ORG_DEPARTMENT|ENTERPRISE|ASSISTANCE_UNIT)\b|viewer\.role\s*(===|!==)|switch \(\w*\.?viewer\.role\)|includes\(\w*\.?viewer\.role\)|\bis(Partner|Region)Role\(|viewer\.regionPrefix/;
    expect(findings(elsewhere, roleSwitch)).toEqual([]);
    // The partner scope views are the pairings module's (it maintains who is assigned what) and
    // the schema history's; every other module reaches them through a policy.
    const scopeViews = /provider_assigned_village|provider_visible_region/;
    const outsideOwner = elsewhere.filter((f) => !/^(migrations|modules\/pairings)\//.test(relative(f)));
    expect(findings(outsideOwner, scopeViews)).toEqual([]);
  });

  it('has one policy file per resource', () => {
    const policies = files.filter((f) => f.endsWith('.policy.ts')).map(relative);
    for (const resource of ['village', 'region', 'provider', 'pairing', 'team', 'purchase']) {
      expect(policies.filter((p) => p.endsWith(`/${resource}.policy.ts`))).toHaveLength(1);
    }
  });
});
