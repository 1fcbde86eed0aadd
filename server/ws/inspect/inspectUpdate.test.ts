import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Board, initBoardDoc } from '../../../src/model/board';
import { docView } from './docView';
import { inspectUpdate, type InspectContext } from './inspectUpdate';
import { DEFAULT_READ_LIMITS } from './readUpdate';
import { Refusal } from './refusal';

const stroke = { tool: 'pen' as const, color: '#112233', width: 4, points: [1, 2, 0.5, 5, 6, 0.5] };

function serverDoc(): Y.Doc {
  const doc = new Y.Doc();
  initBoardDoc(doc, { title: 't', prompt: '', createdAt: 1 });
  return doc;
}

function ctx(doc: Y.Doc, owners = new Map<number, string>(), participantId = 'me'): InspectContext {
  return { doc: docView(doc), owners, participantId, newClientBudget: 8, limits: DEFAULT_READ_LIMITS };
}

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof Refusal) return `${error.code} ${error.reason}`;
    throw error;
  }
  return 'accepted';
}

/** A client doc that has synced the server doc. */
function clientOf(server: Y.Doc, clientID?: number): Y.Doc {
  const doc = new Y.Doc();
  if (clientID !== undefined) doc.clientID = clientID;
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
  return doc;
}

function diff(client: Y.Doc, server: Y.Doc): Uint8Array {
  return Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
}

