/** Role x action matrix, through real documents: what each role may do to whose work. */
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Board, initBoardDoc } from '../../../src/model/board';
import { decodeStrokeRecord, encodeStrokeRecord } from '../../../src/model/strokeRecord';
import type { PermissionContext, Role } from '../../../src/protocol/roles';
import { docView } from './docView';
import { inspectUpdate } from './inspectUpdate';
import { checkPermissions } from './permissions';
import { DEFAULT_READ_LIMITS } from './readUpdate';
import { Refusal } from './refusal';

const stroke = { tool: 'pen' as const, color: '#112233', width: 4, points: [1, 2, 0.5, 5, 6, 0.5] };
const shape = { kind: 'shape' as const, shape: 'rect' as const, x: 0, y: 0, rotation: 0, w: 10, h: 10, color: '#112233', width: 2, fill: 'none' as const };

const ACTS = [
  'create', 'createShape', 'spoofAuthor', 'spoofShapeAuthor', 'shapeWithoutAuthor',
  'changeOwn', 'recolourOwn', 'deleteOwn', 'changeOwnShape', 'deleteOwnShape', 'replaceOwnShape', 'giveAwayOwn', 'forgeOwnShapeAuthor', 'dropOwnShapeAuthor',
  'changeOther', 'deleteOther', 'changeOtherShape', 'deleteOtherShape', 'overwriteOther', 'takeOverOther', 'silentReplaceOther',
  'session', 'meta', 'frames', 'annotations',
  'malformedRecord', 'binaryInShape',
] as const;
type Act = (typeof ACTS)[number];

interface Fixture {
  server: Y.Doc;
  owners: Map<number, string>;
  mine: string;
  theirs: string;
  myShape: string;
  theirShape: string;
}

/** Server doc with a stroke and a shape by "me" (client 1) and by "other" (client 2). */
function setup(): Fixture {
  const server = new Y.Doc();
  initBoardDoc(server, { title: 't', prompt: '', createdAt: 1 });
  const owners = new Map<number, string>([[server.clientID, '@server']]);
  const ids: string[] = [];
  for (const [clientID, who] of [[1, 'me'], [2, 'other']] as const) {
    const d = new Y.Doc();
    d.clientID = clientID;
    Y.applyUpdate(d, Y.encodeStateAsUpdate(server));
    const b = new Board(d, who);
    ids.push(b.addStroke(stroke), b.addItem(shape));
    Y.applyUpdate(server, Y.encodeStateAsUpdate(d, Y.encodeStateVector(server)));
    owners.set(clientID, who);
  }
  return { server, owners, mine: ids[0]!, myShape: ids[1]!, theirs: ids[2]!, theirShape: ids[3]! };
}

/** The trailing delete set of an update that deletes exactly one struct, replaced by an empty one. */
function withoutDeleteSet(update: Uint8Array, deleted: Y.ID): Uint8Array {
  const enc = encoding.createEncoder();
  for (const n of [1, deleted.client, 1, deleted.clock, 1]) encoding.writeVarUint(enc, n);
  const ds = encoding.toUint8Array(enc);
  const tail = update.subarray(update.length - ds.length);
  expect([...tail]).toEqual([...ds]);
  return Uint8Array.from([...update.subarray(0, update.length - ds.length), 0]);
}

