/**
 * Presence fan-out (issue 8): 50 people in one room moving their cursors at 30 Hz. Measures, per
 * recipient and second, the awareness messages and bytes the server sends, with the server's
 * batching (AWARENESS_BATCH_MS 33) against the same server relaying every update at once
 * (AWARENESS_BATCH_MS 0, what plain y-websocket does), both in this run. The server runs in its
 * own process (core 0), the 50 raw WebSocket clients here (core 1). Both servers accept 30
 * awareness messages per connection per second, so the 30 Hz input reaches them whole.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { createBoard, joinBoard } from './lib/api';
import { pinSelf } from './lib/machine';
import { freshDataDir, LOADGEN_CORE, serverAvailable, startSketchroom } from './lib/server';
import { fmt, le, type Row } from './lib/table';
import type { BenchOutput } from './run';

const PEOPLE = 50;
const HZ = 30;
const WARMUP_MS = 1000;
const MEASURE_MS = 5000;
const WINDOW_MS = 33;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function frame(type: number, payload: Uint8Array, step?: number): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, type);
  if (step !== undefined) encoding.writeVarUint(enc, step);
  encoding.writeVarUint8Array(enc, payload);
  return encoding.toUint8Array(enc);
}

interface Client {
  ws: WebSocket;
  me: Awareness;
  messages: number;
  bytes: number;
}

interface Figures {
  /** Length of the measured span. */
  seconds: number;
  messagesPerSecond: number;
  bytesPerSecond: number;
  /** Awareness messages the server sent in all, per second. */
  serverMessagesPerSecond: number;
  serverCpuPercent: number;
  /** Cursor updates each client sent per second (the input). */
  sentPerSecond: number;
}

async function measure(batchMs: number): Promise<Figures> {
  const server = await startSketchroom(freshDataDir('presence'), { limits: { awarenessBatchMs: batchMs, maxAwarenessPerSecond: HZ, maxWsConnectsPerAddress: 100_000 } });
  const clients: Client[] = [];
  try {
    const board = await createBoard(server.url, 'Presence');
    const base = server.url.replace(/^http/, 'ws') + '/ws';
    for (let i = 0; i < PEOPLE; i++) {
      const { token } = await joinBoard(server.url, board.id, `Person ${i + 1}`);
      const ws = new WebSocket(`${base}/${board.id}?token=${encodeURIComponent(token)}`);
      const me = new Awareness(new Y.Doc());
      const client: Client = { ws, me, messages: 0, bytes: 0 };
      ws.on('message', (data: Buffer) => {
        if (decoding.readVarUint(decoding.createDecoder(data)) !== 1) return;
        client.messages++;
        client.bytes += data.byteLength;
      });
      await new Promise<void>((resolve, reject) => {
        ws.once('open', () => resolve());
        ws.once('error', reject);
      });
      ws.send(frame(0, Y.encodeStateVector(new Y.Doc()), 0));
      clients.push(client);
    }
    let tick = 0;
    let sent = 0;
    const move = () => {
      tick++;
      for (const c of clients) {
        const a = (tick / HZ) * 2 + c.me.clientID;
        c.me.setLocalState({ user: { name: 'x', color: '#2563eb' }, cursor: { x: Math.round(400 + 300 * Math.cos(a)), y: Math.round(300 + 200 * Math.sin(a)) }, drawing: false });
        c.ws.send(frame(1, encodeAwarenessUpdate(c.me, [c.me.clientID])));
        sent++;
      }
    };
    const timer = setInterval(move, 1000 / HZ);
    await sleep(WARMUP_MS);
    const cpu0 = await server.cpu();
    // Counted from here (the CPU request above may take a while on a busy machine).
    for (const c of clients) c.messages = c.bytes = 0;
    sent = 0;
    const t0 = performance.now();
    await sleep(MEASURE_MS);
    const seconds = (performance.now() - t0) / 1000;
    const total = clients.reduce((s, c) => s + c.messages, 0);
    const bytes = clients.reduce((s, c) => s + c.bytes, 0);
    const sentNow = sent;
    const cpu1 = await server.cpu();
    clearInterval(timer);
    return {
      seconds,
      messagesPerSecond: total / PEOPLE / seconds,
      bytesPerSecond: bytes / PEOPLE / seconds,
      serverMessagesPerSecond: total / seconds,
      sentPerSecond: sentNow / PEOPLE / seconds,
      serverCpuPercent: ((cpu1.user - cpu0.user + cpu1.system - cpu0.system) / 1e6 / seconds) * 100,
    };
  } finally {
    for (const c of clients) {
      c.ws.close();
      c.me.destroy();
    }
    await server.stop();
  }
}

