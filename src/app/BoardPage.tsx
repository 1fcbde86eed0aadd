/** `/b/:id`: join first when this browser has no identity for the board, then the board itself. */
import { lazy, Suspense, useEffect, useState } from 'react';
import { isBoardId } from '../protocol/ids';
import { JoinCard } from '../ui/JoinCard';
import { MessagePage } from '../ui/MessagePage';
import { api } from './api';
import { forgetIdentity, loadIdentity, saveIdentity, type Identity } from './identity';

// The board (Konva, Yjs) loads as its own chunk: the home page and the join card stay light.
const BoardView = lazy(() => import('./BoardView').then((m) => ({ default: m.BoardView })));

type Lookup = { state: 'loading' } | { state: 'found'; title: string } | { state: 'missing' } | { state: 'error'; message: string };

export function BoardPage({ boardId }: { boardId: string }) {
  const valid = isBoardId(boardId);
  const [identity, setIdentity] = useState<Identity | null>(() => (valid ? loadIdentity(boardId) : null));
  const [lookup, setLookup] = useState<Lookup>({ state: 'loading' });

  useEffect(() => {
    if (!valid) return;
    let live = true;
    api.getBoard(boardId).then(
      (b) => live && setLookup(b ? { state: 'found', title: b.title } : { state: 'missing' }),
      (err: Error) => live && setLookup({ state: 'error', message: err.message }),
    );
    return () => {
      live = false;
    };
  }, [boardId, valid]);

  if (!valid || lookup.state === 'missing') {
    return <MessagePage title="Board not found" text="This board does not exist. Check the link, or ask the facilitator to send it again." action={{ label: 'Go to the start page', href: '/' }} />;
  }

  if (identity) {
    return (
      <Suspense fallback={<div className="board-page board-canvas" />}>
        <BoardView
          boardId={boardId}
          identity={identity}
          fallbackTitle={lookup.state === 'found' ? lookup.title : ''}
          onRejoin={
            lookup.state === 'found'
              ? () => {
                  forgetIdentity(boardId);
                  setIdentity(null);
                }
              : undefined
          }
        />
      </Suspense>
    );
  }

  if (lookup.state === 'error') return <MessagePage title="Cannot reach the board" text={lookup.message} />;

  const join = async (name: string) => {
    const r = await api.join(boardId, name);
    const id: Identity = { token: r.token, role: 'participant', participantId: r.participantId, name: r.name, color: r.color };
    saveIdentity(boardId, id);
    setIdentity(id);
  };

  return <JoinCard title={lookup.state === 'found' ? lookup.title : null} onJoin={join} />;
}
