/**
 * The server's clock, estimated NTP-style, so every screen counts the shared timer down to the same
 * second however wrong a laptop's clock is. A sample is (sent, server now, received) on the local
 * clock: assuming the request and the answer took equally long, the server said `now` at the
 * midpoint of the round trip. Of a few samples, the one with the smallest round trip is the least
 * disturbed by queuing; its error is at most half its round trip. Refreshed every few minutes
 * (clocks drift, laptops sleep).
 */

export interface ClockSample {
  /** Local ms when the request left. */
  sent: number;
  /** The server's `now` from the answer. */
  serverNow: number;
  /** Local ms when the answer arrived. */
  received: number;
}

export interface ClockEstimate {
  /** Add to the local clock to get the server's. */
  offsetMs: number;
  /** Round trip of the sample it came from: the estimate is good to half of it. */
  roundTripMs: number;
}

/** Offset and round trip of one sample. */
export function sampleOffset(sample: ClockSample): ClockEstimate {
  const roundTripMs = Math.max(0, sample.received - sample.sent);
  return { offsetMs: sample.serverNow - (sample.sent + roundTripMs / 2), roundTripMs };
}

/** The estimate from the sample with the smallest round trip; null without usable samples. */
export function bestEstimate(samples: readonly ClockSample[]): ClockEstimate | null {
  let best: ClockEstimate | null = null;
  for (const sample of samples) {
    if (![sample.sent, sample.serverNow, sample.received].every(Number.isFinite) || sample.received < sample.sent) continue;
    const estimate = sampleOffset(sample);
    if (!best || estimate.roundTripMs < best.roundTripMs) best = estimate;
  }
  return best;
}

export interface ServerClockOptions {
  /** Answers the server's `now` (GET /api/time). */
  fetchServerNow: () => Promise<number>;
  /** The local clock (tests). */
  localNow?: () => number;
  samples?: number;
  /** Between samples of one round. */
  gapMs?: number;
  refreshMs?: number;
}

export class ServerClock {
  private estimate: ClockEstimate | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  private readonly localNow: () => number;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly options: ServerClockOptions) {
    this.localNow = options.localNow ?? Date.now;
  }

  /** The server's time now, as well as we know it (the local clock until the first answer). */
  readonly now = (): number => this.localNow() + (this.estimate?.offsetMs ?? 0);

  get current(): ClockEstimate | null {
    return this.estimate;
  }

  /** Starts sampling now and every `refreshMs`. */
  start(): void {
    this.stopped = false;
    void this.round();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Called when the estimate changes. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** One round of samples; keeps the best. Resolves with the estimate (or null if none answered). */
  async round(): Promise<ClockEstimate | null> {
    const { samples = 5, gapMs = 150, refreshMs = 5 * 60_000 } = this.options;
    const taken: ClockSample[] = [];
    for (let i = 0; i < samples && !this.stopped; i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, gapMs));
      const sent = this.localNow();
      try {
        const serverNow = await this.options.fetchServerNow();
        taken.push({ sent, serverNow, received: this.localNow() });
      } catch {
        // Offline or the server restarting: keep the last estimate, try again next round.
      }
    }
    const best = bestEstimate(taken);
    if (best && !this.stopped) {
      this.estimate = best;
      this.listeners.forEach((l) => l());
    }
    if (!this.stopped) {
      // Without any answer, try again sooner.
      this.timer = setTimeout(() => void this.round(), best ? refreshMs : Math.min(refreshMs, 10_000));
    }
    return best;
  }
}

/** GET /api/time on the given origin (this page's by default). */
export async function fetchServerTime(origin = ''): Promise<number> {
  const res = await fetch(`${origin}/api/time`, { cache: 'no-store' });
  if (!res.ok) throw new Error(`time: ${res.status}`);
  const body = (await res.json()) as { now?: unknown };
  if (typeof body.now !== 'number' || !Number.isFinite(body.now)) throw new Error('time: no number');
  return body.now;
}
