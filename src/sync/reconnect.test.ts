import { afterEach, describe, expect, it, vi } from 'vitest';
import { backoffDelay, Reconnector } from './reconnect';

describe('backoffDelay', () => {
  it('is full jitter under an exponential ceiling capped at capMs', () => {
    const opts = { baseMs: 500, capMs: 10_000 };
    expect(backoffDelay(0, { ...opts, random: () => 0.999 })).toBe(499);
    expect(backoffDelay(3, { ...opts, random: () => 0.5 })).toBe(2000);
    expect(backoffDelay(10, { ...opts, random: () => 0.999 })).toBe(9990);
    expect(backoffDelay(1000, { ...opts, random: () => 0.999 })).toBe(9990);
    expect(backoffDelay(5, { ...opts, random: () => 0 })).toBe(0);
  });
});

describe('Reconnector', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits, skips the wait on demand, and starts short again after a reset', () => {
    vi.useFakeTimers();
    let connects = 0;
    const r = new Reconnector(() => connects++, { baseMs: 1000, capMs: 10_000, random: () => 0.999 });
    r.schedule();
    expect(r.waiting).toBe(true);
    vi.advanceTimersByTime(998);
    expect(connects).toBe(0);
    vi.advanceTimersByTime(1);
    expect(connects).toBe(1);
    r.schedule(); // second attempt: up to 2 s
    vi.advanceTimersByTime(1500);
    expect(connects).toBe(1);
    r.now(); // network back
    expect(connects).toBe(2);
    expect(r.waiting).toBe(false);
    r.now(); // nothing scheduled: nothing happens
    expect(connects).toBe(2);
    r.reset();
    r.schedule();
    vi.advanceTimersByTime(999);
    expect(connects).toBe(3);
  });
});
