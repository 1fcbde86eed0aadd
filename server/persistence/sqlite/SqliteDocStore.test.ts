import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Board } from '../../../src/model/board';
import { tempDir } from '../../testing/helpers';
import { openSqliteStorage } from './index';

const stroke = { tool: 'pen' as const, color: '#112233', width: 4, points: [1, 2, 0.5, 5, 6, 0.5] };

function docFrom(updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, u);
  return doc;
}

describe('SqliteDocStore', () => {
  it('group-commits appends, keeps client bindings, compacts to an identical document', async () => {
    const dir = tempDir();
    const storage = openSqliteStorage(dir, { groupCommitMs: 5 });
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on('update', (u: Uint8Array) => updates.push(u));
    const board = new Board(source, 'me');
    const ids = Array.from({ length: 20 }, () => board.addStroke(stroke));
    board.deleteItems(ids.slice(0, 5));
    const commits = updates.map((u, i) => storage.docs.append('b1', u, i === 0 ? [[source.clientID, 'me']] : []));
    let resolved = 0;
    for (const c of commits) void c.done.then(() => resolved++);
    // Nothing is durable before the group commit (a 5 ms window never commits at once).
    expect(resolved).toBe(0);
    expect(commits.some((c) => c.durable)).toBe(false);
    await Promise.all(commits.map((c) => c.done));
    expect(storage.docs.rowCount('b1')).toBe(updates.length);

    const loaded = storage.docs.load('b1');
    expect(loaded.clientOwners.get(source.clientID)).toBe('me');
    expect(docFrom(loaded.updates).getMap('items').toJSON()).toEqual(source.getMap('items').toJSON());

    expect(storage.docs.compact('b1').merged).toBe(updates.length);
    expect(storage.docs.rowCount('b1')).toBe(1);
    storage.close();

    // A fresh process (new connection) reads the same document.
    const again = openSqliteStorage(dir, { groupCommitMs: 5 });
    const after = docFrom(again.docs.load('b1').updates);
    expect(after.getMap('items').toJSON()).toEqual(source.getMap('items').toJSON());
    expect(Y.encodeStateVector(after)).toEqual(Y.encodeStateVector(source));
    again.close();
  });

  it('compaction refuses rows that would leave pending structs, and loses nothing', async () => {
    const storage = openSqliteStorage(tempDir(), { groupCommitMs: 0 });
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on('update', (u: Uint8Array) => updates.push(u));
    const board = new Board(source, 'me');
    board.addStroke(stroke);
    board.addStroke(stroke);
    // Store only the second update: a gap (never happens through the server; simulate corruption).
    await storage.docs.append('b2', updates[1]!, []).done;
    await storage.docs.append('b2', updates[1]!, []).done;
    expect(() => storage.docs.compact('b2')).toThrow(/pending/);
    expect(storage.docs.rowCount('b2')).toBe(2);
    storage.close();
  });
});
