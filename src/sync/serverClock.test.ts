import { describe, expect, it } from 'vitest';
import { bestEstimate, sampleOffset, ServerClock } from './serverClock';

describe('server clock offset', () => {
  it('puts the server time at the middle of the round trip', () => {
    // Local clock 5 s behind the server; 40 ms each way.
    expect(sampleOffset({ sent: 1000, serverNow: 6040, received: 1080 })).toEqual({ offsetMs: 5000, roundTripMs: 80 });
    // Local clock ahead.
    expect(sampleOffset({ sent: 10_000, serverNow: 7_010, received: 10_020 }).offsetMs).toBe(-3000);
  });

  it('keeps the sample with the smallest round trip and ignores nonsense', () => {
    const best = bestEstimate([
      { sent: 0, serverNow: 5300, received: 400 }, // slow: queued on the way back
      { sent: 1000, serverNow: 6010, received: 1020 },
      { sent: 2000, serverNow: NaN, received: 2001 },
      { sent: 3000, serverNow: 8000, received: 2990 }, // the clock jumped back
    ]);
    expect(best).toEqual({ offsetMs: 5000, roundTripMs: 20 });
    expect(bestEstimate([])).toBeNull();
  });

  it('estimates from a round of samples and tells listeners', async () => {
    let local = 1_000_000;
    const delays = [90, 10, 50];
    let i = 0;
    const clock = new ServerClock({
      localNow: () => local,
      samples: 3,
      gapMs: 0,
      refreshMs: 60_000,
      fetchServerNow: async () => {
        const d = delays[i++]!;
        local += d / 2;
        const server = local + 7_000;
        local += d / 2;
        return server;
      },
    });
    let told = 0;
    clock.subscribe(() => told++);
    expect(clock.now()).toBe(local); // before any answer: the local clock
    const estimate = await clock.round();
    clock.stop();
    expect(estimate).toEqual({ offsetMs: 7_000, roundTripMs: 10 });
    expect(clock.now()).toBe(local + 7_000);
    expect(told).toBe(1);
  });

  it('keeps the last estimate when the server does not answer', async () => {
    const clock = new ServerClock({ localNow: () => 0, samples: 2, gapMs: 0, fetchServerNow: () => Promise.reject(new Error('offline')) });
    expect(await clock.round()).toBeNull();
    clock.stop();
    expect(clock.now()).toBe(0);
  });
});
