/**
 * The projector follows "Bring everyone to me" too: while the facilitator asks, the wall shows the
 * facilitator's area under its header (a sticky FollowController: nobody pans a projector), and the
 * drawing fit (useProjectorFit) rests. Returns whether it is following now.
 */
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { Editor } from '../editor/editor';
import { FollowController, type LeaderView } from '../editor/follow';
import type { Store } from '../editor/store';
import type { Board } from '../model/board';
import { useFollowRequest } from './useFollow';

const rafFrames = {
  request(fn: (time: number) => void): () => void {
    const id = requestAnimationFrame(fn);
    return () => cancelAnimationFrame(id);
  },
};

const OFF = { get: () => 'off' as const, subscribe: () => () => {} };

export function useProjectorFollow(editor: Editor, board: Board | null, leader: Store<LeaderView | null> | undefined, insetTop: number): boolean {
  const request = useFollowRequest(board);
  const inset = useRef(insetTop);
  const [controller, setController] = useState<FollowController | null>(null);
  useEffect(() => {
    if (!leader) return;
    const c = new FollowController(editor, rafFrames, { sticky: true, insetTop: () => inset.current });
    setController(c);
    const off = leader.subscribe(() => c.setLeader(leader.get()));
    c.setLeader(leader.get());
    return () => {
      off();
      c.destroy();
      setController(null);
    };
  }, [editor, leader]);
  useEffect(() => controller?.setRequest(request), [controller, request]);
  useEffect(() => {
    inset.current = insetTop;
    controller?.refit();
  }, [controller, insetTop]);
  const mode = useSyncExternalStore(controller?.mode.subscribe ?? OFF.subscribe, controller?.mode.get ?? OFF.get);
  return mode === 'following';
}
