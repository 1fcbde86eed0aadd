/**
 * Whether an inspected update only adds new entries to `items` (with whatever they hold) and
 * erases live entries: the drawing that fills a workshop (strokes, shapes, stickies, erasing
 * them). Such an update integrates without the document and changes nothing any rule reads
 * except the entries themselves, so a resting room takes it as it is (Room.applyAtRest).
 * Anything else (an edit of an entry, a note, the session, undoing an erase) needs the document.
 */
import { strokeRecordAuthor } from '../../../src/model/strokeRecord';
import type { DocView } from '../../ws/inspect/docView';
import type { InspectedUpdate } from '../../ws/inspect/inspectUpdate';
import { ContentRef, type IdRef, type WireDeleteRange, type WireItem } from '../../ws/inspect/readUpdate';
import type { IndexedEntry } from './entryIndex';
import { ITEMS } from './indexView';

export interface EntryChanges {
  /** New live entries (an entry made and deleted in the same update is not one). */
  created: IndexedEntry[];
  /** Live entries erased. */
  erased: IdRef[];
}

const covers = (ranges: readonly WireDeleteRange[], id: IdRef): boolean =>
  ranges.some((r) => r.client === id.client && r.clock <= id.clock && id.clock < r.clock + r.length);

/** The `author` a new map is given in the same update (null if none is a plain string). */
function authorField(holder: WireItem, update: InspectedUpdate): string | null {
  for (const p of update.items) {
    if (p.placement.kind !== 'new' || p.placement.holder !== holder || p.parentSub !== 'author') continue;
    const v = p.item.contentRef === ContentRef.Any && p.item.values?.length === 1 ? p.item.values[0] : null;
    if (typeof v === 'string') return v;
  }
  return null;
}

/**
 * The entries an update adds and erases, or null if it does anything else. `view` answers for
 * the document as it is (a resting room's index view may throw NeedsDocument instead).
 */
export function entryChanges(update: InspectedUpdate, view: DocView): EntryChanges | null {
  if (update.overlapsKnown) return null;
  const created: IndexedEntry[] = [];
  const keys = new Set<string>();
  for (const { item, placement, parentSub } of update.items) {
    if (placement.kind === 'new') continue;
    if (placement.kind !== 'root' || placement.name !== ITEMS || parentSub === null) return null;
    // Explicitly placed at the root under a free key: no neighbour to integrate against.
    if (item.origin !== null || item.rightOrigin !== null || keys.has(parentSub)) return null;
    keys.add(parentSub);
    if (view.liveEntry(ITEMS, parentSub) !== null) return null;
    const id = { client: item.client, clock: item.clock };
    if (item.contentRef === ContentRef.Deleted || covers(update.deleteRanges, id)) continue;
    let author: string | null;
    if (item.contentRef === ContentRef.Binary) author = strokeRecordAuthor(item.values![0] as Uint8Array);
    else if (item.contentRef === ContentRef.Type) author = authorField(item, update);
    else return null;
    created.push({ key: parentSub, id, author });
  }
  const erased: IdRef[] = [];
  for (const id of update.deleted) {
    const top = view.topEntry(id);
    if (!top || top.root !== ITEMS || top.entry.client !== id.client || top.entry.clock !== id.clock) return null;
    erased.push(id);
  }
  return { created, erased };
}
