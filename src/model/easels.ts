/**
 * Easels (`frames`, id -> Y.Map): one labelled frame per participant, laid out in a grid that grows
 * as people join. The server writes them (on a participant's connection, and for everyone when the
 * facilitator turns easels on); the facilitator's client only switches the settings. Reads are
 * lenient: an easel that does not validate is skipped.
 *
 * Layout: an easel's place is fixed at creation from its slot, and slots are only ever appended, so
 * nobody's easel moves when someone joins. The grid grows a column or a row at a time (a "shell"),
 * following its board's layout (slotCell).
 */
import * as Y from 'yjs';
import type { Box } from '../geometry/box';
import { Origin } from './origins';
import type { Easel } from './schema';

/** Size of one easel and the space between easels, in board px. */
export const EASEL_W = 1200;
export const EASEL_H = 900;
export const EASEL_GAP = 160;
/**
 * How far outside their easel a participant's new item may start when drawing is limited to
 * easels: the tools check the press point strictly, but an item's origin sits a little away from it
 * (a sticky note is centred on the press, a clicked rectangle too). Larger than those offsets (at
 * most 100 px), smaller than the gutter, so it never reaches into a neighbour's easel.
 */
export const EASEL_SLACK = 150;
/** Longest easel label (a participant name is at most 40 characters; keep a margin). */
const NAME_LIMIT = 80;
/** Highest slot read (a bad peer cannot make the layout run off to infinity). */
const MAX_SLOT = 10_000;

/**
 * How a board's easel grid grows. Each easel stores its board's layout, so a board keeps the one it
 * started with (moving to another would put new easels on top of old ones):
 * - 'wide' (every board whose first easel is made now): the grid stays about WIDE_RATIO columns per
 *   row, a grid about 2.25 times as wide as tall: a laptop's board area is ~2.3:1, the projector's
 *   2.5:1 on the whole board and 3:1 above the gallery caption. 3 easels in a row, 12 as 4x3, 40
 *   as 8x5, 60 as 10x6: tidy (full) grids at the usual sizes, where 2.0 would leave ragged ones
 *   (40 as 9x5) for the same easel size on the projector.
 * - 'square' (boards made before): columns = ceil(sqrt(n)), never more rows than columns. At 40
 *   easels (7x6) it left a third of the projector's width empty and every easel 20 % smaller.
 */
export type EaselLayout = 'square' | 'wide';

/** Columns per row the wide grid aims at (one cell with its gap is 1360 x 1060). */
const WIDE_RATIO = 1.75;

/** How far a grid of cols x rows is from the aimed shape (symmetric: too wide and too tall alike). */
const offShape = (cols: number, rows: number): number => Math.abs(Math.log(cols / rows / WIDE_RATIO));

/**
 * The column and row of a slot. Square: slot 0, then a column to the right, then a row below, and
 * so on (1x1, 2x1, 2x2, 3x2, 3x3 ...). Wide: each shell adds the column or the row that keeps the
 * grid nearer WIDE_RATIO (a column on a tie); a new column fills top to bottom, a new row left to right.
 */
export function slotCell(slot: number, layout: EaselLayout): { col: number; row: number } {
  if (layout === 'square') {
    const s = Math.floor(Math.sqrt(slot));
    const m = slot - s * s;
    return m < s ? { col: s, row: m } : { col: m - s, row: s };
  }
  let cols = 1, rows = 1;
  // slot <= MAX_SLOT (parseEasel, planEasels): at most ~150 shells.
  while (slot >= cols * rows) {
    const first = cols * rows;
    if (offShape(cols + 1, rows) <= offShape(cols, rows + 1)) {
      if (slot < first + rows) return { col: cols, row: slot - first };
      cols++;
    } else {
      if (slot < first + cols) return { col: slot - first, row: rows };
      rows++;
    }
  }
  return { col: 0, row: 0 };
}

/** Where the easel of a slot goes on the board (top-left, board px). The grid starts at (0, 0). */
export function slotPosition(slot: number, layout: EaselLayout): { x: number; y: number } {
  const { col, row } = slotCell(slot, layout);
  return { x: col * (EASEL_W + EASEL_GAP), y: row * (EASEL_H + EASEL_GAP) };
}

/** The id of a participant's easel: one per participant, whoever writes it. */
export const easelId = (owner: string): string => `e-${owner}`;

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Reads one easel leniently; null when it does not validate. */
export function parseEasel(id: string, value: unknown): Easel | null {
  if (!(value instanceof Y.Map)) return null;
  const m = value as Y.Map<unknown>;
  const owner = m.get('owner'), name = m.get('name'), slot = m.get('slot');
  const x = m.get('x'), y = m.get('y'), w = m.get('w'), h = m.get('h');
  if (typeof owner !== 'string' || owner === '' || typeof name !== 'string') return null;
  if (!finite(slot) || slot < 0 || slot > MAX_SLOT || !Number.isInteger(slot)) return null;
  if (!finite(x) || !finite(y) || !finite(w) || !finite(h) || w <= 0 || h <= 0) return null;
  const easel: Easel = { id, owner, name: name.slice(0, NAME_LIMIT), slot, x, y, w, h };
  if (m.get('layout') === 'wide') easel.layout = 'wide';
  return easel;
}

