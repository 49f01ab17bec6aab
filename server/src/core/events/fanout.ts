import {
  createSourceEventStream,
  execute,
  Kind,
  type ExecutionArgs,
  type ExecutionResult,
  type OperationDefinitionNode,
} from 'graphql';
import { contextForEvent, type Context } from '../context';
import { scopeKeyOf } from '../access/scope-key';
import type { StoredEvent } from './event-store';
import type { TopicRegistry } from './topics';

/** How long, and how many, shared results are kept: long enough for one event's whole fan-out. */
const RESULT_TTL_MS = 10_000;
const MAX_RESULTS = 5_000;
/**
 * Subscribers released per turn of the event loop once a shared result is ready. Each released
 * subscriber's graphql-ws send (serialise, frame, write) runs in the turn that releases it; were
 * all of them released at once, ten thousand sends would hold the loop for a third of a second
 * while writes and other requests wait. 64 keep a turn to a few milliseconds.
 */
export const RELEASE_BATCH = 16;

/**
 * One execution's result, handed to the subscribers that wait for it a batch per turn of the
 * event loop (see RELEASE_BATCH). Subscribers that arrive after it is ready (the hub hands an
 * event over in slices too) join the queue.
 */
export class SharedResult {
  private settled: { value: ExecutionResult } | { error: unknown } | undefined;
  private readonly waiting: { resolve: (value: ExecutionResult) => void; reject: (error: unknown) => void }[] = [];
  private releasing = false;

  constructor(
    readonly at: number,
    result: Promise<ExecutionResult>,
  ) {
    result.then(
      (value) => this.settle({ value }),
      (error: unknown) => this.settle({ error }),
    );
  }

  wait(): Promise<ExecutionResult> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      if (this.settled && !this.releasing) this.release();
    });
  }

  private settle(outcome: { value: ExecutionResult } | { error: unknown }): void {
    this.settled = outcome;
    this.release();
  }

  private release(): void {
    const outcome = this.settled!;
    for (const waiter of this.waiting.splice(0, RELEASE_BATCH)) {
      if ('value' in outcome) waiter.resolve(outcome.value);
      else waiter.reject(outcome.error);
    }
    this.releasing = this.waiting.length > 0;
    if (this.releasing) setImmediate(() => this.release());
  }
}

/**
 * Live fan-out that does each piece of work once. Subscribers of one event who asked the same
 * document with the same variables under the same scope (see scopeKeyOf) would all compute the
 * same answer: the first one computes it, with a fresh EntityManager and loaders, and the others
 * receive that result. Ten thousand dashboards of one county then cost one execution per event,
 * not ten thousand. Topics declared `perReader` are grouped per token subject as well.
 *
 * Used as graphql-ws's `subscribe`: the source stream (the hub's scoped stream, see liveStream)
 * is created per subscriber exactly as graphql-js would; only the per-event execution is shared.
 */
export class SharedFanout {
  private readonly results = new Map<string, SharedResult>();
  private readonly groups = new Map<string, number>();

  constructor(private readonly topics: TopicRegistry) {}

  async subscribe(args: ExecutionArgs): Promise<AsyncGenerator<ExecutionResult> | ExecutionResult> {
    const source = await createSourceEventStream(args);
    if (!(Symbol.asyncIterator in Object(source))) return source as ExecutionResult;
    const events = (source as AsyncIterable<StoredEvent>)[Symbol.asyncIterator]();
    const group = this.groupOf(args);
    const context = args.contextValue as Context;
    const resultOf = (event: StoredEvent) =>
      this.shared(`${event.cursor}#${group}`, () =>
        Promise.resolve(execute({ ...args, rootValue: event, contextValue: contextForEvent(context) })),
      );
    const generator: AsyncGenerator<ExecutionResult> = {
      async next() {
        const item = await events.next();
        if (item.done) return { done: true, value: undefined };
        return { done: false, value: await resultOf(item.value) };
      },
      async return() {
        await events.return?.();
        return { done: true, value: undefined };
      },
      async throw(error?: unknown) {
        await events.return?.();
        throw error;
      },
      [Symbol.asyncIterator]() {
        return this;
      },
      async [Symbol.asyncDispose]() {
        await events.return?.();
      },
    };
    return generator;
  }

  /** A short id for "this document, operation and variables under this scope". */
  private groupOf(args: ExecutionArgs): number {
    const context = args.contextValue as Context;
    const operation = args.document.definitions.find(
      (d): d is OperationDefinitionNode =>
        d.kind === Kind.OPERATION_DEFINITION && (!args.operationName || d.name?.value === args.operationName),
    );
    const field = operation?.selectionSet.selections.find((s) => s.kind === Kind.FIELD);
    const topic = field?.kind === Kind.FIELD ? field.name.value : '';
    const reader = this.topics.isPerReader(topic) ? (context.viewer.subject ?? '') : '';
    const key = [
      args.document.loc?.source.body ?? JSON.stringify(args.document),
      args.operationName ?? '',
      JSON.stringify(args.variableValues ?? {}),
      scopeKeyOf(context.viewer),
      reader,
    ].join('\u0000');
    let id = this.groups.get(key);
    if (id === undefined) {
      id = this.groups.size;
      this.groups.set(key, id);
    }
    return id;
  }

  private shared(key: string, run: () => Promise<ExecutionResult>): Promise<ExecutionResult> {
    const now = Date.now();
    const hit = this.results.get(key);
    if (hit && now - hit.at < RESULT_TTL_MS) return hit.wait();
    const result = new SharedResult(now, run());
    this.results.set(key, result);
    // Oldest first (Map keeps insertion order): drop what is stale or over the bound.
    for (const [old, entry] of this.results) {
      if (this.results.size <= MAX_RESULTS && now - entry.at < RESULT_TTL_MS) break;
      this.results.delete(old);
    }
    return result.wait();
  }
}
