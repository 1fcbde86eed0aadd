/** Who this browser is on a board: localStorage `sketchroom.identity.<boardId>` (contract). */
import { isRole, type Role } from '../protocol/roles';

export interface Identity {
  token: string;
  role: Role;
  participantId: string;
  name: string;
  color: string;
}

const key = (boardId: string) => `sketchroom.identity.${boardId}`;

export function loadIdentity(boardId: string): Identity | null {
  try {
    const raw = localStorage.getItem(key(boardId));
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

export function saveIdentity(boardId: string, identity: Identity): void {
  try {
    localStorage.setItem(key(boardId), JSON.stringify(identity));
  } catch {
    // Private mode without storage: the session still works until reload.
  }
}

export function forgetIdentity(boardId: string): void {
  try {
    localStorage.removeItem(key(boardId));
  } catch {
    // nothing to do
  }
}
