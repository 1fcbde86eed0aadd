/**
 * What tools and actions act on: the current board (read at call time: after a reconnect with a
 * fresh document it is a new one), the editor state, hit testing and the permission rules.
 */
import type { Board } from '../model/board';
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
  /** Whether this person may add items right now. */
  mayCreate(): boolean;
  /**
   * Whether this person may write a note by `noteAuthor` on a target owned by `targetOwner`
   * (null: a bare area, or a target nobody owns).
   */
  mayNote(noteAuthor: string, targetOwner: string | null): boolean;
}

/** Permission checks from a role and participant id, reading the board's session flags each time. */
export function permissions(board: () => Board, role: Role, participantId: string): Pick<BoardContext, 'may' | 'mayCreate' | 'mayNote'> {
  const ctx = () => boardPermissionContext(board().doc);
  return {
    may: (action, item) =>
      can(role, { type: action === 'change' ? 'changeItem' : 'deleteItem', own: item.author === participantId }, ctx()),
    mayCreate: () => can(role, { type: 'createItem' }, ctx()),
    mayNote: (noteAuthor, targetOwner) =>
      can(role, { type: 'writeNote', ownNote: noteAuthor === participantId, ownTarget: targetOwner === participantId }, ctx()),
  };
}
