/**
 * The role x action table of issue 4 over the wire, with the session flags (lock,
 * allowEditOthers) the facilitator sets in the document. Forbidden cells: a raw client sends a
 * forged update -> 4403, the stored document is unchanged, and the room keeps serving the others.
 * Allowed cells: the change is relayed to the other clients. (hostile.test.ts covers malformed
 * input; inspect/permissions.test.ts the same rules without sockets.)
 */
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { Board } from '../../src/model/board';
import { readItem } from '../../src/model/readItem';
import { decodeStrokeRecord, encodeStrokeRecord } from '../../src/model/strokeRecord';
import type { RunningServer } from '../index';
import { openSqliteStorage, type SqliteStorage } from '../persistence/sqlite';
import {
  connect, createBoard, joinBoard, raw, startTestServer, synced, updateFrame, waitFor,
  type Client, type CreatedBoard, type Joined,
} from '../testing/helpers';

const stroke = { tool: 'pen' as const, color: '#112233', width: 4, points: [1, 2, 0.5, 5, 6, 0.5, 9, 4, 0.5] };
const shape = { kind: 'shape' as const, shape: 'rect' as const, x: 0, y: 0, rotation: 0, w: 10, h: 10, color: '#112233', width: 2, fill: 'none' as const };
type Mutation = (doc: Y.Doc, participantId: string) => void;

function itemsOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('items');
}

/** A shape's nested map (field-level writes). */
function mapOf(doc: Y.Doc, id: string): Y.Map<unknown> {
  return itemsOf(doc).get(id) as Y.Map<unknown>;
}

/** An item's x as any client reads it (stroke record or map). */
function xOf(doc: Y.Doc, id: string): number | undefined {
  return readItem(id, itemsOf(doc).get(id))?.x;
}

/** Moves items with the real command (a stroke: a new record under the same key). */
function move(doc: Y.Doc, participantId: string, ids: string[], dx: number): void {
  const model = new Board(doc, participantId);
  model.moveItems(ids, dx, 0);
  model.destroy();
}

/** Writes a copy of a stroke record under the same key with another author. */
function reauthor(doc: Y.Doc, id: string, author: string): void {
  itemsOf(doc).set(id, encodeStrokeRecord({ ...decodeStrokeRecord(itemsOf(doc).get(id) as Uint8Array), author }));
}

function sessionOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('session');
}

