/** Live reads of the board's session for the board page: flags, timer, the server's clock, being online. */
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Board } from '../model/board';
import type { BoardMeta } from '../model/schema';
import {
  DEFAULT_SESSION, DEFAULT_TIMER, lockIfTimeIsUp, observeMeta, observeSession, observeSessionState, readSession, readSessionState, type SessionFlags, type TimerState,
} from '../model/session';
import { fetchServerTime, ServerClock } from '../sync/serverClock';

/** The browser's online flag, live. */
export function useOnline(): boolean {
  return useSyncExternalStore(
    (cb) => {
      window.addEventListener('online', cb);
      window.addEventListener('offline', cb);
      return () => {
        window.removeEventListener('online', cb);
        window.removeEventListener('offline', cb);
      };
    },
    () => navigator.onLine,
  );
}

/** The facilitator's session flags (locked, allowEditOthers), live. */
export function useSessionFlags(board: Board | null): SessionFlags {
  const [flags, setFlags] = useState<{ board: Board | null; flags: SessionFlags }>({ board: null, flags: DEFAULT_SESSION });
  useEffect(() => {
    if (!board) return;
    setFlags({ board, flags: readSession(board.doc) });
    return observeSession(board.doc, (f) => setFlags({ board, flags: f }));
  }, [board]);
  return flags.board === board ? flags.flags : DEFAULT_SESSION;
}

/** The shared timer and the projector switch, live. */
export function useTimer(board: Board | null): { timer: TimerState; showJoinCode: boolean } {
  const [timer, setTimer] = useState<{ board: Board | null; timer: TimerState; showJoinCode: boolean }>({ board: null, timer: DEFAULT_TIMER, showJoinCode: true });
  useEffect(() => {
    if (!board) return;
    const s0 = readSessionState(board.doc);
    setTimer({ board, timer: s0.timer, showJoinCode: s0.showJoinCode });
    return observeSessionState(board.doc, (s) => setTimer({ board, timer: s.timer, showJoinCode: s.showJoinCode }));
  }, [board]);
  return timer.board === board ? timer : { timer: DEFAULT_TIMER, showJoinCode: true };
}

/** The server's clock, estimated for this page (the timer counts down on it on every screen). */
export function useServerClock(): ServerClock {
  const [clock] = useState(() => new ServerClock({ fetchServerNow: () => fetchServerTime() }));
  useEffect(() => {
    clock.start();
    return () => clock.stop();
  }, [clock]);
  return clock;
}

/**
 * Locks drawing when the time is up, on the facilitator's screens only (nobody else may write the
 * session). lockIfTimeIsUp marks the run in the same transaction, so it happens once.
 */
export function useLockWhenTimeIsUp(board: Board | null, due: boolean, clock: ServerClock): void {
  useEffect(() => {
    if (!board || !due) return;
    const check = () => lockIfTimeIsUp(board.doc, clock.now());
    check();
    const id = setInterval(check, 250);
    return () => clearInterval(id);
  }, [board, due, clock]);
}

/** The board's title and prompt (meta), read after each sync and on every change (the facilitator edits the prompt). */
export function useBoardMeta(board: Board | null, synced: boolean): BoardMeta | null {
  const [meta, setMeta] = useState<{ board: Board; meta: BoardMeta } | null>(null);
  useEffect(() => {
    if (!board || !synced) return;
    setMeta({ board, meta: board.getMeta() });
    return observeMeta(board.doc, () => setMeta({ board, meta: board.getMeta() }));
  }, [board, synced]);
  return meta && meta.board === board ? meta.meta : null;
}
