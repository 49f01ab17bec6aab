import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../logger';
import type { Viewer } from '../auth/viewer';
import type { EventBus } from './event-bus';
import { PushStream } from './event-stream';
import { latestCursor, readEventsAfter, type StoredEvent, type Topic } from './event-store';
import type { TopicRegistry } from './topics';
import { scopeKeyOf } from '../access/scope-key';
import { caughtUp, type LiveItem } from './live-position';
import { observeEventLag } from '../observability/metrics';

/** What a subscriber asked for, beyond its scope: the subscription's filter arguments. */
export interface EventFilter {
  regionPrefix?: string;
  villageCode?: string;
  providerId?: string;
}

interface Subscriber {
  topic: Topic;
  viewer: Viewer;
  /** scopeKeyOf(viewer), computed once: subscribers of one scope share each event's verdict. */
  scope: string;
  filter: EventFilter;
  stream: PushStream<LiveItem>;
  /** Highest cursor delivered; anything at or below is a duplicate. */
  delivered: bigint;
  /** Live events wait here while the backlog of a resuming subscriber is replayed. */
  pending: StoredEvent[] | null;
}

const BATCH = 500;
/**
 * At most this long (ms) of fan-out between two yields to the event loop, so requests (writes
 * above all) wait for one short slice at a time, however many subscribers there are and however
 * slow the machine. Checked every CHECK_EVERY subscribers: reading the clock costs too.
 */
const SLICE_MS = 2;
const CHECK_EVERY = 32;
const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Per instance: reads newly committed events from the event table (when the bus announces them,
 * and on a slow poll as a safety net) and hands each to the local subscribers allowed to see it.
 */
export class EventHub {
  private readonly subscribers = new Set<Subscriber>();
  private lastFetched = 0n;
  private fetching: Promise<void> | null = null;
  private fetchAgain = false;
  private poll: NodeJS.Timeout | undefined;

  constructor(
    private readonly em: () => EntityManager,
    private readonly topics: TopicRegistry,
    private readonly bus: EventBus,
    private readonly logger: Logger,
    private readonly pollMs = 2000,
  ) {}

  async start(): Promise<void> {
    this.lastFetched = BigInt(await latestCursor(this.em()));
    this.bus.onAnnounce(() => void this.fetchNew());
    this.poll = setInterval(() => void this.fetchNew(), this.pollMs);
    this.poll.unref();
  }

