/**
 * Who this browser is on a board: localStorage `sketchroom.identity.<boardId>` (contract).
 * A projector link opened in a browser that already holds a person's identity for the board (the
 * facilitator's laptop driving the projector) is kept for that tab only (sessionStorage), so it
 * never turns the facilitator's own window into a read-only screen.
 */
import { isRole, type Role } from '../protocol/roles';

export interface Identity {
  token: string;
  role: Role;
  participantId: string;
  name: string;
  color: string;
}

const key = (boardId: string) => `sketchroom.identity.${boardId}`;

function read(storage: Storage, boardId: string): Identity | null {
  try {
    const raw = storage.getItem(key(boardId));
    if (!raw) return null;
    const v = JSON.parse(raw) as Partial<Identity>;
    if (typeof v.token !== 'string' || !isRole(v.role) || typeof v.participantId !== 'string' || typeof v.name !== 'string' || typeof v.color !== 'string') {
      return null;
    }
    return { token: v.token, role: v.role, participantId: v.participantId, name: v.name, color: v.color };
  } catch {
    return null; // storage blocked or corrupt: the person simply joins again
  }
}

function write(storage: Storage, boardId: string, identity: Identity | null): void {
  try {
    if (identity) storage.setItem(key(boardId), JSON.stringify(identity));
    else storage.removeItem(key(boardId));
  } catch {
    // Private mode without storage: the session still works until reload.
  }
}

export function loadIdentity(boardId: string): Identity | null {
  return read(sessionStorage, boardId) ?? read(localStorage, boardId);
}

export function saveIdentity(boardId: string, identity: Identity): void {
  // Whatever this tab held only for itself is replaced by the identity it uses from now on.
  write(sessionStorage, boardId, null);
  write(localStorage, boardId, identity);
}

/** An identity that arrived with a facilitator or projector link (`#key=`). */
export function saveLinkedIdentity(boardId: string, identity: Identity): void {
  const stored = read(localStorage, boardId);
  if (identity.role === 'projector' && stored && stored.role !== 'projector' && stored.participantId !== identity.participantId) {
    write(sessionStorage, boardId, identity);
    return;
  }
  saveIdentity(boardId, identity);
}

/** Keeps where the identity lives (tab or browser), with new fields (a new name). */
export function updateIdentity(boardId: string, identity: Identity): void {
  if (read(sessionStorage, boardId)) write(sessionStorage, boardId, identity);
  else write(localStorage, boardId, identity);
}

export function forgetIdentity(boardId: string): void {
  write(sessionStorage, boardId, null);
  write(localStorage, boardId, null);
}

const NAME_KEY = 'sketchroom.lastName';

/** The name this device last joined with, to fill in the next join form. */
export function loadLastName(): string {
  try {
    return localStorage.getItem(NAME_KEY) ?? '';
  } catch {
    return '';
  }
}

export function saveLastName(name: string): void {
  try {
    localStorage.setItem(NAME_KEY, name);
  } catch {
    // nothing to do
  }
}
