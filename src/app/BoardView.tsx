/** The board screen: canvas, top bar, toolbar, notices. Composition only; the parts do the work. */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { BoardCanvas } from '../canvas/BoardCanvas';
import type { BoardMeta } from '../model/schema';
import type { ConnectionLabel } from '../ui/ConnectionStatus';
import { EmptyHint } from '../ui/EmptyHint';
import { Notice } from '../ui/Notice';
import { Toolbar } from '../ui/Toolbar';
import { TopBar } from '../ui/TopBar';
import type { Identity } from './identity';
import { useBoardSession } from './useBoardSession';
import type { ConnectionState } from '../sync/connection';
import { useKeyboardShortcuts } from './useKeyboardShortcuts';

function useOnline(): boolean {
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

function connectionLabel(state: ConnectionState | null, online: boolean): ConnectionLabel {
  if (!state) return 'connecting';
  if (state.stopped || !online) return 'offline';
  if (state.status === 'connected' && state.synced) return 'connected';
  return state.everSynced ? 'reconnecting' : 'connecting';
}

interface Props {
  boardId: string;
  identity: Identity;
  fallbackTitle: string;
  /** Forget this identity and show the join card (after the server refused the token). */
  onRejoin?: () => void;
}

export function BoardView({ boardId, identity, fallbackTitle, onRejoin }: Props) {
  const session = useBoardSession(boardId, identity);
  const { editor, live, peers, connection, state } = session;
  // A refused token will never sync again: offering the pen would only lose ink.
  const tool = state?.stopped ? null : session.tool;
  const online = useOnline();
  const peerList = useSyncExternalStore(peers.subscribe, peers.get);
  const board = state?.board ?? null;
  const [meta, setMeta] = useState<BoardMeta | null>(null);
  const [itemCount, setItemCount] = useState(0);

  useEffect(() => {
    if (!board) return;
    const read = () => setItemCount(board.size);
    read();
    return board.subscribe(read);
  }, [board]);

  // The title lives in the document's meta, written once at creation: read it after each sync.
  useEffect(() => {
    if (board && state?.synced) setMeta(board.getMeta());
  }, [board, state?.synced]);

  useKeyboardShortcuts(editor, tool);

  const message = state?.message ?? null;
  const others = new Set(peerList.map((p) => p.participantId)).size;

  return (
    <div className="board-page">
      {board && (
        <BoardCanvas board={board} editor={editor} live={live} peers={peers} tool={tool} onCursor={(c) => connection?.setCursor(c)} />
      )}
      {state?.synced && itemCount === 0 && <EmptyHint canDraw={tool !== null} />}
      <TopBar
        title={meta?.title || fallbackTitle}
        prompt={meta?.prompt ?? ''}
        me={{ name: identity.name, color: identity.color }}
        others={others}
        connection={connectionLabel(state, online)}
      />
      {tool && <Toolbar editor={editor} />}
      {message && (
        <Notice
          text={message}
          tone={state?.stopped ? 'error' : 'info'}
          onDismiss={state?.stopped ? undefined : () => connection?.dismissMessage()}
          action={state?.stopped && onRejoin ? { label: 'Join again', run: onRejoin } : undefined}
        />
      )}
    </div>
  );
}

