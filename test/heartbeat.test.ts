import { once } from 'node:events';
import WebSocket, { WebSocketServer } from 'ws';
import { Heartbeat } from '../server/src/core/http/heartbeat';

describe('WebSocket heartbeat', () => {
  let server: WebSocketServer;
  let heartbeat: Heartbeat;
  let url: string;

  beforeAll(async () => {
    server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await once(server, 'listening');
    url = `ws://127.0.0.1:${(server.address() as { port: number }).port}`;
    // Long enough that a busy test machine answers every ping in time; short enough for a test.
    heartbeat = new Heartbeat(server, 1500);
  });

  afterAll(async () => {
    heartbeat.stop();
    for (const client of server.clients) client.terminate();
    await new Promise((resolve) => server.close(resolve));
  });

  it('pings every socket and drops the one that stops answering, keeping the others', async () => {
    const answering = new WebSocket(url);
    const silent = new WebSocket(url, { autoPong: false });
    // Listened for at once: on a slow machine the sweep may drop the silent socket before both open.
    const silentClosed = once(silent, 'close');
    await once(answering, 'open');

    const [code] = (await silentClosed) as [number];
    expect(code).toBe(1006); // terminated: no closing handshake for a peer that does not answer
    // The answering socket is pinged in the following sweeps too, and stays open.
    const pinged = () =>
      new Promise<void>((resolve, reject) => {
        answering.once('ping', () => resolve());
        answering.once('close', () => reject(new Error('the answering socket was dropped')));
      });
    await pinged();
    await pinged();
    expect(answering.readyState).toBe(WebSocket.OPEN);
    answering.close();
  });
});
