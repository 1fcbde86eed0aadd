/**
 * Target 1, bytes: a committed stroke as a Yjs update, live in-progress stroke bytes on the wire,
 * and the 10,000-stroke snapshot. Model only (no server).
 */
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { Board } from '../src/model/board';
import { simplifyPoints } from '../src/geometry/simplify';
import { decodePoints } from '../src/model/strokeCodec';
import { MessageType } from '../src/protocol/messages';
import { encodeLiveForPeers, encodeLiveFromClient, type LiveBody } from '../src/protocol/liveStroke';
import { writeExcalidraw, writeFloatArrayItem } from './lib/baselines';
import { buildBigBoards } from './lib/bigBoard';
import { max, median } from './lib/stats';
import { TYPICAL_CLIENT_ID, docWithClientId, strokeSequence, stepStats, type BenchStroke } from './lib/strokes';
import { le, type Row } from './lib/table';
import type { BenchOutput } from './run';

const STROKES_PER_KIND = 100;
const AUTHOR = 'Pq3xZ8kLm0';

/** Size of each update a write produces, with several strokes already on the board. */
function updateSizes(write: (doc: Y.Doc, s: BenchStroke, i: number) => void, strokes: BenchStroke[]): number[] {
  const doc = docWithClientId(TYPICAL_CLIENT_ID);
  let last = 0;
  let count = 0;
  doc.on('update', (u: Uint8Array) => {
    last += u.length;
    count++;
  });
  const sizes: number[] = [];
  strokes.forEach((s, i) => {
    last = 0;
    count = 0;
    write(doc, s, i);
    if (count !== 1) throw new Error(`expected one update per stroke, got ${count}`);
    sizes.push(last);
  });
  doc.destroy();
  return sizes;
}

function oursSizes(strokes: BenchStroke[]): { sizes: number[]; maxErr: number; maxPressureErr: number } {
  const doc = docWithClientId(TYPICAL_CLIENT_ID);
  const board = new Board(doc, AUTHOR);
  let last = 0;
  doc.on('update', (u: Uint8Array) => (last += u.length));
  const sizes: number[] = [];
  let maxErr = 0, maxPressureErr = 0;
  for (const s of strokes) {
    last = 0;
    const id = board.addStroke(s);
    sizes.push(last);
    const item = board.getItem(id);
    if (item?.kind !== 'stroke') throw new Error('stroke did not validate');
    const dec = decodePoints(item.points);
    if (dec.length !== s.points.length) throw new Error('point count changed');
    for (let i = 0; i < dec.length; i += 3) {
      maxErr = Math.max(maxErr, Math.abs(dec[i]! + item.x - s.points[i]!), Math.abs(dec[i + 1]! + item.y - s.points[i + 1]!));
      maxPressureErr = Math.max(maxPressureErr, Math.abs(dec[i + 2]! - s.points[i + 2]!));
    }
  }
  board.destroy();
  doc.destroy();
  return { sizes, maxErr, maxPressureErr };
}

/** WebSocket frame header: 2 bytes, +2 (126..65535) or +8 (larger), +4 mask from clients. */
export function wsHeader(payload: number, fromClient: boolean): number {
  return (payload < 126 ? 2 : payload < 65536 ? 4 : 10) + (fromClient ? 4 : 0);
}

interface LiveFigures {
  label: string;
  hz: number;
  perChunk: number;
  upPayload: number;
  upWire: number;
  downPayload: number;
  downWire: number;
  /** Baseline: the same chunks as Yjs updates appending to a Y.Array of numbers, on the wire server->client. */
  yarrayDownWire: number;
}

