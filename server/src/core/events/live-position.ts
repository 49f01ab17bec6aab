import type { ExecutionResult } from 'graphql';
import type { StoredEvent } from './event-store';

/**
 * The moment a subscription is live: every event at or below `cursor` has been delivered to it or
 * was not for it. A client that holds this cursor can resume with `after:` and lose nothing, even
 * before its first event.
 */
export interface CaughtUp {
  caughtUp: true;
  cursor: string;
}

/** What the event hub's subscriber stream carries. */
export type LiveItem = StoredEvent | CaughtUp;

export const caughtUp = (cursor: bigint | string): CaughtUp => ({ caughtUp: true, cursor: String(cursor) });

export const isCaughtUp = (item: LiveItem): item is CaughtUp => 'caughtUp' in item;

/**
 * The request extension a client sends to be told when its subscription is live
 * (`extensions: { liveCursor: true }` in the graphql-ws subscribe payload), and the response
 * extension it then receives once, as a message without data: `{ extensions: { liveCursor: "42" } }`.
 * Opt-in, so clients that do not know it never see a message without data.
 */
export const LIVE_CURSOR_EXTENSION = 'liveCursor';

type Listener = (cursor: string) => void;

/**
 * Caught-up positions travel from the subscription field's source stream (which graphql-js maps
 * to results, so it cannot yield a message of its own) to the transport, keyed by the operation's
 * context object. Only operations whose transport listens get them; others drop them.
 */
const listeners = new WeakMap<object, Listener>();

/** Called by a subscription's source stream when it pulls a CaughtUp item. */
export function reportCaughtUp(context: object, cursor: string): void {
  listeners.get(context)?.(cursor);
}

/**
 * Wraps a subscription's result stream so it also yields a `liveCursor` message when the source
 * stream reports being caught up, in stream order: the report happens while the source is asked
 * for the event after it, so every earlier result has been yielded and no later one can be ready
 * before the report is queued.
 */
export function withLiveCursor<T extends ExecutionResult>(
  results: AsyncGenerator<T> | AsyncIterableIterator<T>,
  context: object,
): AsyncGenerator<T | ExecutionResult> {
  const queue: ExecutionResult[] = [];
  let wake: (() => void) | null = null;
  let pending: Promise<IteratorResult<T>> | null = null;
  /** The source reports being caught up once; after that message, results pass straight through. */
  let reported = false;
  listeners.set(context, (cursor) => {
    reported = true;
    queue.push({ extensions: { [LIVE_CURSOR_EXTENSION]: cursor } });
    wake?.();
  });
  const finish = () => listeners.delete(context);

  const generator: AsyncGenerator<T | ExecutionResult> = {
    async next() {
      // Live: no race and no extra promises per event, which matter when one event goes to
      // thousands of subscribers.
      if (reported && !queue.length && !pending) {
        const result = await results.next();
        if (result.done) finish();
        return result;
      }
      if (!queue.length) {
        pending ??= results.next();
        const woken = new Promise<void>((resolve) => (wake = resolve));
        const settled = pending.then(
          () => undefined,
          () => undefined,
        );
        await Promise.race([settled, woken]);
        wake = null;
      }
      if (queue.length) return { value: queue.shift()!, done: false };
      const result = await pending!.finally(() => (pending = null));
      if (result.done) finish();
      return result;
    },
    async return(value?: unknown) {
      finish();
      queue.length = 0;
      await results.return?.(value as T);
      return { value: undefined, done: true };
    },
    async throw(error?: unknown) {
      finish();
      if (results.throw) return results.throw(error);
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
    async [Symbol.asyncDispose]() {
      await this.return(undefined);
    },
  };
  return generator;
}
