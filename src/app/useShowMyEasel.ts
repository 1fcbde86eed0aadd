/**
 * A participant lands on their own easel: when it first appears (easels just turned on, or I just
 * joined), the view moves to show it, unless I have already moved the view myself.
 */
import { useEffect, useRef } from 'react';
import type { Editor } from '../editor/editor';
import { easelBox, easelOf } from '../model/easels';
import type { EaselView } from './useEasels';

const untouched = (editor: Editor): boolean => {
  const c = editor.camera;
  return c.x === 0 && c.y === 0 && c.zoom === 1;
};

export function useShowMyEasel(editor: Editor, view: EaselView, participantId: string, enabled: boolean): void {
  const shown = useRef<string | null>(null);
  const mine = enabled && view.settings.easels ? easelOf(view.easels, participantId) : undefined;
  useEffect(() => {
    if (!mine || shown.current === mine.id) return;
    shown.current = mine.id;
    // The top bar covers the first ~70 px: a margin that clears it.
    if (untouched(editor)) editor.zoomToBox(easelBox(mine), 96);
  }, [editor, mine]);
}
