/** The workshop phase and the private-drawing switch (`session`), live. */
import { useEffect, useState } from 'react';
import type { Board } from '../model/board';
import { observeSessionState, readSessionState, type Phase } from '../model/session';

export interface PhaseState {
  phase: Phase;
  privateDrawing: boolean;
  /** Private drawing is in force now: participants see only their own drawing. */
  hiding: boolean;
}

const DEFAULT: PhaseState = { phase: 'drawing', privateDrawing: false, hiding: false };

function read(board: Board): PhaseState {
  const { phase, privateDrawing } = readSessionState(board.doc);
  return { phase, privateDrawing, hiding: privateDrawing && phase === 'drawing' };
}

export function usePhase(board: Board | null): PhaseState {
  const [state, setState] = useState<{ board: Board | null; phase: PhaseState }>({ board: null, phase: DEFAULT });
  useEffect(() => {
    if (!board) return;
    setState({ board, phase: read(board) });
    return observeSessionState(board.doc, () => {
      const next = read(board);
      setState((prev) =>
        prev.board === board && prev.phase.phase === next.phase && prev.phase.privateDrawing === next.privateDrawing ? prev : { board, phase: next },
      );
    });
  }, [board]);
  return state.board === board ? state.phase : DEFAULT;
}
