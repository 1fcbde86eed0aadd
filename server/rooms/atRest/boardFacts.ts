/**
 * What the role rules and the easel keeper read from a board's document besides its entries: the
 * session's permissions and the easels. Only the facilitator and the server change them, always
 * through the loaded document (entryChanges.ts never takes such a change at rest), so a resting
 * room keeps the facts read when it went to rest and they stay true until it loads again.
 */
import type * as Y from 'yjs';
import { readEasels } from '../../../src/model/easels';
import { readEaselSettings } from '../../../src/model/easelSession';
import type { Easel } from '../../../src/model/schema';
import { boardPermissionContext } from '../../../src/model/session';
import type { PermissionContext } from '../../../src/protocol/roles';

export interface BoardFacts {
  context: PermissionContext;
  easels: { on: boolean; only: boolean; list: readonly Easel[] };
}

/** The easel settings, and the easels while they are on (off, nothing reads them). */
export function readEaselFacts(doc: Y.Doc): BoardFacts['easels'] {
  const settings = readEaselSettings(doc);
  return { on: settings.easels, only: settings.easelOnly, list: settings.easels ? readEasels(doc) : [] };
}

export function readBoardFacts(doc: Y.Doc): BoardFacts {
  return { context: boardPermissionContext(doc), easels: readEaselFacts(doc) };
}