describe('inspectUpdate', () => {
  it('accepts a stroke and reports the new client id', () => {
    const server = serverDoc();
    const client = clientOf(server);
    new Board(client, 'me').addStroke(stroke);
    const result = inspectUpdate(diff(client, server), ctx(server));
    expect(result.empty).toBe(false);
    expect(result.newClientIds).toEqual([client.clientID]);
    // One struct per stroke: the record at the root of items.
    expect(result.items).toHaveLength(1);
    expect(result.items[0]!.placement).toEqual({ kind: 'root', name: 'items' });
  });

  it('refuses a malformed stroke record and binary content inside an item map (4400)', () => {
    const server = serverDoc();
    const bad = clientOf(server);
    bad.getMap('items').set('abcdefgh01', Uint8Array.from([1, 0, 9, 9]));
    expect(refusal(() => inspectUpdate(diff(bad, server), ctx(server)))).toBe('4400 malformed stroke record');

    const nested = clientOf(server);
    const m = new Y.Map<unknown>();
    nested.getMap('items').set('abcdefgh02', m);
    m.set('author', 'me');
    m.set('points', Uint8Array.from([1, 2, 3]));
    expect(refusal(() => inspectUpdate(diff(nested, server), ctx(server)))).toBe('4400 binary content inside an item');

    // Also when the map already exists on the server.
    const owner = clientOf(server);
    const id = new Board(owner, 'me').addItem({ kind: 'sticky', x: 0, y: 0, rotation: 0, w: 10, h: 10, color: '#ffee88', text: 'hi' });
    Y.applyUpdate(server, diff(owner, server));
    (owner.getMap('items').get(id) as Y.Map<unknown>).set('blob', Uint8Array.from([1]));
    expect(refusal(() => inspectUpdate(diff(owner, server), ctx(server, new Map([[owner.clientID, 'me']]))))).toBe('4400 binary content inside an item');
  });

  it('treats a full re-send of known state as empty (step 2 of a synced client)', () => {
    const server = serverDoc();
    const client = clientOf(server);
    const id = new Board(client, 'me').addStroke(stroke);
    Y.applyUpdate(server, diff(client, server));
    new Board(client, 'me').deleteItems([id]);
    Y.applyUpdate(server, diff(client, server));
    expect(inspectUpdate(Y.encodeStateAsUpdate(client), ctx(server, new Map([[client.clientID, 'me']]))).empty).toBe(true);
  });

  it('accepts GC structs of an offline create-then-delete from the same participant', () => {
    const server = serverDoc();
    const client = clientOf(server);
    // Raw Yjs for the create-then-delete: Board's undo history keeps deleted items from GC.
    const items = client.getMap('items');
    const gone = new Y.Map<unknown>();
    items.set('abcdefgh01', gone);
    gone.set('author', 'me');
    gone.set('text', new Y.Text('x'));
    items.delete('abcdefgh01');
    new Board(client, 'me').addStroke(stroke);
    const update = diff(client, server);
    expect(Y.decodeUpdate(update).structs.some((s) => s instanceof Y.GC)).toBe(true);
    expect(refusal(() => inspectUpdate(update, ctx(server)))).toBe('accepted');
  });

  it.each([
    ['empty bytes', new Uint8Array(0)],
    ['garbage', Uint8Array.from([0xff, 0xff, 0xff, 0xff])],
    ['trailing bytes', Uint8Array.from([0, 0, 7])],
  ])('refuses %s', (_name, bytes) => {
    expect(refusal(() => inspectUpdate(bytes, ctx(serverDoc())))).toMatch(/^4400/);
  });

  it('refuses V2, truncation, absurd counts, subdocs, XML, skip structs', () => {
    const server = serverDoc();
    const client = clientOf(server);
    new Board(client, 'me').addStroke(stroke);
    expect(refusal(() => inspectUpdate(Y.encodeStateAsUpdateV2(client, Y.encodeStateVector(server)), ctx(server)))).toMatch(/^4400/);
    const good = diff(client, server);
    for (let cut = 1; cut < good.length; cut += 3) {
      expect(refusal(() => inspectUpdate(good.slice(0, cut), ctx(server)))).toMatch(/^4400/);
    }
    const enc = encoding.createEncoder();
    encoding.writeVarUint(enc, 1);
    encoding.writeVarUint(enc, 2 ** 40);
    encoding.writeVarUint(enc, 7);
    encoding.writeVarUint(enc, 0);
    expect(refusal(() => inspectUpdate(encoding.toUint8Array(enc), ctx(server)))).toContain('count exceeds');

    const sub = clientOf(server);
    sub.getMap('items').set('abcdefgh', new Y.Doc());
    expect(refusal(() => inspectUpdate(diff(sub, server), ctx(server)))).toContain('subdocuments');
    const xml = clientOf(server);
    xml.getMap('items').set('abcdefgh', new Y.XmlElement('p'));
    expect(refusal(() => inspectUpdate(diff(xml, server), ctx(server)))).toContain('type not allowed');
    // A merged update with a hole in it carries a Skip struct.
    const a = clientOf(server);
    const items = a.getMap('items');
    items.set('k1', 1);
    const first = Y.encodeStateAsUpdate(a, Y.encodeStateVector(server));
    items.set('k2', 2);
    const sv2 = Y.encodeStateVector(a);
    items.set('k3', 3);
    const merged = Y.mergeUpdates([first, Y.encodeStateAsUpdate(a, sv2)]);
    expect(Y.decodeUpdate(merged).structs.some((s) => s instanceof Y.Skip)).toBe(true);
    expect(refusal(() => inspectUpdate(merged, ctx(server)))).toContain('skip');
  });

  it('refuses clock gaps, unknown roots, list content in a map, spoofed client ids, too many new ids', () => {
    const server = serverDoc();
    const client = clientOf(server);
    const b = new Board(client, 'me');
    b.addStroke(stroke);
    const sv = Y.encodeStateVector(client);
    b.addStroke(stroke);
    expect(refusal(() => inspectUpdate(Y.encodeStateAsUpdate(client, sv), ctx(server)))).toContain('clock gap');

    const evil = clientOf(server);
    evil.getMap('evil').set('x', 1);
    expect(refusal(() => inspectUpdate(diff(evil, server), ctx(server)))).toContain('unknown root');
    const list = clientOf(server);
    list.getArray('items').insert(0, [1]);
    expect(refusal(() => inspectUpdate(diff(list, server), ctx(server)))).toContain('list content');

    const spoof = clientOf(server, 42);
    new Board(spoof, 'me').addStroke(stroke);
    expect(refusal(() => inspectUpdate(diff(spoof, server), ctx(server, new Map([[42, 'someone-else']]))))).toContain('another participant');
    const c = ctx(server);
    c.newClientBudget = 0;
    expect(refusal(() => inspectUpdate(diff(spoof, server), c))).toContain('too many new client ids');
  });

  it('refuses deletions of content the server does not have', () => {
    const server = serverDoc();
    const client = clientOf(server);
    const b = new Board(client, 'me');
    const id = b.addStroke(stroke);
    const before = Y.encodeStateVector(client);
    b.deleteItems([id]);
    // Only the delete set, without the structs it deletes.
    const deleteOnly = Y.encodeStateAsUpdate(client, before);
    expect(refusal(() => inspectUpdate(deleteOnly, ctx(server)))).toContain('unknown content');
  });
});
