/** One NoteScene per board (a restart brings a fresh board, and with it a fresh scene). */
import { useEffect, useMemo } from 'react';
import { NoteScene } from '../editor/noteScene';
import type { Board } from '../model/board';
import type { ToolContext } from '../tools/types';

export function useNoteScene(board: Board | null, ctx: ToolContext | null): NoteScene | null {
  const notes = useMemo(() => (board && ctx ? new NoteScene(board, ctx.scene, ctx.mayNote) : null), [board, ctx]);
  useEffect(() => () => notes?.destroy(), [notes]);
  return notes;
}
