/**
 * The board document's data types, defined once. Everything else (reads, commands, validation,
 * docs/board-model.md) derives from these.
 *
 * Y.Doc top level:
 *   meta        Y.Map  schema version, title, prompt, createdAt (written by the server at creation)
 *   session     Y.Map  facilitator state (lock, timer, phase, spotlight) — later issues
 *   frames      Y.Map  id -> Y.Map (easels) — later issues
 *   items       Y.Map  id -> Y.Map (one nested map per item, so concurrent field edits merge)
 *   annotations Y.Map  id -> Y.Map — later issues
 */
export const SCHEMA_VERSION = 1;

export const ROOT_NAMES = ['meta', 'session', 'frames', 'items', 'annotations'] as const;
export type RootName = (typeof ROOT_NAMES)[number];

export const STROKE_TOOLS = ['pen', 'highlighter'] as const;
export type StrokeTool = (typeof STROKE_TOOLS)[number];

/** Fields every item has. Units: board pixels (1 = one CSS pixel at 100 % zoom). */
export interface ItemBase {
  id: string;
  kind: string;
  /** Participant id of whoever made it; the server enforces ownership on it. */
  author: string;
  /** Fractional index (string) for z-order: never array positions. */
  index: string;
  /** Origin of the item on the board; an item's own geometry is relative to it. */
  x: number;
  y: number;
}

export interface StrokeItem extends ItemBase {
  kind: 'stroke';
  tool: StrokeTool;
  /** CSS colour, `#rrggbb`. */
  color: string;
  /** Nominal stroke diameter in board px. */
  width: number;
  /**
   * Points relative to (x, y): one immutable buffer made by `encodePoints` (quantised to 0.1 px,
   * predicted and varint-coded). Never a Y.Array of numbers: see PERF-NOTES.
   */
  points: Uint8Array;
}

export type Item = StrokeItem;
export type ItemKind = Item['kind'];

/** The keys of an item's Y.Map, per kind, as they are stored. */
export type ItemFields<T extends Item> = Omit<T, 'id'>;

export interface BoardMeta {
  schema: number;
  title: string;
  prompt: string;
  createdAt: number;
}

export const LIMITS = {
  titleLength: 120,
  promptLength: 500,
  /** Points in one stroke; a longer gesture is split into several strokes by the pen tool. */
  strokePoints: 5000,
  strokeWidth: { min: 1, max: 64 },
  /** |coordinate| on the board. */
  coordinate: 1_000_000,
} as const;
