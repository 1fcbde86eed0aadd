import { describe, expect, it } from 'vitest';
import { idleBudget } from './idleBudget';

function clock() {
  let t = 100;
  return { now: () => t, step: (ms: number) => (t += ms) };
}

describe('idleBudget', () => {
  it('runs cheap steps until the budget is spent', () => {
    const c = clock();
    const more = idleBudget(6, 8, c.now);
    let steps = 0;
    while (more()) {
      steps++;
      c.step(0.5);
    }
    expect(steps).toBe(12);
  });

  it('does not start a step that, as long as the longest so far, would end past the limit', () => {
    const c = clock();
    const more = idleBudget(6, 8, c.now);
    expect(more()).toBe(true);
    c.step(3); // one expensive step
    expect(more()).toBe(true); // 3 + 3 <= 8
    c.step(0.5);
    expect(more()).toBe(true); // 3.5 + 3 <= 8
    c.step(2);
    expect(more()).toBe(false); // 5.5 + 3 > 8, although 5.5 < 6
  });

  it('always lets the first step run', () => {
    const c = clock();
    expect(idleBudget(1, 1, c.now)()).toBe(true);
  });
});
