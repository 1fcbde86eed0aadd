/**
 * What the canvas reads from the editor's session state beyond the camera: the selection, the
 * hovered item, the eraser's preview set, the marquee box, the text being edited and whether a
 * transform gesture is under way.
 */
import type { Editor } from '../editor/editor';
import type { Box } from '../geometry/box';

export interface OverlayState {
  selected: ReadonlySet<string>;
  hovered: string | null;
  erasing: ReadonlySet<string>;
  marquee: Box | null;
  editingId: string | null;
  /** A move, resize or rotate is in progress: handles are hidden, outlines stay. */
  transforming: boolean;
}

const NONE: ReadonlySet<string> = new Set();
/** The selection array becomes a Set once per array, so an unchanged selection compares equal. */
const asSets = new WeakMap<readonly string[], ReadonlySet<string>>();

function toSet(ids: readonly string[]): ReadonlySet<string> {
  if (ids.length === 0) return NONE;
  let out = asSets.get(ids);
  if (!out) asSets.set(ids, (out = new Set(ids)));
  return out;
}

export function readOverlay(editor: Editor): OverlayState {
  const s = editor.state.get();
  const t = s.transform?.kind;
  return {
    selected: toSet(s.selection),
    hovered: s.hovered,
    erasing: s.eraserPreview,
    marquee: s.marquee,
    editingId: s.editingId,
    transforming: t === 'translate' || t === 'resize' || t === 'rotate',
  };
}

/** Ids in exactly one of two sets. */
export function setDifference(a: ReadonlySet<string>, b: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const id of a) if (!b.has(id)) out.push(id);
  for (const id of b) if (!a.has(id)) out.push(id);
  return out;
}
