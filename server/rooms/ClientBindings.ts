/**
 * Which participant each Yjs client id of a board belongs to, so nobody can write under someone
 * else's id. Stored bindings are ids that have written to the document; ids only announced in
 * presence are held in memory (every page load makes a new id, and most never draw) and stored with
 * their first write.
 */

/** How many departed, never-written client ids a room remembers (see `departed`). */
export const DEPARTED_IDS = 256;

export class ClientBindings {
  /**
   * Ids announced in awareness but not (yet) written with, bound in memory for the announcing
   * connection's lifetime only.
   */
  private readonly tentative = new Map<number, string>();
  /**
   * The same for the last DEPARTED_IDS ids whose connection left without writing, oldest first:
   * stock providers echo presence they saw (a departed id must not become someone else's), and a
   * provider that reconnects keeps its client id. Bounded, so visits leave no lasting trace.
   */
  private readonly departed = new Map<number, string>();
  /** New stored bindings not yet handed to the store (takePending). */
  private pending: Array<[number, string]> = [];

  /** `stored`: Yjs client id -> participant id, as loaded (and then kept up to date). */
  constructor(readonly stored: Map<number, string>) {}

  /** The participant a client id is bound to (stored, or in memory for a connected peer), if any. */
  ownerOf(clientId: number): string | undefined {
    return this.stored.get(clientId) ?? this.tentative.get(clientId) ?? this.departed.get(clientId);
  }

  /** Binds for good (stored with the next append). */
  bind(clientId: number, participant: string): void {
    this.stored.set(clientId, participant);
    this.pending.push([clientId, participant]);
  }

  /** An id announced in presence by a connection of `participant` (callers dropped others' ids). */
  announce(clientId: number, participant: string): void {
    this.departed.delete(clientId);
    if (!this.stored.has(clientId) && !this.tentative.has(clientId)) this.tentative.set(clientId, participant);
  }

  /** The announcing connection left: its never-written ids are remembered for a while only. */
  release(clientId: number): void {
    const participant = this.tentative.get(clientId);
    if (participant === undefined) return;
    this.tentative.delete(clientId);
    this.departed.set(clientId, participant);
    if (this.departed.size > DEPARTED_IDS) this.departed.delete(this.departed.keys().next().value!);
  }

  /** These ids write now: an id bound in memory by its announcement is stored with its first write. */
  wrote(clientIds: readonly number[]): void {
    for (const id of clientIds) {
      const participant = this.tentative.get(id) ?? this.departed.get(id);
      if (participant === undefined) continue;
      this.tentative.delete(id);
      this.departed.delete(id);
      this.bind(id, participant);
    }
  }

  get hasPending(): boolean {
    return this.pending.length > 0;
  }

  /** The bindings to store with the next append (and forgets them). */
  takePending(): Array<[number, string]> {
    const pending = this.pending;
    this.pending = [];
    return pending;
  }

  counts(): { clientIds: number; tentativeClientIds: number; departedClientIds: number } {
    return { clientIds: this.stored.size, tentativeClientIds: this.tentative.size, departedClientIds: this.departed.size };
  }
}
