import { EventEmitter } from 'node:events';
import Redis from 'ioredis';
import type { Logger } from '../logger';

/**
 * Wakes every instance's event hub when events have been committed. It carries no event data:
 * the event table is the single source, so a lost wake-up delays delivery (until the hub's
 * next poll) but can never lose or reorder an event.
 */
export interface EventBus {
  /** Announces that new events are committed. */
  announce(): void;
  onAnnounce(listener: () => void): void;
  close(): Promise<void>;
  /** Resolves when the bus's broker answers (readiness); buses without one have nothing to check. */
  ping?(): Promise<void>;
}

/** One process: announcements stay in memory. */
export class LocalEventBus implements EventBus {
  private readonly emitter = new EventEmitter();
  announce(): void {
    this.emitter.emit('committed');
  }
  onAnnounce(listener: () => void): void {
    this.emitter.on('committed', listener);
  }
  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}

const CHANNEL = 'platform:events:committed';

/** Several instances on one database: announcements travel over Redis pub/sub. */
export class RedisEventBus implements EventBus {
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly local = new LocalEventBus();

  constructor(
    url: string,
    private readonly logger: Logger,
  ) {
    this.publisher = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2 });
    this.subscriber = new Redis(url, { lazyConnect: false });
    for (const client of [this.publisher, this.subscriber])
      client.on('error', (error) => logger.warn({ err: error }, 'redis error'));
    this.subscriber.on('message', () => this.local.announce());
  }

  async start(): Promise<void> {
    await this.subscriber.subscribe(CHANNEL);
  }

  announce(): void {
    // Local subscribers need no round trip; other instances hear it through Redis.
    this.local.announce();
    this.publisher
      .publish(CHANNEL, 'committed')
      .catch((error) => this.logger.warn({ err: error }, 'could not announce events over redis'));
  }

  onAnnounce(listener: () => void): void {
    this.local.onAnnounce(listener);
  }

  async ping(): Promise<void> {
    await this.publisher.ping();
  }

  async close(): Promise<void> {
    await this.local.close();
    this.subscriber.disconnect();
    this.publisher.disconnect();
  }
}

/** Messages between a cluster primary and its workers (see main.ts). */
export const CLUSTER_MESSAGE = {
  committed: 'platform:events:committed',
  listening: 'platform:worker:listening',
} as const;

export type ClusterMessage =
  { type: typeof CLUSTER_MESSAGE.committed } | { type: typeof CLUSTER_MESSAGE.listening; port: number };

/**
 * Worker processes of one cluster on one machine: announcements go to the primary, which relays
 * them to the other workers, so no Redis is needed to run one instance per core.
 */
export class ClusterEventBus implements EventBus {
  private readonly local = new LocalEventBus();
  private readonly onMessage = (message: ClusterMessage) => {
    if (message?.type === CLUSTER_MESSAGE.committed) this.local.announce();
  };

  constructor() {
    process.on('message', this.onMessage);
  }

  announce(): void {
    this.local.announce();
    process.send?.({ type: CLUSTER_MESSAGE.committed });
  }

  onAnnounce(listener: () => void): void {
    this.local.onAnnounce(listener);
  }

  async close(): Promise<void> {
    process.off('message', this.onMessage);
    await this.local.close();
  }
}
