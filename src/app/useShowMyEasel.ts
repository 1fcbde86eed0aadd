/**
 * Landing on the easels: when they first appear (easels just turned on, or I just joined), a
 * participant's view moves to their own easel and the facilitator's to all of them, unless I have
 * already moved the view myself.
 */
import { useEffect, useRef } from 'react';
import type { Editor } from '../editor/editor';
import type { Box } from '../geometry/box';
import { easelBox, easelOf, easelsBounds } from '../model/easels';
import type { Role } from '../protocol/roles';
import type { EaselView } from './useEasels';

const untouched = (editor: Editor): boolean => {
  const c = editor.camera;
  return c.x === 0 && c.y === 0 && c.zoom === 1;
};

function landing(view: EaselView, role: Role, participantId: string): { key: string; box: Box } | null {
  if (!view.settings.easels) return null;
  if (role === 'participant') {
    const mine = easelOf(view.easels, participantId);
    return mine ? { key: mine.id, box: easelBox(mine) } : null;
  }
  const all = role === 'facilitator' ? easelsBounds(view.easels) : null;
  return all ? { key: 'all', box: all } : null;
}

export function useShowMyEasel(editor: Editor, view: EaselView, role: Role, participantId: string): void {
  const shown = useRef<string | null>(null);
  const target = landing(view, role, participantId);
  const key = target?.key ?? null;
  const box = target?.box ?? null;
  useEffect(() => {
    if (!key || !box || shown.current === key) return;
    shown.current = key;
    // The top bar covers the first ~70 px: a margin that clears it.
    if (untouched(editor)) editor.zoomToBox(box, 96);
    // Only a new key moves the view (the box object is new on every render).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor, key]);
}
