/** "Draw only in your easel" on the server, through real documents and the real inspector. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Board, initBoardDoc } from '../../../src/model/board';
import { EASEL_SLACK, readEasels, syncEasels } from '../../../src/model/easels';
import { setEaselOnly, setEaselsOn } from '../../../src/model/easelSession';
import { docView } from './docView';
import { checkEaselRule, easelRuleFor, OUTSIDE_EASEL } from './easelRule';
import { inspectUpdate } from './inspectUpdate';
import { DEFAULT_READ_LIMITS } from './readUpdate';
import { Refusal } from './refusal';

const shape = (x: number, y: number) => ({ kind: 'shape' as const, shape: 'rect' as const, x, y, rotation: 0, w: 10, h: 10, color: '#112233', width: 2, fill: 'none' as const });
const stroke = (x: number, y: number) => ({ tool: 'pen' as const, color: '#112233', width: 4, points: [x, y, 0.5, x + 5, y + 5, 0.5] });

/** A server document with easels for "me" (slot 0, at 0,0) and "other", the rule on or off. */
function room(options: { on?: boolean; mine?: boolean } = {}): Y.Doc {
  const doc = new Y.Doc();
  initBoardDoc(doc, { title: 't', prompt: '', createdAt: 1 });
  setEaselsOn(doc, true);
  setEaselOnly(doc, options.on ?? true);
  syncEasels(doc, options.mine === false ? [{ id: 'other', name: 'O' }] : [{ id: 'me', name: 'Me' }, { id: 'other', name: 'O' }]);
  return doc;
}

/** What "me" sends for `change` on a copy of the room; refused -> the reason, accepted -> 'ok'. */
function judge(server: Y.Doc, change: (board: Board) => void, role = 'participant'): string {
  const client = new Y.Doc();
  client.clientID = 7;
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const sv = Y.encodeStateVector(client);
  change(new Board(client, 'me'));
  const update = Y.encodeStateAsUpdate(client, sv);
  const view = docView(server);
  const inspected = inspectUpdate(update, { doc: view, owners: new Map([[7, 'me']]), participantId: 'me', newClientBudget: 4, limits: DEFAULT_READ_LIMITS });
  try {
    checkEaselRule(inspected, view, easelRuleFor(server, role, 'me'));
    Y.applyUpdate(server, update);
    return 'ok';
  } catch (e) {
    if (e instanceof Refusal) return e.reason;
    throw e;
  }
}

describe('easel-only on the server', () => {
  it('accepts strokes and items that start in my easel (with slack), refuses the rest', () => {
    const doc = room();
    expect(judge(doc, (b) => void b.addStroke(stroke(100, 100)))).toBe('ok');
    expect(judge(doc, (b) => void b.addItem(shape(-EASEL_SLACK + 1, 50)))).toBe('ok');
    expect(judge(doc, (b) => void b.addStroke(stroke(1500, 100)))).toBe(OUTSIDE_EASEL);
    expect(judge(doc, (b) => void b.addItem(shape(-EASEL_SLACK - 5, 50)))).toBe(OUTSIDE_EASEL);
    const other = readEasels(doc).find((e) => e.owner === 'other')!;
    expect(judge(doc, (b) => void b.addItem(shape(other.x + 50, other.y + 50)))).toBe(OUTSIDE_EASEL);
  });

  it('judges a new item by where it started, and never restricts moves', () => {
    const doc = room();
    expect(judge(doc, (b) => {
      const id = b.addItem(shape(50, 50));
      b.moveItems([id], 4000, 0); // created and dragged away before the update was sent
    })).toBe('ok');
    const id = [...doc.getMap('items').keys()][0]!;
    expect(judge(doc, (b) => b.moveItems([id], 9000, 0))).toBe('ok');
    const strokeId = [...doc.getMap('items').keys()];
    expect(judge(doc, (b) => void b.addStroke(stroke(10, 10)))).toBe('ok');
    expect(strokeId.length).toBe(1);
  });

  it('refuses every new item while I have no easel yet; off, or for the facilitator, nothing is checked', () => {
    expect(judge(room({ mine: false }), (b) => void b.addStroke(stroke(100, 100)))).toBe(OUTSIDE_EASEL);
    expect(judge(room({ on: false }), (b) => void b.addStroke(stroke(5000, 100)))).toBe('ok');
    expect(judge(room(), (b) => void b.addStroke(stroke(5000, 100)), 'facilitator')).toBe('ok');
    const off = room();
    setEaselsOn(off, false);
    expect(judge(off, (b) => void b.addStroke(stroke(5000, 100)))).toBe('ok');
  });
});