export async function runPresence(): Promise<BenchOutput> {
  const title = `Presence: ${PEOPLE} cursors at ${HZ} Hz in one room`;
  if (!serverAvailable()) return { title, rows: [{ figure: 'presence', value: NaN, unit: '', pass: false, note: 'server missing' }] };
  pinSelf(LOADGEN_CORE);
  let plain: Awaited<ReturnType<typeof measure>>, batched: Awaited<ReturnType<typeof measure>>;
  try {
    plain = await measure(0);
    batched = await measure(WINDOW_MS);
  } finally {
    // Children inherit the affinity: left pinned, every later bench's browser ran on one core.
    pinSelf('all');
  }
  const rows: Row[] = [
    {
      figure: 'awareness messages per recipient per s',
      value: batched.messagesPerSecond,
      unit: '',
      // One per window, plus one at each edge of the measured span (a batch just before it ends and
      // the first just after it starts are both counted): 152 in 5 s at 33 ms.
      target: `<= ${(1000 / WINDOW_MS).toFixed(1)} (+2 per window edge)`,
      pass: le(batched.messagesPerSecond, (MEASURE_MS / WINDOW_MS + 2) / batched.seconds),
      baseline: plain.messagesPerSecond,
      baselineLabel: 'relay each',
      ratio: batched.messagesPerSecond / plain.messagesPerSecond,
    },
    {
      figure: 'awareness bytes per recipient per s',
      value: batched.bytesPerSecond / 1000,
      unit: 'KB',
      baseline: plain.bytesPerSecond / 1000,
      baselineLabel: 'relay each',
      ratio: batched.bytesPerSecond / plain.bytesPerSecond,
    },
    {
      figure: 'awareness messages sent by the server per s',
      value: batched.serverMessagesPerSecond,
      unit: '',
      baseline: plain.serverMessagesPerSecond,
      baselineLabel: 'relay each',
      ratio: batched.serverMessagesPerSecond / plain.serverMessagesPerSecond,
    },
    {
      figure: 'server CPU',
      value: batched.serverCpuPercent,
      unit: '%',
      baseline: plain.serverCpuPercent,
      baselineLabel: 'relay each',
      ratio: batched.serverCpuPercent / plain.serverCpuPercent,
    },
  ];
  return {
    title,
    rows,
    lines: [
      `input: ${plain.sentPerSecond.toFixed(1)} / ${batched.sentPerSecond.toFixed(1)} cursor updates per client per s (relay each / batched)`,
      // Relaying each update means (PEOPLE - 1) x input per recipient (plus its own echo): when the
      // clients here cannot read that fast on a busy machine, the baseline reads low.
      `relay each received ${fmt(plain.messagesPerSecond)} of the ~${fmt(PEOPLE * plain.sentPerSecond)} messages per recipient per s it sends (the load generator's share of a busy machine limits it)`,
      `${MEASURE_MS / 1000} s measured after ${WARMUP_MS / 1000} s of warm-up; one server process per mode; bytes include the message framing, not WebSocket headers.`,
    ],
    extra: { plain, batched },
  };
}
