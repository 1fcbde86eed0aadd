/**
 * Structural inspection of a client's document update, BEFORE anything touches the room. Pure: it
 * reads the update and asks the room's document questions through a DocView, and either returns
 * what the update does or throws a Refusal. See SECURITY-NOTES.md for why each rule exists:
 * - malformed, V2, over-long or over-counted input (readUpdate);
 * - every new struct's client id belongs to this participant (bound on first use);
 * - no clock gaps and no references to unknown structs (Yjs would keep them "pending" forever and
 *   hand them to every joiner);
 * - every item's parent is an allowed root map, an existing type, or a type made in this update;
 *   content kinds fit the parent (text content in texts, values in maps and arrays);
 * - binary content in `items` only as a whole stroke record at its root (src/model/strokeRecord.ts)
 *   that decodes; never inside an item's map.
 * Role rules run afterwards on the result (permissions.ts).
 */
import { ROOT_NAMES } from '../../../src/model/schema';
import { decodeStrokeRecord } from '../../../src/model/strokeRecord';
import type { DocView } from './docView';
import { ContentRef, readUpdate, TypeRef, type IdRef, type ReadLimits, type WireDeleteRange, type WireItem, type WireStruct } from './readUpdate';
import { malformed } from './refusal';

export type Placement =
  | { kind: 'root'; name: string }
  | { kind: 'existing'; id: IdRef; typeRef: number }
  | { kind: 'new'; holder: WireItem }
  /** Yjs will garbage-collect the item (its neighbour or parent is gone): nothing to check. */
  | { kind: 'dropped' };

export interface PlacedItem {
  item: WireItem;
  placement: Placement;
  parentSub: string | null;
}

export interface InspectedUpdate {
  /** Nothing new: every struct is known and every deletion already applied. */
  empty: boolean;
  /** Client ids seen for the first time on this board (to bind to the participant). */
  newClientIds: number[];
  /** Every client id this update writes new structs under (bound ones included). */
  writers: number[];
  /** New items (not yet in the document), with where they go. */
  items: PlacedItem[];
  /** Existing live items this update deletes. */
  deleted: IdRef[];
  /** Some struct of the update was known already (Yjs skips it, or the part of it that is known). */
  overlapsKnown: boolean;
  /** Per writer: the clock after its last new struct (its state vector entry once applied). */
  ends: Map<number, number>;
  /** The update's delete set as sent. */
  deleteRanges: readonly WireDeleteRange[];
}

/** Who a Yjs client id is bound to (a Map will do). */
export interface ClientOwners {
  get(clientId: number): string | undefined;
}

export interface InspectContext {
  doc: DocView;
  /** Yjs client id -> participant id, for this board. */
  owners: ClientOwners;
  participantId: string;
  /** How many more new client ids this connection may bind. */
  newClientBudget: number;
  limits: ReadLimits;
}

const ROOTS: ReadonlySet<string> = new Set(ROOT_NAMES);
const MAP_CONTENT: ReadonlySet<number> = new Set([ContentRef.Any, ContentRef.Binary, ContentRef.Type, ContentRef.Deleted]);
const TEXT_CONTENT: ReadonlySet<number> = new Set([ContentRef.String, ContentRef.Embed, ContentRef.Format, ContentRef.Type, ContentRef.Deleted]);
const DROPPED: Placement = { kind: 'dropped' };

/** The update's structs of one client: contiguous clocks, so a binary search finds an id. */
class ClientRun {
  constructor(readonly structs: WireStruct[]) {}
  get start(): number {
    return this.structs[0]!.clock;
  }
  get end(): number {
    const last = this.structs[this.structs.length - 1]!;
    return last.clock + last.length;
  }
  find(clock: number): WireStruct | null {
    let lo = 0;
    let hi = this.structs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = this.structs[mid]!;
      if (clock < s.clock) hi = mid - 1;
      else if (clock >= s.clock + s.length) lo = mid + 1;
      else return s;
    }
    return null;
  }
}

