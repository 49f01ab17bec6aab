import type { Socket } from 'node:net';
import type { TestServer } from '../harness/server';

/**
 * Tracks the server side of every WebSocket upgrade so a test can cut live connections the way a
 * failing network or a restarting instance would, without stopping the HTTP API.
 */
export function liveSockets(server: TestServer) {
  const sockets = new Set<Socket>();
  server.platform.httpServer.on('upgrade', (_request, socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  return {
    get count() {
      return sockets.size;
    },
    /** Destroys every open WebSocket on the server; returns how many there were. */
    cut(): number {
      const n = sockets.size;
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      return n;
    },
  };
}

export async function waitUntil(check: () => boolean, timeoutMs = 8000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
