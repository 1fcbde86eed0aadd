import { describe, expect, it } from 'vitest';
import { FailureLimiter, TokenBucket } from './rateLimit';

describe('FailureLimiter', () => {
  it('allows up to the limit of failures per window, then refuses with the time to wait', () => {
    let t = 1_000;
    const limiter = new FailureLimiter({ limit: 3, windowMs: 60_000, now: () => t });
    for (let i = 0; i < 3; i++) {
      expect(limiter.check('a').allowed).toBe(true);
      limiter.fail('a');
      t += 1_000;
    }
    const refused = limiter.check('a');
    expect(refused.allowed).toBe(false);
    // The oldest failure (t=1000) leaves the window at t=61000; now t=4000.
    expect(refused.retryAfterMs).toBe(57_000);
    expect(limiter.check('b').allowed).toBe(true); // per key
    t = 61_000;
    expect(limiter.check('a').allowed).toBe(true); // sliding: one slot free again
    limiter.fail('a');
    expect(limiter.check('a').allowed).toBe(false);
    t = 200_000;
    expect(limiter.check('a').allowed).toBe(true);
    expect(limiter.size).toBe(0); // forgotten once the window passed
  });

  it('bounds memory by dropping the least recently failing keys', () => {
    const limiter = new FailureLimiter({ limit: 2, windowMs: 60_000, maxKeys: 100, now: () => 5 });
    for (let i = 0; i < 1_000; i++) limiter.fail(`k${i}`);
    expect(limiter.size).toBeLessThanOrEqual(100);
    limiter.fail('k999');
    expect(limiter.check('k999').allowed).toBe(false);
  });
});

describe('TokenBucket', () => {
  it('allows a burst, then the rate; says how long to wait', () => {
    let t = 0;
    const bucket = new TokenBucket(20, 20, () => t);
    let taken = 0;
    for (let i = 0; i < 100; i++) if (bucket.take()) taken++;
    expect(taken).toBe(20);
    expect(bucket.msUntilNext()).toBe(50);
    t += 50;
    expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
    // A steady second allows 20 more, never more than the burst saved up.
    t += 10_000;
    taken = 0;
    for (let i = 0; i < 100; i++) if (bucket.take()) taken++;
    expect(taken).toBe(20);
  });
});
