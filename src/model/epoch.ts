/**
 * The board epoch (`session.epoch`): a counter the facilitator's "Clear board" increments in the
 * same transaction that deletes the items. It lets a client tell "the board was cleared while I
 * was away" from "others deleted some things".
 *
 * The rule (docs/board-model.md#epoch): when a client reconnects and finds the server's epoch newer
 * than the one its own copy had, the items it made that the server has never seen were drawn on a
 * board that has since been cleared; the client deletes them, in one transaction, before it sends
 * its changes (sync/handshake.ts), so they never reappear on anyone's screen.
 */
import type * as Y from 'yjs';
import { Origin } from './origins';
import { readItem } from './readItem';

export function readEpoch(doc: Y.Doc): number {
  const value = doc.getMap<unknown>('session').get('epoch');
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : 0;
}

/**
 * Ids of the items by `author` created by a change that `stateVector` (e.g. the server's, from its
 * sync step 1) does not cover: work the other side has never seen.
 */
export function itemsUnknownTo(doc: Y.Doc, stateVector: ReadonlyMap<number, number>, author: string): string[] {
  const ids: string[] = [];
  // The map's entry (a Yjs Item) carries the id of the change that set it: who and when.
  for (const [id, entry] of doc.getMap<unknown>('items')._map) {
    if (entry.deleted) continue;
    const { client, clock } = entry.id;
    if (clock < (stateVector.get(client) ?? 0)) continue;
    if (readItem(id, entry.content.getContent()[0])?.author === author) ids.push(id);
  }
  return ids;
}

/** Deletes these items in one transaction that no undo brings back. */
export function discardItems(doc: Y.Doc, ids: readonly string[]): void {
  if (ids.length === 0) return;
  const items = doc.getMap<unknown>('items');
  doc.transact(() => {
    for (const id of ids) items.delete(id);
  }, Origin.Discard);
}
