import { describe, expect, it } from 'vitest';
import { GroupCommitter, QUIET_MS } from './groupCommit';

/** A committer on a clock that moves only when the test says (a stalled machine must not decide). */
function committer(windowMs = 0, fail?: (jobs: string[]) => boolean): { c: GroupCommitter<string>; batches: string[][]; advance: (ms: number) => void } {
  const batches: string[][] = [];
  let clock = 1000;
  const c = new GroupCommitter<string>({
    windowMs,
    commit: (jobs) => {
      if (fail?.(jobs)) throw new Error('disk full');
      batches.push(jobs);
    },
    now: () => clock,
  });
  return { c, batches, advance: (ms) => (clock += ms) };
}

const nextTurn = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('GroupCommitter', () => {
  it('commits a job that finds it quiet at once, before enqueue returns; the next one waits for the next turn', async () => {
    const { c, batches } = committer();
    const owner = c.enqueue('owner');
    expect(owner.durable).toBe(true);
    expect(batches).toEqual([['owner']]);
    const update = c.enqueue('update');
    expect(update.durable).toBe(false);
    expect(batches).toEqual([['owner']]);
    await Promise.all([owner.done, update.done]);
    expect(batches).toEqual([['owner'], ['update']]);
  });

  it('while commits follow each other closely, waits for the next turn so that they share one', async () => {
    const { c, batches, advance } = committer();
    await c.enqueue('a').done;
    // Another socket's messages right after a commit: batched on the next turn.
    const b = c.enqueue('b');
    await Promise.resolve();
    const d = c.enqueue('d');
    expect(batches).toEqual([['a']]);
    await Promise.all([b.done, d.done]);
    expect(batches).toEqual([['a'], ['b', 'd']]);
    // Quiet again: at once.
    advance(QUIET_MS);
    const e = c.enqueue('e');
    expect(e.durable).toBe(true);
    expect(batches).toEqual([['a'], ['b', 'd'], ['e']]);
    await e.done;
  });

  it('waits windowMs for company when asked to', async () => {
    const { c, batches } = committer(20);
    const a = c.enqueue('a');
    await nextTurn();
    const b = c.enqueue('b');
    expect(a.durable || b.durable).toBe(false);
    expect(batches).toEqual([]);
    await Promise.all([a.done, b.done]);
    expect(batches).toEqual([['a', 'b']]);
  });

  it('fails every job of a batch whose commit throws, and commits later ones', async () => {
    const { c, batches } = committer(0, (jobs) => jobs.includes('bad'));
    const x = c.enqueue('x');
    const bad = c.enqueue('bad');
    const z = c.enqueue('z');
    const results = await Promise.allSettled([x.done, bad.done, z.done]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected']);
    await c.enqueue('y').done;
    expect(batches).toEqual([['x'], ['y']]);
  });

  it('a quiet job whose commit throws is not durable, and its promise says why', async () => {
    const { c } = committer(0, () => true);
    const a = c.enqueue('a');
    expect(a.durable).toBe(false);
    await expect(a.done).rejects.toThrow('disk full');
  });

  it('flush commits the queue at once, and the scheduled commit then finds nothing to do', async () => {
    const { c, batches } = committer();
    c.enqueue('a');
    const b = c.enqueue('b');
    c.flush();
    expect(batches).toEqual([['a'], ['b']]);
    await b.done;
    await nextTurn();
    expect(batches).toEqual([['a'], ['b']]);
  });
});
