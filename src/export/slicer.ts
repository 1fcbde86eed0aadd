/**
 * Long exports run on the main thread in slices: work for at most `budgetMs`, then give the event
 * loop a turn (input, paint, the progress bar), so the tab never freezes. Cancelling is an
 * AbortSignal checked at every slice boundary.
 */
export class ExportCancelled extends Error {
  constructor() {
    super('The export was cancelled.');
    this.name = 'ExportCancelled';
  }
}

/**
 * A macrotask without the 4 ms clamp of nested timers: a MessageChannel message. It queues behind
 * the tasks already waiting (timers, network, decoded pictures, input), which is the point of
 * yielding. Not `scheduler.yield()`: its continuations run ahead of other tasks, so an export made
 * of many slices starved timers and picture decodes for seconds (a 1.7 s heartbeat gap while the
 * whole board was drawn, and photos that could not finish decoding alongside the strokes).
 */
export function nextTask(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((r) => setTimeout(r, 0));
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(null);
  });
}

export class Slicer {
  private sliceStart = performance.now();
  /** Longest stretch of work between two yields (ms): what the benchmark calls a long task. */
  longestSlice = 0;

  /**
   * Runs before each yield. The renderer flushes its canvas here: Chromium records 2D drawing and
   * rasterises it all at the next read, so without a flush the whole picture would be painted in
   * one long task at encode time.
   */
  beforeYield: (() => void) | null = null;

  constructor(
    private readonly signal?: AbortSignal,
    private readonly budgetMs = 12,
  ) {
    this.throwIfAborted();
  }

  throwIfAborted(): void {
    if (this.signal?.aborted) throw new ExportCancelled();
  }

  /** Call between units of work: yields when the slice's budget is spent. */
  async tick(): Promise<void> {
    if (performance.now() - this.sliceStart < this.budgetMs) return;
    await this.yield();
  }

  /** Yields now (before and after a step that is known to be long). */
  async yield(): Promise<void> {
    this.beforeYield?.();
    this.longestSlice = Math.max(this.longestSlice, performance.now() - this.sliceStart);
    await nextTask();
    this.throwIfAborted();
    this.sliceStart = performance.now();
  }
}
