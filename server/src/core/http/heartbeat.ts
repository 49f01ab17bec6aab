import type { WebSocket, WebSocketServer } from 'ws';

/** How often each socket is pinged; a socket that has not answered the previous ping by then is dropped. */
export const HEARTBEAT_INTERVAL_MS = 30_000;
/** The sweep's step: each step pings the share of sockets whose turn it is. */
const STEP_MS = 1_000;

/**
 * Keep-alive pings for every WebSocket of a server, from one timer. graphql-ws's own keep-alive
 * gives each socket an interval, a timeout and a `once('pong')` listener per ping; with ten
 * thousand subscribers that was about a fifth of the process's CPU during live fan-out (a CPU
 * profile of `npm run bench:fanout`). Here one timer walks the sockets in steps, so the pings of an
 * interval are spread evenly over it instead of bursting, and a socket costs one flag and one
 * permanent `pong` listener. A socket that missed its previous ping is terminated; its client's
 * retry resumes from its cursor, as after any disconnect.
 */
export class Heartbeat {
  private readonly alive = new WeakSet<WebSocket>();
  private readonly sockets = new Set<WebSocket>();
  private cursor: Iterator<WebSocket> | null = null;
  private readonly timer: NodeJS.Timeout;

  constructor(
    server: WebSocketServer,
    private readonly intervalMs = HEARTBEAT_INTERVAL_MS,
  ) {
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      this.alive.add(socket);
      socket.on('pong', () => this.alive.add(socket));
      socket.once('close', () => this.sockets.delete(socket));
    });
    this.timer = setInterval(() => this.step(), Math.min(STEP_MS, intervalMs));
    this.timer.unref();
  }

  private step(): void {
    const share = Math.ceil((this.sockets.size * Math.min(STEP_MS, this.intervalMs)) / this.intervalMs);
    for (let n = 0; n < share; n++) {
      let next = this.cursor?.next();
      if (!next || next.done) {
        // A Set iterator visits sockets added after it started too; a new lap begins at the end.
        this.cursor = this.sockets.values();
        next = this.cursor.next();
        if (next.done) return;
      }
      const socket = next.value;
      if (socket.readyState !== socket.OPEN) continue;
      if (!this.alive.has(socket)) {
        socket.terminate();
        continue;
      }
      this.alive.delete(socket);
      socket.ping();
    }
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
