/**
 * What the canvas reads from the editor's session state beyond the camera: the selection, the
 * eraser's preview set, the marquee box and the text being edited.
 */
import type { Editor } from '../editor/editor';
import type { Box } from '../geometry/box';

export interface OverlayState {
  selected: ReadonlySet<string>;
  erasing: ReadonlySet<string>;
  marquee: Box | null;
  editingId: string | null;
}

const NONE: ReadonlySet<string> = new Set();
/** Arrays in the editor state become Sets once per array, so unchanged state compares equal. */
const asSets = new WeakMap<object, ReadonlySet<string>>();

/** Reads the overlay part of the editor state (fields may be absent while tools land). */
export function readOverlay(editor: Editor): OverlayState {
  const s = editor.state.get() as unknown as Record<string, unknown>;
  const set = (v: unknown): ReadonlySet<string> => {
    if (v instanceof Set) return v as ReadonlySet<string>;
    if (!Array.isArray(v) || v.length === 0) return NONE;
    let out = asSets.get(v);
    if (!out) asSets.set(v, (out = new Set(v as string[])));
    return out;
  };
  const box = (v: unknown): Box | null => (v && typeof v === 'object' && 'minX' in v ? (v as Box) : null);
  return {
    selected: set(s.selection ?? s.selected),
    erasing: set(s.erasing ?? s.eraserPreview),
    marquee: box(s.marquee),
    editingId: typeof s.editingId === 'string' ? s.editingId : typeof s.editingTextId === 'string' ? s.editingTextId : null,
  };
}

/** Ids in exactly one of two sets. */
export function setDifference(a: ReadonlySet<string>, b: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const id of a) if (!b.has(id)) out.push(id);
  for (const id of b) if (!a.has(id)) out.push(id);
  return out;
}
