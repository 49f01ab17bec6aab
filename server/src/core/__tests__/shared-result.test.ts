import type { ExecutionResult } from 'graphql';
import { RELEASE_BATCH, SharedResult } from '../events/fanout';

/** A shared subscription result reaches its waiters a batch per turn of the event loop, never all at once. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
const settledMicrotasks = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

describe('SharedResult', () => {
  it('releases waiters RELEASE_BATCH per turn, in arrival order, all with the one result', async () => {
    let resolve!: (value: ExecutionResult) => void;
    const shared = new SharedResult(Date.now(), new Promise<ExecutionResult>((r) => (resolve = r)));
    const received: number[] = [];
    const waiters = 3 * RELEASE_BATCH + 5;
    const answers = Array.from({ length: waiters }, (_, i) =>
      shared.wait().then((result) => {
        received.push(i);
        return result;
      }),
    );
    await settledMicrotasks();
    expect(received).toEqual([]); // nothing before the result exists

    const result = { data: { purchaseRecorded: { cursor: '7' } } };
    resolve(result);
    await settledMicrotasks();
    expect(received).toHaveLength(RELEASE_BATCH); // the first batch, in the turn the result arrived
    await nextTurn();
    expect(received).toHaveLength(2 * RELEASE_BATCH);
    await nextTurn();
    await nextTurn();
    expect(received).toEqual(Array.from({ length: waiters }, (_, i) => i));
    for (const answer of await Promise.all(answers)) expect(answer).toBe(result);
  });

  it('serves a waiter that arrives after the result at once', async () => {
    const result = { data: { x: 1 } };
    const shared = new SharedResult(Date.now(), Promise.resolve(result));
    await settledMicrotasks();
    let got: ExecutionResult | undefined;
    void shared.wait().then((r) => (got = r));
    await settledMicrotasks();
    expect(got).toBe(result);
  });

  it('hands a failed execution to every waiter as the same error', async () => {
    const failure = new Error('database gone');
    const shared = new SharedResult(Date.now(), Promise.reject(failure));
    const outcomes = await Promise.allSettled(Array.from({ length: RELEASE_BATCH + 1 }, () => shared.wait()));
    expect(outcomes.every((o) => o.status === 'rejected' && o.reason === failure)).toBe(true);
  });
});
