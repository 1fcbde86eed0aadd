/**
 * Clear board (facilitator): deletes every item and every note in one transaction, keeps the
 * easels, and moves `session.epoch` on by one in the same transaction. The epoch lets clients tell
 * work made before a clear (by someone offline at the time) from work made after it (epoch.ts). The deletions
 * are one step of the facilitator's undo; the epoch is not undone (session is not tracked), so it
 * only ever grows.
 */
import type * as Y from 'yjs';
import { readEpoch } from './epoch';
import type { BoardHistory } from './history';
import { Origin } from './origins';

export interface Cleared {
  items: number;
  notes: number;
  epoch: number;
}

/** Clears the board; with `history`, as one undo step (or part of the step already open). */
export function clearBoard(doc: Y.Doc, history?: BoardHistory): Cleared {
  const run = (): Cleared => {
    const items = doc.getMap<unknown>('items');
    const notes = doc.getMap<unknown>('annotations');
    const cleared: Cleared = { items: items.size, notes: notes.size, epoch: readEpoch(doc) + 1 };
    doc.transact(() => {
      for (const id of [...items.keys()]) items.delete(id);
      for (const id of [...notes.keys()]) notes.delete(id);
      doc.getMap<unknown>('session').set('epoch', cleared.epoch);
    }, Origin.LocalUser);
    return cleared;
  };
  return history ? history.step(run) : run();
}
