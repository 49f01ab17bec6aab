import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'graphql';
import {
  createPlatformClient,
  PlatformError,
  ViewerDocument,
  type PlatformClient,
  type TypedDocumentNode,
} from '@xiangcun/assistance-sdk';
import { startTestServer, tokenFor, adminToken, TEST_JWT_SECRET, type TestServer } from './harness/server';
import { subscribe } from './harness/live-client';
import { createPlatform, type Platform } from '../server/src/app';
import { createLogger } from '../server/src/core/logger';
import { Role } from '../server/src/core/auth/viewer';
import { toGlobalId } from '../server/src/core/relay/global-id';
import { seedId } from '../seeds/load';
import manifest from '../client-sdk/src/generated/persisted-documents.json';

/**
 * Trusted documents: `documentId` runs a document of the SDK's manifest (or of an extra manifest a
 * portal team registers); with TRUSTED_DOCUMENTS=only nothing else runs, over HTTP or WebSocket,
 * and a trusted document still passes the platform's validation rules.
 */
let server: TestServer; // TRUSTED_DOCUMENTS unset: allow
let only: Platform;
let onlyUrl: string;
const clients: PlatformClient[] = [];
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'trusted-documents-'));

const entry = (text: string) => [`sha256:${crypto.createHash('sha256').update(text).digest('hex')}`, text] as const;
// Thirteen levels of `parent`: deeper than the platform's limit of 12.
const [deepId, deepText] = entry(
  `query TooDeep { region(code: "519902") { ${'parent { '.repeat(13)}code${' }'.repeat(13)} } }`,
);
const [extraId, extraText] = entry('query ExtraCountyName { region(code: "519902") { name } }');
const idOf = (operation: string) =>
  Object.entries(manifest).find(
    ([, text]) => text.startsWith(`query ${operation}(`) || text.startsWith(`query ${operation} `),
  )![0];
const viewerId = idOf('Viewer');
const regionOverviewId = idOf('RegionOverview');

beforeAll(async () => {
  server = await startTestServer();
  const extra = path.join(temp, 'portal-manifest.json');
  fs.writeFileSync(extra, JSON.stringify({ [deepId]: deepText, [extraId]: extraText }));
  process.env.TRUSTED_DOCUMENTS = 'only';
  process.env.TRUSTED_DOCUMENTS_MANIFESTS = extra;
  try {
    only = await createPlatform({ orm: server.orm, logger: createLogger('silent'), jwtSecret: TEST_JWT_SECRET });
  } finally {
    delete process.env.TRUSTED_DOCUMENTS;
    delete process.env.TRUSTED_DOCUMENTS_MANIFESTS;
  }
  onlyUrl = `http://127.0.0.1:${await only.listen(0, '127.0.0.1')}/graphql`;
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await only?.stop();
  await server.close();
  fs.rmSync(temp, { recursive: true, force: true });
});

async function post(url: string, body: unknown, token = adminToken()) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: any[] } };
}

const sdk = (url: string, token = tokenFor({ role: Role.REGION_OFFICIAL, region: '519902000000' })) => {
  const client = createPlatformClient({ url, token, reconnect: { initialDelayMs: 50, maxDelayMs: 200 } });
  clients.push(client);
  return client;
};

describe('TRUSTED_DOCUMENTS=allow (default)', () => {
  it('runs a manifest document by its id alone', async () => {
    const { status, body } = await post(server.url, { documentId: viewerId });
    expect(status).toBe(200);
    expect(body).toMatchObject({ data: { viewer: expect.objectContaining({ role: 'ADMIN' }) } });
  });

  it("runs the request's own document when it has no id or an id this platform does not know", async () => {
    expect((await post(server.url, { query: '{ viewer { role } }' })).body).toMatchObject({
      data: { viewer: { role: 'ADMIN' } },
    });
    expect(
      (await post(server.url, { documentId: `sha256:${'0'.repeat(64)}`, query: '{ viewer { role } }' })).body,
    ).toMatchObject({
      data: { viewer: { role: 'ADMIN' } },
    });
  });

  it('refuses an unknown id without a document, naming the field', async () => {
    const { status, body } = await post(server.url, { documentId: `sha256:${'0'.repeat(64)}` });
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', fields: ['documentId'] } }),
    ]);
  });

  it('does not let a client register documents through automatic persisted queries', async () => {
    const query = '{ viewer { role } }';
    const sha256Hash = crypto.createHash('sha256').update(query).digest('hex');
    const register = await post(server.url, { query, extensions: { persistedQuery: { version: 1, sha256Hash } } });
    expect(register.status).toBe(400);
    expect(register.body.errors![0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: ['extensions.persistedQuery'],
    });
    const replay = await post(server.url, { extensions: { persistedQuery: { version: 1, sha256Hash } } });
    expect(replay.body.data).toBeUndefined();
  });
});

