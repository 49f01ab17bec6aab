import WebSocket from 'ws';

/**
 * One process of the fan-out benchmark's client swarm (forked by fanout.bench.ts): it opens
 * graphql-ws sockets, subscribes the way the SDK does (with the `liveCursor` extension, whose
 * message also tells this process that the subscription is live), and records when each purchase
 * arrives at each subscription. The swarm runs apart from the server so that ten thousand client
 * sockets do not share the server's event loop; it parses as little as it can (a string search
 * for the purchase id) to leave the machine's CPU to the server.
 *
 * Times are epoch milliseconds from `performance.timeOrigin + performance.now()`, comparable
 * across the processes of one machine.
 */

export type ClientCommand =
  | { type: 'open'; port: number; token: string; sockets: number; perSocket: number; document: string }
  | { type: 'collect'; sent: Record<string, number> }
  | { type: 'close' };

export type ClientReply =
  | { type: 'opened'; subscriptions: number; failed: number }
  | { type: 'collected'; latencies: number[]; missing: number; subscriptions: number }
  | { type: 'closed' };

const PURCHASE_ID = '"purchase":{"id":"';
const LIVE = '"liveCursor":"';
const now = () => performance.timeOrigin + performance.now();

interface Subscription {
  /** purchase id → arrival time */
  received: Map<string, number>;
}

const sockets: WebSocket[] = [];
const subscriptions: Subscription[] = [];

function openSocket(port: number, token: string, perSocket: number, document: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/graphql`, 'graphql-transport-ws', {
      perMessageDeflate: false,
    });
    const mine: Subscription[] = Array.from({ length: perSocket }, () => ({ received: new Map() }));
    let live = 0;
    socket.on('open', () =>
      socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })),
    );
    socket.on('message', (data: Buffer) => {
      const text = data.toString();
      const at = text.indexOf(PURCHASE_ID);
      if (at >= 0) {
        // {"id":"<n>",...}: the subscription's index on this socket.
        const index = Number(text.slice(7, text.indexOf('"', 7)));
        const start = at + PURCHASE_ID.length;
        mine[index]?.received.set(text.slice(start, text.indexOf('"', start)), now());
        return;
      }
      if (text.includes(LIVE)) {
        if (++live === perSocket) resolve();
        return;
      }
      if (text.startsWith('{"type":"connection_ack"')) {
        for (let i = 0; i < perSocket; i++)
          socket.send(
            JSON.stringify({
              id: String(i),
              type: 'subscribe',
              payload: { query: document, extensions: { liveCursor: true } },
            }),
          );
        return;
      }
      if (text.includes('"type":"error"')) reject(new Error(text));
    });
    socket.on('error', reject);
    socket.on('close', (code) => {
      if (live < perSocket) reject(new Error(`socket closed with ${code} before its subscriptions were live`));
    });
    sockets.push(socket);
    subscriptions.push(...mine);
  });
}

async function open(command: Extract<ClientCommand, { type: 'open' }>): Promise<ClientReply> {
  let failed = 0;
  // In waves, so the server's accept queue and the token checks are not flooded at once.
  for (let i = 0; i < command.sockets; i += 100) {
    const wave = Math.min(100, command.sockets - i);
    const results = await Promise.allSettled(
      Array.from({ length: wave }, () => openSocket(command.port, command.token, command.perSocket, command.document)),
    );
    failed += results.filter((r) => r.status === 'rejected').length;
  }
  return { type: 'opened', subscriptions: subscriptions.length, failed };
}

function collect(sent: Record<string, number>): ClientReply {
  const latencies: number[] = [];
  let missing = 0;
  for (const [id, at] of Object.entries(sent))
    for (const subscription of subscriptions) {
      const arrived = subscription.received.get(id);
      if (arrived === undefined) missing++;
      else latencies.push(Math.round((arrived - at) * 10) / 10);
    }
  return { type: 'collected', latencies, missing, subscriptions: subscriptions.length };
}

process.on('message', (command: ClientCommand) => {
  void (async () => {
    let reply: ClientReply;
    if (command.type === 'open') reply = await open(command);
    else if (command.type === 'collect') reply = collect(command.sent);
    else {
      for (const socket of sockets) socket.terminate();
      sockets.length = 0;
      subscriptions.length = 0;
      reply = { type: 'closed' };
    }
    process.send!(reply);
  })();
});
