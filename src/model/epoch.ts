/**
 * The board epoch (`session.epoch`): a counter the facilitator's "Clear board" increments in the
 * same transaction that deletes the items. It lets a client tell "the board was cleared while I
 * was away" from "others deleted some things".
 *
 * The rule (docs/board-model.md#epoch): when a client reconnects and finds the server's epoch newer
 * than the one its own copy had, the items it made that the server has never seen were drawn on a
 * board that has since been cleared; the client deletes them (and its unsent notes, which a clear
 * removes too), in one transaction, before it sends its changes (sync/handshake.ts), so they never
 * reappear on anyone's screen.
 */
import * as Y from 'yjs';
import { Origin } from './origins';
import { readItem } from './readItem';

export function readEpoch(doc: Y.Doc): number {
  const value = doc.getMap<unknown>('session').get('epoch');
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : 0;
}

/** The maps "Clear board" empties: what a clear while someone was offline must keep empty. */
export const CLEARED_MAPS = ['items', 'annotations'] as const;
export type ClearedMap = (typeof CLEARED_MAPS)[number];

/** Who made an entry: an item record (readItem) or a map with an `author` field (notes). */
function authorOf(map: ClearedMap, id: string, value: unknown): string | undefined {
  if (map === 'items') return readItem(id, value)?.author;
  const author = value instanceof Y.Map ? (value as Y.Map<unknown>).get('author') : undefined;
  return typeof author === 'string' ? author : undefined;
}

/**
 * Ids of the entries of `map` by `author` created by a change that `stateVector` (e.g. the
 * server's, from its sync step 1) does not cover: work the other side has never seen.
 */
export function itemsUnknownTo(doc: Y.Doc, stateVector: ReadonlyMap<number, number>, author: string, map: ClearedMap = 'items'): string[] {
  const ids: string[] = [];
  // The map's entry (a Yjs Item) carries the id of the change that set it: who and when.
  for (const [id, entry] of doc.getMap<unknown>(map)._map) {
    if (entry.deleted) continue;
    const { client, clock } = entry.id;
    if (clock < (stateVector.get(client) ?? 0)) continue;
    if (authorOf(map, id, entry.content.getContent()[0]) === author) ids.push(id);
  }
  return ids;
}

/** Everything by `author` in the maps a clear empties that `stateVector` does not cover. */
export function unsentWork(doc: Y.Doc, stateVector: ReadonlyMap<number, number>, author: string): Map<ClearedMap, string[]> {
  return new Map(CLEARED_MAPS.map((map) => [map, itemsUnknownTo(doc, stateVector, author, map)]));
}

/** Deletes this work (unsentWork) in one transaction that no undo brings back; returns how much. */
export function discardWork(doc: Y.Doc, work: ReadonlyMap<ClearedMap, readonly string[]>): number {
  let n = 0;
  doc.transact(() => {
    for (const [map, ids] of work) {
      const entries = doc.getMap<unknown>(map);
      for (const id of ids) {
        if (!entries.has(id)) continue;
        entries.delete(id);
        n++;
      }
    }
  }, Origin.Discard);
  return n;
}
