/**
 * Read-only view of the board's `session` map (facilitator state, written only by the facilitator;
 * the server enforces it): whether drawing is paused and whether participants may change others'
 * work. Reads are lenient: anything but a real `true` counts as the default.
 */
import type * as Y from 'yjs';
import type { PermissionContext } from '../protocol/roles';

export interface SessionFlags {
  /** Participants may not write while true. */
  locked: boolean;
  /** Participants may change or delete others' items. Off by default. */
  allowEditOthers: boolean;
}

export const DEFAULT_SESSION: SessionFlags = { locked: false, allowEditOthers: false };

export function readSession(doc: Y.Doc): SessionFlags {
  const session = doc.getMap<unknown>('session');
  return { locked: session.get('locked') === true, allowEditOthers: session.get('allowEditOthers') === true };
}

/** Calls `listener` with the new flags whenever one of them changes. Returns the unsubscribe. */
export function observeSession(doc: Y.Doc, listener: (flags: SessionFlags) => void): () => void {
  const session = doc.getMap<unknown>('session');
  let last = readSession(doc);
  const onChange = () => {
    const next = readSession(doc);
    if (next.locked === last.locked && next.allowEditOthers === last.allowEditOthers) return;
    last = next;
    listener(next);
  };
  session.observe(onChange);
  return () => session.unobserve(onChange);
}

/** The context `can()` / `canDraw()` need, from the session flags. */
export function permissionContext(flags: SessionFlags): PermissionContext {
  return { locked: flags.locked, participantsMayEditOthers: flags.allowEditOthers };
}