function attempt(role: Role, act: Act, context: PermissionContext): string {
  const { server, owners, mine, theirs, myShape, theirShape } = setup();
  const me = new Y.Doc();
  me.clientID = 3;
  Y.applyUpdate(me, Y.encodeStateAsUpdate(server));
  const sv = Y.encodeStateVector(me);
  const board = new Board(me, 'me');
  const items = me.getMap<unknown>('items');
  const mapOf = (id: string): Y.Map<unknown> => items.get(id) as Y.Map<unknown>;
  const recordWith = (id: string, author: string): Uint8Array => encodeStrokeRecord({ ...decodeStrokeRecord(items.get(id) as Uint8Array), author });
  let update: Uint8Array | null = null;
  switch (act) {
    case 'create': board.addStroke(stroke); break;
    case 'createShape': board.addItem(shape); break;
    case 'spoofAuthor': new Board(me, 'other').addStroke(stroke); break;
    case 'spoofShapeAuthor': new Board(me, 'other').addItem(shape); break;
    case 'shapeWithoutAuthor': {
      const m = new Y.Map<unknown>();
      m.set('kind', 'shape');
      items.set('noauthor01', m);
      break;
    }
    case 'changeOwn': board.moveItems([mine], 5, 5); break;
    case 'recolourOwn': board.updateItems({ ids: [mine], patch: { color: '#445566' } }); break;
    case 'deleteOwn': board.deleteItems([mine]); break;
    case 'changeOwnShape': mapOf(myShape).set('x', 99); break;
    case 'deleteOwnShape': board.deleteItems([myShape]); break;
    case 'replaceOwnShape': board.addItem(shape, myShape); break;
    case 'giveAwayOwn': items.set(mine, recordWith(mine, 'other')); break;
    case 'forgeOwnShapeAuthor': mapOf(myShape).set('author', 'other'); break;
    case 'dropOwnShapeAuthor': mapOf(myShape).delete('author'); break;
    case 'changeOther': board.moveItems([theirs], 5, 5); break;
    case 'deleteOther': board.deleteItems([theirs]); break;
    case 'changeOtherShape': mapOf(theirShape).set('x', 99); break;
    case 'deleteOtherShape': board.deleteItems([theirShape]); break;
    case 'overwriteOther': items.set(theirs, new Y.Map()); break;
    case 'takeOverOther': items.set(theirs, recordWith(theirs, 'me')); break;
    case 'silentReplaceOther': {
      // A replacement that does not name the old value in its delete set: Yjs still deletes it.
      const old = (items as unknown as { _map: Map<string, Y.Item> })._map.get(theirs)!.id;
      items.set(theirs, recordWith(theirs, 'me'));
      update = withoutDeleteSet(Y.encodeStateAsUpdate(me, sv), old);
      break;
    }
    case 'session': me.getMap('session').set('locked', true); break;
    case 'meta': me.getMap('meta').set('title', 'hijacked'); break;
    case 'frames': me.getMap('frames').set('frame0001', new Y.Map()); break;
    case 'annotations': me.getMap('annotations').set('note00001', new Y.Map()); break;
    case 'malformedRecord': items.set('badrecord1', Uint8Array.from([1, 0, 2, 0x6d, 0x65])); break;
    case 'binaryInShape': mapOf(myShape).set('points', Uint8Array.from([1, 2, 3])); break;
  }
  update ??= Y.encodeStateAsUpdate(me, sv);
  owners.set(3, 'me');
  try {
    const view = docView(server);
    const inspected = inspectUpdate(update, { doc: view, owners, participantId: 'me', newClientBudget: 4, limits: DEFAULT_READ_LIMITS });
    checkPermissions(inspected, { role, participantId: 'me', doc: view, context });
    // Whatever passed must apply cleanly; the silent replacement really does replace.
    Y.applyUpdate(server, update);
    return 'ok';
  } catch (error) {
    if (error instanceof Refusal) return String(error.code);
    throw error;
  }
}

const OPEN: PermissionContext = { locked: false, participantsMayEditOthers: false };
const EDIT_OTHERS: PermissionContext = { locked: false, participantsMayEditOthers: true };
const LOCKED: PermissionContext = { locked: true, participantsMayEditOthers: true };

const all = (value: string): Record<Act, string> => Object.fromEntries(ACTS.map((a) => [a, value])) as Record<Act, string>;
const MALFORMED = { malformedRecord: '4400', binaryInShape: '4400' } as const;

const FACILITATOR = { ...all('ok'), ...MALFORMED };
const PARTICIPANT: Record<Act, string> = {
  ...all('4403'),
  create: 'ok', createShape: 'ok',
  changeOwn: 'ok', recolourOwn: 'ok', deleteOwn: 'ok', changeOwnShape: 'ok', deleteOwnShape: 'ok', replaceOwnShape: 'ok',
  ...MALFORMED,
};
const PARTICIPANT_EDIT_OTHERS: Record<Act, string> = {
  ...PARTICIPANT,
  changeOther: 'ok', deleteOther: 'ok', changeOtherShape: 'ok', deleteOtherShape: 'ok',
};
const PROJECTOR = { ...all('4403'), ...MALFORMED };

const CASES: Array<[string, Role, PermissionContext, Record<Act, string>]> = [
  ['facilitator', 'facilitator', OPEN, FACILITATOR],
  ['facilitator, locked', 'facilitator', LOCKED, FACILITATOR],
  ['participant', 'participant', OPEN, PARTICIPANT],
  ['participant, allowEditOthers', 'participant', EDIT_OTHERS, PARTICIPANT_EDIT_OTHERS],
  ['participant, locked', 'participant', LOCKED, { ...all('4403'), ...MALFORMED }],
  ['projector', 'projector', OPEN, PROJECTOR],
];

describe('permissions matrix (ownership by author)', () => {
  for (const [name, role, context, expected] of CASES) {
    it(name, () => {
      const got = Object.fromEntries(ACTS.map((act) => [act, attempt(role, act, context)]));
      expect(got).toEqual(expected);
    });
  }

  it('a silent replacement really replaces the value when applied (why keys are checked, not only the delete set)', () => {
    const { server, theirs } = setup();
    const me = new Y.Doc();
    me.clientID = 3;
    Y.applyUpdate(me, Y.encodeStateAsUpdate(server));
    const sv = Y.encodeStateVector(me);
    const items = me.getMap<unknown>('items');
    const old = (items as unknown as { _map: Map<string, Y.Item> })._map.get(theirs)!.id;
    items.set(theirs, encodeStrokeRecord({ ...decodeStrokeRecord(items.get(theirs) as Uint8Array), author: 'me' }));
    Y.applyUpdate(server, withoutDeleteSet(Y.encodeStateAsUpdate(me, sv), old));
    expect(decodeStrokeRecord(server.getMap('items').get(theirs) as Uint8Array).author).toBe('me');
  });
});
