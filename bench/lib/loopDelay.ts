/**
 * Event-loop delay of the process as perf_hooks.monitorEventLoopDelay reports it (the time between
 * the callbacks of a timer that should fire every `resolution` ms: the resolution plus how late it
 * was), with one addition: `skipNext()` drops the sample that spans a stall the bench caused itself
 * (a forced collection to measure the heap). monitorEventLoopDelay cannot: after disable/enable its
 * next sample still spans the stall.
 */
import { createHistogram, type RecordableHistogram } from 'node:perf_hooks';

export interface LoopDelayFigures {
  p50: number;
  p99: number;
  max: number;
  mean: number;
}

export class LoopDelay {
  private readonly histogram: RecordableHistogram = createHistogram();
  private last = performance.now();
  private skip = false;
  private readonly timer: NodeJS.Timeout;

  constructor(resolutionMs = 5) {
    this.timer = setInterval(() => this.sample(), resolutionMs);
    this.timer.unref();
  }

  /** The next sample spans a stall of the bench's own making: leave it out. */
  skipNext(): void {
    this.skip = true;
  }

  /** In ms. */
  figures(): LoopDelayFigures {
    const ms = (ns: number): number => ns / 1e6;
    const h = this.histogram;
    if (h.count === 0) return { p50: 0, p99: 0, max: 0, mean: 0 };
    return { p50: ms(h.percentile(50)), p99: ms(h.percentile(99)), max: ms(h.max), mean: ms(h.mean) };
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private sample(): void {
    const now = performance.now();
    const interval = now - this.last;
    this.last = now;
    if (this.skip) {
      this.skip = false;
      return;
    }
    // The histogram takes positive integers (ns).
    this.histogram.record(Math.max(1, Math.round(interval * 1e6)));
  }
}
