/**
 * Easels over the wire: the server writes them (a participant's connection, the facilitator turning
 * easels on, a rename), relays them to everyone and stores them; "draw only in your easel" is
 * refused on the server (4403) for a new item that starts outside the participant's easel.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Board } from '../../src/model/board';
import { EASEL_W, readEasels } from '../../src/model/easels';
import { setEaselOnly, setEaselsOn } from '../../src/model/easelSession';
import type { RunningServer } from '../index';
import { openSqliteStorage, type SqliteStorage } from '../persistence/sqlite';
import { api, connect, createBoard, joinBoard, raw, startTestServer, synced, updateFrame, waitFor, type Client, type CreatedBoard } from '../testing/helpers';

const names = (doc: Y.Doc) => readEasels(doc).map((e) => e.name);

describe('easels written by the server', () => {
  let server: RunningServer;
  let side: SqliteStorage;
  let board: CreatedBoard;
  let fac: Client;
  const clients: Client[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    side = openSqliteStorage(server.config.dataDir, { groupCommitMs: 0 });
    board = await createBoard(server.url);
    fac = connect(server.url, board.id, board.facilitatorKey);
    clients.push(fac);
    await synced(fac);
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    side.close();
    await server.close();
  });

  function stored(): Y.Doc {
    const doc = new Y.Doc();
    for (const u of side.docs.load(board.id).updates) Y.applyUpdate(doc, u);
    return doc;
  }

  async function participant(name: string): Promise<{ id: string; token: string; client: Client }> {
    const joined = await joinBoard(server.url, board.id, name);
    const client = connect(server.url, board.id, joined.token);
    clients.push(client);
    await synced(client);
    return { id: joined.participantId, token: joined.token, client };
  }

  it('gives nobody an easel while easels are off', async () => {
    await participant('Ana');
    await new Promise((r) => setTimeout(r, 100));
    expect(readEasels(fac.doc)).toEqual([]);
  });

  it('gives every participant one when the facilitator turns easels on, and new joiners theirs', async () => {
    await participant('Ben');
    setEaselsOn(fac.doc, true);
    await waitFor(() => names(fac.doc).length === 2, 'two easels');
    expect(names(fac.doc)).toEqual(['Ana', 'Ben']);
    const cleo = await participant('Cleo');
    await waitFor(() => names(fac.doc).length === 3, 'third easel');
    expect(names(fac.doc)).toEqual(['Ana', 'Ben', 'Cleo']);
    await waitFor(() => names(cleo.client.doc).length === 3, 'relayed to the joiner');
    // The first two did not move when the third came.
    const [a, b, c] = readEasels(fac.doc);
    expect([a!.x, a!.y, b!.x, b!.y]).toEqual([0, 0, EASEL_W + 160, 0]);
    expect(c!.slot).toBe(2);
    await waitFor(() => names(stored()).length === 3, 'stored');
    // Nobody can write under the server's client id: it is bound to the reserved owner.
    const serverClient = (fac.doc.getMap('frames').get(a!.id) as Y.Map<unknown>)._item!.id.client;
    expect(side.docs.load(board.id).clientOwners.get(serverClient)).toBe('@server');
  });

  it('follows a rename', async () => {
    const dan = await participant('Dan');
    await waitFor(() => names(fac.doc).includes('Dan'), 'easel for Dan');
    const res = await api(server.url, 'PATCH', `/api/boards/${board.id}/me`, { token: dan.token, body: { name: 'Daniel' } });
    expect(res.status).toBe(200);
    await waitFor(() => names(fac.doc).includes('Daniel'), 'label follows');
    expect(names(fac.doc)).not.toContain('Dan');
  });

  it('keeps a removed participant\'s easel, and gives them none again', async () => {
    const eve = await participant('Eve');
    await waitFor(() => names(fac.doc).includes('Eve'), 'easel for Eve');
    const res = await api(server.url, 'POST', `/api/boards/${board.id}/participants/${eve.id}/revoke`, { token: board.facilitatorKey });
    expect(res.status).toBe(204);
    setEaselsOn(fac.doc, false);
    setEaselsOn(fac.doc, true);
    await participant('Finn');
    await waitFor(() => names(fac.doc).includes('Finn'), 'easel for Finn');
    expect(names(fac.doc).filter((n) => n === 'Eve')).toHaveLength(1);
  });

  it('refuses a participant\'s new item outside their easel when drawing is limited to easels', async () => {
    const gus = await participant('Gus');
    await waitFor(() => names(fac.doc).includes('Gus'), 'easel for Gus');
    setEaselOnly(fac.doc, true);
    await waitFor(() => gus.client.doc.getMap('session').get('easelOnly') === true, 'setting relayed');
    const mine = readEasels(fac.doc).find((e) => e.name === 'Gus')!;

    // Inside: accepted and relayed.
    const model = new Board(gus.client.doc, gus.id);
    const inside = model.addStroke({ tool: 'pen', color: '#223344', width: 4, points: [mine.x + 50, mine.y + 50, 0.5, mine.x + 90, mine.y + 80, 0.5] });
    const note = model.addItem({ kind: 'sticky', x: mine.x + 10, y: mine.y + 10, w: 200, h: 200, rotation: 0, text: '', color: '#ffe08a' });
    await waitFor(() => fac.doc.getMap('items').has(inside) && fac.doc.getMap('items').has(note), 'inside items relayed');
    model.destroy();

    // Outside: a forged update from a raw socket is refused with 4403 and nothing is stored.
    const outside = async (make: (b: Board) => void): Promise<number | 'open'> => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(fac.doc));
      const sv = Y.encodeStateVector(doc);
      const b = new Board(doc, gus.id);
      make(b);
      const sock = raw(server.url, board.id, gus.token);
      await sock.opened;
      sock.send(updateFrame(Y.encodeStateAsUpdate(doc, sv)));
      const code = await Promise.race([sock.closed.then((c) => c.code), new Promise<'open'>((r) => setTimeout(() => r('open'), 400))]);
      sock.ws.close();
      return code;
    };
    const far = { x: mine.x + mine.w + 800, y: mine.y + 100 };
    expect(await outside((b) => b.addStroke({ tool: 'pen', color: '#223344', width: 4, points: [far.x, far.y, 0.5, far.x + 10, far.y, 0.5] }))).toBe(4403);
    expect(await outside((b) => b.addItem({ kind: 'shape', shape: 'rect', x: far.x, y: far.y, w: 10, h: 10, rotation: 0, color: '#223344', width: 2, fill: 'none' }))).toBe(4403);
    const size = fac.doc.getMap('items').size;

    // The facilitator may draw anywhere; with the setting off, participants may too.
    new Board(fac.doc, 'fac').addItem({ kind: 'shape', shape: 'rect', x: far.x, y: far.y, w: 10, h: 10, rotation: 0, color: '#223344', width: 2, fill: 'none' });
    await waitFor(() => gus.client.doc.getMap('items').size === size + 1, 'facilitator item relayed');
    setEaselOnly(fac.doc, false);
    await waitFor(() => gus.client.doc.getMap('session').get('easelOnly') === false, 'setting relayed');
    expect(await outside((b) => b.addItem({ kind: 'shape', shape: 'rect', x: far.x, y: far.y, w: 10, h: 10, rotation: 0, color: '#223344', width: 2, fill: 'none' }))).toBe('open');
  });
});
