import { execFile, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { promisify } from 'node:util';
import { startTestServer, tokenFor, type TestServer } from '../harness/server';
import { Role } from '../../server/src/core/auth/viewer';
import { toGlobalId } from '../../server/src/core/relay/global-id';
import { seedId } from '../../seeds/load';

/**
 * The SDK as a portal team outside this repository gets it: the packed tarball installed into a
 * fresh project in the system's temporary directory, its own typed document generated with the
 * shipped codegen.example.ts from the shipped schema.graphql, type-checked (a misspelt field
 * fails), and run against a live platform, on Node 24 and, where the machine has it, Node 20.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const run = promisify(execFile);
const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string }>;
};
const versionOf = (name: string) => lock.packages[`node_modules/${name}`].version!;

let server: TestServer;
let project: string;
beforeAll(async () => {
  server = await startTestServer();
  project = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-team-'));
  expect(path.relative(ROOT, project).startsWith('..')).toBe(true); // outside the workspace
}, 60_000);
afterAll(async () => {
  await server?.close();
  if (project) fs.rmSync(project, { recursive: true, force: true });
});

const COUNTY_DOCUMENT = `import { graphql } from './gql/index.js';

export const CountyVillages = graphql(\`
  query CountyVillages($regionCode: String!) {
    villages(filter: { regionCode: $regionCode, designations: [KEY_ASSISTED] }, first: 100) {
      totalCount
      edges { node { code name indicators { collectiveIncome } } }
    }
  }
\`);
`;

const MAIN = `import { createPlatformClient, isPlatformError } from '@xiangcun/assistance-sdk';
import { CountyVillages } from './county.js';

const client = createPlatformClient({ url: process.env.PLATFORM_URL!, token: process.env.PLATFORM_TOKEN });
const data = await client.request(CountyVillages, { regionCode: '519902' });
const names: string[] = data.villages.edges.map((e) => e.node.name);
console.log(JSON.stringify({ villages: data.villages.totalCount, first: names[0] }));
const subscription = client.live.purchaseRecorded(
  { filter: { regionCode: '519902' } },
  {
    status: (status) => {
      if (status === 'live') console.log(JSON.stringify({ live: subscription.lastCursor }));
    },
    next: (event) => {
      console.log(JSON.stringify({ amount: event.purchaseRecorded.purchase?.totalAmount }));
      void client.close();
    },
    error: (error) => {
      console.log(JSON.stringify({ error: error.code, platformError: isPlatformError(error), message: error.message }));
      void client.close();
    },
  },
);
`;

function tsc(...args: string[]) {
  return run(process.execPath, [path.join(project, 'node_modules', 'typescript', 'bin', 'tsc'), ...args], {
    cwd: project,
  });
}

// NODE_ENV=test (set by jest) would hide the generator's error details.
function codegen() {
  const cli = path.join(project, 'node_modules', '@graphql-codegen', 'cli', 'esm', 'bin.js');
  return run(process.execPath, [cli, '--config', 'codegen.ts'], {
    cwd: project,
    env: { ...process.env, CI: 'true', NODE_ENV: 'development' },
  });
}

/** Runs the compiled portal script with `node` and collects its JSON lines; `onLine` may act on them. */
function runScript(node: string, onLine: (line: Record<string, unknown>) => void = () => undefined) {
  const child = spawn(node, ['dist/main.js'], {
    cwd: project,
    env: {
      ...process.env,
      PLATFORM_URL: server.url,
      PLATFORM_TOKEN: tokenFor({ role: Role.REGION_OFFICIAL, region: '519902000000' }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Record<string, unknown>[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    const parsed = JSON.parse(line) as Record<string, unknown>;
    lines.push(parsed);
    onLine(parsed);
  });
  return new Promise<Record<string, unknown>[]>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`script did not finish: ${JSON.stringify(lines)} ${stderr}`));
    }, 30_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(lines);
      else reject(new Error(`script exited with ${code}: ${stderr}`));
    });
  });
}

