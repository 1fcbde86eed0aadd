/**
 * Named transaction origins. The undo manager tracks only `LocalUser`, so undo never removes
 * somebody else's work; remote updates arrive with the sync provider as their origin.
 */
export const Origin = {
  /** A gesture or command of the person at this screen. Undoable. */
  LocalUser: 'local-user',
  /** Created by the server (board meta at creation). */
  Server: 'server',
  /** Schema migrations: never undoable. */
  Migration: 'migration',
  /** Bookkeeping a screen does on its own (a note keeping its last box when its target goes): never undoable. */
  Upkeep: 'upkeep',
  /** Board file import. */
  Import: 'import',
  /** Offline work dropped because the board was cleared meanwhile (epoch.ts). Never undoable. */
  Discard: 'discard',
} as const;
export type Origin = (typeof Origin)[keyof typeof Origin];