describe('roles and session flags over the wire', () => {
  let server: RunningServer;
  let side: SqliteStorage;
  let board: CreatedBoard;
  let fac: Client;
  let witnessId: Joined;
  let witness: Client;
  let alice: Joined;
  let aliceClient: Client;
  /** A stroke and a shape by the witness: "someone else's items" for every participant below. */
  let theirs: string;
  let theirShape: string;

  beforeAll(async () => {
    server = await startTestServer();
    side = openSqliteStorage(server.config.dataDir, { groupCommitMs: 0 });
    board = await createBoard(server.url);
    witnessId = await joinBoard(server.url, board.id, 'Witness');
    alice = await joinBoard(server.url, board.id, 'Alice');
    fac = connect(server.url, board.id, board.facilitatorKey);
    witness = connect(server.url, board.id, witnessId.token);
    aliceClient = connect(server.url, board.id, alice.token);
    await Promise.all([synced(fac), synced(witness), synced(aliceClient)]);
    const witnessModel = new Board(witness.doc, witnessId.participantId);
    theirs = witnessModel.addStroke(stroke);
    theirShape = witnessModel.addItem(shape);
    await waitFor(() => [theirs, theirShape].every((id) => itemsOf(fac.doc).has(id) && itemsOf(aliceClient.doc).has(id)), 'witness items everywhere');
  });
  afterAll(async () => {
    for (const c of [fac, witness, aliceClient]) c.close();
    side.close();
    await server.close();
  });

  function stored(): Y.Doc {
    const doc = new Y.Doc();
    for (const u of side.docs.load(board.id).updates) Y.applyUpdate(doc, u);
    return doc;
  }

  /** Everyone (and the store) has the facilitator's state. */
  async function settled(): Promise<void> {
    const target = () => Y.encodeStateVector(fac.doc);
    await waitFor(
      () => [witness, aliceClient].every((c) => Buffer.from(Y.encodeStateVector(c.doc)).equals(Buffer.from(target()))),
      'clients converged',
    );
    await waitFor(() => Buffer.from(Y.encodeStateVector(stored())).equals(Buffer.from(target())), 'store caught up');
  }

  async function setSession(key: string, value: boolean): Promise<void> {
    sessionOf(fac.doc).set(key, value);
    await waitFor(() => sessionOf(witness.doc).get(key) === value && sessionOf(aliceClient.doc).get(key) === value, `${key}=${value} relayed`);
    await settled();
  }

  /** A raw connection sends one forged update made on a copy of the room's state; resolves with its close code. */
  async function forge(token: string, participantId: string, mutate: Mutation): Promise<number | 'open'> {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(fac.doc));
    const sv = Y.encodeStateVector(doc);
    mutate(doc, participantId);
    const update = Y.encodeStateAsUpdate(doc, sv);
    const sock = raw(server.url, board.id, token);
    await sock.opened;
    sock.send(updateFrame(update));
    const result = await Promise.race([
      sock.closed.then((c) => c.code),
      new Promise<'open'>((r) => setTimeout(() => r('open'), 400)),
    ]);
    sock.ws.close();
    doc.destroy();
    return result;
  }

  async function refused(token: string, participantId: string, mutate: Mutation): Promise<void> {
    await settled();
    const before = stored();
    const beforeSv = Y.encodeStateVector(before);
    const beforeJson = JSON.stringify(before.toJSON());
    expect(await forge(token, participantId, mutate)).toBe(4403);
    const after = stored();
    expect(Y.encodeStateVector(after)).toEqual(beforeSv);
    expect(JSON.stringify(after.toJSON())).toBe(beforeJson);
    // The room goes on: the facilitator draws (allowed even while locked), the others see it.
    const id = new Board(fac.doc, board.participantId).addStroke(stroke);
    await waitFor(() => itemsOf(witness.doc).has(id) && itemsOf(aliceClient.doc).has(id), 'room still serving');
    expect(aliceClient.provider.wsconnected && witness.provider.wsconnected).toBe(true);
  }

  const asAlice = (mutate: Mutation) => refused(alice.token, alice.participantId, mutate);

  it("forbidden for a participant: others' items, facilitator state, another author", async () => {
    await asAlice((doc, pid) => move(doc, pid, [theirs], 999));
    await asAlice((doc, pid) => new Board(doc, pid).updateItems({ ids: [theirs], patch: { color: '#ff0000' } }));
    await asAlice((doc) => mapOf(doc, theirShape).set('x', 999));
    await asAlice((doc) => itemsOf(doc).delete(theirs));
    await asAlice((doc) => itemsOf(doc).delete(theirShape));
    await asAlice((doc) => itemsOf(doc).set(theirs, new Y.Map()));
    // Taking over someone's stroke by replacing its record with one that names me.
    await asAlice((doc, pid) => reauthor(doc, theirs, pid));
    await asAlice((doc, pid) => mapOf(doc, theirShape).set('author', pid));
    await asAlice((doc) => sessionOf(doc).set('locked', true));
    await asAlice((doc) => sessionOf(doc).set('allowEditOthers', true));
    await asAlice((doc) => doc.getMap('meta').set('title', 'hijacked'));
    await asAlice((doc) => doc.getMap('frames').set('frame0001', new Y.Map()));
    await asAlice((doc) => doc.getMap('annotations').set('note00001', new Y.Map()));
    await asAlice((doc) => new Board(doc, witnessId.participantId).addStroke(stroke));
    await asAlice((doc) => new Board(doc, witnessId.participantId).addItem(shape));
  });

  it('forbidden for a participant: giving away their own item (changing its author)', async () => {
    const model = new Board(aliceClient.doc, alice.participantId);
    const ownStroke = model.addStroke(stroke);
    const ownShape = model.addItem(shape);
    await waitFor(() => itemsOf(fac.doc).has(ownStroke) && itemsOf(fac.doc).has(ownShape), 'own items at facilitator');
    await asAlice((doc) => reauthor(doc, ownStroke, witnessId.participantId));
    await asAlice((doc) => mapOf(doc, ownShape).set('author', witnessId.participantId));
    await asAlice((doc) => mapOf(doc, ownShape).delete('author'));
    model.destroy();
  });

  it('forbidden for a projector: anything', async () => {
    const asProjector = (mutate: Mutation) => refused(board.projectorKey, 'projector', mutate);
    await asProjector((doc, pid) => new Board(doc, pid).addStroke(stroke));
    await asProjector((doc, pid) => move(doc, pid, [theirs], 1));
    await asProjector((doc) => mapOf(doc, theirShape).set('x', 1));
    await asProjector((doc) => itemsOf(doc).delete(theirs));
    await asProjector((doc) => sessionOf(doc).set('locked', false));
  });

  it("allowed: a participant's own items, relayed", async () => {
    const model = new Board(aliceClient.doc, alice.participantId);
    const id = model.addStroke(stroke);
    const box = model.addItem(shape);
    await waitFor(() => itemsOf(witness.doc).has(id) && itemsOf(witness.doc).has(box), 'own items relayed');
    const x0 = xOf(aliceClient.doc, id)!;
    model.moveItems([id], 42, 0);
    await waitFor(() => xOf(witness.doc, id) === x0 + 42, 'own move relayed');
    model.updateItems({ ids: [id], patch: { color: '#445566' } });
    await waitFor(() => (readItem(id, itemsOf(witness.doc).get(id)) as { color?: string } | null)?.color === '#445566', 'own recolour relayed');
    mapOf(aliceClient.doc, box).set('x', 42);
    await waitFor(() => xOf(witness.doc, box) === 42, 'own shape field relayed');
    model.deleteItems([id, box]);
    await waitFor(() => !itemsOf(witness.doc).has(id) && !itemsOf(witness.doc).has(box), 'own deletion relayed');
    expect(aliceClient.provider.wsconnected).toBe(true);
  });

  it("pictures: a participant's own image item is accepted and relayed; someone else's is theirs to keep", async () => {
    const picture = { kind: 'image' as const, x: 0, y: 0, rotation: 0, blob: 'ab'.repeat(32), mime: 'image/jpeg' as const, pw: 800, ph: 600, w: 400, h: 300 };
    const model = new Board(aliceClient.doc, alice.participantId);
    const id = model.addItem(picture);
    await waitFor(() => readItem(id, itemsOf(witness.doc).get(id))?.kind === 'image', 'own picture relayed');
    model.updateItems({ ids: [id], patch: { w: 200, h: 150 } });
    await waitFor(() => (readItem(id, itemsOf(witness.doc).get(id)) as { w?: number } | null)?.w === 200, 'own resize relayed');
    const theirPicture = new Board(witness.doc, witnessId.participantId).addItem(picture);
    await waitFor(() => itemsOf(fac.doc).has(theirPicture) && itemsOf(aliceClient.doc).has(theirPicture), 'their picture everywhere');
    await asAlice((doc) => mapOf(doc, theirPicture).set('w', 10));
    await asAlice((doc) => itemsOf(doc).delete(theirPicture));
    await asAlice((doc) => new Board(doc, witnessId.participantId).addItem(picture));
    expect(aliceClient.provider.wsconnected).toBe(true);
    model.destroy();
  });

  it('allowed: the facilitator changes anything, relayed', async () => {
    const id = new Board(witness.doc, witnessId.participantId).addStroke(stroke);
    await waitFor(() => itemsOf(fac.doc).has(id), 'stroke at facilitator');
    const x0 = xOf(fac.doc, id)!;
    move(fac.doc, board.participantId, [id], 7);
    await waitFor(() => xOf(witness.doc, id) === x0 + 7, 'facilitator change relayed');
    // The record keeps its author: the witness still owns the stroke.
    expect(readItem(id, itemsOf(witness.doc).get(id))?.author).toBe(witnessId.participantId);
    mapOf(fac.doc, theirShape).set('x', 7);
    await waitFor(() => xOf(witness.doc, theirShape) === 7, 'facilitator shape change relayed');
    new Board(fac.doc, board.participantId).deleteItems([id]);
    await waitFor(() => !itemsOf(witness.doc).has(id), 'facilitator deletion relayed');
    fac.doc.getMap('meta').set('prompt', 'What went well?');
    fac.doc.getMap('frames').set('frame0001', new Y.Map());
    fac.doc.getMap('annotations').set('note00001', new Y.Map());
    await waitFor(
      () => witness.doc.getMap('meta').get('prompt') === 'What went well?' && witness.doc.getMap('frames').has('frame0001')
        && witness.doc.getMap('annotations').has('note00001'),
      'facilitator state relayed',
    );
    expect(fac.provider.wsconnected).toBe(true);
  });

  it('locked: participants may not write at all (4403); the facilitator still may; unlock restores', async () => {
    const ownModel = new Board(aliceClient.doc, alice.participantId);
    const own = ownModel.addStroke(stroke);
    const ownShape = ownModel.addItem(shape);
    await waitFor(() => itemsOf(fac.doc).has(own) && itemsOf(fac.doc).has(ownShape), 'own items at facilitator');
    await setSession('locked', true);
    await asAlice((doc, pid) => new Board(doc, pid).addStroke(stroke));
    await asAlice((doc, pid) => move(doc, pid, [own], 5));
    await asAlice((doc) => mapOf(doc, ownShape).set('x', 5));
    await asAlice((doc) => itemsOf(doc).delete(own));
    const facStroke = new Board(fac.doc, board.participantId).addStroke(stroke);
    await waitFor(() => itemsOf(witness.doc).has(facStroke), 'facilitator draws while locked');
    await setSession('locked', false);
    expect(await forge(alice.token, alice.participantId, (doc, pid) => void new Board(doc, pid).addStroke(stroke))).toBe('open');
  });

  it("allowEditOthers: participants may change and delete others' items (not while locked)", async () => {
    const target = new Board(witness.doc, witnessId.participantId).addStroke(stroke);
    await waitFor(() => itemsOf(aliceClient.doc).has(target), 'target at alice');
    await setSession('allowEditOthers', true);
    const x0 = xOf(aliceClient.doc, target)!;
    move(aliceClient.doc, alice.participantId, [target], 11);
    await waitFor(() => xOf(witness.doc, target) === x0 + 11, "change of others' item relayed");
    expect(readItem(target, itemsOf(witness.doc).get(target))?.author).toBe(witnessId.participantId);
    mapOf(aliceClient.doc, theirShape).set('x', 11);
    await waitFor(() => xOf(witness.doc, theirShape) === 11, "field change of others' shape relayed");
    // Editing others' work still never takes it over.
    await asAlice((doc, pid) => reauthor(doc, target, pid));
    await asAlice((doc, pid) => mapOf(doc, theirShape).set('author', pid));
    await setSession('locked', true);
    await asAlice((doc) => itemsOf(doc).delete(target));
    await setSession('locked', false);
    new Board(aliceClient.doc, alice.participantId).deleteItems([target]);
    await waitFor(() => !itemsOf(witness.doc).has(target), "deletion of others' item relayed");
    expect(aliceClient.provider.wsconnected).toBe(true);
    // Session state itself stays facilitator-only even then.
    await asAlice((doc) => sessionOf(doc).set('allowEditOthers', false));
    await setSession('allowEditOthers', false);
    await asAlice((doc, pid) => move(doc, pid, [theirs], 3));
    await asAlice((doc) => mapOf(doc, theirShape).set('x', 3));
  });
});

