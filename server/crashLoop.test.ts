/**
 * kill -9 at random moments with 8 clients drawing, as many runs as fit in ~20 s
 * (server/testing/crashLoop.ts). The suite keeps it short so the whole test command stays well
 * under ten minutes; `npm run bench:crash` runs the long loop (30+ runs).
 */
import { describe, expect, it } from 'vitest';
import { crashLoop } from './testing/crashLoop';

describe('crash loop', () => {
  it('loses no committed stroke, keeps the database sound, and every client converges within 5 s', async () => {
    const runs = await crashLoop({ budgetMs: 20_000, maxRuns: 30, log: (line) => console.log(line) });
    expect(runs.length).toBeGreaterThanOrEqual(3);
    expect(runs.flatMap((r) => r.lost)).toEqual([]);
    expect(runs.map((r) => r.integrity).filter((i) => i !== 'ok')).toEqual([]);
    expect(runs.reduce((sum, r) => sum + r.seenAtKill, 0)).toBeGreaterThan(0);
    expect(runs.filter((r) => r.convergeMs > 5_000).map((r) => r.convergeMs)).toEqual([]);
  }, 120_000);
});
