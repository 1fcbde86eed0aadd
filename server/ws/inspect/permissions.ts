/**
 * Role rules on an inspected update, with the shared `can()` from src/protocol/roles.ts so the UI
 * and the server agree. Ownership is by author: the owner of an entry of `items` is the author it
 * names (a stroke record's author, or a nested map's `author` field as it is now).
 *
 * - Creating an entry (a record or a map under a key with no live value) needs createItem and must
 *   name the sender as author (a new map must carry an `author` field in the same update).
 * - Writing under a key that has a live value replaces it (Yjs deletes the old value when the new
 *   one lands, whether or not the delete set says so): that is changeItem on the old entry's owner,
 *   and the new value must keep the old author, so nobody can take over or give away an item.
 * - Changing a field of an existing map is changeItem on its owner; its `author` field may not be
 *   written or deleted.
 * - The delete set is checked too (`Y.Map.set` over someone else's key deletes their value).
 * The facilitator may do anything; projectors nothing. Notes (`annotations`) have rules of their
 * own for participants (notePermissions.ts); every other root is the facilitator's.
 */
import { can, type Action, type PermissionContext, type Role } from '../../../src/protocol/roles';
import { strokeRecordAuthor } from '../../../src/model/strokeRecord';
import type { DocView } from './docView';
import type { InspectedUpdate, PlacedItem } from './inspectUpdate';
import { NoteRules, NOTES } from './notePermissions';
import { ContentRef, TypeRef, type IdRef, type WireItem } from './readUpdate';
import { forbidden } from './refusal';

export interface PermissionInput {
  role: Role;
  participantId: string;
  doc: DocView;
  context: PermissionContext;
}

/** Where a new struct sits: an existing entry, or an entry created by this update. */
type NewTop = { root: string; existing: IdRef } | { root: string; created: WireItem } | null;

const ITEMS = 'items';

function describe(action: Action, root: string): string {
  if (action.type === 'changeFacilitatorState') return `only the facilitator can change ${root}`;
  if (action.type === 'createItem') return 'you cannot add to the board right now';
  return "you cannot change other people's work";
}

const sameId = (a: IdRef, b: { client: number; clock: number }): boolean => a.client === b.client && a.clock === b.clock;

/** The single string an Any struct holds, else null. */
function stringValue(item: WireItem): string | null {
  const values = item.values;
  return item.contentRef === ContentRef.Any && values?.length === 1 && typeof values[0] === 'string' ? values[0] : null;
}

