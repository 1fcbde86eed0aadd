/**
 * A small in-memory limiter of failures per key (remote address): at most `limit` failures in a
 * sliding `windowMs`; while a key is over the limit every attempt is refused, right or wrong, so
 * guessing cannot go on. Memory is bounded: keys are forgotten once their window has passed, and
 * at most `maxKeys` are tracked (the oldest are dropped first).
 */
export interface RateLimiterOptions {
  limit: number;
  windowMs: number;
  maxKeys?: number;
  now?: () => number;
}

export interface RateDecision {
  allowed: boolean;
  /** When refused: milliseconds until one more attempt is allowed. */
  retryAfterMs: number;
}

export class FailureLimiter {
  /** key -> failure timestamps, oldest first (at most `limit` kept). */
  private readonly failures = new Map<string, number[]>();
  private readonly limit: number;
  private readonly windowMs: number;
  private readonly maxKeys: number;
  private readonly now: () => number;

  constructor(options: RateLimiterOptions) {
    if (!(options.limit >= 1) || !(options.windowMs > 0)) throw new Error('FailureLimiter: limit >= 1 and windowMs > 0');
    this.limit = options.limit;
    this.windowMs = options.windowMs;
    this.maxKeys = options.maxKeys ?? 50_000;
    this.now = options.now ?? Date.now;
  }

  /** Whether this key may make an attempt now. */
  check(key: string): RateDecision {
    const times = this.recent(key);
    if (times.length < this.limit) return { allowed: true, retryAfterMs: 0 };
    return { allowed: false, retryAfterMs: Math.max(1, times[0]! + this.windowMs - this.now()) };
  }

  /** Records a failed attempt. */
  fail(key: string): void {
    const times = this.recent(key);
    times.push(this.now());
    while (times.length > this.limit) times.shift();
    // Re-insert so Map order is least-recently-failed first.
    this.failures.delete(key);
    this.failures.set(key, times);
    if (this.failures.size > this.maxKeys) this.evict();
  }

  /** Keys tracked right now (tests). */
  get size(): number {
    return this.failures.size;
  }

  private recent(key: string): number[] {
    const times = this.failures.get(key);
    if (!times) return [];
    const cutoff = this.now() - this.windowMs;
    while (times.length > 0 && times[0]! <= cutoff) times.shift();
    if (times.length === 0) this.failures.delete(key);
    return times;
  }

  private evict(): void {
    // Map order is least-recently-failed first.
    for (const key of this.failures.keys()) {
      if (this.failures.size <= this.maxKeys) break;
      this.failures.delete(key);
    }
  }
}

/**
 * A token bucket: `ratePerSecond` tokens a second, at most `burst` saved up. Used per connection
 * for awareness messages (the excess is not relayed) and for message and byte rates (ws/limits.ts).
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number = ratePerSecond,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = burst;
    this.last = now();
  }

  /** Takes `cost` tokens (default one) if there are that many; otherwise takes none. */
  take(cost = 1): boolean {
    this.refill();
    if (this.tokens < cost) return false;
    this.tokens -= cost;
    return true;
  }

  /** Milliseconds until a token is available (0 = now). */
  msUntilNext(): number {
    this.refill();
    return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) * 1000) / this.ratePerSecond);
  }

  private refill(): void {
    const t = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) * this.ratePerSecond) / 1000);
    this.last = t;
  }
}
