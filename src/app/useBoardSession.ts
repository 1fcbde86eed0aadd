/**
 * Wires one board session: editor state, live strokes, presence, the connection and the pen.
 * The connection is created in an effect (not during render) so React never leaks a socket.
 */
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { Editor } from '../editor/editor';
import { fanOut } from '../editor/live';
import { LiveStrokes } from '../editor/liveStrokes';
import { createPeers } from '../editor/presence';
import { randomId } from '../lib/ids';
import { canDraw } from '../protocol/roles';
import { BoardConnection, type ConnectionState } from '../sync/connection';
import { PenTool } from '../tools/pen/penTool';
import type { Tool } from '../tools/types';
import type { Identity } from './identity';
import { setTestHook } from './testHook';

export interface BoardSession {
  editor: Editor;
  live: LiveStrokes;
  peers: ReturnType<typeof createPeers>;
  connection: BoardConnection | null;
  state: ConnectionState | null;
  tool: Tool | null;
}

const noState = () => () => {};
const nothing = () => null;

export function useBoardSession(boardId: string, identity: Identity): BoardSession {
  const [editor] = useState(() => new Editor());
  const [live] = useState(() => new LiveStrokes());
  const [peers] = useState(createPeers);
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
    });
    setConnection(c);
    return () => {
      c.destroy();
      setConnection(null);
    };
  }, [boardId, token, participantId, role, live, peers]);

  useEffect(() => {
    connection?.setUser({ id: participantId, name: identity.name, color: identity.color, role });
  }, [connection, participantId, role, identity.name, identity.color]);

  const state = useSyncExternalStore(connection ? connection.state.subscribe : noState, connection ? connection.state.get : nothing);

  useEffect(() => {
    setTestHook({
      board: state?.board ?? null,
      status: state?.status ?? 'connecting',
      synced: state?.synced ?? false,
      identity,
    });
  }, [state, identity]);
  useEffect(() => () => setTestHook({ board: null, status: 'disconnected', synced: false, identity: null }), []);

  const tool = useMemo<Tool | null>(() => {
    if (!connection || !canDraw(identity.role)) return null;
    return new PenTool({
      // Read the board at commit time: after a restart (4400/4403) it is a fresh one.
      addStroke: (s) => connection.board.addStroke(s),
      style: () => editor.style,
      zoom: () => editor.camera.zoom,
      live: fanOut(live.localSink(), connection.liveSink),
      newId: () => randomId(),
    });
  }, [connection, identity.role, editor, live]);

  return { editor, live, peers, connection, state, tool };
}