describe('the lock race', () => {
  it('a stroke in flight when the facilitator locks is refused or accepted, and everyone converges', async () => {
    const server = await startTestServer();
    const side = openSqliteStorage(server.config.dataDir, { groupCommitMs: 0 });
    const board = await createBoard(server.url);
    const p = await joinBoard(server.url, board.id, 'Racer');
    const w = await joinBoard(server.url, board.id, 'Watcher');
    const fac = connect(server.url, board.id, board.facilitatorKey);
    const watcher = connect(server.url, board.id, w.token);
    let racer = connect(server.url, board.id, p.token);
    await Promise.all([synced(fac), synced(watcher), synced(racer)]);
    const outcomes: string[] = [];
    try {
      for (let round = 0; round < 8; round++) {
        let refusedCode = 0;
        racer.provider.on('closed', (e: { code: number }) => {
          refusedCode = e.code;
        });
        const lock = () => fac.doc.getMap('session').set('locked', true);
        const draw = () => new Board(racer.doc, p.participantId).addStroke(stroke);
        // Both are on the wire before either is answered; alternate who sends first.
        let strokeId: string;
        if (round % 2 === 0) {
          lock();
          strokeId = draw();
        } else {
          strokeId = draw();
          lock();
        }
        await waitFor(() => watcher.doc.getMap('session').get('locked') === true, 'lock relayed');
        // Either the stroke arrives everywhere, or the racer is refused.
        await waitFor(() => refusedCode !== 0 || itemsOf(watcher.doc).has(strokeId), 'stroke outcome');
        if (refusedCode !== 0) {
          expect(refusedCode).toBe(4403);
          outcomes.push('refused');
          // What the app does on 4403: start over from the server's state with a fresh document.
          racer.close();
          racer = connect(server.url, board.id, p.token, new Y.Doc());
          await synced(racer);
        } else outcomes.push('accepted');

        const all = [fac, watcher, racer];
        const stored = (): Y.Doc => {
          const d = new Y.Doc();
          for (const u of side.docs.load(board.id).updates) Y.applyUpdate(d, u);
          return d;
        };
        const sv = (d: Y.Doc) => Buffer.from(Y.encodeStateVector(d)).toString('hex');
        await waitFor(() => all.every((c) => sv(c.doc) === sv(fac.doc)) && sv(stored()) === sv(fac.doc), 'converged');
        const keys = (d: Y.Doc) => [...itemsOf(d).keys()].sort().join();
        for (const c of all) expect(keys(c.doc)).toBe(keys(fac.doc));
        expect(keys(stored())).toBe(keys(fac.doc));
        expect(itemsOf(fac.doc).has(strokeId)).toBe(outcomes[round] === 'accepted');

        fac.doc.getMap('session').set('locked', false);
        await waitFor(() => racer.doc.getMap('session').get('locked') === false, 'unlock relayed');
      }
    } finally {
      for (const c of [fac, watcher, racer]) c.close();
      side.close();
      await server.close();
    }
    expect(outcomes).toHaveLength(8);
  });
});

