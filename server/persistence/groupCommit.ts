/**
 * Group commit: appends that arrive within a few milliseconds share one transaction, so one fsync
 * pays for all of them. Callers get a promise that resolves only once their row is durable, which
 * is what lets the server relay an update only after it is safe on disk.
 */
export interface GroupCommitOptions<T> {
  /** Runs every queued job in one transaction. Throwing fails every job of the batch. */
  commit(jobs: T[]): void;
  /**
   * How long the first job of a batch waits for company. 0 = commit on the next turn of the event
   * loop (setImmediate): the fsync itself blocks the loop, so whatever arrives meanwhile forms the
   * next batch anyway, and no artificial wait is added to the relay latency.
   */
  windowMs: number;
  /** Flush early when this many jobs are queued. */
  maxBatch?: number;
}

interface Pending<T> {
  job: T;
  resolve(): void;
  reject(error: unknown): void;
}

export class GroupCommitter<T> {
  private queue: Array<Pending<T>> = [];
  private timer: NodeJS.Timeout | NodeJS.Immediate | null = null;

  constructor(private readonly options: GroupCommitOptions<T>) {}

  get pending(): number {
    return this.queue.length;
  }

  enqueue(job: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      if (this.queue.length >= (this.options.maxBatch ?? 1000)) this.flush();
      else if (this.timer === null) {
        this.timer = this.options.windowMs > 0 ? setTimeout(() => this.flush(), this.options.windowMs) : setImmediate(() => this.flush());
      }
    });
  }

  /** Commits the queue now; synchronous, so nothing else of this process runs in between. */
  flush(): void {
    if (this.timer !== null) {
      if (this.options.windowMs > 0) clearTimeout(this.timer as NodeJS.Timeout);
      else clearImmediate(this.timer as NodeJS.Immediate);
      this.timer = null;
    }
    if (this.queue.length === 0) return;
    const batch = this.queue;
    this.queue = [];
    try {
      this.options.commit(batch.map((p) => p.job));
    } catch (error) {
      for (const p of batch) p.reject(error);
      return;
    }
    for (const p of batch) p.resolve();
  }
}
