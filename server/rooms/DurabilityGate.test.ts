import { describe, expect, it } from 'vitest';
import type { Appending } from '../persistence/types';
import { DurabilityGate } from './DurabilityGate';

/** An append whose commit the test settles by hand. */
function later(): Appending & { commit(): void; fail(error: Error): void } {
  let commit!: () => void, fail!: (error: Error) => void;
  const done = new Promise<void>((resolve, reject) => {
    commit = resolve;
    fail = reject;
  });
  return { done, durable: false, commit, fail };
}

const atOnce = (): Appending => ({ done: Promise.resolve(), durable: true });

describe('DurabilityGate', () => {
  it('holds each message until the appends before it are committed (the store commits in order)', async () => {
    const gate = new DurabilityGate(() => {});
    const sent: string[] = [];
    const first = later();
    gate.track(first);
    gate.run(() => sent.push('relay 1'));
    const second = later();
    gate.track(second);
    gate.run(() => sent.push('relay 2'));
    expect(sent).toEqual([]);
    first.commit();
    await new Promise((r) => setImmediate(r));
    expect(sent).toEqual(['relay 1']);
    second.commit();
    await new Promise((r) => setImmediate(r));
    expect(sent).toEqual(['relay 1', 'relay 2']);
  });

  it('opens at once for an append the store committed at once: what waited goes out first, then the next message, synchronously', () => {
    const gate = new DurabilityGate(() => {});
    const sent: string[] = [];
    gate.track(later());
    gate.run(() => sent.push('waiting'));
    gate.track(atOnce());
    expect(sent).toEqual(['waiting']);
    gate.run(() => sent.push('relay'));
    expect(sent).toEqual(['waiting', 'relay']);
    expect(gate.pending).toBe(0);
  });

  it('after a failed commit, sends nothing more, even for an append committed at once', async () => {
    const failures: unknown[] = [];
    const gate = new DurabilityGate((e) => failures.push(e));
    const sent: string[] = [];
    const broken = later();
    gate.track(broken);
    gate.run(() => sent.push('lost'));
    broken.fail(new Error('disk full'));
    await new Promise((r) => setImmediate(r));
    gate.track(atOnce());
    gate.run(() => sent.push('after'));
    expect(sent).toEqual([]);
    expect(failures).toHaveLength(1);
  });
});
