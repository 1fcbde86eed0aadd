/**
 * Group commit: appends that arrive within a few milliseconds share one transaction, so one fsync
 * pays for all of them. Callers learn when their row is durable (at once, or through a promise),
 * which is what lets the server relay an update only after it is safe on disk.
 */
export interface GroupCommitOptions<T> {
  /** Runs every queued job in one transaction. Throwing fails every job of the batch. */
  commit(jobs: T[]): void;
  /**
   * How long the first job of a batch waits for company. 0 = no artificial wait: a job that finds
   * the store quiet commits at once, before `enqueue` returns; while commits follow each other
   * closely, jobs wait for the next turn of the event loop (setImmediate), so that everything the
   * sockets delivered meanwhile shares the fsync (the fsync itself blocks the loop, so whatever
   * arrives during one forms the next batch anyway).
   */
  windowMs: number;
  /** Flush early when this many jobs are queued. */
  maxBatch?: number;
  /** The clock QUIET_MS is measured on (tests pass their own, so a stalled machine cannot decide). */
  now?: () => number;
}

/**
 * With windowMs 0, a job finding the last commit at least this long ago commits at once. That lets
 * the caller relay right after the fsync, before its own bookkeeping (a 60 Hz writer alone in a
 * room: 1.79-1.89x a bare echo relay's p50 instead of 2.07-2.09x when the commit waited for the
 * code that queued it to finish); when the last commit ended within this time, other messages are
 * likely on their way and worth the wait.
 */
export const QUIET_MS = 2;

/** What `enqueue` hands back. */
export interface Committing {
  /** Settles once the job's transaction has committed; rejects if it failed. In enqueue order. */
  readonly done: Promise<void>;
  /** The job was committed before `enqueue` returned. */
  readonly durable: boolean;
}

interface Pending<T> {
  job: T;
  resolve(): void;
  reject(error: unknown): void;
  committed: boolean;
}

export class GroupCommitter<T> {
  private queue: Array<Pending<T>> = [];
  private timer: NodeJS.Timeout | NodeJS.Immediate | null = null;
  private lastCommitEnd = -Infinity;

  private readonly now: () => number;

  constructor(private readonly options: GroupCommitOptions<T>) {
    this.now = options.now ?? (() => performance.now());
  }

  get pending(): number {
    return this.queue.length;
  }

  enqueue(job: T): Committing {
    let pending!: Pending<T>;
    const done = new Promise<void>((resolve, reject) => {
      pending = { job, resolve, reject, committed: false };
    });
    this.queue.push(pending);
    if (this.queue.length >= (this.options.maxBatch ?? 1000) || this.quiet()) this.flush();
    else if (this.timer === null) this.schedule();
    return { done, durable: pending.committed };
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
    } finally {
      this.lastCommitEnd = this.now();
    }
    for (const p of batch) {
      p.committed = true;
      p.resolve();
    }
  }

  /** Nothing waits for a turn and the last commit is long enough ago: commit the job at once. */
  private quiet(): boolean {
    return this.options.windowMs === 0 && this.timer === null && this.now() - this.lastCommitEnd >= QUIET_MS;
  }

  private schedule(): void {
    if (this.options.windowMs > 0) this.timer = setTimeout(() => this.flush(), this.options.windowMs);
    else this.timer = setImmediate(() => this.flush());
  }
}
