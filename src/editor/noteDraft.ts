/**
 * The note being made or edited on this screen: the Annotate tool fills it on release, the note
 * editor (ui/notes) shows it and saves or drops it. One per editor, so the tool and the UI reach
 * the same one through the editor they share.
 */
import type { Box } from '../geometry/box';
import { Store } from './store';

export interface NoteDraft {
  /** The region on the board, board px. */
  region: Box;
  /** Item or easel id, or '' for a bare area. */
  target: string;
  /** The target's box when the region was drawn (null for a bare area). */
  targetBox: Box | null;
  text: string;
  speaker: string;
  /** Still being dragged (the canvas shows the region, no editor yet). */
  dragging: boolean;
  /** Editing this existing note instead of making a new one. */
  noteId?: string;
  /** Why this note cannot be made (a participant's region on someone else's drawing). */
  refused?: string;
}

const drafts = new WeakMap<object, Store<NoteDraft | null>>();

export function noteDraft(editor: object): Store<NoteDraft | null> {
  let store = drafts.get(editor);
  if (!store) drafts.set(editor, (store = new Store<NoteDraft | null>(null)));
  return store;
}
