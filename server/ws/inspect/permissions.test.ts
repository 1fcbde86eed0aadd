/** Role x action matrix, through real documents: what each role may do to whose work. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Board, initBoardDoc } from '../../../src/model/board';
import type { Role } from '../../../src/protocol/roles';
import { docView } from './docView';
import { inspectUpdate } from './inspectUpdate';
import { checkPermissions } from './permissions';
import { DEFAULT_READ_LIMITS } from './readUpdate';
import { Refusal } from './refusal';

const stroke = { tool: 'pen' as const, color: '#112233', width: 4, points: [1, 2, 0.5, 5, 6, 0.5] };
type Act = 'create' | 'changeOwn' | 'deleteOwn' | 'changeOther' | 'deleteOther' | 'overwriteOther' | 'session' | 'meta' | 'spoofAuthor';

/** Server doc with one stroke by "me" (client 1) and one by "other" (client 2). */
function setup(): { server: Y.Doc; owners: Map<number, string>; mine: string; theirs: string } {
  const server = new Y.Doc();
  initBoardDoc(server, { title: 't', prompt: '', createdAt: 1 });
  const owners = new Map<number, string>([[server.clientID, '@server']]);
  const ids: string[] = [];
  for (const [clientID, who] of [[1, 'me'], [2, 'other']] as const) {
    const d = new Y.Doc();
    d.clientID = clientID;
    Y.applyUpdate(d, Y.encodeStateAsUpdate(server));
    ids.push(new Board(d, who).addStroke(stroke));
    Y.applyUpdate(server, Y.encodeStateAsUpdate(d, Y.encodeStateVector(server)));
    owners.set(clientID, who);
  }
  return { server, owners, mine: ids[0]!, theirs: ids[1]! };
}

function attempt(role: Role, act: Act): string {
  const { server, owners, mine, theirs } = setup();
  const me = new Y.Doc();
  me.clientID = 3;
  Y.applyUpdate(me, Y.encodeStateAsUpdate(server));
  const sv = Y.encodeStateVector(me);
  const board = new Board(me, 'me');
  const items = me.getMap('items') as Y.Map<Y.Map<unknown>>;
  switch (act) {
    case 'create': board.addStroke(stroke); break;
    case 'changeOwn': items.get(mine)!.set('x', 99); break;
    case 'deleteOwn': board.deleteItems([mine]); break;
    case 'changeOther': items.get(theirs)!.set('x', 99); break;
    case 'deleteOther': board.deleteItems([theirs]); break;
    case 'overwriteOther': items.set(theirs, new Y.Map()); break;
    case 'session': me.getMap('session').set('locked', true); break;
    case 'meta': me.getMap('meta').set('title', 'hijacked'); break;
    case 'spoofAuthor': new Board(me, 'other').addStroke(stroke); break;
  }
  const update = Y.encodeStateAsUpdate(me, sv);
  owners.set(3, 'me');
  try {
    const view = docView(server);
    const inspected = inspectUpdate(update, { doc: view, owners, participantId: 'me', newClientBudget: 4, limits: DEFAULT_READ_LIMITS });
    checkPermissions(inspected, { role, participantId: 'me', doc: view, owners, context: { locked: false, participantsMayEditOthers: false } });
    return 'ok';
  } catch (error) {
    if (error instanceof Refusal) return String(error.code);
    throw error;
  }
}

const EXPECTED: Record<Role, Record<Act, string>> = {
  facilitator: { create: 'ok', changeOwn: 'ok', deleteOwn: 'ok', changeOther: 'ok', deleteOther: 'ok', overwriteOther: 'ok', session: 'ok', meta: 'ok', spoofAuthor: 'ok' },
  participant: { create: 'ok', changeOwn: 'ok', deleteOwn: 'ok', changeOther: '4403', deleteOther: '4403', overwriteOther: '4403', session: '4403', meta: '4403', spoofAuthor: '4403' },
  projector: { create: '4403', changeOwn: '4403', deleteOwn: '4403', changeOther: '4403', deleteOther: '4403', overwriteOther: '4403', session: '4403', meta: '4403', spoofAuthor: '4403' },
};

describe('permissions matrix', () => {
  for (const role of Object.keys(EXPECTED) as Role[]) {
    it(`${role}`, () => {
      const got = Object.fromEntries((Object.keys(EXPECTED[role]) as Act[]).map((act) => [act, attempt(role, act)]));
      expect(got).toEqual(EXPECTED[role]);
    });
  }
});