describe('owned awareness', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  function awarenessFrame(update: Uint8Array): Uint8Array {
    const enc = encoding.createEncoder();
    encoding.writeVarUint(enc, 1);
    encoding.writeVarUint8Array(enc, update);
    return encoding.toUint8Array(enc);
  }

  it("a forged id, role or overlong name is corrected, never relayed as someone else's", async () => {
    const board = await createBoard(server.url);
    const mallory = await joinBoard(server.url, board.id, 'Mallory');
    const observer = connect(server.url, board.id, board.facilitatorKey);
    await synced(observer);
    const fake = new Awareness(new Y.Doc());
    fake.setLocalState({
      user: { id: board.participantId, role: 'facilitator', name: `  Boss\u202E${'x'.repeat(100)}`, color: 'red' },
      cursor: { x: 'a', y: 2 },
      drawing: false,
    });
    const sock = raw(server.url, board.id, mallory.token);
    await sock.opened;
    sock.send(awarenessFrame(encodeAwarenessUpdate(fake, [fake.clientID])));
    await waitFor(() => observer.provider.awareness.getStates().has(fake.clientID), 'presence relayed');
    const state = observer.provider.awareness.getStates().get(fake.clientID) as {
      user: { id: string; role: string; name: string; color: string };
      cursor: unknown;
    };
    expect(state.user.id).toBe(mallory.participantId);
    expect(state.user.role).toBe('participant');
    expect([...state.user.name]).toHaveLength(40);
    expect(state.user.name.startsWith('Boss')).toBe(true);
    expect(state.user.name).not.toContain('\u202E');
    expect(state.user.color).toBe(mallory.color);
    expect(state.cursor).toBeNull();

    // A state that is not an object is dropped, not relayed; the socket stays open (honest clients are never closed).
    const odd = new Awareness(new Y.Doc());
    (odd as unknown as { states: Map<number, unknown> }).states.set(odd.clientID, 5);
    sock.send(awarenessFrame(encodeAwarenessUpdate(odd, [odd.clientID])));
    await new Promise((r) => setTimeout(r, 150));
    expect(observer.provider.awareness.getStates().has(odd.clientID)).toBe(false);
    expect(sock.ws.readyState).toBe(sock.ws.OPEN);
    fake.destroy();
    odd.destroy();
    sock.ws.close();
    observer.close();
  });

  it('over ~20 messages/s the excess is dropped, the latest state still arrives, nobody is closed', async () => {
    const board = await createBoard(server.url);
    const p = await joinBoard(server.url, board.id, 'Fast');
    const observer = connect(server.url, board.id, board.facilitatorKey);
    await synced(observer);
    const fake = new Awareness(new Y.Doc());
    let seen = 0;
    observer.provider.awareness.on('update', ({ added, updated }: { added: number[]; updated: number[] }) => {
      if ([...added, ...updated].includes(fake.clientID)) seen++;
    });
    const sock = raw(server.url, board.id, p.token);
    await sock.opened;
    for (let i = 0; i < 200; i++) {
      fake.setLocalState({ user: { id: p.participantId, name: 'Fast', color: p.color, role: 'participant' }, cursor: { x: i, y: 0 }, drawing: false });
      sock.send(awarenessFrame(encodeAwarenessUpdate(fake, [fake.clientID])));
    }
    const last = () => (observer.provider.awareness.getStates().get(fake.clientID) as { cursor?: { x: number } } | undefined)?.cursor?.x;
    await waitFor(() => last() === 199, 'latest state relayed');
    expect(seen).toBeLessThanOrEqual(30);
    expect(sock.ws.readyState).toBe(sock.ws.OPEN);
    fake.destroy();
    sock.ws.close();
    observer.close();
  });
});