/** Every valid easel, in slot order (ties by id, so every screen lists them alike). */
export function readEasels(doc: Y.Doc): Easel[] {
  const out: Easel[] = [];
  doc.getMap<unknown>('frames').forEach((value, id) => {
    const easel = parseEasel(id, value);
    if (easel) out.push(easel);
  });
  return out.sort((a, b) => a.slot - b.slot || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Calls `listener` on every change of `frames` (local or remote, deep). Returns the unsubscribe. */
export function observeEasels(doc: Y.Doc, listener: () => void): () => void {
  const frames = doc.getMap<unknown>('frames');
  frames.observeDeep(listener);
  return () => frames.unobserveDeep(listener);
}

/** The easel of a participant (the first in slot order if a bad peer made two). */
export function easelOf(easels: readonly Easel[], owner: string): Easel | undefined {
  return easels.find((e) => e.owner === owner);
}

export function easelBox(easel: Easel): Box {
  return { minX: easel.x, minY: easel.y, maxX: easel.x + easel.w, maxY: easel.y + easel.h };
}

/** Whether a board point lies inside an easel, grown by `slack` on every side. */
export function insideEasel(easel: Easel, x: number, y: number, slack = 0): boolean {
  return x >= easel.x - slack && x <= easel.x + easel.w + slack && y >= easel.y - slack && y <= easel.y + easel.h + slack;
}

/** The box around every easel, or null when there are none. */
export function easelsBounds(easels: readonly Easel[]): Box | null {
  if (easels.length === 0) return null;
  const box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const e of easels) {
    box.minX = Math.min(box.minX, e.x);
    box.minY = Math.min(box.minY, e.y);
    box.maxX = Math.max(box.maxX, e.x + e.w);
    box.maxY = Math.max(box.maxY, e.y + e.h);
  }
  return box;
}

/** Someone who should have an easel: participant id and display name. */
export interface Artist {
  id: string;
  name: string;
}

export interface EaselPlan {
  /** New easels, in the order given (appended after the highest slot in use). */
  create: Easel[];
  /** Easels whose label should follow a new name. */
  rename: Array<{ id: string; name: string }>;
}

const cleanName = (name: string): string => name.slice(0, NAME_LIMIT);

/**
 * What it takes for every artist to have an easel with their current name: pure. Existing easels
 * never move; new ones take the next free slots in the order the artists are given (join order),
 * in the board's layout: wide for a board without easels or whose easels all are, else square.
 */
export function planEasels(existing: readonly Easel[], artists: readonly Artist[]): EaselPlan {
  const plan: EaselPlan = { create: [], rename: [] };
  const layout: EaselLayout = existing.every((e) => e.layout === 'wide') ? 'wide' : 'square';
  let next = existing.reduce((max, e) => Math.max(max, e.slot + 1), 0);
  const seen = new Set<string>();
  for (const artist of artists) {
    if (seen.has(artist.id)) continue;
    seen.add(artist.id);
    const name = cleanName(artist.name);
    const mine = existing.filter((e) => e.owner === artist.id);
    if (mine.length > 0) {
      for (const e of mine) if (e.name !== name) plan.rename.push({ id: e.id, name });
      continue;
    }
    const slot = next++;
    const easel: Easel = { id: easelId(artist.id), owner: artist.id, name, slot, ...slotPosition(slot, layout), w: EASEL_W, h: EASEL_H };
    if (layout === 'wide') easel.layout = 'wide';
    plan.create.push(easel);
  }
  return plan;
}

export const planIsEmpty = (plan: EaselPlan): boolean => plan.create.length === 0 && plan.rename.length === 0;

/**
 * Writes a plan in one transaction. `origin` is Origin.Server on the server; a client writing
 * easels would use LocalUser (and they would join its undo history, since frames are tracked).
 */
export function applyEaselPlan(doc: Y.Doc, plan: EaselPlan, origin: string = Origin.Server): void {
  if (planIsEmpty(plan)) return;
  const frames = doc.getMap<unknown>('frames');
  doc.transact(() => {
    for (const e of plan.create) {
      // A key holding something unreadable is replaced; a valid easel there is left alone.
      if (parseEasel(e.id, frames.get(e.id))) continue;
      const m = new Y.Map<unknown>();
      m.set('owner', e.owner);
      m.set('name', e.name);
      m.set('slot', e.slot);
      m.set('x', e.x);
      m.set('y', e.y);
      m.set('w', e.w);
      m.set('h', e.h);
      if (e.layout) m.set('layout', e.layout);
      frames.set(e.id, m);
    }
    for (const r of plan.rename) {
      const m = frames.get(r.id);
      if (m instanceof Y.Map && m.get('name') !== r.name) m.set('name', r.name);
    }
  }, origin);
}

/** Gives every artist an easel and every easel its artist's current name; returns the plan applied. */
export function syncEasels(doc: Y.Doc, artists: readonly Artist[], origin: string = Origin.Server): EaselPlan {
  const plan = planEasels(readEasels(doc), artists);
  applyEaselPlan(doc, plan, origin);
  return plan;
}
