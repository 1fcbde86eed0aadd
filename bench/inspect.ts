/**
 * Issue 4, speed: what the server's update inspection (decode, structure checks, ownership and
 * role rules) costs for a typical stroke update, against applying the same update to the room's
 * document (what a stock y-websocket server does anyway) and its share of a loopback relay.
 * Runs in-process on a room document of 2,000 strokes by 20 participants.
 */
import * as Y from 'yjs';
import { docView } from '../server/ws/inspect/docView';
import { inspectUpdate } from '../server/ws/inspect/inspectUpdate';
import { checkPermissions } from '../server/ws/inspect/permissions';
import { DEFAULT_READ_LIMITS } from '../server/ws/inspect/readUpdate';
import { Board } from '../src/model/board';
import { permissionContext, readSession } from '../src/model/session';
import { median, percentile } from './lib/stats';
import { docWithClientId, strokeSequence } from './lib/strokes';
import { le, type Row } from './lib/table';
import type { BenchOutput } from './run';

const ROOM_STROKES = 2000;
const AUTHORS = 20;
const SAMPLES = 3000;
/** Loopback relay p50 of a bare ws echo relay on this machine (PERF-NOTES: 0.4 ms bare, 1.4 ms y-websocket). */
const ECHO_RELAY_P50_MS = 1.4;

export async function runInspect(): Promise<BenchOutput> {
  const room = new Y.Doc();
  const owners = new Map<number, string>();
  const strokes = strokeSequence(ROOM_STROKES + SAMPLES, { seed: 4242 });
  const boards = Array.from({ length: AUTHORS }, (_, k) => {
    const doc = docWithClientId(1000 + k);
    owners.set(doc.clientID, `author${k}xx`);
    doc.on('update', (u: Uint8Array) => Y.applyUpdate(room, u));
    return new Board(doc, `author${k}xx`);
  });
  strokes.slice(0, ROOM_STROKES).forEach((s, i) => boards[i % AUTHORS]!.addStroke(s));

  // A participant's next strokes, each captured as the update the client would send.
  const me = boards[3]!;
  const updates: Uint8Array[] = [];
  const capture = (u: Uint8Array): void => void updates.push(u);
  const detached = new Y.Doc();
  Y.applyUpdate(detached, Y.encodeStateAsUpdate(me.doc));
  const client = new Board(detached, 'author3xx');
  detached.on('update', capture);
  for (const s of strokes.slice(ROOM_STROKES)) {
    const before = updates.length;
    client.addStroke(s);
    if (updates.length !== before + 1) throw new Error('expected one update per stroke');
  }
  owners.set(detached.clientID, 'author3xx');

  const view = docView(room);
  const context = permissionContext(readSession(room));
  const inspectOnce = (u: Uint8Array): void => {
    const inspected = inspectUpdate(u, { doc: view, owners, participantId: 'author3xx', newClientBudget: 4, limits: DEFAULT_READ_LIMITS });
    checkPermissions(inspected, { role: 'participant', participantId: 'author3xx', doc: view, context });
  };
  // Warm up, then time inspection (read-only) of each update, then apply each (the baseline).
  for (let i = 0; i < 300; i++) inspectOnce(updates[0]!);
  const inspectUs: number[] = [];
  const applyUs: number[] = [];
  for (let i = 0; i < updates.length; i++) {
    const u = updates[i]!;
    let t = performance.now();
    inspectOnce(u);
    inspectUs.push((performance.now() - t) * 1000);
    t = performance.now();
    Y.applyUpdate(room, u);
    applyUs.push((performance.now() - t) * 1000);
  }
  const p50 = median(inspectUs);
  const p99 = percentile(inspectUs, 99);
  const applyP50 = median(applyUs);
  const rows: Row[] = [
    { figure: 'inspect a stroke update (p50)', value: p50, unit: 'us', target: '<= 250', pass: le(p50, 250), baseline: applyP50, baselineLabel: 'Y.applyUpdate', ratio: p50 / applyP50 },
    { figure: '  p99', value: p99, unit: 'us', target: '<= 1000', pass: le(p99, 1000) },
    { figure: '  share of a 1.4 ms relay (PERF-NOTES y-websocket p50)', value: (p50 / 1000 / ECHO_RELAY_P50_MS) * 100, unit: '%' },
    { figure: '  update size (median)', value: median(updates.map((u) => u.length)), unit: 'B' },
  ];
  for (const b of boards) b.destroy();
  return {
    title: 'Inspect (issue 4: update inspection cost)',
    rows,
    lines: [`room of ${ROOM_STROKES} strokes by ${AUTHORS} participants; ${SAMPLES} stroke updates of one participant, each inspected (decode, structure, ownership, role) then applied`],
  };
}
