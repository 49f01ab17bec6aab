import fs from 'node:fs';
import { Client } from 'pg';
import type { EmbeddedPostgres } from '../../server/src/core/db/embedded-postgres';
import { dropDatabase } from './databases';

export default async function globalTeardown(): Promise<void> {
  const adminUrl = process.env.TEST_ADMIN_URL;
  const template = process.env.TEST_TEMPLATE_DB;
  const state = (globalThis as Record<string, unknown>).__embeddedPostgres as
    { embedded: EmbeddedPostgres; dataDir: string } | undefined;
  if (state) {
    // The whole throwaway cluster goes; no need to drop databases one by one.
    await state.embedded.stop();
    fs.rmSync(state.dataDir, { recursive: true, force: true });
    return;
  }
  if (!adminUrl || !template) return;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [
      `${template}%`,
    ]);
    for (const { datname } of rows) await dropDatabase(admin, datname);
  } finally {
    await admin.end();
  }
}