/** One chunk per animation frame (60 fps): `perChunk` input samples per chunk. */
function liveFigures(strokes: BenchStroke[], label: string, hz: number): LiveFigures {
  const perChunk = Math.max(1, Math.round(hz / 60));
  let points = 0, upPayload = 0, upWire = 0, downPayload = 0, downWire = 0, yWire = 0;
  const sender = 17; // a connection number in a busy room (one byte)
  const send = (body: LiveBody): void => {
    const up = encodeLiveFromClient(body).length;
    const down = encodeLiveForPeers(sender, body).length;
    upPayload += up;
    upWire += up + wsHeader(up, true);
    downPayload += down;
    downWire += down + wsHeader(down, false);
  };
  strokes.forEach((s, k) => {
    const key = k % 64;
    send({ type: 'start', key, itemId: s.id, tool: s.tool, color: s.color, width: s.width });
    // Baseline doc: the live stroke as a Yjs array that grows per frame.
    const ydoc = new Y.Doc();
    ydoc.on('update', (u: Uint8Array) => {
      const enc = encoding.createEncoder();
      encoding.writeVarUint(enc, MessageType.Sync);
      encoding.writeVarUint(enc, 2); // sync update
      encoding.writeVarUint8Array(enc, u);
      const n = encoding.length(enc);
      yWire += n + wsHeader(n, false);
    });
    const yarr = ydoc.getArray<number>('live');
    let px = 0, py = 0;
    const p = s.points;
    const count = p.length / 3;
    for (let i = 0; i < count; i += perChunk) {
      const chunk: number[] = [];
      const floats: number[] = [];
      for (let j = i; j < Math.min(count, i + perChunk); j++) {
        const qx = Math.round(p[j * 3]! * 10), qy = Math.round(p[j * 3 + 1]! * 10);
        chunk.push(qx - px, qy - py, Math.round(p[j * 3 + 2]! * 255));
        floats.push(p[j * 3]!, p[j * 3 + 1]!, p[j * 3 + 2]!);
        px = qx;
        py = qy;
        points++;
      }
      send({ type: 'points', key, points: chunk });
      yarr.push(floats);
    }
    send({ type: 'end', key });
    ydoc.destroy();
  });
  return {
    label,
    hz,
    perChunk,
    upPayload: upPayload / points,
    upWire: upWire / points,
    downPayload: downPayload / points,
    downWire: downWire / points,
    yarrayDownWire: yWire / points,
  };
}

