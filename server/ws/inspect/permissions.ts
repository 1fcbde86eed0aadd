/**
 * Role rules on an inspected update, with the shared `can()` from src/protocol/roles.ts so the UI
 * and the server agree. Ownership is by Yjs client id: an item belongs to the participant bound to
 * the client id that created its top-level entry in `items`. `Y.Map.set` over another author's key
 * deletes their value, so "may not change others' items" is checked on the delete set as well as
 * on new structs.
 */
import { can, type Action, type PermissionContext, type Role } from '../../../src/protocol/roles';
import type { DocView, TopEntry } from './docView';
import type { InspectedUpdate, PlacedItem } from './inspectUpdate';
import type { IdRef, WireItem } from './readUpdate';
import { forbidden } from './refusal';

export interface PermissionInput {
  role: Role;
  participantId: string;
  doc: DocView;
  owners: ReadonlyMap<number, string>;
  context: PermissionContext;
}

/** Where a new item sits: an existing entry, or an entry created by this update. */
type NewTop = { root: string; existing: IdRef } | { root: string; created: WireItem } | null;

function describe(action: Action, root: string): string {
  if (action.type === 'changeFacilitatorState') return `only the facilitator can change ${root}`;
  if (action.type === 'createItem') return 'you cannot add to the board right now';
  return "you cannot change other people's work";
}

function checkAuthor(p: PlacedItem, participantId: string): void {
  if (p.parentSub !== 'author') return;
  const values = p.item.values;
  if (values?.length !== 1 || values[0] !== participantId) throw forbidden('author must be yourself');
}

export function checkPermissions(update: InspectedUpdate, input: PermissionInput): void {
  const { role, doc } = input;
  if (update.empty) return;
  if (role === 'projector') throw forbidden('projectors cannot change the board');
  if (role === 'facilitator' && can(role, { type: 'changeFacilitatorState' }, input.context)) return;

  const require = (action: Action, root: string): void => {
    if (!can(role, action, input.context)) throw forbidden(describe(action, root));
  };
  const ownerIsMe = (entry: IdRef): boolean => input.owners.get(entry.client) === input.participantId;

  const placedBy = new Map<WireItem, PlacedItem>(update.items.map((p) => [p.item, p]));
  const tops = new Map<WireItem, NewTop>();
  const topOf = (p: PlacedItem, depth = 0): NewTop => {
    const memo = tops.get(p.item);
    if (memo !== undefined) return memo;
    let top: NewTop = null;
    const pl = p.placement;
    if (pl.kind === 'root') top = { root: pl.name, created: p.item };
    else if (pl.kind === 'existing') {
      const t: TopEntry | null = doc.topEntry(pl.id);
      top = t ? { root: t.root, existing: t.entry } : null;
    } else if (pl.kind === 'new' && depth < 64) {
      const holder = placedBy.get(pl.holder);
      top = holder ? topOf(holder, depth + 1) : null;
    }
    tops.set(p.item, top);
    return top;
  };

  for (const p of update.items) {
    if (p.placement.kind === 'dropped') continue;
    const top = topOf(p);
    if (!top) continue;
    if (top.root !== 'items') {
      require({ type: 'changeFacilitatorState' }, top.root);
      continue;
    }
    if ('created' in top) {
      require({ type: 'createItem' }, top.root);
      // A new item's author field must name its creator: the UI shows it, ownership follows it.
      const isAuthorField = p.placement.kind === 'new' && p.placement.holder === top.created;
      if (isAuthorField) checkAuthor(p, input.participantId);
    } else {
      require({ type: 'changeItem', own: ownerIsMe(top.existing) }, top.root);
      const e = top.existing;
      const isAuthorField = p.placement.kind === 'existing' && p.placement.id.client === e.client && p.placement.id.clock === e.clock;
      if (isAuthorField) checkAuthor(p, input.participantId);
    }
  }

  for (const id of update.deleted) {
    const top = doc.topEntry(id);
    if (!top) continue;
    if (top.root !== 'items') {
      require({ type: 'changeFacilitatorState' }, top.root);
      continue;
    }
    const own = ownerIsMe(top.entry);
    const isEntry = top.entry.client === id.client && top.entry.clock === id.clock;
    require(isEntry ? { type: 'deleteItem', own } : { type: 'changeItem', own }, top.root);
  }
}
