/**
 * The server never echoes a client's own presence, so someone alone on a quiet board would hear
 * nothing, and y-websocket clients reconnect after 30 s of silence. A connection the server has
 * sent nothing for keepaliveMs gets an empty presence message.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { RunningServer } from '../index';
import { connect, createBoard, raw, startTestServer, synced, updateFrame, waitFor, type CreatedBoard } from '../testing/helpers';

const KEEPALIVE_MS = 200;
const EMPTY_PRESENCE = [1, 1, 0];
const isKeepalive = (m: Uint8Array): boolean => m.length === 3 && EMPTY_PRESENCE.every((b, i) => m[i] === b);

describe('keepalive', () => {
  let server: RunningServer;
  let board: CreatedBoard;

  beforeAll(async () => {
    server = await startTestServer({ limits: { keepaliveMs: KEEPALIVE_MS } });
    board = await createBoard(server.url);
  });
  afterAll(async () => {
    await server.close();
  });

  it('sends a lone, silent connection an empty presence message every period', async () => {
    const alone = raw(server.url, board.id, board.facilitatorKey);
    await alone.opened;
    alone.send(updateFrame(Y.encodeStateVector(new Y.Doc()), 0));
    await waitFor(() => alone.messages.filter(isKeepalive).length >= 3, 'three keepalives', 5_000);
    alone.ws.close();
  });

  it('a stock provider applies it as nothing (no presence appears)', async () => {
    const client = connect(server.url, board.id, board.facilitatorKey);
    await synced(client);
    await new Promise((r) => setTimeout(r, KEEPALIVE_MS * 3));
    expect(client.provider.wsconnected).toBe(true);
    expect([...client.provider.awareness.getStates().keys()].every((id) => id === client.doc.clientID)).toBe(true);
    client.close();
  });
});
