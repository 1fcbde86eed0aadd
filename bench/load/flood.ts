/**
 * One misbehaving client must not spoil the room: a raw client floods a room with small valid
 * messages (QueryAwareness) as fast as its socket takes them, while a canary pair (a drawer and a
 * reader, client.ts) keeps drawing in the same room. Figures: the flooder's close code (4429
 * expected) and the canary's relay latency before vs the 5 s from the flood's start.
 */
import WebSocket from 'ws';
import { createBoard, joinBoard } from '../lib/api';
import { freshDataDir, startSketchroom } from '../lib/server';
import type { BenchStroke } from '../lib/strokes';
import { fmt, type Row } from '../lib/table';
import { SimClient, type LoadStats } from './client';
import { Histogram } from './histogram';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function flood(url: string, boardId: string, token: string): Promise<{ code: number; sent: number }> {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/ws/${boardId}?token=${encodeURIComponent(token)}`);
  const query = new Uint8Array([3]);
  let sent = 0;
  return new Promise((resolve) => {
    ws.on('error', () => {});
    ws.on('open', () => {
      const burst = () => {
        if (ws.readyState !== WebSocket.OPEN) return;
        for (let i = 0; i < 200; i++) ws.send(query);
        sent += 200;
        setImmediate(burst);
      };
      burst();
    });
    ws.on('close', (code) => resolve({ code, sent }));
  });
}

export async function floodPhase(strokes: readonly BenchStroke[], overrides: Record<string, unknown>): Promise<{ rows: Row[]; lines: string[] }> {
  const server = await startSketchroom(freshDataDir('flood'), overrides);
  const stats: LoadStats = { relay: new Histogram(), confirm: new Histogram(), sentAt: new Map(), strokes: 0, presenceIn: 0, disconnects: [] };
  const canary: SimClient[] = [];
  try {
    const board = await createBoard(server.url, 'Flood');
    for (const [name, drawer] of [['Writer', true], ['Reader', false]] as const) {
      const p = await joinBoard(server.url, board.id, name);
      canary.push(new SimClient({ url: server.url, boardId: board.id, token: p.token, participantId: p.participantId, drawer, strokes, stats, keep: 100 }));
    }
    await Promise.all(canary.map((c) => c.open()));
    for (const c of canary) c.start();
    await sleep(8_000);
    const before = { p50: stats.relay.percentile(50), p99: stats.relay.percentile(99), n: stats.relay.count };
    stats.relay = new Histogram();
    const flooder = await joinBoard(server.url, board.id, 'Flooder');
    const t0 = performance.now();
    const result = await Promise.race([flood(server.url, board.id, flooder.token), sleep(30_000).then(() => ({ code: 0, sent: NaN }))]);
    const floodSeconds = (performance.now() - t0) / 1000;
    // The flood itself lasts about a second: look at the canary over 5 s from its start.
    await sleep(Math.max(0, 5_000 - (performance.now() - t0)));
    const during = { p50: stats.relay.percentile(50), p99: stats.relay.percentile(99), n: stats.relay.count };
    return {
      rows: [
        { figure: 'flooder closed with', value: result.code, unit: '', target: '= 4429', pass: result.code === 4429, note: `after ${fmt(result.sent)} messages in ${fmt(floodSeconds)} s` },
        { figure: 'canary relay p50, flood + 5 s', value: during.p50, unit: 'ms', baseline: before.p50, baselineLabel: 'before the flood', ratio: during.p50 / before.p50 },
        { figure: 'canary relay p99, flood + 5 s', value: during.p99, unit: 'ms', baseline: before.p99, baselineLabel: 'before the flood', ratio: during.p99 / before.p99 },
        { figure: 'canary disconnects', value: stats.disconnects.length, unit: '', target: '= 0', pass: stats.disconnects.length === 0 },
      ],
      lines: [`canary samples: ${before.n} in 8 s before, ${during.n} in the 5 s from the flood's start`],
    };
  } finally {
    for (const c of canary) c.close();
    await server.stop();
  }
}
