/**
 * Roles and the permission rules shared by the UI and the server. The server is the authority; the
 * UI asks the same functions so that it never offers what the server would refuse.
 */
export const ROLES = ['facilitator', 'participant', 'projector'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** What the board's session state says, as far as permissions care. */
export interface PermissionContext {
  /** Participants may not write while the facilitator has locked the board. */
  locked: boolean;
  /** Board setting: participants may change or delete others' work. Off by default. */
  participantsMayEditOthers: boolean;
  /** Board setting: participants may pin notes to their own drawings. Off by default (absent = off). */
  participantNotes?: boolean;
}

export const DEFAULT_PERMISSION_CONTEXT: PermissionContext = {
  locked: false,
  participantsMayEditOthers: false,
};

export type Action =
  | { type: 'createItem' }
  | { type: 'changeItem'; own: boolean }
  | { type: 'deleteItem'; own: boolean }
  | { type: 'changeFacilitatorState' }
  /**
   * Add, change or delete a note pinned to a region. A participant needs the board's
   * `participantNotes` setting, a note of their own, and a target (item or easel) of their own.
   */
  | { type: 'writeNote'; ownNote: boolean; ownTarget: boolean }
  | { type: 'setPresence' };

export function can(role: Role, action: Action, ctx: PermissionContext = DEFAULT_PERMISSION_CONTEXT): boolean {
  if (role === 'projector') return false;
  if (role === 'facilitator') return true;
  switch (action.type) {
    case 'setPresence':
      return true;
    case 'changeFacilitatorState':
      return false;
    case 'writeNote':
      return !ctx.locked && ctx.participantNotes === true && action.ownNote && action.ownTarget;
    case 'createItem':
      return !ctx.locked;
    case 'changeItem':
    case 'deleteItem':
      return !ctx.locked && (action.own || ctx.participantsMayEditOthers);
  }
}

/** Whether this role may write to the board document at all right now. */
export function canDraw(role: Role, ctx: PermissionContext = DEFAULT_PERMISSION_CONTEXT): boolean {
  return can(role, { type: 'createItem' }, ctx);
}