export function checkPermissions(update: InspectedUpdate, input: PermissionInput): void {
  const { role, doc, participantId } = input;
  if (update.empty) return;
  if (role === 'projector') throw forbidden('projectors cannot change the board');
  if (role === 'facilitator' && can(role, { type: 'changeFacilitatorState' }, input.context)) return;

  const require = (action: Action, root: string): void => {
    if (!can(role, action, input.context)) throw forbidden(describe(action, root));
  };

  const placedBy = new Map<WireItem, PlacedItem>(update.items.map((p) => [p.item, p]));
  const tops = new Map<WireItem, NewTop>();
  const topOf = (p: PlacedItem, depth = 0): NewTop => {
    const memo = tops.get(p.item);
    if (memo !== undefined) return memo;
    let top: NewTop = null;
    const pl = p.placement;
    if (pl.kind === 'root') top = { root: pl.name, created: p.item };
    else if (pl.kind === 'existing') {
      const t = doc.topEntry(pl.id);
      top = t ? { root: t.root, existing: t.entry } : null;
    } else if (pl.kind === 'new' && depth < 64) {
      const holder = placedBy.get(pl.holder);
      top = holder ? topOf(holder, depth + 1) : null;
    }
    tops.set(p.item, top);
    return top;
  };

  /** The author each new entry of `items` must name; maps still waiting for their author field. */
  const requiredAuthor = new Map<WireItem, string>();
  const mapsWithoutAuthor = new Set<WireItem>();
  /** Items this update creates (a note may be pinned to a drawing made in the same update). */
  const createdItems = new Set<string>();

  // New entries at the root of items: creations, or replacements of the key's live value.
  for (const p of update.items) {
    const pl = p.placement;
    if (pl.kind !== 'root' || pl.name !== ITEMS) continue;
    const key = p.parentSub ?? '';
    const live = doc.liveEntry(ITEMS, key);
    let author = participantId;
    if (live) {
      const oldAuthor = doc.entryAuthor(live);
      const own = oldAuthor === participantId;
      require(p.item.contentRef === ContentRef.Deleted ? { type: 'deleteItem', own } : { type: 'changeItem', own }, ITEMS);
      author = oldAuthor ?? participantId;
    } else {
      require({ type: 'createItem' }, ITEMS);
      if (p.item.contentRef !== ContentRef.Deleted) createdItems.add(key);
    }
    switch (p.item.contentRef) {
      case ContentRef.Deleted:
        break;
      case ContentRef.Binary:
        // inspectUpdate has decoded it already.
        if (strokeRecordAuthor(p.item.values![0] as Uint8Array) !== author) throw forbidden(authorMessage(live !== null));
        break;
      case ContentRef.Type:
        if (p.item.typeRef !== TypeRef.Map) throw forbidden('author must be yourself');
        requiredAuthor.set(p.item, author);
        mapsWithoutAuthor.add(p.item);
        break;
      default:
        // A bare value or a list/text at the root has no author.
        throw forbidden('author must be yourself');
    }
  }

  const notes = new NoteRules({ ...input, createdItems });
  for (const p of update.items) {
    const pl = p.placement;
    if (pl.kind === 'dropped' || (pl.kind === 'root' && pl.name === ITEMS)) continue; // entries: above
    const top = topOf(p);
    if (!top) continue;
    if (top.root === NOTES) {
      if (pl.kind === 'root') notes.entry(p);
      else notes.field(p, top);
      continue;
    }
    if (top.root !== ITEMS) {
      require({ type: 'changeFacilitatorState' }, top.root);
      continue;
    }
    if ('created' in top) {
      // A field of a map made by this update (creation or replacement checked above).
      const isAuthorField = pl.kind === 'new' && pl.holder === top.created && p.parentSub === 'author';
      if (!isAuthorField) continue;
      const required = requiredAuthor.get(top.created);
      if (required === undefined) continue;
      const live = doc.liveEntry(ITEMS, top.created.parentSub ?? '');
      if (stringValue(p.item) !== required) throw forbidden(authorMessage(live !== null));
      mapsWithoutAuthor.delete(top.created);
    } else {
      require({ type: 'changeItem', own: doc.entryAuthor(top.existing) === participantId }, top.root);
      const isAuthorField = pl.kind === 'existing' && sameId(pl.id, top.existing) && p.parentSub === 'author';
      if (isAuthorField) throw forbidden('the author of an item cannot change');
    }
  }
  if (mapsWithoutAuthor.size > 0) throw forbidden('author must be yourself');
  notes.finish();

  // Deleting or replacing an item deletes its fields too; its author field then goes with it.
  const deletedEntries = new Set<string>();
  for (const id of update.deleted) deletedEntries.add(`${id.client}:${id.clock}`);
  for (const id of update.deleted) {
    const top = doc.topEntry(id);
    if (!top) continue;
    if (top.root === NOTES) {
      notes.deleted(id, top.entry, deletedEntries);
      continue;
    }
    if (top.root !== ITEMS) {
      require({ type: 'changeFacilitatorState' }, top.root);
      continue;
    }
    const own = doc.entryAuthor(top.entry) === participantId;
    if (sameId(id, top.entry)) {
      require({ type: 'deleteItem', own }, top.root);
      continue;
    }
    require({ type: 'changeItem', own }, top.root);
    const found = doc.lookup(id);
    const isAuthorField = found.kind === 'item' && found.parentSub === 'author' && found.parent?.kind === 'item' && sameId(found.parent.id, top.entry);
    if (isAuthorField && !deletedEntries.has(`${top.entry.client}:${top.entry.clock}`)) {
      throw forbidden('the author of an item cannot change');
    }
  }
}

function authorMessage(replacing: boolean): string {
  return replacing ? 'the author of an item cannot change' : 'author must be yourself';
}
