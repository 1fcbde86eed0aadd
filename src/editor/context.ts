/**
 * What tools and actions act on: the current board (read at call time: after a reconnect with a
 * fresh document it is a new one), the editor state, hit testing and the permission rules.
 */
import type { Board } from '../model/board';
import { easelOf, insideEasel, readEasels } from '../model/easels';
import { readEaselSettings } from '../model/easelSession';
import type { Item } from '../model/schema';
import { boardPermissionContext } from '../model/session';
import { can, type Role } from '../protocol/roles';
import type { Editor } from './editor';
import type { SceneIndex } from './sceneIndex';

export interface BoardContext {
  board(): Board;
  editor: Editor;
  scene(): SceneIndex;
  /** Whether this person may change or delete this item right now (role, author, session flags). */
  may(action: 'change' | 'delete', item: Item): boolean;
  /**
   * Whether this person may add items right now; given where the new items start (board points),
   * also whether they may start there (drawing limited to easels). A refusal for the place calls
   * the `hint` given to `permissions`, so the person learns why nothing happened.
   */
  mayCreate(at?: Point | readonly Point[]): boolean;
  /**
   * Whether this person may write a note by `noteAuthor` on a target owned by `targetOwner`
   * (null: a bare area, or a target nobody owns).
   */
  mayNote(noteAuthor: string, targetOwner: string | null): boolean;
}

type Point = { x: number; y: number };

export const EASEL_HINTS = {
  outside: 'Draw inside your own easel: the facilitator has kept drawing to easels.',
  noEasel: 'Your easel is on its way. Try again in a moment.',
} as const;

/**
 * Why a participant may not start something at these points (null: they may). Only when the
 * facilitator has turned on easels and "draw only in your easel"; the server checks the same.
 */
export function easelRefusal(board: Board, participantId: string, at: readonly Point[]): string | null {
  const settings = readEaselSettings(board.doc);
  if (!settings.easels || !settings.easelOnly) return null;
  const mine = easelOf(readEasels(board.doc), participantId);
  if (!mine) return EASEL_HINTS.noEasel;
  return at.every((p) => insideEasel(mine, p.x, p.y)) ? null : EASEL_HINTS.outside;
}

/** Permission checks from a role and participant id, reading the board's session flags each time. */
export function permissions(board: () => Board, role: Role, participantId: string, hint?: (text: string) => void): Pick<BoardContext, 'may' | 'mayCreate' | 'mayNote'> {
  const ctx = () => boardPermissionContext(board().doc);
  return {
    may: (action, item) =>
      can(role, { type: action === 'change' ? 'changeItem' : 'deleteItem', own: item.author === participantId }, ctx()),
    mayCreate: (at) => {
      if (!can(role, { type: 'createItem' }, ctx())) return false;
      if (at === undefined || role !== 'participant') return true;
      const refusal = easelRefusal(board(), participantId, Array.isArray(at) ? at : [at as Point]);
      if (refusal) hint?.(refusal);
      return refusal === null;
    },
    mayNote: (noteAuthor, targetOwner) =>
      can(role, { type: 'writeNote', ownNote: noteAuthor === participantId, ownTarget: targetOwner === participantId }, ctx()),
  };
}
