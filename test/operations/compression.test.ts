import zlib from 'node:zlib';
import http from 'node:http';
import WebSocket from 'ws';
import { startTestServer, adminToken, type TestServer } from '../harness/server';

/**
 * Responses from 1 KB on are compressed with br or gzip, as the client asks; small ones go plain.
 * Node's fetch decompresses on its own, so these requests use node:http to see the bytes sent.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const BIG = '{ __schema { types { name description fields { name description } } } }';
const SMALL = '{ viewer { role } }';

function post(query: string, acceptEncoding?: string): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      server.url,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${adminToken()}`,
          ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
      },
    );
    request.on('error', reject);
    request.end(JSON.stringify({ query }));
  });
}

describe('HTTP compression', () => {
  it('sends a large answer with brotli when the client accepts it, and gzip when only that', async () => {
    const plain = await post(BIG);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(5000);
    const expected = JSON.parse(plain.body.toString()).data;
    expect(expected.__schema.types.length).toBeGreaterThan(100);

    const br = await post(BIG, 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(JSON.parse(zlib.brotliDecompressSync(br.body).toString()).data).toEqual(expected);

    const gzip = await post(BIG, 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(zlib.gunzipSync(gzip.body).toString()).data).toEqual(expected);

    // What it saves, printed for the README (not asserted as a number: it depends on the data).
    process.stdout.write(
      `compression of a ${plain.body.length}-byte answer: br ${br.body.length} B (${((100 * br.body.length) / plain.body.length).toFixed(1)}%), gzip ${gzip.body.length} B (${((100 * gzip.body.length) / plain.body.length).toFixed(1)}%)\n`,
    );
    expect(br.body.length).toBeLessThan(plain.body.length / 3);
    expect(gzip.body.length).toBeLessThan(plain.body.length / 3);
  });

  it('sends small answers as they are', async () => {
    const small = await post(SMALL, 'gzip, deflate, br');
    expect(small.body.length).toBeLessThan(1024);
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(small.body.toString()).data.viewer.role).toBe('ADMIN');
  });
});

describe('WebSocket permessage-deflate', () => {
  /** A raw graphql-ws exchange, counting the bytes that arrive on the socket. */
  async function run(query: string, deflate: boolean): Promise<{ extensions: string; bytes: number; text: number }> {
    const socket = new WebSocket(server.url.replace(/^http/, 'ws'), 'graphql-transport-ws', {
      perMessageDeflate: deflate,
    });
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    const messages: string[] = [];
    const done = new Promise<void>((resolve) =>
      socket.on('message', (data: Buffer) => {
        const message = JSON.parse(data.toString()) as { type: string };
        if (message.type === 'next') messages.push(data.toString());
        if (message.type === 'complete' || message.type === 'error') resolve();
        if (message.type === 'connection_ack')
          socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query } }));
      }),
    );
    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${adminToken()}` } }));
    const before = (socket as unknown as { _socket: { bytesRead: number } })._socket.bytesRead;
    await done;
    const bytes = (socket as unknown as { _socket: { bytesRead: number } })._socket.bytesRead - before;
    const extensions = socket.extensions;
    socket.close();
    return { extensions, bytes, text: messages.reduce((n, m) => n + Buffer.byteLength(m), 0) };
  }

  it('negotiates permessage-deflate and compresses large messages', async () => {
    const compressed = await run(BIG, true);
    expect(compressed.extensions).toContain('permessage-deflate');
    expect(compressed.text).toBeGreaterThan(5000);
    expect(compressed.bytes).toBeLessThan(compressed.text / 3);
    const plain = await run(BIG, false);
    expect(plain.extensions).toBe('');
    expect(plain.bytes).toBeGreaterThan(plain.text);
  });

  it('sends small messages uncompressed even when deflate was negotiated', async () => {
    const small = await run(SMALL, true);
    expect(small.extensions).toContain('permessage-deflate');
    expect(small.text).toBeLessThan(1024);
    // Uncompressed frames carry every byte of the text (plus headers and the other messages).
    expect(small.bytes).toBeGreaterThanOrEqual(small.text);
  });
});
