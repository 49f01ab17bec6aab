// Builds the ESM and CommonJS outputs with their declarations, and marks each folder's module
// format so Node loads `dist/esm` as ESM and `dist/cjs` as CommonJS whatever the package says.
// Also copies the platform's SDL into the package, so a portal team can generate its own typed
// documents from `@xiangcun/assistance-sdk/schema.graphql` (see codegen.example.ts).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
rmSync(join(root, 'dist'), { recursive: true, force: true });
for (const [config, folder, type] of [
  ['tsconfig.json', 'esm', 'module'],
  ['tsconfig.cjs.json', 'cjs', 'commonjs'],
]) {
  execFileSync(process.execPath, [tsc, '-p', join(root, config)], { stdio: 'inherit' });
  mkdirSync(join(root, 'dist', folder), { recursive: true });
  writeFileSync(join(root, 'dist', folder, 'package.json'), `${JSON.stringify({ type }, null, 2)}\n`);
}
copyFileSync(join(root, '..', 'schema', 'schema.graphql'), join(root, 'schema.graphql'));
