/**
 * Read-only view of the board's `session` map (facilitator state, written only by the facilitator;
 * the server enforces it): whether drawing is paused and whether participants may change others'
 * work. Reads are lenient: anything but a real `true` counts as the default.
 */
import type * as Y from 'yjs';
import { Origin } from './origins';
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

/**
 * Sets session flags (facilitator only: the server refuses this from anyone else). Not part of the
 * undo history: a setting is switched back with the same switch.
 */
export function setSessionFlags(doc: Y.Doc, patch: Partial<SessionFlags>): void {
  const session = doc.getMap<unknown>('session');
  doc.transact(() => {
    for (const [key, value] of Object.entries(patch)) {
      if (typeof value === 'boolean' && session.get(key) !== value) session.set(key, value);
    }
  }, Origin.LocalUser);
}
