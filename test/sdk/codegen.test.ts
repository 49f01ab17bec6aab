import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The generated documents, their types and the persisted-documents manifest are committed build
 * outputs: regenerating them from schema/schema.graphql and the operations must change nothing.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const COMMITTED = {
  sdk: path.join(ROOT, 'client-sdk', 'src', 'generated'),
  portal: path.join(ROOT, 'client-sdk', 'examples', 'county-portal', 'src', 'gql'),
};

const filesOf = (dir: string) =>
  fs
    .readdirSync(dir)
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .sort();

it('regenerating the SDK documents gives exactly the committed files (run `npm run codegen` after changing an operation or the schema)', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'sdk-codegen-'));
  try {
    const cli = require
      .resolve('@graphql-codegen/cli/package.json')
      .replace(/package\.json$/, path.join('esm', 'bin.js'));
    execFileSync(process.execPath, [cli, '--config', 'codegen.ts', '--silent'], {
      cwd: ROOT,
      env: { ...process.env, CODEGEN_OUT: `${out}/` },
      stdio: 'pipe',
    });
    for (const [name, committed] of Object.entries(COMMITTED)) {
      const generated = path.join(out, name);
      expect(filesOf(generated)).toEqual(filesOf(committed));
      for (const file of filesOf(generated)) {
        expect({ file, text: fs.readFileSync(path.join(committed, file), 'utf8') }).toEqual({
          file,
          text: fs.readFileSync(path.join(generated, file), 'utf8'),
        });
      }
    }
    const manifest = JSON.parse(
      fs.readFileSync(path.join(COMMITTED.sdk, 'persisted-documents.json'), 'utf8'),
    ) as Record<string, string>;
    expect(Object.keys(manifest).length).toBeGreaterThan(10);
    expect(Object.keys(manifest).every((hash) => /^sha256:[0-9a-f]{64}$/.test(hash))).toBe(true);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});
