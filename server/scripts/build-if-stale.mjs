// Builds the server, the SDK and the IDE only when a source is newer than the last build, so a second
// `npm start` (and every `npm run token`, `seed`, …) starts at once instead of after a full
// TypeScript build. The stamp records the newest source time and the list of source files, so
// an added or deleted file also triggers a build. `npm test` always builds in full.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const stampFile = join(root, 'dist', '.build-stamp');
const inputs = [
  'server/src',
  'server/ide',
  'seeds',
  'client-sdk/src',
  'client-sdk/scripts',
  'tsconfig.json',
  'tsconfig.build.json',
  'client-sdk/tsconfig.json',
  'client-sdk/tsconfig.cjs.json',
  'package-lock.json',
];

function walk(path, out) {
  if (!existsSync(path)) return;
  const stat = statSync(path);
  if (stat.isDirectory()) {
    for (const entry of readdirSync(path)) if (entry !== 'node_modules') walk(join(path, entry), out);
  } else {
    out.push([relative(root, path), stat.mtimeMs]);
  }
}

const files = [];
for (const input of inputs) walk(join(root, input), files);
files.sort(([a], [b]) => a.localeCompare(b));
const newest = Math.max(...files.map(([, mtime]) => mtime));
const fingerprint = createHash('sha256')
  .update(files.map(([file]) => file).join('\n'))
  .digest('hex');
const current = `${newest} ${fingerprint}`;

// `npm run build` ends here after a full build: record the stamp only.
if (process.argv.includes('--stamp-only')) {
  mkdirSync(dirname(stampFile), { recursive: true });
  writeFileSync(stampFile, `${current}\n`);
  process.exit(0);
}

const outputsExist =
  existsSync(join(root, 'dist', 'server', 'src', 'main.js')) &&
  existsSync(join(root, 'client-sdk', 'dist')) &&
  existsSync(join(root, 'dist', 'ide', 'index.html'));
const previous = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : '';
if (outputsExist && previous === current && !process.argv.includes('--force')) process.exit(0);

const npm = process.env.npm_execpath;
const run = (args) =>
  npm
    ? execFileSync(process.execPath, [npm, ...args], { cwd: root, stdio: 'inherit' })
    : execFileSync('npm', args, { cwd: root, stdio: 'inherit' });
run(['run', '--silent', 'build']); // writes the stamp itself (see --stamp-only)
