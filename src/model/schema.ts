/**
 * The board document's data types, defined once. Everything else (reads, writers, validation,
 * docs/board-model.md) derives from these.
 *
 * Y.Doc top level:
 *   meta        Y.Map  schema version, title, prompt, createdAt (written by the server at creation)
 *   session     Y.Map  facilitator state (lock, timer, phase, spotlight, settings)
 *   frames      Y.Map  id -> Y.Map (easels) — later issues
 *   items       Y.Map  id -> Y.Map (one nested map per item, so concurrent field edits merge)
 *   annotations Y.Map  id -> Y.Map — later issues
 */
export const SCHEMA_VERSION = 1;

export const ROOT_NAMES = ['meta', 'session', 'frames', 'items', 'annotations'] as const;
export type RootName = (typeof ROOT_NAMES)[number];

export const STROKE_TOOLS = ['pen', 'highlighter'] as const;
export type StrokeTool = (typeof STROKE_TOOLS)[number];

export const SHAPES = ['rect', 'ellipse', 'line', 'arrow'] as const;
export type ShapeType = (typeof SHAPES)[number];

export const FILLS = ['none', 'semi', 'solid'] as const;
export type Fill = (typeof FILLS)[number];

export const TEXT_SIZES = ['s', 'm', 'l'] as const;
export type TextSize = (typeof TEXT_SIZES)[number];
/** Font size in board px for each text size. */
export const TEXT_FONT_PX: Record<TextSize, number> = { s: 20, m: 32, l: 56 };

/** Fields every item has. Units: board pixels (1 = one CSS pixel at 100 % zoom), y down. */
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
  /** Rotation around the origin, degrees clockwise. Stored only when not 0. */
  rotation: number;
}

export interface StrokeItem extends ItemBase {
  kind: 'stroke';
  tool: StrokeTool;
  /** CSS colour, `#rrggbb`. */
  color: string;
  /** Nominal stroke diameter in board px. */
  width: number;
  /** Scale applied to the points (resizing never re-encodes them). Stored only when not 1. */
  scaleX: number;
  scaleY: number;
  /**
   * Points relative to (x, y): one immutable buffer made by `encodePoints` (quantised to 0.1 px,
   * predicted and Rice-coded). Never a Y.Array of numbers: see PERF-NOTES.
   */
  points: Uint8Array;
}

/**
 * Rectangles and ellipses fill the box (x, y, w, h) (w, h >= 0); lines and arrows go from (x, y)
 * to (x + w, y + h), so w and h may be negative.
 */
export interface ShapeItem extends ItemBase {
  kind: 'shape';
  shape: ShapeType;
  w: number;
  h: number;
  color: string;
  width: number;
  fill: Fill;
}

/** Text is a Y.Text in the document (people typing in one text merge character by character). */
export interface TextItem extends ItemBase {
  kind: 'text';
  text: string;
  size: TextSize;
  color: string;
  /** Wrap width in board px; 0 = as wide as the longest line. */
  w: number;
}

export interface StickyItem extends ItemBase {
  kind: 'sticky';
  text: string;
  w: number;
  h: number;
  /** Paper colour, `#rrggbb`. */
  color: string;
}

export type Item = StrokeItem | ShapeItem | TextItem | StickyItem | ImageItem;
export type ItemKind = Item['kind'];
export type ItemOfKind<K extends ItemKind> = Extract<Item, { kind: K }>;

/** Fields a person may change after creation (everything but id, kind, author, points). */
export type ItemPatch = Partial<{
  x: number;
  y: number;
  rotation: number;
  color: string;
  width: number;
  fill: Fill;
  size: TextSize;
  w: number;
  h: number;
  scaleX: number;
  scaleY: number;
  index: string;
}>;

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
  /** |coordinate| and |size| on the board. */
  coordinate: 1_000_000,
  textLength: 10_000,
  scale: { min: 0.01, max: 100 },
} as const;

// ---------------------------------------------------------------------------------------------
// Shapes of the data the facilitation, capture, annotation and export work share (issues 5-7).
// Declared here first so that every part reads and writes the same fields; each owner adds the
// lenient reader and the commands next to its own module.
// ---------------------------------------------------------------------------------------------

/** Image types the server accepts (sniffed from the bytes, never from a name or header). */
export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];

/**
 * A photo or picture on the board (`items`, a nested Y.Map, kind "image"). The bytes live in the
 * server's blob store under their SHA-256; the document holds only the hash, type, pixel size and
 * placement, never the bytes.
 */
export interface ImageItem extends ItemBase {
  kind: 'image';
  /** SHA-256 of the stored bytes, 64 lowercase hex characters: the blob's name on the server. */
  blob: string;
  mime: ImageType;
  /** Natural size of the stored image in pixels. */
  pw: number;
  ph: number;
  /** Display size on the board (board px): the image fills the box (x, y, w, h). */
  w: number;
  h: number;
}

/**
 * An easel (`frames`, id -> Y.Map): one participant's labelled frame. Written by the facilitator
 * or the server, never by participants.
 */
export interface Easel {
  id: string;
  /** Participant id of the artist. */
  owner: string;
  /** The artist's name as the label shows it (kept in step with their display name). */
  name: string;
  /** Position in the grid: easels are laid out in slot order, left to right, top to bottom. */
  slot: number;
  x: number;
  y: number;
  w: number;
  h: number;
  /** How the board's grid grows (model/easels.ts slotCell): 'wide', or absent on boards whose grid is square. */
  layout?: 'wide';
}

/**
 * A note pinned to a region (`annotations`, id -> Y.Map): what an artist said about part of a
 * drawing. The region follows its target: with a target (an item id or an easel id) it is stored
 * as fractions (0..1) of the target's box, so moving or resizing the target carries the note;
 * without a target ('') it is in board px.
 */
export interface Annotation {
  id: string;
  /** Participant id of whoever wrote the note. */
  author: string;
  /** Item id or easel id the note describes, or '' for a bare area of the board. */
  target: string;
  rx: number;
  ry: number;
  rw: number;
  rh: number;
  /** Plain text, line breaks kept, at most `LIMITS.noteLength` characters. */
  text: string;
  /** Who said it; '' means the artist of the easel it sits on. */
  speaker: string;
  /** Fractional index: notes are listed and numbered in this order. */
  order: string;
  /**
   * Where the note was last seen on the board (board px), so that it stays put instead of
   * vanishing when its target is deleted (see docs/board-model.md, Annotations). Written with the
   * region, and refreshed by a screen that may write the note when it sees the target go.
   * Optional: a note without them has no place once its target is gone (readAnnotations fills 0).
   */
  ax?: number;
  ay?: number;
  aw?: number;
  ah?: number;
}

export const ANNOTATION_LIMITS = {
  noteLength: 1000,
  speakerLength: 80,
} as const;
