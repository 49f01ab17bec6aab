import 'reflect-metadata';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../server/src/core/db/embedded-postgres';
import { execFileSync } from 'node:child_process';
import { createLogger } from '../../server/src/core/logger';
import { databaseUrl, recreateDatabase } from './databases';

/**
 * Once per `npm test`: picks the PostgreSQL to test against (DATABASE_URL, or a fresh embedded
 * one), then builds a template database (migrated and seeded) that every test file clones.
 */
export default async function globalSetup(): Promise<void> {
  const logger = createLogger('warn');
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'platform-test-pg-'));
    const embedded = await startEmbeddedPostgres(dataDir, logger);
    (globalThis as Record<string, unknown>).__embeddedPostgres = { embedded, dataDir };
    adminUrl = embedded.url;
  }
  const template = `platform_test_${process.pid}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await recreateDatabase(admin, template);
  } finally {
    await admin.end();
  }
  // Migrate and seed through the real `npm run seed` entry point, in its own process: MikroORM
  // must not be initialised here, in the process whose realm the in-band tests reuse.
  const seedScript = path.resolve(__dirname, '..', '..', 'dist', 'server', 'src', 'cli', 'seed.js');
  if (!fs.existsSync(seedScript))
    throw new Error('dist/ is missing: run the tests with `npm test`, which builds first');
  execFileSync(process.execPath, [seedScript], {
    env: { ...process.env, DATABASE_URL: databaseUrl(adminUrl, template), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  process.env.TEST_ADMIN_URL = adminUrl;
  process.env.TEST_TEMPLATE_DB = template;
}