it('installs from the packed tarball outside the workspace, types a custom document and runs it live', async () => {
  // Pack exactly what would be published (the build ran before the tests).
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', project], {
      cwd: path.join(ROOT, 'client-sdk'),
      encoding: 'utf8',
    }),
  ) as { filename: string; name: string; files: { path: string }[] }[];
  expect(packed.name).toBe('@xiangcun/assistance-sdk');
  const shipped = packed.files.map((f) => f.path);
  for (const file of [
    'dist/esm/index.js',
    'dist/esm/index.d.ts',
    'dist/cjs/index.js',
    'schema.graphql',
    'src/generated/graphql.ts',
    'src/generated/persisted-documents.json',
    'codegen.example.ts',
    'README.md',
    'LICENSE',
  ])
    expect(shipped).toContain(file);

  fs.writeFileSync(
    path.join(project, 'package.json'),
    JSON.stringify({
      name: 'county-portal-of-a-team',
      private: true,
      type: 'module',
      dependencies: {
        '@xiangcun/assistance-sdk': `file:./${packed.filename}`,
        graphql: versionOf('graphql'),
      },
      devDependencies: {
        typescript: versionOf('typescript'),
        '@graphql-codegen/cli': versionOf('@graphql-codegen/cli'),
        '@graphql-codegen/client-preset': versionOf('@graphql-codegen/client-preset'),
        '@types/node': versionOf('@types/node'),
      },
      // The same pin as the workspace: this registry lacks the version codegen would pick.
      overrides: { '@graphql-tools/delegate': versionOf('@graphql-tools/delegate') },
    }),
  );
  await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], {
    cwd: project,
  });
  fs.copyFileSync(
    path.join(project, 'node_modules', '@xiangcun', 'assistance-sdk', 'codegen.example.ts'),
    path.join(project, 'codegen.ts'),
  );
  fs.writeFileSync(
    path.join(project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'nodenext',
        moduleResolution: 'nodenext',
        strict: true,
        skipLibCheck: true,
        outDir: 'dist',
        types: ['node'],
      },
      include: ['src'],
    }),
  );
  fs.mkdirSync(path.join(project, 'src'));
  fs.writeFileSync(path.join(project, 'src', 'county.ts'), COUNTY_DOCUMENT);
  fs.writeFileSync(path.join(project, 'src', 'main.ts'), MAIN);

  // Generated from the schema inside the package; the whole project type-checks and compiles.
  await codegen();
  expect(fs.existsSync(path.join(project, 'src', 'gql', 'persisted-documents.json'))).toBe(true);
  await tsc('-p', '.');

  // A misspelt field of the result does not compile …
  fs.writeFileSync(
    path.join(project, 'src', 'misspelt.ts'),
    `import type { ResultOf } from '@xiangcun/assistance-sdk';
import type { CountyVillages } from './county.js';
export const name = (data: ResultOf<typeof CountyVillages>) => data.villages.edges[0].node.nmae;
`,
  );
  const misspeltResult = await tsc('--noEmit', '-p', '.').catch((e: { stdout: string }) => e);
  expect((misspeltResult as { stdout: string }).stdout).toMatch(/Property 'nmae' does not exist/);
  fs.rmSync(path.join(project, 'src', 'misspelt.ts'));

  // … and a misspelt field in the document stops the generator.
  fs.writeFileSync(
    path.join(project, 'src', 'county.ts'),
    COUNTY_DOCUMENT.replace('code name indicators', 'code nmae indicators'),
  );
  const misspeltDocument = await codegen().catch((e: { stderr: string; stdout: string }) => e);
  expect(
    `${(misspeltDocument as { stderr: string }).stderr}${(misspeltDocument as { stdout: string }).stdout}`,
  ).toMatch(/Cannot query field "nmae"/);
  fs.writeFileSync(path.join(project, 'src', 'county.ts'), COUNTY_DOCUMENT);
  await codegen();

  // On this Node (24, global WebSocket): the query and a live subscription against the platform.
  let recorded = false;
  const lines = await runScript(process.execPath, (line) => {
    if ('live' in line && !recorded) {
      recorded = true;
      void recordPurchase('package-test-1', '321.09');
    }
  });
  expect(lines[0]).toEqual({ villages: 6, first: expect.any(String) });
  expect(lines[1]).toEqual({ live: expect.stringMatching(/^\d+$/) });
  expect(lines[2]).toEqual({ amount: '321.09' });

  // On Node 20, where the machine has it: queries work, live updates name the missing option.
  const node20 = ['/usr/bin/node', '/usr/local/bin/node'].find(
    (candidate) =>
      fs.existsSync(candidate) && execFileSync(candidate, ['--version'], { encoding: 'utf8' }).startsWith('v20.'),
  );
  if (node20) {
    const old = await runScript(node20);
    expect(old[0]).toEqual({ villages: 6, first: expect.any(String) });
    expect(old[1]).toMatchObject({ error: 'CONFIGURATION_ERROR', platformError: true });
    expect(old[1].message).toContain('webSocketImpl');
    // CommonJS consumers get the same client.
    const cjs = execFileSync(
      node20,
      ['-e', "const sdk = require('@xiangcun/assistance-sdk'); console.log(typeof sdk.createPlatformClient)"],
      { cwd: project, encoding: 'utf8' },
    );
    expect(cjs.trim()).toBe('function');
  }
}, 240_000);

async function recordPurchase(reference: string, amount: string) {
  const tea = seedId('provider', 'tea-co');
  const response = await server.gql(
    'mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) { purchase { id } } }',
    {
      input: {
        buyerId: toGlobalId('Enterprise', tea),
        clientReference: reference,
        channel: 'CANTEEN',
        purchasedOn: '2026-06-01',
        lines: [
          { productId: toGlobalId('Product', seedId('product', 'green-pepper')), quantity: '1', unit: '公斤', amount },
        ],
      },
    },
    tokenFor({ role: Role.ENTERPRISE, provider: tea }),
  );
  expect(response.errors).toBeUndefined();
}