  /** Live subscribers of this instance per topic (for the metrics). */
  subscriberCounts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const { topic } of this.subscribers) counts.set(topic, (counts.get(topic) ?? 0) + 1);
    return counts;
  }

  /** Resolves when the bus's broker (Redis) answers; for readiness. */
  async ping(): Promise<void> {
    await this.bus.ping?.();
  }

  /** Services call this after committing a change that appended events. */
  announce(): void {
    this.bus.announce();
  }

  async stop(): Promise<void> {
    clearInterval(this.poll);
    for (const subscriber of this.subscribers) subscriber.stream.close();
    this.subscribers.clear();
    await this.fetching;
    await this.bus.close();
  }

  /**
   * A subscriber's stream: with `after`, first every missed event after that cursor (from the
   * table, filtered by scope), then live ones, without gap or duplicate. Cursor order equals
   * commit order (see appendEvent), so "after my cursor" is exact.
   *
   * The stream also carries one `CaughtUp` item, the moment the subscriber is live: at once for a
   * new subscription, after the replay for a resuming one. Its cursor is the subscriber's position
   * (every event at or below it was delivered or was not for this subscriber), so a client that
   * resumes from it later misses nothing, even if it has not received a single event yet.
   */
  subscribe(topic: Topic, viewer: Viewer, filter: EventFilter, after?: string): AsyncIterableIterator<LiveItem> {
    if (!this.topics.has(topic)) throw new Error(`no module declares the topic ${topic}`);
    const subscriber: Subscriber = {
      topic,
      viewer,
      scope: scopeKeyOf(viewer),
      filter,
      delivered: after !== undefined ? BigInt(after) : this.lastFetched,
      pending: after !== undefined ? [] : null,
      stream: new PushStream<LiveItem>(() => this.subscribers.delete(subscriber)),
    };
    // Registered before the backlog is read, so nothing committed meanwhile slips between the two.
    this.subscribers.add(subscriber);
    // Without `after` the subscriber starts at what this hub has read: every later event reaches it.
    if (after !== undefined) void this.replay(subscriber);
    else subscriber.stream.push(caughtUp(subscriber.delivered));
    return subscriber.stream;
  }

  private async replay(subscriber: Subscriber): Promise<void> {
    try {
      for (;;) {
        const events = await readEventsAfter(this.em(), String(subscriber.delivered), BATCH, [subscriber.topic]);
        for (const event of events) await this.deliver(subscriber, event);
        if (events.length < BATCH) break;
      }
      // Drain what arrived live meanwhile; `pending` stays set until it is empty so that newer
      // events keep queueing behind it instead of overtaking it.
      const pending = subscriber.pending!;
      while (pending.length) await this.deliver(subscriber, pending.shift()!);
      subscriber.pending = null;
      subscriber.stream.push(caughtUp(subscriber.delivered));
    } catch (error) {
      this.logger.error({ err: error }, 'could not replay missed events');
      subscriber.stream.close();
    }
  }

  private fetchNew(): Promise<void> {
    if (this.fetching) {
      this.fetchAgain = true;
      return this.fetching;
    }
    this.fetching = (async () => {
      try {
        do {
          this.fetchAgain = false;
          for (;;) {
            const events = await readEventsAfter(this.em(), String(this.lastFetched), BATCH);
            for (const event of events) {
              this.lastFetched = BigInt(event.cursor);
              await this.fanOut(event);
            }
            if (events.length < BATCH) break;
          }
        } while (this.fetchAgain);
      } catch (error) {
        this.logger.warn({ err: error }, 'could not read new events; retrying on the next poll');
      } finally {
        this.fetching = null;
      }
    })();
    return this.fetching;
  }

  /**
   * One live event to every local subscriber of its topic. The scope check runs once per distinct
   * scope; once its verdict is known, the remaining subscribers of that scope are served without
   * awaiting anything, so the loop costs no promise per subscriber.
   */
  private async fanOut(event: StoredEvent): Promise<void> {
    const verdicts = new Map<string, boolean>();
    let sliceStart = performance.now();
    let served = 0;
    for (const subscriber of this.subscribers) {
      if (subscriber.topic !== event.topic) continue;
      if (subscriber.pending) subscriber.pending.push(event);
      else if (!this.deliverKnown(subscriber, event, verdicts)) await this.deliver(subscriber, event, verdicts);
      if (++served % CHECK_EVERY === 0 && performance.now() - sliceStart > SLICE_MS) {
        await yieldToIo();
        sliceStart = performance.now();
      }
    }
    // Lag from commit to the hand-over to the last local subscriber, once per event and instance
    // (on the live path only: a replay hands over old events on purpose).
    if (served > 0) observeEventLag(event.topic, event.createdAt);
  }

  /** Delivers (or skips) the event when no lookup is needed; false when the scope's verdict is still unknown. */
  private deliverKnown(subscriber: Subscriber, event: StoredEvent, verdicts: Map<string, boolean>): boolean {
    const cursor = BigInt(event.cursor);
    if (cursor <= subscriber.delivered) return true;
    if (!matchesFilter(subscriber.filter, event)) {
      subscriber.delivered = cursor;
      return true;
    }
    const verdict = verdicts.get(subscriber.scope);
    if (verdict === undefined) return false;
    subscriber.delivered = cursor;
    if (verdict) subscriber.stream.push(event);
    return true;
  }

  private async deliver(
    subscriber: Subscriber,
    event: StoredEvent,
    verdicts: Map<string, boolean> = new Map(),
  ): Promise<void> {
    const cursor = BigInt(event.cursor);
    if (cursor <= subscriber.delivered) return;
    subscriber.delivered = cursor;
    if (!matchesFilter(subscriber.filter, event)) return;
    let verdict = verdicts.get(subscriber.scope);
    if (verdict === undefined) {
      verdict = await this.topics.receives(subscriber.viewer, event, this.em);
      verdicts.set(subscriber.scope, verdict);
    }
    if (verdict) subscriber.stream.push(event);
  }
}

function matchesFilter(filter: EventFilter, event: StoredEvent): boolean {
  if (filter.regionPrefix && !event.regionCode.startsWith(filter.regionPrefix)) return false;
  if (filter.villageCode && event.regionCode !== filter.villageCode) return false;
  if (filter.providerId && !event.partyIds.includes(filter.providerId)) return false;
  return true;
}