/** The root map a placed item ends up in; null when that cannot be told (dropped, GC). */
function rootOf(p: PlacedItem, placedBy: ReadonlyMap<WireItem, PlacedItem>, doc: DocView): string | null {
  let current: PlacedItem | undefined = p;
  for (let depth = 0; current && depth < 64; depth++) {
    const pl: Placement = current.placement;
    if (pl.kind === 'root') return pl.name;
    if (pl.kind === 'existing') return doc.topEntry(pl.id)?.root ?? null;
    if (pl.kind === 'dropped') return null;
    current = placedBy.get(pl.holder);
  }
  return null;
}

/**
 * Stroke records: at the root of `items`, each value must decode; anywhere else inside `items`
 * binary content has no use (points live in the records) and is refused.
 */
function checkBinaries(binaries: readonly PlacedItem[], all: readonly PlacedItem[], doc: DocView): void {
  const placedBy = new Map<WireItem, PlacedItem>(all.map((p) => [p.item, p]));
  for (const p of binaries) {
    const pl = p.placement;
    if (pl.kind === 'root') {
      if (pl.name !== 'items') continue;
      try {
        decodeStrokeRecord(p.item.values![0] as Uint8Array);
      } catch {
        throw malformed('malformed stroke record');
      }
    } else if (rootOf(p, placedBy, doc) === 'items') throw malformed('binary content inside an item');
  }
}

