// Bundles the offline GraphQL IDE (server/ide) into dist/ide with esbuild: GraphiQL, React and
// graphql-ws from npm, hashed file names under /ide/assets/, and an index.html naming them. Run by
// `npm run build`, it skips the work when neither the IDE's sources nor the lockfile changed since
// the last bundle, so a full build (and `npm test`) does not pay for it every time.
//
// GraphiQL 4 rather than 5: measured here, 4 (CodeMirror 5) bundles in about 0.3 s to 1.4 MB of
// JavaScript and 0.4 MB of CSS with its fonts inlined; 5 (Monaco) takes twice as long, is 5.2 MB
// of JavaScript plus a font file, and needs its language workers set up as separate bundles.
// Both work offline; 4 is smaller, simpler to serve under a strict CSP, and fast to build.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const source = join(root, 'server', 'ide');
const out = join(root, 'dist', 'ide');
const stampFile = join(root, 'dist', '.ide-stamp');
/**
 * Where the page (served at /ide/) loads its bundles from: hashed names, so the server may cache
 * them for a year. Relative, so the IDE also works behind a proxy that serves the platform under
 * a path prefix.
 */
const PUBLIC_PATH = 'assets';

function fingerprint() {
  const hash = createHash('sha256');
  const files = [];
  const walk = (path) => {
    if (statSync(path).isDirectory()) for (const entry of readdirSync(path)) walk(join(path, entry));
    else files.push(path);
  };
  walk(source);
  files.push(join(root, 'package-lock.json'), fileURLToPath(import.meta.url));
  for (const file of files.sort()) hash.update(relative(root, file)).update('\0').update(readFileSync(file));
  return hash.digest('hex');
}

const current = fingerprint();
const previous = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : '';
if (!process.argv.includes('--force') && previous === current && existsSync(join(out, 'index.html'))) process.exit(0);

const started = performance.now();
rmSync(out, { recursive: true, force: true });
const result = await build({
  entryPoints: [join(source, 'main.tsx')],
  outdir: join(out, 'assets'),
  bundle: true,
  minify: true,
  sourcemap: false,
  format: 'esm',
  target: 'es2022',
  jsx: 'automatic',
  entryNames: '[name]-[hash]',
  assetNames: '[name]-[hash]',
  // Fonts and images GraphiQL's CSS names become files on this origin, never a third-party URL.
  loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.svg': 'file', '.png': 'file' },
  define: { 'process.env.NODE_ENV': '"production"' },
  legalComments: 'linked',
  metafile: true,
  logLevel: 'warning',
});

const outputs = Object.entries(result.metafile.outputs).filter(([, meta]) => meta.entryPoint || meta.cssBundle);
const asset = (file) => `${PUBLIC_PATH}/${relative(join(out, 'assets'), join(root, file))}`;
const script = outputs.find(([file]) => file.endsWith('.js'));
const styles = outputs.map(([, meta]) => meta.cssBundle).filter(Boolean);
if (!script) throw new Error('esbuild produced no IDE script');
const html = readFileSync(join(source, 'index.html'), 'utf8')
  .replace('<!-- ide:styles -->', styles.map((file) => `<link rel="stylesheet" href="${asset(file)}" />`).join('\n'))
  .replace('<!-- ide:scripts -->', `<script type="module" src="${asset(script[0])}"></script>`);
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'index.html'), html);
writeFileSync(stampFile, `${current}\n`);

const bytes = Object.values(result.metafile.outputs).reduce((sum, meta) => sum + meta.bytes, 0);
const ms = Math.round(performance.now() - started);
console.log(`IDE bundled into dist/ide: ${(bytes / 1e6).toFixed(2)} MB in ${ms} ms`);
