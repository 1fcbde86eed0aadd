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
import type { RunningServer } from '../index';
import { openSqliteStorage, type SqliteStorage } from '../persistence/sqlite';
import {
  connect, createBoard, joinBoard, raw, startTestServer, synced, updateFrame, waitFor,
  type Client, type CreatedBoard, type Joined,
} from '../testing/helpers';

const stroke = { tool: 'pen' as const, color: '#112233', width: 4, points: [1, 2, 0.5, 5, 6, 0.5, 9, 4, 0.5] };
type Mutation = (doc: Y.Doc, participantId: string) => void;

function itemsOf(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap('items') as Y.Map<Y.Map<unknown>>;
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
  /** A stroke by the witness: "someone else's item" for every participant below. */
  let theirs: string;

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
    theirs = new Board(witness.doc, witnessId.participantId).addStroke(stroke);
    await waitFor(() => itemsOf(fac.doc).has(theirs) && itemsOf(aliceClient.doc).has(theirs), 'witness stroke everywhere');
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
    await asAlice((doc) => itemsOf(doc).get(theirs)!.set('x', 999));
    await asAlice((doc) => itemsOf(doc).delete(theirs));
    await asAlice((doc) => itemsOf(doc).set(theirs, new Y.Map()));
    await asAlice((doc) => sessionOf(doc).set('locked', true));
    await asAlice((doc) => sessionOf(doc).set('allowEditOthers', true));
    await asAlice((doc) => doc.getMap('meta').set('title', 'hijacked'));
    await asAlice((doc) => doc.getMap('frames').set('frame0001', new Y.Map()));
    await asAlice((doc) => doc.getMap('annotations').set('note00001', new Y.Map()));
    await asAlice((doc) => new Board(doc, witnessId.participantId).addStroke(stroke));
  });

  it('forbidden for a projector: anything', async () => {
    const asProjector = (mutate: Mutation) => refused(board.projectorKey, 'projector', mutate);
    await asProjector((doc, pid) => new Board(doc, pid).addStroke(stroke));
    await asProjector((doc) => itemsOf(doc).get(theirs)!.set('x', 1));
    await asProjector((doc) => itemsOf(doc).delete(theirs));
    await asProjector((doc) => sessionOf(doc).set('locked', false));
  });

  it("allowed: a participant's own items, relayed", async () => {
    const model = new Board(aliceClient.doc, alice.participantId);
    const id = model.addStroke(stroke);
    await waitFor(() => itemsOf(witness.doc).has(id), 'own stroke relayed');
    itemsOf(aliceClient.doc).get(id)!.set('x', 42);
    await waitFor(() => itemsOf(witness.doc).get(id)?.get('x') === 42, 'own change relayed');
    model.deleteItems([id]);
    await waitFor(() => !itemsOf(witness.doc).has(id), 'own deletion relayed');
    expect(aliceClient.provider.wsconnected).toBe(true);
  });

  it('allowed: the facilitator changes anything, relayed', async () => {
    const id = new Board(witness.doc, witnessId.participantId).addStroke(stroke);
    await waitFor(() => itemsOf(fac.doc).has(id), 'stroke at facilitator');
    itemsOf(fac.doc).get(id)!.set('x', 7);
    await waitFor(() => itemsOf(witness.doc).get(id)?.get('x') === 7, 'facilitator change relayed');
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
    const own = new Board(aliceClient.doc, alice.participantId).addStroke(stroke);
    await waitFor(() => itemsOf(fac.doc).has(own), 'own stroke at facilitator');
    await setSession('locked', true);
    await asAlice((doc, pid) => new Board(doc, pid).addStroke(stroke));
    await asAlice((doc) => itemsOf(doc).get(own)!.set('x', 5));
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
    itemsOf(aliceClient.doc).get(target)!.set('x', 11);
    await waitFor(() => itemsOf(witness.doc).get(target)?.get('x') === 11, "change of others' item relayed");
    await setSession('locked', true);
    await asAlice((doc) => itemsOf(doc).delete(target));
    await setSession('locked', false);
    new Board(aliceClient.doc, alice.participantId).deleteItems([target]);
    await waitFor(() => !itemsOf(witness.doc).has(target), "deletion of others' item relayed");
    expect(aliceClient.provider.wsconnected).toBe(true);
    // Session state itself stays facilitator-only even then.
    await asAlice((doc) => sessionOf(doc).set('allowEditOthers', false));
    await setSession('allowEditOthers', false);
    await asAlice((doc) => itemsOf(doc).get(theirs)!.set('x', 3));
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
