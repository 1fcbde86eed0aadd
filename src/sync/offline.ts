/**
 * This device's copy of a board in IndexedDB (y-indexeddb): drawing goes on while offline, a reload
 * while offline shows the board and the person's own new work, and the provider sends whatever the
 * server lacks when the connection returns. One database per board and participant, so a second
 * identity on the same browser never sends the first one's work under its token.
 */
import { IndexeddbPersistence } from 'y-indexeddb';
import type * as Y from 'yjs';

/** If IndexedDB does not answer (private windows of some browsers), connect without the copy. */
const LOAD_TIMEOUT_MS = 2_000;

export function localCopyName(boardId: string, participantId: string): string {
  return `sketchroom:${boardId}:${participantId}`;
}

export class LocalCopy {
  private readonly persistence: IndexeddbPersistence | null;
  /** Resolves once the stored copy is in the document (or could not be read). */
  readonly loaded: Promise<void>;

  constructor(readonly name: string, doc: Y.Doc) {
    this.persistence = typeof indexedDB === 'undefined' ? null : new IndexeddbPersistence(name, doc);
    const persistence = this.persistence;
    this.loaded = persistence
      ? Promise.race([persistence.whenSynced.then(() => undefined), new Promise<void>((r) => setTimeout(r, LOAD_TIMEOUT_MS))])
      : Promise.resolve();
  }

  /** Stops writing; the stored copy stays for the next visit. */
  destroy(): void {
    void this.persistence?.destroy();
  }

  /**
   * Deletes the stored copy: after the server refused this device's changes, the copy would send
   * them again on every visit. Resolves once a new copy of the same name can be opened safely
   * (IndexedDB runs the deletion before any later open of that name).
   */
  async clear(): Promise<void> {
    if (!this.persistence) return;
    try {
      await this.persistence.destroy();
    } catch {
      // Could not open it: nothing to close.
    }
    await new Promise<void>((resolve) => {
      const request = indexedDB.deleteDatabase(this.name);
      request.onsuccess = request.onerror = request.onblocked = () => resolve();
    });
  }
}
