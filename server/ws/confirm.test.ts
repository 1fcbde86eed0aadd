/** Commit confirmations (caps=confirm): counted per connection, sent only after the commit. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Board } from '../../src/model/board';
import { MessageType } from '../../src/protocol/messages';
import type { RunningServer } from '../index';
import { createBoard, joinBoard, raw, startTestServer, updateFrame, waitFor, type RawClient } from '../testing/helpers';

const stroke = { tool: 'pen' as const, color: '#112233', width: 4, points: [10, 10, 0.5, 20, 25, 0.5, 30, 12, 0.5] };

/** Counts carried by the Confirm messages a raw client received, in order. */
function confirms(c: RawClient): number[] {
  return c.messages.filter((m) => m[0] === MessageType.Confirm).map((m) => m[1]!);
}

/** A participant's doc whose every local change is sent as an update frame by `client`. */
function writer(client: RawClient, participantId: string): Board {
  const doc = new Y.Doc();
  doc.on('update', (update: Uint8Array) => client.send(updateFrame(update)));
  return new Board(doc, participantId);
}

describe('commit confirmation', () => {
  let server: RunningServer;
  const commitsAt: number[] = [];
  beforeAll(async () => {
    server = await startTestServer();
    server.onCommit(() => commitsAt.push(performance.now()));
  });
  afterAll(async () => {
    await server.close();
  });

  it('confirms each update after its commit, deletions included', async () => {
    const board = await createBoard(server.url);
    const p = await joinBoard(server.url, board.id, 'Ada');
    const c = raw(server.url, board.id, p.token, '&caps=live,confirm');
    await c.opened;
    const model = writer(c, p.participantId);
    const commitsBefore = commitsAt.length;
    const id = model.addStroke(stroke);
    await waitFor(() => confirms(c).includes(1), 'first confirmation');
    // The commit listener runs after the transaction that stored the stroke.
    expect(commitsAt.length).toBeGreaterThan(commitsBefore);
    model.addStroke(stroke);
    model.deleteItems([id]);
    // A deletion advances no Yjs clock, yet it is a counted, confirmed update.
    await waitFor(() => confirms(c).at(-1) === 3, 'three confirmed');
    expect(confirms(c)).toEqual([...confirms(c)].sort((a, b) => a - b));
    c.ws.close();
  });

  it('sends nothing extra to a client that did not ask', async () => {
    const board = await createBoard(server.url);
    const p = await joinBoard(server.url, board.id, 'Bo');
    const c = raw(server.url, board.id, p.token, '&caps=live');
    const watcher = raw(server.url, board.id, board.facilitatorKey, '&caps=confirm');
    await Promise.all([c.opened, watcher.opened]);
    const model = writer(c, p.participantId);
    model.addStroke(stroke);
    // The watcher sees the relayed stroke (so it is committed) but gets no confirmation: it wrote nothing.
    await waitFor(() => watcher.messages.some((m) => m[0] === MessageType.Sync && m[1] === 2), 'relay');
    expect(confirms(c)).toEqual([]);
    expect(confirms(watcher)).toEqual([]);
    c.ws.close();
    watcher.ws.close();
  });
});

describe('commit confirmation waits for the commit', () => {
  it('with a long group-commit window, the confirmation arrives only after the transaction', async () => {
    // 300 ms for company before each commit: a confirmation sent on receipt would arrive long before.
    const server = await startTestServer({ limits: { groupCommitMs: 300 } });
    try {
      let committedAt = 0;
      server.onCommit((_board, updates) => {
        if (updates > 0 && committedAt === 0) committedAt = performance.now();
      });
      const board = await createBoard(server.url);
      const p = await joinBoard(server.url, board.id, 'Ada');
      const c = raw(server.url, board.id, p.token, '&caps=confirm');
      await c.opened;
      let confirmedAt = 0;
      c.ws.on('message', (data: Buffer) => {
        if (data[0] === MessageType.Confirm && confirmedAt === 0) confirmedAt = performance.now();
      });
      writer(c, p.participantId).addStroke(stroke);
      await waitFor(() => confirmedAt > 0, 'confirmation');
      expect(committedAt).toBeGreaterThan(0);
      expect(confirmedAt).toBeGreaterThanOrEqual(committedAt);
      c.ws.close();
    } finally {
      await server.close();
    }
  });
});