export async function runBytes(): Promise<BenchOutput> {
  const mouse = strokeSequence(STROKES_PER_KIND, { seed: 101, penShare: 0 });
  const pen = strokeSequence(STROKES_PER_KIND, { seed: 202, penShare: 1 });
  const rows: Row[] = [];
  const lines: string[] = [];
  const extra: Record<string, unknown> = {};

  const steps = [...mouse, ...pen].map((s) => stepStats(s.points as Float64Array));
  lines.push(
    `strokes: ${STROKES_PER_KIND} mouse + ${STROKES_PER_KIND} pen, 200 points each; step between samples median ${median(steps.map((s) => s.median)).toFixed(2)} px (min ${Math.min(...steps.map((s) => s.min)).toFixed(2)}, max ${max(steps.map((s) => s.max)).toFixed(2)})`,
  );

  for (const [kind, strokes] of [['mouse', mouse], ['pen', pen]] as const) {
    const ours = oursSizes(strokes);
    const excal = updateSizes((doc, s, i) => writeExcalidraw(doc, s, i), strokes);
    const floats = updateSizes((doc, s, i) => writeFloatArrayItem(doc, s, AUTHOR, `a${i}`), strokes);
    const m = median(ours.sizes);
    const pressure = kind === 'pen' ? ', with pressure' : '';
    rows.push({
      figure: `committed stroke, ${kind}${pressure} (median)`,
      value: m,
      unit: 'B',
      target: '<= 500',
      pass: le(m, 500),
      baseline: median(excal),
      baselineLabel: 'Excalidraw JSON',
      ratio: m / median(excal),
    });
    rows.push({ figure: `  same, max of ${strokes.length}`, value: max(ours.sizes), unit: 'B', target: '<= 500', pass: le(max(ours.sizes), 500) });
    rows.push({
      figure: `  vs Yjs float number array`,
      value: m,
      unit: 'B',
      baseline: median(floats),
      baselineLabel: 'Y.Map + number[]',
      ratio: m / median(floats),
    });
    rows.push({ figure: `  max point error, ${kind}`, value: ours.maxErr, unit: 'px', target: '<= 0.05', pass: ours.maxErr <= 0.05 + 1e-9 });
    // What-if: RDP at 0.3 px before storing (the pen stores points as drawn: this shows why).
    const simplified = strokes.map((s) => ({ ...s, points: simplifyPoints(s.points, 0.3) }));
    const kept = median(simplified.map((s, i) => s.points.length / strokes[i]!.points.length));
    const simp = oursSizes(simplified);
    rows.push({
      figure: `  ${kind} what-if simplified first (RDP 0.3 px)`,
      value: median(simp.sizes),
      unit: 'B',
      note: `keeps ${(kept * 100).toFixed(0)} % of the points (median); error vs the simplified points ${simp.maxErr.toFixed(3)} px`,
    });
    if (kind === 'pen') {
      rows.push({ figure: '  max pressure error', value: ours.maxPressureErr, unit: '', note: `1/510 = ${(1 / 510).toFixed(4)} is the quantisation bound` });
    }
    extra[`stroke_${kind}`] = { ours: ours.sizes, excalidraw: excal, floatArray: floats, maxErr: ours.maxErr, maxPressureErr: ours.maxPressureErr };
  }

  // Live in-progress strokes.
  const live = [liveFigures(mouse, 'mouse', 60), liveFigures(pen, 'pen', 120), liveFigures(pen, 'pen', 240)];
  lines.push('live in-progress strokes, bytes per point (start and end messages included; one chunk per 60 fps frame):');
  lines.push('  input        pts/chunk  payload c->s  wire c->s  payload s->c  wire s->c  | Yjs Y.Array per frame, wire s->c');
  for (const l of live) {
    lines.push(
      `  ${`${l.label} ${l.hz} Hz`.padEnd(12)} ${String(l.perChunk).padStart(9)}  ${l.upPayload.toFixed(2).padStart(12)}  ${l.upWire.toFixed(2).padStart(9)}  ${l.downPayload.toFixed(2).padStart(12)}  ${l.downWire.toFixed(2).padStart(9)}  | ${l.yarrayDownWire.toFixed(1).padStart(8)}`,
    );
    for (const [dir, value] of [['c->s', l.upWire], ['s->c', l.downWire]] as const) {
      rows.push({
        figure: `live ${l.label} ${l.hz} Hz (${l.perChunk} pt/chunk), wire ${dir} per point`,
        value,
        unit: 'B',
        target: '<= 12',
        pass: le(value, 12),
        ...(dir === 's->c' ? { baseline: l.yarrayDownWire, baselineLabel: 'Yjs Y.Array push', ratio: value / l.yarrayDownWire } : {}),
      });
    }
  }
  extra.live = live;

  // The 10,000-stroke snapshot.
  const big = buildBigBoards();
  rows.push({
    figure: `snapshot, ${big.strokes.toLocaleString('en-US')} strokes (encodeStateAsUpdate)`,
    value: big.compact.length / 1e6,
    unit: 'MB',
    target: '<= 5',
    pass: le(big.compact.length / 1e6, 5),
    baseline: big.floats.length / 1e6,
    baselineLabel: 'float arrays',
    ratio: big.compact.length / big.floats.length,
  });
  rows.push({ figure: '  per stroke', value: big.compact.length / big.strokes, unit: 'B' });
  lines.push(`10,000-stroke board: half pen (pressure), half mouse, 30 authors; built in ${(big.buildMs / 1000).toFixed(1)} s`);
  extra.snapshot = { bytes: big.compact.length, floatBytes: big.floats.length, strokes: big.strokes };
  return { title: 'Bytes (target 1)', rows, lines, extra };
}
