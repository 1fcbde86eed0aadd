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

export function readBoardFacts(doc: Y.Doc): BoardFacts {
  const settings = readEaselSettings(doc);
  return { context: boardPermissionContext(doc), easels: { on: settings.easels, only: settings.easelOnly, list: readEasels(doc) } };
}
