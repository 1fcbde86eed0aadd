/**
 * Wires one board session: editor state, live strokes, presence, the connection and the pen.
 * The connection is created in an effect (not during render) so React never leaks a socket.
 */
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { Editor } from '../editor/editor';
import { fanOut } from '../editor/live';
import type { LeaderView } from '../editor/follow';
import { createLaserSink, LaserTrails } from '../editor/laser';
import { LiveStrokes } from '../editor/liveStrokes';
import { Store } from '../editor/store';
import { createPeers } from '../editor/presence';
import { randomId } from '../lib/ids';
import { canDraw } from '../protocol/roles';
import { BoardConnection, type ConnectionState } from '../sync/connection';
import { permissions } from '../editor/context';
import { SceneIndex } from '../editor/sceneIndex';
import type { Board } from '../model/board';
import { createTools, ToolManager } from '../tools/manager';
import type { ToolContext } from '../tools/types';
import { canvasMeasure } from './measureText';
import type { Identity } from './identity';
import { setTestHook } from './testHook';

export interface BoardSession {
  editor: Editor;
  live: LiveStrokes;
  peers: ReturnType<typeof createPeers>;
  /** Laser trails on this screen (the facilitator's own and remote ones). */
  lasers: LaserTrails;
  /** The facilitator's view while they ask everyone to follow (from presence). */
  leader: Store<LeaderView | null>;
  connection: BoardConnection | null;
  state: ConnectionState | null;
  tool: ToolManager | null;
  /** Tool context for actions and the text overlay (null until connected). */
  ctx: ToolContext | null;
  /** Why the last press drew nothing (outside my easel), with a counter so a repeat shows again. */
  hint: Store<{ text: string; n: number } | null>;
}

const noState = () => () => {};
const nothing = () => null;

export function useBoardSession(boardId: string, identity: Identity): BoardSession {
  const [editor] = useState(() => new Editor());
  const [live] = useState(() => new LiveStrokes());
  const [peers] = useState(createPeers);
  const [hint] = useState(() => new Store<{ text: string; n: number } | null>(null));
  const [lasers] = useState(() => new LaserTrails());
  const [leader] = useState(() => new Store<LeaderView | null>(null));
  const [connection, setConnection] = useState<BoardConnection | null>(null);
  // A new name (rename) goes to presence; only a new token, person or role needs a new connection.
  const latest = useRef(identity);
  useEffect(() => {
    latest.current = identity;
  }, [identity]);
  const { token, participantId, role } = identity;

  useEffect(() => {
    const { name, color } = latest.current;
    const c = new BoardConnection({
      boardId,
      token,
      user: { id: participantId, name, color, role },
      live,
      peers,
      lasers,
      leader,
    });
    setConnection(c);
    return () => {
      c.destroy();
      setConnection(null);
    };
  }, [boardId, token, participantId, role, live, peers, lasers, leader]);

  useEffect(() => {
    connection?.setUser({ id: participantId, name: identity.name, color: identity.color, role });
  }, [connection, participantId, role, identity.name, identity.color]);

  const state = useSyncExternalStore(connection ? connection.state.subscribe : noState, connection ? connection.state.get : nothing);

  useEffect(() => {
    setTestHook({
      board: state?.board ?? null,
      status: state?.status ?? 'connecting',
      synced: state?.synced ?? false,
      saved: state?.saved ?? false,
      identity,
      camera: () => editor.camera,
    });
  }, [state, identity, editor]);
  useEffect(() => () => setTestHook({ board: null, status: 'disconnected', synced: false, identity: null }), []);

  const ctx = useMemo<ToolContext | null>(() => {
    if (!connection) return null;
    // One hit-test index per board: after a restart (4400/4403) the connection has a fresh board.
    const scenes = new WeakMap<Board, SceneIndex>();
    const scene = () => {
      const board = connection.board;
      let s = scenes.get(board);
      if (!s) {
        s = new SceneIndex(board, canvasMeasure);
        scenes.set(board, s);
      }
      return s;
    };
    const pending = new Map<string, () => void>();
    let raf = 0;
    const run = () => {
      raf = 0;
      const fns = [...pending.values()];
      pending.clear();
      for (const fn of fns) fn();
    };
    return {
      board: () => connection.board,
      editor,
      scene,
      ...permissions(() => connection.board, identity.role, identity.participantId, (text) => hint.set({ text, n: (hint.get()?.n ?? 0) + 1 })),
      live: fanOut(live.localSink(), connection.liveSink),
      // The laser is the facilitator's: other screens' tools never get one.
      laser: identity.role === 'facilitator' ? createLaserSink(lasers, (trail) => connection.setLaser(trail)) : undefined,
      newId: () => randomId(),
      frame: (key, fn) => {
        pending.set(key, fn);
        if (!raf) raf = requestAnimationFrame(run);
      },
      flushFrames: () => {
        if (raf) cancelAnimationFrame(raf);
        run();
      },
      dropFrames: () => {
        if (raf) cancelAnimationFrame(raf);
        raf = 0;
        pending.clear();
      },
    };
  }, [connection, identity, editor, live, hint, lasers]);

  const tool = useMemo<ToolManager | null>(() => {
    if (!ctx || !canDraw(identity.role)) return null;
    return new ToolManager(editor, createTools(ctx));
  }, [ctx, identity.role, editor]);
  useEffect(() => () => tool?.destroy(), [tool]);

  // Selection, hover and the text being edited follow items that others delete or undo away.
  const board = state?.board ?? null;
  useEffect(() => {
    if (!board) return;
    editor.pruneSelection((id) => !!board.getItem(id));
    const off = board.subscribe((change) => {
      if (change.removed.size > 0) editor.pruneSelection((id) => !!board.getItem(id));
    });
    // Build the hit-test index when the browser is idle, not on the first click.
    const idle = window.requestIdleCallback?.(() => ctx?.scene().warm(), { timeout: 3000 });
    return () => {
      off();
      if (idle !== undefined) window.cancelIdleCallback(idle);
    };
  }, [board, editor, ctx]);

  return { editor, live, peers, lasers, leader, connection, state, tool, ctx, hint };
}
