/**
 * The read-only questions the inspector asks about the room's current document, answered from the
 * Y.Doc's struct store without changing it. A seam so the inspector stays a pure function.
 */
import * as Y from 'yjs';
import { strokeRecordAuthor } from '../../../src/model/strokeRecord';
import type { IdRef } from './readUpdate';

export type ParentRef = { kind: 'root'; name: string } | { kind: 'item'; id: IdRef };

export type Existing =
  | { kind: 'gc' }
  | {
      kind: 'item';
      /** null when the item's parent is gone (garbage collected). */
      parent: ParentRef | null;
      parentSub: string | null;
      /** For items that hold a type (ContentType): which one; null otherwise. */
      typeRef: number | null;
      deleted: boolean;
    };

/** Where an item sits: the root map and the id of the entry of that map which (transitively) holds it. */
export interface TopEntry {
  root: string;
  entry: IdRef;
}

export interface DocView {
  /** Next expected clock of a client (the state vector entry). */
  getState(client: number): number;
  /** The struct holding this id; caller guarantees `clock < getState(client)`. */
  lookup(id: IdRef): Existing;
  /** Walks up from an existing item to its root entry; null if the chain is broken (GC). */
  topEntry(id: IdRef): TopEntry | null;
  /**
   * Calls `visit` with every live (not yet deleted) item overlapping [clock, clock+length) of a
   * client. Returns the number of structs looked at, so callers can bound their work.
   */
  forEachLiveItem(client: number, clock: number, length: number, visit: (id: IdRef) => void): number;
  /** The live (not deleted) entry under `key` of a root map, if any. */
  liveEntry(root: string, key: string): IdRef | null;
  /**
   * Who made the item a root entry holds: a stroke record's author, or a nested map's `author`
   * field as it is now (for a map that is itself deleted, its last author value). Null when it
   * has none that can be read.
   */
  entryAuthor(entry: IdRef): string | null;
  /** A string field of the map a root entry holds, as it is now (a note's target, an easel's owner). */
  entryField(entry: IdRef, key: string): string | null;
}

function typeRefOf(type: Y.AbstractType<unknown>): number | null {
  if (type instanceof Y.XmlText || type instanceof Y.XmlElement || type instanceof Y.XmlFragment) return null;
  if (type instanceof Y.Text) return 2;
  if (type instanceof Y.Map) return 1;
  if (type instanceof Y.Array) return 0;
  return null;
}

function parentOf(item: Y.Item): ParentRef | null {
  const parent = item.parent;
  if (!(parent instanceof Y.AbstractType)) return null;
  const holder = parent._item;
  if (holder === null) return { kind: 'root', name: Y.findRootTypeKey(parent) };
  return { kind: 'item', id: { client: holder.id.client, clock: holder.id.clock } };
}

/** Who made a root entry: a stroke record's author, or a map's `author` field as it is now. */
export function authorOfStruct(struct: Y.Item): string | null {
  const content = struct.content;
  if (content instanceof Y.ContentBinary) {
    try {
      return strokeRecordAuthor(content.content);
    } catch {
      return null;
    }
  }
  return fieldOfStruct(struct, 'author');
}

function fieldOfStruct(struct: Y.Item, key: string): string | null {
  const content = struct.content;
  if (!(content instanceof Y.ContentType) || !(content.type instanceof Y.Map)) return null;
  const field = content.type._map.get(key);
  if (!field || (field.deleted && !struct.deleted) || !(field.content instanceof Y.ContentAny)) return null;
  const values = field.content.arr;
  const value: unknown = values[values.length - 1];
  return typeof value === 'string' ? value : null;
}

export function docView(doc: Y.Doc): DocView {
  const store = doc.store;
  return {
    getState: (client) => Y.getState(store, client),
    lookup(id) {
      const struct = Y.getItem(store, Y.createID(id.client, id.clock));
      if (!(struct instanceof Y.Item)) return { kind: 'gc' };
      const typeRef = struct.content instanceof Y.ContentType ? typeRefOf(struct.content.type) : null;
      return { kind: 'item', parent: parentOf(struct), parentSub: struct.parentSub, typeRef, deleted: struct.deleted };
    },
    topEntry(id) {
      let struct = Y.getItem(store, Y.createID(id.client, id.clock));
      // Nesting is shallow on a board (root > item > field), but never trust depth: bound it.
      for (let depth = 0; depth < 64; depth++) {
        if (!(struct instanceof Y.Item) || !(struct.parent instanceof Y.AbstractType)) return null;
        const holder = struct.parent._item;
        if (holder === null) {
          return { root: Y.findRootTypeKey(struct.parent), entry: { client: struct.id.client, clock: struct.id.clock } };
        }
        struct = holder;
      }
      return null;
    },
    forEachLiveItem(client, clock, length, visit) {
      const structs = store.clients.get(client);
      if (!structs || structs.length === 0) return 0;
      const end = clock + length;
      let i = Y.findIndexSS(structs, Math.min(clock, Y.getState(store, client) - 1));
      let looked = 0;
      for (; i < structs.length; i++) {
        const s = structs[i]!;
        if (s.id.clock >= end) break;
        looked++;
        if (s instanceof Y.Item && !s.deleted) visit({ client: s.id.client, clock: s.id.clock });
      }
      return looked;
    },
    liveEntry(root, key) {
      const type = doc.share.get(root);
      const entry = type?._map.get(key);
      if (!entry || entry.deleted) return null;
      return { client: entry.id.client, clock: entry.id.clock };
    },
    entryAuthor(entry) {
      const struct = Y.getItem(store, Y.createID(entry.client, entry.clock));
      return struct instanceof Y.Item ? authorOfStruct(struct) : null;
    },
    entryField(entry, key) {
      const struct = Y.getItem(store, Y.createID(entry.client, entry.clock));
      return struct instanceof Y.Item ? fieldOfStruct(struct, key) : null;
    },
  };
}
