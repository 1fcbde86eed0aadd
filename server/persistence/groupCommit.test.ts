import { describe, expect, it } from 'vitest';
import { GroupCommitter, QUIET_MS } from './groupCommit';

function committer(windowMs = 0, fail?: (jobs: string[]) => boolean): { c: GroupCommitter<string>; batches: string[][] } {
  const batches: string[][] = [];
  const c = new GroupCommitter<string>({
    windowMs,
    commit: (jobs) => {
      if (fail?.(jobs)) throw new Error('disk full');
      batches.push(jobs);
    },
  });
  return { c, batches };
}

const nextTurn = (): Promise<void> => new Promise((r) => setImmediate(r));
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('GroupCommitter', () => {
  it('commits a job that finds it quiet before the event loop turns, with what the same code queued', async () => {
    const { c, batches } = committer();
    const order: string[] = [];
    setImmediate(() => order.push('next turn'));
    void c.enqueue('owner').then(() => order.push('owner durable'));
    void c.enqueue('update').then(() => order.push('update durable'));
    expect(batches).toEqual([]);
    await nextTurn();
    expect(batches).toEqual([['owner', 'update']]);
    expect(order).toEqual(['owner durable', 'update durable', 'next turn']);
  });

  it('while commits follow each other closely, waits for the next turn so that they share one', async () => {
    const { c, batches } = committer();
    await c.enqueue('a');
    // Another socket's messages right after a commit: batched on the next turn.
    const b = c.enqueue('b');
    await Promise.resolve();
    const d = c.enqueue('d');
    expect(batches).toEqual([['a']]);
    await Promise.all([b, d]);
    expect(batches).toEqual([['a'], ['b', 'd']]);
    // Quiet again: at once.
    await sleep(QUIET_MS + 5);
    const e = c.enqueue('e');
    await Promise.resolve();
    await Promise.resolve();
    expect(batches).toEqual([['a'], ['b', 'd'], ['e']]);
    await e;
  });

  it('waits windowMs for company when asked to', async () => {
    const { c, batches } = committer(20);
    const a = c.enqueue('a');
    await nextTurn();
    const b = c.enqueue('b');
    expect(batches).toEqual([]);
    await Promise.all([a, b]);
    expect(batches).toEqual([['a', 'b']]);
  });

  it('fails every job of a batch whose commit throws, and commits later ones', async () => {
    const { c, batches } = committer(0, (jobs) => jobs.includes('bad'));
    const results = await Promise.allSettled([c.enqueue('x'), c.enqueue('bad')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    await c.enqueue('y');
    expect(batches).toEqual([['y']]);
  });

  it('flush commits the queue at once, and the scheduled commit then finds nothing to do', async () => {
    const { c, batches } = committer();
    const a = c.enqueue('a');
    c.flush();
    expect(batches).toEqual([['a']]);
    await a;
    await nextTurn();
    expect(batches).toEqual([['a']]);
  });
});
