import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Board } from '../../src/model/board';
import type { RunningServer } from '../index';
import { openSqliteStorage } from '../persistence/sqlite';
import { connect, createBoard, startTestServer, synced, waitFor } from '../testing/helpers';

const stroke = { tool: 'pen' as const, color: '#112233', width: 4, points: [1, 2, 0.5, 5, 6, 0.5, 9, 3, 0.5] };

describe('room lifecycle', () => {
  let server: RunningServer;
  beforeAll(async () => {
    // Compact often so that live compaction runs in this test too.
    server = await startTestServer({ roomIdleMs: 100, limits: { compactAfterRows: 5 } });
  });
  afterAll(async () => {
    await server.close();
  });

  it('unloads an idle room, reloads it from the store, and compaction keeps the document identical', async () => {
    const board = await createBoard(server.url);
    const a = connect(server.url, board.id, board.facilitatorKey);
    await synced(a);
    expect(server.rooms.has(board.id)).toBe(true);
    const model = new Board(a.doc, board.participantId);
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push(model.addStroke(stroke));
    model.deleteItems(ids.slice(0, 3));
    // Wait until the server has everything (its state vector matches ours).
    const b = connect(server.url, board.id, board.facilitatorKey);
    await synced(b);
    await waitFor(() => b.doc.getMap('items').size === 9, 'second client caught up');
    const expected = b.doc.getMap('items').toJSON();
    a.close();
    b.close();
    await waitFor(() => !server.rooms.has(board.id), 'room unloaded');
    expect(server.rooms.size).toBe(0);

    // Unload compacted the rows into one.
    const side = openSqliteStorage(server.config.dataDir, { groupCommitMs: 0 });
    expect(side.docs.rowCount(board.id)).toBe(1);
    side.close();

    const c = connect(server.url, board.id, board.facilitatorKey, new Y.Doc());
    await synced(c);
    await waitFor(() => c.doc.getMap('items').size === 9, 'reloaded');
    expect(c.doc.getMap('items').toJSON()).toEqual(expected);
    expect(server.rooms.has(board.id)).toBe(true);
    c.close();
  });
});
