/** The facilitator's commands on the board, bound to its document (null for everyone else). */
import { useMemo } from 'react';
import type { Board } from '../model/board';
import { clearBoard } from '../model/clearBoard';
import { setEaselOnly, setEaselsOn, setProjector } from '../model/easelSession';
import { addMinute, pauseTimer, resumeTimer, setPhase, setPrompt, setSessionFlags, setShowJoinCode, startTimer, stopTimer, updateTimer } from '../model/session';
import type { ServerClock } from '../sync/serverClock';
import type { EaselActions } from '../ui/facilitate/EaselsSection';
import type { FacilitatorActions } from '../ui/facilitate/FacilitatePanel';

export function useFacilitatorActions(board: Board | null, isFacilitator: boolean, clock: ServerClock): FacilitatorActions | null {
  return useMemo<FacilitatorActions | null>(() => {
    if (!board || !isFacilitator) return null;
    const doc = board.doc;
    return {
      savePrompt: (prompt) => setPrompt(doc, prompt),
      startTimer: (ms) => updateTimer(doc, (t) => startTimer(t, ms, clock.now())),
      pauseTimer: () => updateTimer(doc, (t) => pauseTimer(t, clock.now())),
      resumeTimer: () => updateTimer(doc, (t) => resumeTimer(t, clock.now())),
      addMinute: () => updateTimer(doc, (t) => addMinute(t, clock.now())),
      stopTimer: () => updateTimer(doc, stopTimer),
      setLockWhenDone: (lockWhenDone) => updateTimer(doc, (t) => ({ ...t, lockWhenDone })),
      setLocked: (locked) => setSessionFlags(doc, { locked }),
      setShowJoinCode: (show) => setShowJoinCode(doc, show),
      // One command, so one step of the facilitator's undo brings everything back (easels stay).
      clearBoard: () => void clearBoard(doc, board.history),
      setPhase: (patch) => setPhase(doc, patch),
    };
  }, [board, isFacilitator, clock]);
}

export function useEaselActions(board: Board | null, isFacilitator: boolean): EaselActions | null {
  return useMemo<EaselActions | null>(() => {
    if (!board || !isFacilitator) return null;
    const doc = board.doc;
    return {
      setEasels: (on) => setEaselsOn(doc, on),
      setEaselOnly: (on) => setEaselOnly(doc, on),
      setProjector: (p) => setProjector(doc, p),
    };
  }, [board, isFacilitator]);
}
