/**
 * `/b/:id`: join first when this browser has no identity for the board, then the board itself.
 * `/b/:id#key=<secret>` (facilitator and projector links): the key is exchanged for an identity
 * (GET /api/boards/:id/me), stored, and stripped from the address at once.
 */
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { isBoardId } from '../protocol/ids';
import { JoinCard } from '../ui/JoinCard';
import { MessagePage } from '../ui/MessagePage';
import { api, ApiError } from './api';
import { forgetIdentity, loadIdentity, saveIdentity, saveLastName, saveLinkedIdentity, updateIdentity, type Identity } from './identity';
import { parseKeyFragment, takeKeyFromLocation } from './keyFragment';

// The board (Konva, Yjs) loads as its own chunk: the home page and the join card stay light.
const BoardView = lazy(() => import('./BoardView').then((m) => ({ default: m.BoardView })));

type Lookup = { state: 'loading' } | { state: 'found'; title: string } | { state: 'missing' } | { state: 'error'; message: string };
type Claim = { state: 'none' } | { state: 'pending'; key: string } | { state: 'failed'; message: string };

export function BoardPage({ boardId }: { boardId: string }) {
  const valid = isBoardId(boardId);
  // Read (not yet strip) the key during render: StrictMode may run this twice.
  const [claim, setClaim] = useState<Claim>(() => {
    const key = valid ? parseKeyFragment(location.hash) : null;
    return key ? { state: 'pending', key } : { state: 'none' };
  });
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

  const pendingKey = claim.state === 'pending' ? claim.key : null;
  useEffect(() => {
    if (!pendingKey) return;
    takeKeyFromLocation(); // the secret leaves the address bar and the history entry now
    let live = true;
    api.me(boardId, pendingKey).then(
      (me) => {
        if (!live) return;
        const id: Identity = { token: pendingKey, role: me.role, participantId: me.participantId, name: me.name, color: me.color };
        saveLinkedIdentity(boardId, id);
        setIdentity(id);
        setClaim({ state: 'none' });
      },
      (err: Error) => {
        if (!live) return;
        const refused = err instanceof ApiError && (err.status === 401 || err.status === 403);
        setClaim({ state: 'failed', message: refused ? 'This link does not work any more. Ask the facilitator for a new one.' : err.message });
      },
    );
    return () => {
      live = false;
    };
  }, [boardId, pendingKey]);

  const onIdentityChange = useCallback(
    (next: Identity) => {
      updateIdentity(boardId, next);
      setIdentity(next);
    },
    [boardId],
  );

  if (!valid || lookup.state === 'missing') {
    return <MessagePage title="Board not found" text="This board does not exist. Check the link, or ask the facilitator to send it again." action={{ label: 'Go to the start page', href: '/' }} />;
  }

  if (claim.state === 'pending') return <div className="board-page board-canvas" aria-busy="true" />;
  if (claim.state === 'failed' && !identity) {
    return <MessagePage title="This link does not work" text={claim.message} action={{ label: 'Join with a code instead', href: '/join' }} />;
  }

  if (identity) {
    return (
      <Suspense fallback={<div className="board-page board-canvas" />}>
        <BoardView
          boardId={boardId}
          identity={identity}
          fallbackTitle={lookup.state === 'found' ? lookup.title : ''}
          onIdentityChange={onIdentityChange}
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
    saveLastName(r.name);
    setIdentity(id);
  };

  return <JoinCard title={lookup.state === 'found' ? lookup.title : null} onJoin={join} />;
}
