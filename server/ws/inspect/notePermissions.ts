/**
 * Role rules for `annotations` (notes pinned to regions), for participants: the facilitator may do
 * anything and projectors nothing (checked before this runs). With the board's `participantNotes`
 * setting on (and drawing not locked) a participant may
 * - create a note (a new map under a fresh key) whose `author` is themselves and whose `target` is
 *   an item of theirs (in the room's document, or created by this same update) or their easel;
 * - change or delete a note whose author is themselves, except its `author` and `target` fields
 *   (the target was checked at creation, so "their own note on their own drawing" stays true).
 * Everything else under `annotations` is refused with the same 4403 as other role refusals.
 */
import { can, type PermissionContext, type Role } from '../../../src/protocol/roles';
import type { DocView } from './docView';
import type { PlacedItem } from './inspectUpdate';
import { ContentRef, TypeRef, type IdRef, type WireItem } from './readUpdate';
import { forbidden } from './refusal';

export const NOTES = 'annotations';
const FIXED_FIELDS: ReadonlySet<string> = new Set(['author', 'target']);

const sameId = (a: IdRef, b: { client: number; clock: number }): boolean => a.client === b.client && a.clock === b.clock;

function stringValue(item: WireItem): string | null {
  const values = item.values;
  return item.contentRef === ContentRef.Any && values?.length === 1 && typeof values[0] === 'string' ? values[0] : null;
}

export interface NoteRuleInput {
  role: Role;
  participantId: string;
  doc: DocView;
  context: PermissionContext;
  /** Keys of `items` entries this update creates (already checked to be the sender's own). */
  createdItems: ReadonlySet<string>;
}

export class NoteRules {
  /** New notes of this update and the author/target their fields name. */
  private readonly created = new Map<WireItem, { author: string | null; target: string | null }>();

  constructor(private readonly input: NoteRuleInput) {}

  private require(ownNote: boolean, ownTarget: boolean): void {
    const { role, context } = this.input;
    if (!can(role, { type: 'writeNote', ownNote, ownTarget }, context)) {
      throw forbidden(context.participantNotes ? 'you can only add notes to your own drawing' : 'only the facilitator can add notes');
    }
  }

  /** Whether a note target (item or easel id) belongs to the sender. */
  private ownTarget(target: string): boolean {
    const { doc, participantId, createdItems } = this.input;
    if (!target) return false;
    if (createdItems.has(target)) return true;
    const item = doc.liveEntry('items', target);
    if (item) return doc.entryAuthor(item) === participantId;
    const easel = doc.liveEntry('frames', target);
    return easel !== null && doc.entryField(easel, 'owner') === participantId;
  }

  private ownNote(entry: IdRef): boolean {
    return this.input.doc.entryAuthor(entry) === this.input.participantId;
  }

  /** A new value at the root of `annotations`: a note's creation (or the replacement of one). */
  entry(p: PlacedItem): void {
    const live = this.input.doc.liveEntry(NOTES, p.parentSub ?? '');
    if (live) this.require(this.ownNote(live), true); // replacing deletes the old note: it must be ours
    if (p.item.contentRef === ContentRef.Deleted) return;
    if (p.item.contentRef !== ContentRef.Type || p.item.typeRef !== TypeRef.Map) throw forbidden('a note must be a map');
    this.require(true, true); // the setting and the lock; author and target are checked in finish()
    this.created.set(p.item, { author: null, target: null });
  }

  /** A new struct inside a note: `top` is the note it sits in (made by this update, or existing). */
  field(p: PlacedItem, top: { created: WireItem } | { existing: IdRef }): void {
    const pl = p.placement;
    if ('created' in top) {
      const fields = this.created.get(top.created);
      if (!fields || pl.kind !== 'new' || pl.holder !== top.created) return;
      if (p.parentSub === 'author') fields.author = stringValue(p.item);
      if (p.parentSub === 'target') fields.target = stringValue(p.item);
      return;
    }
    this.require(this.ownNote(top.existing), true);
    if (pl.kind === 'existing' && sameId(pl.id, top.existing) && p.parentSub !== null && FIXED_FIELDS.has(p.parentSub)) {
      throw forbidden(`the ${p.parentSub} of a note cannot change`);
    }
  }

  /** An existing struct under `annotations` that this update deletes. */
  deleted(id: IdRef, entry: IdRef, deletedEntries: ReadonlySet<string>): void {
    this.require(this.ownNote(entry), true);
    if (sameId(id, entry)) return;
    const found = this.input.doc.lookup(id);
    const fixed = found.kind === 'item' && found.parentSub !== null && FIXED_FIELDS.has(found.parentSub) && found.parent?.kind === 'item' && sameId(found.parent.id, entry);
    if (fixed && !deletedEntries.has(`${entry.client}:${entry.clock}`)) throw forbidden(`the ${found.parentSub} of a note cannot change`);
  }

  /** Every note this update creates names the sender as author and a target of theirs. */
  finish(): void {
    for (const { author, target } of this.created.values()) {
      if (author !== this.input.participantId) throw forbidden('author must be yourself');
      this.require(true, target !== null && this.ownTarget(target));
    }
  }
}
