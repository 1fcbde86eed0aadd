/**
 * kill -9 mid-phase: the boundary was stored before the phase began, so after the restart a
 * participant still receives nothing of another's private drawing (and the facilitator all of it).
 * The server runs as a child process so SIGKILL hits it alone (as in server/durability.test.ts).
 */
import type { ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { Board } from '../../../src/model/board';
import { setPhase } from '../../../src/model/session';
import { connect, createBoard, joinBoard, synced, tempDir, waitFor, type Client } from '../../testing/helpers';
import { spawnServer } from '../../testing/spawnServer';



const stroke = (x: number) => ({ tool: 'pen' as const, color: '#112233', width: 4, points: [x, 2, 0.5, x + 5, 6, 0.5, x + 9, 4, 0.5] });
const ids = (c: Client) => [...c.doc.getMap('items').keys()];

describe('private drawing and kill -9', () => {
  const children: ChildProcess[] = [];
  const clients: Client[] = [];
  afterEach(() => {
    for (const c of clients.splice(0)) c.close();
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  });

  it('keeps private drawing private after a crash mid-phase', async () => {
    const dataDir = tempDir();
    const first = await spawnServer(dataDir);
    children.push(first.child);
    const board = await createBoard(first.url);
    const ann = await joinBoard(first.url, board.id, 'Ann');
    const ben = await joinBoard(first.url, board.id, 'Ben');
    const fac = connect(first.url, board.id, board.facilitatorKey);
    const a = connect(first.url, board.id, ann.token);
    const b = connect(first.url, board.id, ben.token);
    clients.push(fac, a, b);
    await Promise.all([synced(fac), synced(a), synced(b)]);
    const older = new Board(a.doc, ann.participantId).addStroke(stroke(0));
    await waitFor(() => ids(b).includes(older), 'a public stroke reaches Ben');
    setPhase(fac.doc, { privateDrawing: true });
    await waitFor(() => b.doc.getMap('session').get('privateDrawing') === true, 'private drawing reaches Ben');
    const hidden = new Board(a.doc, ann.participantId).addStroke(stroke(50));
    await waitFor(() => ids(fac).includes(hidden), 'the facilitator sees Ann’s private stroke');

    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    const second = await spawnServer(dataDir);
    children.push(second.child);
    const ben2 = connect(second.url, board.id, ben.token);
    const fac2 = connect(second.url, board.id, board.facilitatorKey);
    clients.push(ben2, fac2);
    await Promise.all([synced(ben2), synced(fac2)]);
    expect(ids(fac2)).toContain(hidden);
    expect(ids(ben2)).toContain(older);
    expect(ids(ben2)).not.toContain(hidden);

    setPhase(fac2.doc, { phase: 'reveal' });
    await waitFor(() => ids(ben2).includes(hidden), 'the reveal reaches Ben');
  }, 30_000);
});
