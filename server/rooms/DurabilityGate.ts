/**
 * Holds a room's outgoing messages until every update appended before them is committed. This is
 * what makes "relay only what is durable" cheap: updates are applied to the in-memory document at
 * once (so the next message is inspected against the right state), but nothing that could reveal
 * them (a relay, a sync step 2) leaves before the group commit that contains them. Commits resolve
 * in order, so a FIFO queue keyed by append sequence numbers keeps every recipient's order intact.
 * An append the store committed at once opens the gate at once: what waited goes out, and what
 * runs next goes out without waiting for a promise.
 */
import type { Appending } from '../persistence/types';

export class DurabilityGate {
  private appended = 0;
  private committed = 0;
  private readonly queue: Array<{ seq: number; fn: () => void }> = [];
  private failed = false;

  constructor(private readonly onFailure: (error: unknown) => void) {}

  /** Registers an append; everything `run` after this waits for it. */
  track(append: Appending): void {
    const seq = ++this.appended;
    // Durable now, and so is every earlier append (the store commits in order).
    if (append.durable && !this.failed) {
      this.committed = seq;
      this.drain();
    }
    append.done.then(
      () => {
        if (seq > this.committed) this.committed = seq;
        this.drain();
      },
      (error: unknown) => {
        if (this.failed) return;
        this.failed = true;
        this.queue.length = 0;
        this.onFailure(error);
      },
    );
  }

  /** Runs `fn` now if everything appended so far is durable, else after it is. */
  run(fn: () => void): void {
    if (this.failed) return;
    if (this.queue.length === 0 && this.committed === this.appended) fn();
    else this.queue.push({ seq: this.appended, fn });
  }

  get pending(): number {
    return this.appended - this.committed;
  }

  private drain(): void {
    while (this.queue.length > 0 && this.queue[0]!.seq <= this.committed) this.queue.shift()!.fn();
  }
}
