/**
 * kill -9 with clients drawing: every stroke another client had already received must be on disk.
 * The server runs as a child process (one PID) so SIGKILL hits it alone.
 */
import type { ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Board } from '../src/model/board';
import { connect, createBoard, joinBoard, raw, synced, tempDir, waitFor } from './testing/helpers';
import { spawnServer } from './testing/spawnServer';



describe('durability', () => {
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  });

  it('keeps every stroke another client has seen across kill -9', async () => {
    const dataDir = tempDir();
    const first = await spawnServer(dataDir);
    children.push(first.child);
    const board = await createBoard(first.url);
    const p = await joinBoard(first.url, board.id, 'Pen');
    const a = connect(first.url, board.id, board.facilitatorKey);
    const b = connect(first.url, board.id, p.token);
    const observer = connect(first.url, board.id, (await joinBoard(first.url, board.id, 'Eye')).token);
    await Promise.all([synced(a), synced(b), synced(observer)]);
    const boardA = new Board(a.doc, board.participantId);
    const boardB = new Board(b.doc, p.participantId);
    const seen = new Set<string>();
    observer.doc.getMap('items').observe((e) => {
      for (const key of e.keysChanged) if (observer.doc.getMap('items').has(key)) seen.add(key);
    });
    // Draw steadily from two clients, then kill mid-stream.
    for (let i = 0; i < 40; i++) {
      const pts = [i, i, 0.5, i + 5, i + 7, 0.5, i + 9, i + 2, 0.5];
      boardA.addStroke({ tool: 'pen', color: '#112233', width: 3, points: pts });
      boardB.addStroke({ tool: 'highlighter', color: '#445566', width: 8, points: pts });
      await new Promise((r) => setTimeout(r, 3));
    }
    await waitFor(() => seen.size >= 10, 'observer to see strokes');
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    const seenAtKill = new Set(seen);
    for (const c of [a, b, observer]) c.close();
    expect(seenAtKill.size).toBeGreaterThan(0);

    // Restart with no clients connected; read the board with a fresh client only.
    const second = await spawnServer(dataDir);
    children.push(second.child);
    const reader = connect(second.url, board.id, board.facilitatorKey, new Y.Doc());
    await synced(reader);
    const items = reader.doc.getMap('items');
    const missing = [...seenAtKill].filter((id) => !items.has(id));
    expect(missing).toEqual([]);
    expect(new Board(reader.doc, 'x').getMeta().title).toBe('Retro');
    reader.close();
    second.child.kill('SIGTERM');
    await new Promise((r) => second.child.once('exit', r));
  });

  it('SIGTERM: closes sockets with 1012, keeps what was committed, exits within 5 s', async () => {
    const dataDir = tempDir();
    const first = await spawnServer(dataDir);
    children.push(first.child);
    const board = await createBoard(first.url);
    const a = connect(first.url, board.id, board.facilitatorKey);
    await synced(a);
    const id = new Board(a.doc, board.participantId).addStroke({ tool: 'pen', color: '#112233', width: 3, points: [1, 1, 0.5] });
    const watcher = raw(first.url, board.id, board.facilitatorKey);
    await watcher.opened;
    await waitFor(() => watcher.messages.length >= 1, 'watcher handshake');
    a.close();
    const started = Date.now();
    first.child.kill('SIGTERM');
    expect((await watcher.closed).code).toBe(1012);
    const code = await new Promise((r) => first.child.once('exit', (c) => r(c)));
    expect(code).toBe(0);
    expect(Date.now() - started).toBeLessThan(5000);

    const second = await spawnServer(dataDir);
    children.push(second.child);
    const reader = connect(second.url, board.id, board.facilitatorKey, new Y.Doc());
    await synced(reader);
    expect(reader.doc.getMap('items').has(id)).toBe(true);
    reader.close();
    second.child.kill('SIGKILL');
  });
});
