/**
 * "Bring everyone to me": the facilitator's request, `session.follow = { on, since }` (one plain
 * value replaced whole; facilitator only, the server refuses anyone else). `since` marks the press:
 * a fresh press has a new one, so participants who had moved away follow again. Where to look
 * travels in the facilitator's presence (`view`), never in the document.
 */
import type * as Y from 'yjs';
import { Origin } from './origins';

export interface FollowRequest {
  on: boolean;
  /** When the facilitator pressed "Bring everyone to me" (their clock, ms); identifies the press. */
  since: number;
}

export const NO_FOLLOW: FollowRequest = { on: false, since: 0 };

/** Reads `session.follow` leniently: anything malformed is "not asked". */
export function parseFollow(value: unknown): FollowRequest {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return NO_FOLLOW;
  const v = value as Record<string, unknown>;
  const since = typeof v.since === 'number' && Number.isFinite(v.since) ? v.since : 0;
  return v.on === true ? { on: true, since } : { on: false, since };
}

export function readFollow(doc: Y.Doc): FollowRequest {
  return parseFollow(doc.getMap<unknown>('session').get('follow'));
}

/** Calls `listener` when the request changes (a new press included). Returns the unsubscribe. */
export function observeFollow(doc: Y.Doc, listener: (request: FollowRequest) => void): () => void {
  const session = doc.getMap<unknown>('session');
  let last = readFollow(doc);
  const onChange = (event: Y.YMapEvent<unknown>) => {
    if (!event.keysChanged.has('follow')) return;
    const next = readFollow(doc);
    if (next.on === last.on && next.since === last.since) return;
    last = next;
    listener(next);
  };
  session.observe(onChange);
  return () => session.unobserve(onChange);
}

/** "Bring everyone to me" (a new press each time) or "Let everyone roam". Not undoable, like every setting. */
export function setFollow(doc: Y.Doc, on: boolean, now: number = Date.now()): void {
  const prev = readFollow(doc);
  // A press must differ from the last one even within the same millisecond.
  const since = on ? Math.max(Math.round(now), prev.since + 1) : prev.since;
  doc.transact(() => doc.getMap<unknown>('session').set('follow', { on, since }), Origin.LocalUser);
}
