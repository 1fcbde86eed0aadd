/**
 * The typed API over one board's Y.Doc: reads (a cached, validated snapshot of the items) and
 * named commands. No React, no Konva, no DOM.
 */
import * as Y from 'yjs';
import { randomId } from '../lib/ids';
import { BoardHistory } from './history';
import { newItemValue, writePatch, type NewItem } from './itemWriters';
import { Origin } from './origins';
import { readItem } from './readItem';
import { LIMITS, SCHEMA_VERSION, type BoardMeta, type Item, type ItemPatch, type StrokeItem } from './schema';
import { encodePoints, type FlatPoints } from './strokeCodec';
import { diffText } from './textDiff';
import { indexAbove, reorder, type ZMove } from './zOrder';

export type { NewItem } from './itemWriters';
export type { ZMove } from './zOrder';

export interface ItemsChange {
  /** Ids added or changed (present and valid in the snapshot). */
  upserted: ReadonlySet<string>;
  /** Ids removed (or now invalid). */
  removed: ReadonlySet<string>;
  /** True when the change came from this screen's own commands. */
  local: boolean;
}

export interface NewStroke {
  tool: StrokeItem['tool'];
  color: string;
  width: number;
  /** Absolute board coordinates, stride 3 (x, y, pressure). */
  points: FlatPoints;
  /** Reuse the id the live preview announced, so remote screens can swap preview for ink. */
  id?: string;
}

