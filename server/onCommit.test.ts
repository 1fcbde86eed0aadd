/** RunningServer.onCommit: one call per board per committed transaction, after it is durable. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Board } from '../src/model/board';
import type { RunningServer } from './index';
import { openSqliteStorage } from './persistence/sqlite';
import { connect, createBoard, startTestServer, synced, waitFor } from './testing/helpers';

const stroke = { tool: 'pen' as const, color: '#112233', width: 4, points: [1, 2, 0.5, 5, 6, 0.5] };

describe('onCommit', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('reports board, update count and duration of each commit; unsubscribes; a throwing listener harms nothing', async () => {
    const board = await createBoard(server.url);
    const other = await createBoard(server.url);
    const a = connect(server.url, board.id, board.facilitatorKey);
    const b = connect(server.url, other.id, other.facilitatorKey);
    await Promise.all([synced(a), synced(b)]);
    const calls: Array<[string, number, number]> = [];
    const side = openSqliteStorage(server.config.dataDir, { groupCommitMs: 0 });
    const durableAtCall: boolean[] = [];
    const off = server.onCommit((boardId, updates, ms) => {
      calls.push([boardId, updates, ms]);
      // Called after the transaction: another connection to the file already sees the rows.
      if (boardId === board.id && updates > 0) durableAtCall.push(side.docs.rowCount(board.id) > 1);
    });
    const offBad = server.onCommit(() => {
      throw new Error('listener bug');
    });
    const model = new Board(a.doc, board.participantId);
    for (let i = 0; i < 5; i++) model.addStroke(stroke);
    new Board(b.doc, other.participantId).addStroke(stroke);
    await waitFor(() => calls.filter(([id]) => id === board.id).reduce((n, [, u]) => n + u, 0) >= 5, 'five updates committed');
    await waitFor(() => calls.some(([id, u]) => id === other.id && u === 1), 'other board committed');
    for (const [boardId, updates, ms] of calls) {
      expect([board.id, other.id]).toContain(boardId);
      expect(Number.isInteger(updates) && updates >= 0).toBe(true);
      expect(ms).toBeGreaterThanOrEqual(0);
    }
    expect(durableAtCall.every(Boolean)).toBe(true);
    off();
    offBad();
    const seen = calls.length;
    model.addStroke(stroke);
    const probe = connect(server.url, board.id, board.facilitatorKey);
    await synced(probe);
    await waitFor(() => probe.doc.getMap('items').size === 6, 'last stroke relayed');
    expect(calls.length).toBe(seen);
    expect(a.provider.wsconnected).toBe(true);
    for (const c of [a, b, probe]) c.close();
    side.close();
  });
});