describe('TRUSTED_DOCUMENTS=only', () => {
  it('refuses any document that is not trusted, over HTTP', async () => {
    const { status, body } = await post(onlyUrl, { query: '{ viewer { role } }' });
    expect(status).toBe(400);
    expect(body).toEqual({
      errors: [expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', fields: ['query'] } })],
    });
    const unknown = await post(onlyUrl, { documentId: `sha256:${'0'.repeat(64)}`, query: '{ viewer { role } }' });
    expect(unknown.body.errors![0].extensions.fields).toEqual(['documentId']);
    const batch = await post(onlyUrl, [{ documentId: viewerId }]);
    expect(batch.status).toBe(400);
  });

  it('refuses a document that is not trusted over WebSocket', async () => {
    const raw = subscribe(onlyUrl, adminToken(), 'subscription { purchaseRecorded { cursor } }');
    await expect(raw.waitFor(1, 3000)).rejects.toThrow(/trusted documents only/);
    expect(raw.errors).toEqual([
      [expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', fields: ['query'] } })],
    ]);
    await raw.close();
  });

  it('runs the SDK as it is: its queries and live subscriptions are in the manifest', async () => {
    const county = sdk(onlyUrl);
    expect(await county.viewer()).toMatchObject({ role: 'REGION_OFFICIAL' });
    expect((await county.keyAssistedVillages('519902')).totalCount).toBe(6);
    // A hand-written document is not trusted.
    const handWritten: TypedDocumentNode<{ viewer: { role: string } }, Record<string, never>> = parse(
      'query HandWritten { viewer { role } }',
    );
    const refused = await county.request(handWritten).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PlatformError);
    expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['query'] });

    const received: string[] = [];
    const subscription = county.live.purchaseRecorded({}, { next: (e) => received.push(e.purchaseRecorded.cursor) });
    const deadline = Date.now() + 5000;
    while (subscription.status !== 'live' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    expect(subscription.status).toBe('live');
    const tea = sdk(onlyUrl, tokenFor({ role: Role.ENTERPRISE, provider: seedId('provider', 'tea-co') }));
    await tea.recordPurchase({
      buyerId: toGlobalId('Enterprise', seedId('provider', 'tea-co')),
      clientReference: 'trusted-only-1',
      channel: 'CANTEEN',
      purchasedOn: '2026-06-01',
      lines: [
        {
          productId: toGlobalId('Product', seedId('product', 'green-pepper')),
          quantity: '1',
          unit: '公斤',
          amount: '9.90',
        },
      ],
    });
    while (received.length < 1 && Date.now() < deadline + 5000) await new Promise((r) => setTimeout(r, 25));
    expect(received).toHaveLength(1);
    subscription.close();
  });

  it('runs trusted documents by GET as well', async () => {
    const response = await fetch(`${onlyUrl}?documentId=${encodeURIComponent(viewerId)}`, {
      headers: { authorization: `Bearer ${adminToken()}`, 'apollo-require-preflight': 'true' },
    });
    expect(await response.json()).toMatchObject({ data: { viewer: expect.objectContaining({ role: 'ADMIN' }) } });
    const raw = await fetch(`${onlyUrl}?query=${encodeURIComponent('{ viewer { role } }')}`, {
      headers: { authorization: `Bearer ${adminToken()}`, 'apollo-require-preflight': 'true' },
    });
    expect(raw.status).toBe(400);
  });

  it("accepts a portal team's own manifest, and its documents still pass the validation rules", async () => {
    expect((await post(onlyUrl, { documentId: extraId })).body).toMatchObject({
      data: { region: { name: expect.any(String) } },
    });
    const deep = await post(onlyUrl, { documentId: deepId });
    expect(deep.body.data).toBeUndefined();
    expect(deep.body.errors![0].message).toMatch(/at most 12/);
    expect(deep.body.errors![0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    // Variables are checked as for any document.
    const badVariables = await post(onlyUrl, { documentId: regionOverviewId, variables: { code: 519902 } });
    expect(badVariables.body.data).toBeUndefined();
    expect(badVariables.body.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    const typed = await sdk(onlyUrl).request(ViewerDocument);
    expect(typed.viewer.role).toBe('REGION_OFFICIAL');
  });

  it('refuses to start with a manifest whose id is not the hash of its document', async () => {
    const forged = path.join(temp, 'forged.json');
    fs.writeFileSync(forged, JSON.stringify({ [extraId]: 'query Forged { viewer { role } }' }));
    process.env.TRUSTED_DOCUMENTS_MANIFESTS = forged;
    try {
      await expect(
        createPlatform({ orm: server.orm, logger: createLogger('silent'), jwtSecret: TEST_JWT_SECRET }),
      ).rejects.toThrow(/not the sha256 of its text/);
    } finally {
      delete process.env.TRUSTED_DOCUMENTS_MANIFESTS;
    }
  });
});