export function compareIndex(a: Item, b: Item): number {
  if (a.index < b.index) return -1;
  if (a.index > b.index) return 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export class Board {
  readonly doc: Y.Doc;
  /** id -> stroke record (Uint8Array) or nested Y.Map (other kinds). */
  readonly items: Y.Map<unknown>;
  readonly meta: Y.Map<unknown>;
  /** This person's undo/redo; gestures open and close steps on it. */
  readonly history: BoardHistory;
  private readonly snapshot = new Map<string, Item>();
  private readonly listeners = new Set<(change: ItemsChange) => void>();
  private topIndex: string | null = null;

  constructor(doc: Y.Doc, readonly author: string) {
    this.doc = doc;
    this.items = doc.getMap('items');
    this.meta = doc.getMap('meta');
    this.history = new BoardHistory(doc);
    this.items.forEach((value, id) => this.refresh(id, value));
    this.items.observeDeep(this.onDeepChange);
  }

  destroy(): void {
    this.items.unobserveDeep(this.onDeepChange);
    this.listeners.clear();
    this.history.destroy();
  }

  getMeta(): BoardMeta {
    const title = this.meta.get('title');
    const prompt = this.meta.get('prompt');
    const schema = this.meta.get('schema');
    const createdAt = this.meta.get('createdAt');
    return {
      title: typeof title === 'string' ? title : '',
      prompt: typeof prompt === 'string' ? prompt : '',
      schema: typeof schema === 'number' ? schema : SCHEMA_VERSION,
      createdAt: typeof createdAt === 'number' ? createdAt : 0,
    };
  }

  getItem(id: string): Item | undefined {
    return this.snapshot.get(id);
  }

  /** All valid items, bottom to top. */
  allItems(): Item[] {
    return [...this.snapshot.values()].sort(compareIndex);
  }

  get size(): number {
    return this.snapshot.size;
  }

  subscribe(listener: (change: ItemsChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Commits a finished stroke as one item. Returns its id. */
  addStroke(input: NewStroke): string {
    const count = Math.floor(input.points.length / 3);
    if (count === 0) throw new Error('a stroke needs at least one point');
    if (count > LIMITS.strokePoints) throw new Error('stroke has too many points');
    // Points are stored relative to an integer origin near the first point: moving a stroke then
    // changes only x and y, and integers cost Yjs 1-3 bytes where a float costs 9.
    const ox = Math.round(input.points[0] ?? 0);
    const oy = Math.round(input.points[1] ?? 0);
    const relative = new Float64Array(count * 3);
    for (let i = 0; i < count; i++) {
      relative[i * 3] = (input.points[i * 3] ?? 0) - ox;
      relative[i * 3 + 1] = (input.points[i * 3 + 1] ?? 0) - oy;
      relative[i * 3 + 2] = input.points[i * 3 + 2] ?? 0.5;
    }
    return this.addItem(
      { kind: 'stroke', tool: input.tool, color: input.color, width: input.width, x: ox, y: oy, rotation: 0, scaleX: 1, scaleY: 1, points: encodePoints(relative) },
      input.id,
    );
  }

  /** Adds any item on top of the others, made by this person. Returns its id. */
  addItem(item: NewItem, id: string = randomId()): string {
    this.addItems([{ ...item, id }]);
    return id;
  }

  /** Adds several items in one step (paste, duplicate), keeping their relative order. */
  addItems(items: ReadonlyArray<NewItem & { id?: string }>): string[] {
    const ids: string[] = [];
    this.change(() => {
      for (const item of items) {
        const id = item.id ?? randomId();
        const index = indexAbove(this.topIndex);
        this.topIndex = index;
        const { id: _drop, ...fields } = item;
        this.items.set(id, newItemValue({ ...(fields as NewItem), author: this.author, index }));
        ids.push(id);
      }
    });
    return ids;
  }

  /** Changes fields of items; each id gets its own patch (or the same one). */
  updateItems(patches: ReadonlyMap<string, ItemPatch> | { ids: Iterable<string>; patch: ItemPatch }): void {
    const entries: Array<[string, ItemPatch]> =
      patches instanceof Map ? [...patches] : [...(patches as { ids: Iterable<string> }).ids].map((id) => [id, (patches as { patch: ItemPatch }).patch]);
    this.change(() => {
      for (const [id, patch] of entries) {
        const item = this.snapshot.get(id);
        if (item) writePatch(this.items, item, patch);
      }
    });
  }

  moveItems(ids: Iterable<string>, dx: number, dy: number): void {
    const patches = new Map<string, ItemPatch>();
    for (const id of ids) {
      const item = this.snapshot.get(id);
      if (item) patches.set(id, { x: item.x + dx, y: item.y + dy });
    }
    this.updateItems(patches);
  }

  /** Replaces the text of a text item or sticky with a minimal edit (merges with others' typing). */
  setText(id: string, value: string): void {
    const map = this.items.get(id);
    const text = map instanceof Y.Map ? map.get('text') : undefined;
    if (!(text instanceof Y.Text)) return;
    const edit = diffText(text.toString(), value.slice(0, LIMITS.textLength));
    if (!edit) return;
    this.change(() => {
      if (edit.remove > 0) text.delete(edit.index, edit.remove);
      if (edit.insert) text.insert(edit.index, edit.insert);
    });
  }

  reorderItems(ids: Iterable<string>, move: ZMove): void {
    const indexes = reorder(this.allItems(), new Set(ids), move);
    if (indexes.size === 0) return;
    this.updateItems(new Map([...indexes].map(([id, index]) => [id, { index }])));
  }

  /** Copies items (offset by dx, dy) as this person's own; returns the new ids. */
  duplicateItems(source: readonly Item[], dx: number, dy: number): string[] {
    return this.addItems(source.map((item) => withoutIdentity({ ...item, x: item.x + dx, y: item.y + dy })));
  }

  /** Undoes this person's last step; false when there is none. */
  undo(): boolean {
    return this.history.undo();
  }

  redo(): boolean {
    return this.history.redo();
  }

  deleteItems(ids: Iterable<string>): void {
    this.change(() => {
      for (const id of ids) this.items.delete(id);
    });
  }

  /** One local transaction, undoable as (part of) one step. */
  private change(fn: () => void): void {
    this.history.step(() => this.doc.transact(fn, Origin.LocalUser));
  }

  private refresh(id: string, value: unknown): boolean {
    const item = value === undefined ? null : readItem(id, value);
    if (item) {
      this.snapshot.set(id, item);
      if (this.topIndex === null || item.index > this.topIndex) this.topIndex = item.index;
      return true;
    }
    if (value !== undefined) reportInvalid(id);
    this.snapshot.delete(id);
    return false;
  }

  private readonly onDeepChange = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>, txn: Y.Transaction): void => {
    const touched = new Set<string>();
    for (const event of events) {
      if (event.target === this.items) {
        for (const key of (event as Y.YMapEvent<unknown>).keysChanged) touched.add(key);
      } else {
        const first = event.path[0];
        if (typeof first === 'string') touched.add(first);
      }
    }
    const upserted = new Set<string>();
    const removed = new Set<string>();
    for (const id of touched) {
      if (this.refresh(id, this.items.get(id))) upserted.add(id);
      else removed.add(id);
    }
    const change: ItemsChange = { upserted, removed, local: txn.origin === Origin.LocalUser || txn.origin === this.history.origin };
    for (const listener of this.listeners) listener(change);
  };
}

/** An item's fields without who made it and where it sits in the stack: for copies. */
export function withoutIdentity(item: Item): NewItem {
  const { id: _id, author: _author, index: _index, ...rest } = item;
  return rest as NewItem;
}

const reported = new Set<string>();
function reportInvalid(id: string): void {
  if (reported.has(id)) return;
  reported.add(id);
  console.warn(`sketchroom: skipped an item that does not validate (${id.slice(0, 32)})`);
}

/** Writes the board's meta into a fresh document (server side, at creation). */
export function initBoardDoc(doc: Y.Doc, meta: Omit<BoardMeta, 'schema'>): void {
  doc.transact(() => {
    const m = doc.getMap('meta');
    m.set('schema', SCHEMA_VERSION);
    m.set('title', meta.title);
    m.set('prompt', meta.prompt);
    m.set('createdAt', meta.createdAt);
  }, Origin.Server);
}
