/**
 * Wires "Bring everyone to me" for one screen. The facilitator's screen publishes where it looks
 * (presence `view`) while the request is on; a participant's screen follows it with a
 * FollowController (src/editor/follow.ts). Also exposes this screen's camera to the test hook.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Editor } from '../editor/editor';
import { FollowController, leaderViewOf, type FollowMode, type LeaderView } from '../editor/follow';
import type { Store } from '../editor/store';
import { NO_FOLLOW, observeFollow, readFollow, setFollow, type FollowRequest } from '../model/follow';
import type { Board } from '../model/board';
import type { Role } from '../protocol/roles';
import type { BoardConnection } from '../sync/connection';
import { setTestHook } from './testHook';

export interface FollowState {
  /** The facilitator's request as the document says. */
  request: FollowRequest;
  /** This screen (participants): following, moved away, or nobody asks. */
  mode: FollowMode;
  stop(): void;
  follow(): void;
  /** Facilitator: bring everyone (a fresh press each time) or let them roam. */
  setOn(on: boolean): void;
}

const OFF = new (class {
  get = (): FollowMode => 'off';
  subscribe = () => () => {};
})();

const rafFrames = {
  request(fn: (time: number) => void): () => void {
    const id = requestAnimationFrame(fn);
    return () => cancelAnimationFrame(id);
  },
};

export function useFollowRequest(board: Board | null): FollowRequest {
  const [state, setState] = useState<{ board: Board | null; request: FollowRequest }>({ board: null, request: NO_FOLLOW });
  useEffect(() => {
    if (!board) return;
    setState({ board, request: readFollow(board.doc) });
    return observeFollow(board.doc, (request) => setState({ board, request }));
  }, [board]);
  return state.board === board ? state.request : NO_FOLLOW;
}

export function useFollow(editor: Editor, board: Board | null, connection: BoardConnection | null, leader: Store<LeaderView | null>, role: Role): FollowState {
  const request = useFollowRequest(board);
  const follows = role === 'participant';

  // Made in an effect (not during render), so it never outlives its subscription to the editor.
  const [controller, setController] = useState<FollowController | null>(null);
  useEffect(() => {
    if (!follows) return;
    const c = new FollowController(editor, rafFrames);
    setController(c);
    return () => {
      c.destroy();
      setController(null);
    };
  }, [follows, editor]);
  useEffect(() => controller?.setRequest(request), [controller, request]);
  useEffect(() => {
    if (!controller) return;
    controller.setLeader(leader.get());
    return leader.subscribe(() => controller.setLeader(leader.get()));
  }, [controller, leader]);

  // The facilitator's screen says where it looks while everyone is asked to follow.
  const publishes = role === 'facilitator' && request.on;
  useEffect(() => {
    if (!connection || !publishes) return;
    let last = '';
    const publish = () => {
      const view = leaderViewOf(editor.state.get());
      const key = JSON.stringify(view);
      if (key === last) return;
      last = key;
      connection.setView(view);
    };
    publish();
    const off = editor.subscribe(publish);
    return () => {
      off();
      connection.setView(null);
    };
  }, [connection, publishes, editor]);

  useEffect(() => {
    if (role === 'projector') return; // the projector view sets its own
    setTestHook({ camera: () => editor.camera });
    return () => setTestHook({ camera: undefined });
  }, [editor, role]);

  const modeStore = controller?.mode ?? OFF;
  const mode = useSyncExternalStore(modeStore.subscribe, modeStore.get);
  return {
    request,
    mode,
    stop: () => controller?.stop(),
    follow: () => controller?.follow(),
    setOn: (on) => {
      if (board && role === 'facilitator') setFollow(board.doc, on);
    },
  };
}
