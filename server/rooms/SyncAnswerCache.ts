/**
 * Encoded sync step 2 answers for a room's document as it is now, keyed by who asks and their state
 * vector: encoding a 10,000-stroke board takes tens of ms, and joiners come in bursts (a workshop
 * starting, everyone reconnecting). The room clears it on every document change; it empties itself
 * a while after its last use, so an idle room holds no copy.
 */

/** Answers kept per document state (distinct askers). */
const ENTRIES = 4;
/** Cached answers are dropped this long after their last use. */
export const SYNC_CACHE_MS = 5_000;
/** Longer state vectors (many clients) are answered without caching. */
const MAX_KEY = 4_096;

export class SyncAnswerCache {
  private readonly answers = new Map<string, Uint8Array>();
  private timer: NodeJS.Timeout | null = null;

  /** `viewer`: who may see what (RoomPrivacy.viewerKey); the same state vector gets different answers. */
  static key(viewer: string, stateVector: Uint8Array): string | null {
    if (stateVector.length > MAX_KEY) return null;
    return `${viewer}|${Buffer.from(stateVector.buffer, stateVector.byteOffset, stateVector.byteLength).toString('latin1')}`;
  }

  get(key: string | null): Uint8Array | undefined {
    return key === null ? undefined : this.answers.get(key);
  }

  /** Keeps `answer` as the most recent entry for `key` (no-op for a null key). */
  set(key: string | null, answer: Uint8Array): void {
    if (key === null) return;
    if (!this.answers.delete(key) && this.answers.size >= ENTRIES) this.answers.delete(this.answers.keys().next().value!);
    this.answers.set(key, answer);
    if (this.timer) this.timer.refresh();
    else {
      this.timer = setTimeout(() => this.clear(), SYNC_CACHE_MS);
      this.timer.unref();
    }
  }

  /** Forgets every answer (the document changed). */
  clear(): void {
    if (this.answers.size > 0) this.answers.clear();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
