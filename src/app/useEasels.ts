/** The easels and the easel settings of a board, live (remote and local changes). */
import { useEffect, useState } from 'react';
import type { Board } from '../model/board';
import { observeEasels, readEasels } from '../model/easels';
import { DEFAULT_PROJECTOR, observeEaselSettings, readEaselSettings, type EaselSettings } from '../model/easelSession';
import type { Easel } from '../model/schema';

export interface EaselView {
  settings: EaselSettings;
  /** Every easel in slot order (also while easels are off: callers decide what to show). */
  easels: readonly Easel[];
}

const NONE: EaselView = { settings: { easels: false, easelOnly: false, projector: DEFAULT_PROJECTOR }, easels: [] };

export function useEasels(board: Board | null): EaselView {
  const [view, setView] = useState<{ board: Board | null; view: EaselView }>({ board: null, view: NONE });
  useEffect(() => {
    if (!board) return;
    const read = () => setView({ board, view: { settings: readEaselSettings(board.doc), easels: readEasels(board.doc) } });
    read();
    const offFrames = observeEasels(board.doc, read);
    const offSettings = observeEaselSettings(board.doc, read);
    return () => {
      offFrames();
      offSettings();
    };
  }, [board]);
  return view.board === board ? view.view : NONE;
}