export function inspectUpdate(update: Uint8Array, ctx: InspectContext): InspectedUpdate {
  const wire = readUpdate(update, ctx.limits);
  const { doc } = ctx;
  const runs = new Map<number, ClientRun>();
  for (const s of wire.structs) {
    const run = runs.get(s.client);
    if (run) run.structs.push(s);
    else runs.set(s.client, new ClientRun([s]));
  }

  // Clock gaps and client id ownership, per client with anything new.
  const newClientIds: number[] = [];
  const writers: number[] = [];
  const fresh: WireStruct[] = [];
  const ends = new Map<number, number>();
  let overlapsKnown = false;
  for (const [client, run] of runs) {
    const state = doc.getState(client);
    if (run.start < state) overlapsKnown = true;
    if (run.end <= state) continue; // all known: Yjs skips it
    if (run.start > state) throw malformed('clock gap in update');
    ends.set(client, run.end);
    const owner = ctx.owners.get(client);
    if (owner === undefined) newClientIds.push(client);
    else if (owner !== ctx.participantId) throw malformed('client id belongs to another participant');
    writers.push(client);
    for (const s of run.structs) if (s.clock + s.length > state) fresh.push(s);
  }
  if (newClientIds.length > ctx.newClientBudget) throw malformed('too many new client ids');

  /** Where a referenced id lives; refuses references to anything unknown (pending poison). */
  const locate = (ref: IdRef, from: WireItem): 'existing' | WireStruct => {
    if (ref.client === from.client && ref.clock >= from.clock) throw malformed('reference to a later struct');
    if (ref.clock < doc.getState(ref.client)) return 'existing';
    const s = runs.get(ref.client)?.find(ref.clock);
    if (!s) throw malformed('reference to unknown struct (clock gap)');
    return s;
  };

  const existingParent = (ref: IdRef): { placement: Placement; parentSub: string | null } => {
    const found = doc.lookup(ref);
    if (found.kind === 'gc' || found.parent === null) return { placement: DROPPED, parentSub: null };
    if (found.parent.kind === 'root') return { placement: found.parent, parentSub: found.parentSub };
    const holder = doc.lookup(found.parent.id);
    if (holder.kind !== 'item' || holder.typeRef === null) return { placement: DROPPED, parentSub: null };
    return { placement: { kind: 'existing', id: found.parent.id, typeRef: holder.typeRef }, parentSub: found.parentSub };
  };

  type Direct = { placement: Placement; parentSub: string | null } | { via: WireItem };
  const direct = (s: WireItem): Direct => {
    if (s.origin || s.rightOrigin) {
      const targets = [s.origin, s.rightOrigin].map((ref) => (ref ? locate(ref, s) : null));
      for (let i = 0; i < 2; i++) {
        const t = targets[i];
        const ref = i === 0 ? s.origin : s.rightOrigin;
        if (t === 'existing' && ref && doc.lookup(ref).kind === 'gc') return { placement: DROPPED, parentSub: null };
        if (t && t !== 'existing' && t.kind === 'gc') return { placement: DROPPED, parentSub: null };
      }
      // Yjs takes the parent from the left neighbour (origin) when there is one, else the right.
      const primary = s.origin ? targets[0] : targets[1];
      const primaryRef = (s.origin ?? s.rightOrigin)!;
      if (primary === 'existing') return existingParent(primaryRef);
      return { via: primary as WireItem };
    }
    if (typeof s.parent === 'string') return { placement: { kind: 'root', name: s.parent }, parentSub: s.parentSub };
    if (s.parent === null) throw malformed('item without parent');
    const where = locate(s.parent, s);
    if (where === 'existing') {
      const holder = doc.lookup(s.parent);
      if (holder.kind === 'gc') return { placement: DROPPED, parentSub: null };
      if (holder.typeRef === null) {
        if (holder.deleted) return { placement: DROPPED, parentSub: null };
        throw malformed('parent is not a type');
      }
      return { placement: { kind: 'existing', id: s.parent, typeRef: holder.typeRef }, parentSub: s.parentSub };
    }
    if (where.kind === 'gc') return { placement: DROPPED, parentSub: null };
    if (where.contentRef !== ContentRef.Type || where.clock !== s.parent.clock) throw malformed('parent is not a type');
    return { placement: { kind: 'new', holder: where }, parentSub: s.parentSub };
  };

  // Chains of origins (text typing makes long ones) resolve iteratively, memoised.
  const resolved = new Map<WireItem, { placement: Placement; parentSub: string | null }>();
  const resolve = (start: WireItem): { placement: Placement; parentSub: string | null } => {
    const chain: WireItem[] = [];
    const visiting = new Set<WireItem>();
    let current = start;
    let result: { placement: Placement; parentSub: string | null };
    for (;;) {
      const memo = resolved.get(current);
      if (memo) {
        result = memo;
        break;
      }
      if (visiting.has(current)) throw malformed('cyclic origins');
      visiting.add(current);
      chain.push(current);
      const d = direct(current);
      if ('via' in d) current = d.via;
      else {
        result = d;
        break;
      }
    }
    for (const c of chain) resolved.set(c, result);
    return result;
  };

  const items: PlacedItem[] = [];
  const binaries: PlacedItem[] = [];
  for (const s of fresh) {
    if (s.kind !== 'item') continue; // GC runs of one's own client id only occupy clock space
    const { placement, parentSub } = resolve(s);
    items.push({ item: s, placement, parentSub });
    if (placement.kind === 'dropped') continue;
    let typeRef: number;
    if (placement.kind === 'root') {
      if (!ROOTS.has(placement.name)) throw malformed('unknown root type');
      typeRef = TypeRef.Map;
    } else if (placement.kind === 'existing') typeRef = placement.typeRef;
    else typeRef = placement.holder.typeRef ?? -1;
    if (typeRef === TypeRef.Map) {
      if (parentSub === null) throw malformed('list content in a map');
    } else if (parentSub !== null) throw malformed('map key in a list or text');
    const allowed = typeRef === TypeRef.Text ? TEXT_CONTENT : MAP_CONTENT;
    if (!allowed.has(s.contentRef)) throw malformed('content not allowed here');
    if (s.contentRef === ContentRef.Binary) binaries.push(items[items.length - 1]!);
  }
  if (binaries.length > 0) checkBinaries(binaries, items, doc);

  // Deletions: only of known structs (else Yjs keeps a pending delete set); collect live items.
  const deleted: IdRef[] = [];
  let budget = 4 * ctx.limits.maxStructs;
  for (const range of wire.deletes) {
    const state = doc.getState(range.client);
    const run = runs.get(range.client);
    const known = Math.max(state, run && run.start <= state ? run.end : 0);
    if (range.clock + range.length > known) throw malformed('deletion of unknown content');
    if (range.clock < state) {
      const length = Math.min(range.clock + range.length, state) - range.clock;
      budget -= doc.forEachLiveItem(range.client, range.clock, length, (id) => deleted.push(id));
      if (budget < 0) throw malformed('delete set too large');
    }
  }

  return {
    empty: fresh.length === 0 && deleted.length === 0,
    newClientIds,
    writers,
    items,
    deleted,
    overlapsKnown,
    ends,
    deleteRanges: wire.deletes,
  };
}
