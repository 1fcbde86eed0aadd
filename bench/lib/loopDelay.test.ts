import { describe, expect, it } from 'vitest';
import { LoopDelay } from './loopDelay';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
function block(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    /* a stall */
  }
}

describe('LoopDelay', () => {
  it('sees a stall of the event loop', async () => {
    const loop = new LoopDelay(5);
    await sleep(30);
    block(80);
    await sleep(30);
    loop.stop();
    expect(loop.figures().max).toBeGreaterThanOrEqual(60);
  });

  it('leaves out the sample that spans a stall it was told about', async () => {
    const loop = new LoopDelay(5);
    await sleep(30);
    block(80);
    loop.skipNext();
    await sleep(30);
    loop.stop();
    expect(loop.figures().max).toBeLessThan(60);
  });
});
