/** Who may write notes (`annotations`), through real documents and the real inspector. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addAnnotation, deleteAnnotations, editAnnotation, keepLastBox, moveAnnotation, setAnnotationRegion } from '../../../src/model/annotations';
import { Board, initBoardDoc } from '../../../src/model/board';
import type { PermissionContext, Role } from '../../../src/protocol/roles';
import { docView } from './docView';
import { inspectUpdate } from './inspectUpdate';
import { checkPermissions } from './permissions';
import { DEFAULT_READ_LIMITS } from './readUpdate';
import { Refusal } from './refusal';

const stroke = { tool: 'pen' as const, color: '#112233', width: 4, points: [10, 10, 0.5, 200, 150, 0.5] };
const box = (minX: number, minY: number, maxX: number, maxY: number) => ({ minX, minY, maxX, maxY });
const TB = box(0, 0, 200, 150);
const region = box(20, 20, 80, 60);

const ACTS = [
  'createOnOwn', 'createOnOwnEasel', 'createWithNewDrawing', 'createOnOther', 'createOnOtherEasel', 'createBare', 'createOnMissing', 'spoofAuthor',
  'editOwn', 'moveOwn', 'reorderOwn', 'deleteOwn', 'retargetOwn', 'reauthorOwn', 'keepBoxOwn',
  'editOther', 'deleteOther', 'replaceOther',
] as const;
type Act = (typeof ACTS)[number];

interface Fixture {
  server: Y.Doc;
  owners: Map<number, string>;
  mine: string;
  theirs: string;
  myNote: string;
  theirNote: string;
}

/** A stroke and a note each by "me" (client 1) and "other" (client 2); easels for both, written by the server. */
function setup(): Fixture {
  const server = new Y.Doc();
  initBoardDoc(server, { title: 't', prompt: '', createdAt: 1 });
  server.transact(() => {
    for (const [id, owner] of [['easelmine', 'me'], ['easeltheirs', 'other']] as const) {
      const easel = new Y.Map<unknown>();
      server.getMap('frames').set(id, easel);
      for (const [k, v] of Object.entries({ owner, name: owner, slot: 0, x: 0, y: 0, w: 800, h: 600 })) easel.set(k, v);
    }
  });
  const owners = new Map<number, string>([[server.clientID, '@server']]);
  const ids: string[] = [];
  for (const [clientID, who] of [[1, 'me'], [2, 'other']] as const) {
    const d = new Y.Doc();
    d.clientID = clientID;
    Y.applyUpdate(d, Y.encodeStateAsUpdate(server));
    const b = new Board(d, who);
    const item = b.addStroke(stroke);
    ids.push(item, addAnnotation(b, { target: item, region, targetBox: TB, text: `${who}'s note` }));
    Y.applyUpdate(server, Y.encodeStateAsUpdate(d, Y.encodeStateVector(server)));
    owners.set(clientID, who);
  }
  return { server, owners, mine: ids[0]!, myNote: ids[1]!, theirs: ids[2]!, theirNote: ids[3]! };
}

function attempt(role: Role, act: Act, context: PermissionContext): string {
  const { server, owners, mine, theirs, myNote, theirNote } = setup();
  const me = new Y.Doc();
  me.clientID = 3;
  Y.applyUpdate(me, Y.encodeStateAsUpdate(server));
  const sv = Y.encodeStateVector(me);
  const board = new Board(me, 'me');
  const noteMap = (id: string) => me.getMap('annotations').get(id) as Y.Map<unknown>;
  const note = (target: string) => ({ target, region, targetBox: TB, text: 'said' });
  switch (act) {
    case 'createOnOwn': addAnnotation(board, note(mine)); break;
    case 'createOnOwnEasel': addAnnotation(board, note('easelmine')); break;
    case 'createWithNewDrawing': me.transact(() => addAnnotation(board, note(board.addStroke(stroke)))); break;
    case 'createOnOther': addAnnotation(board, note(theirs)); break;
    case 'createOnOtherEasel': addAnnotation(board, note('easeltheirs')); break;
    case 'createBare': addAnnotation(board, { ...note(''), targetBox: null }); break;
    case 'createOnMissing': addAnnotation(board, note('nosuchitem')); break;
    case 'spoofAuthor': addAnnotation(new Board(me, 'other'), note(mine)); break;
    case 'editOwn': editAnnotation(board, myNote, { text: 'changed', speaker: 'Mo' }); break;
    case 'moveOwn': setAnnotationRegion(board, myNote, box(0, 0, 50, 50), TB); break;
    case 'reorderOwn': moveAnnotation(board, myNote, 5); break;
    case 'deleteOwn': deleteAnnotations(board, [myNote]); break;
    case 'retargetOwn': noteMap(myNote).set('target', theirs); break;
    case 'reauthorOwn': noteMap(myNote).set('author', 'other'); break;
    case 'keepBoxOwn': keepLastBox(me, myNote, box(5, 5, 50, 50)); break;
    case 'editOther': editAnnotation(board, theirNote, { text: 'mine now' }); break;
    case 'deleteOther': deleteAnnotations(board, [theirNote]); break;
    case 'replaceOther': addAnnotation(board, note(mine), theirNote); break;
  }
  const update = Y.encodeStateAsUpdate(me, sv);
  owners.set(3, 'me');
  try {
    const view = docView(server);
    const inspected = inspectUpdate(update, { doc: view, owners, participantId: 'me', newClientBudget: 4, limits: DEFAULT_READ_LIMITS });
    checkPermissions(inspected, { role, participantId: 'me', doc: view, context });
    Y.applyUpdate(server, update);
    return 'ok';
  } catch (error) {
    if (error instanceof Refusal) return String(error.code);
    throw error;
  }
}

const OFF: PermissionContext = { locked: false, participantsMayEditOthers: false };
const ON: PermissionContext = { locked: false, participantsMayEditOthers: false, participantNotes: true };
const ON_EDIT_OTHERS: PermissionContext = { ...ON, participantsMayEditOthers: true };
const ON_LOCKED: PermissionContext = { ...ON, locked: true };

const all = (value: string): Record<Act, string> => Object.fromEntries(ACTS.map((a) => [a, value])) as Record<Act, string>;
const PARTICIPANT_ON: Record<Act, string> = {
  ...all('4403'),
  createOnOwn: 'ok', createOnOwnEasel: 'ok', createWithNewDrawing: 'ok',
  editOwn: 'ok', moveOwn: 'ok', reorderOwn: 'ok', deleteOwn: 'ok', keepBoxOwn: 'ok',
};

const CASES: Array<[string, Role, PermissionContext, Record<Act, string>]> = [
  ['facilitator', 'facilitator', OFF, all('ok')],
  ['participant, notes off (the default)', 'participant', OFF, all('4403')],
  ['participant, notes on', 'participant', ON, PARTICIPANT_ON],
  // Editing others' drawings does not extend to others' notes.
  ['participant, notes on and allowEditOthers', 'participant', ON_EDIT_OTHERS, PARTICIPANT_ON],
  ['participant, notes on but locked', 'participant', ON_LOCKED, all('4403')],
  ['projector, notes on', 'projector', ON, all('4403')],
];

describe('note permissions (participantNotes)', () => {
  for (const [name, role, context, expected] of CASES) {
    it(name, () => {
      const got = Object.fromEntries(ACTS.map((act) => [act, attempt(role, act, context)]));
      expect(got).toEqual(expected);
    });
  }
});
