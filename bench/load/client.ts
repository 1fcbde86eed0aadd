/**
 * One simulated participant on a raw socket (a provider per client would cost the load generator
 * more than the server): the y-websocket handshake, presence at 10 Hz, and for drawers committed
 * strokes through the real model (Board.addStroke) in bursts, with commit confirmations
 * (caps=confirm). Relayed updates are not applied, only scanned for the stroke ids this process
 * sent, which gives the relay latency sender -> server -> every other client of the room.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { Board } from '../../src/model/board';
import { MessageType } from '../../src/protocol/messages';
import type { BenchStroke } from '../lib/strokes';
import type { Histogram } from './histogram';

export interface LoadStats {
  relay: Histogram;
  confirm: Histogram;
  /** When each stroke id left its sender (performance.now()). */
  sentAt: Map<string, number>;
  strokes: number;
  presenceIn: number;
  disconnects: Array<{ code: number; reason: string }>;
}

export interface SimOptions {
  url: string;
  boardId: string;
  token: string;
  participantId: string;
  drawer: boolean;
  strokes: readonly BenchStroke[];
  stats: LoadStats;
  /** Strokes kept per drawer; older ones are erased, so the room's document stays the same size. */
  keep: number;
}

const ID_RE = /Ld\d{12}/g;
let nextStroke = 0;

function frame(type: number, write: (enc: encoding.Encoder) => void): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, type);
  write(enc);
  return encoding.toUint8Array(enc);
}

export class SimClient {
  private ws!: WebSocket;
  private readonly doc = new Y.Doc();
  private readonly awareness = new awarenessProtocol.Awareness(this.doc);
  private readonly board: Board;
  private timer: NodeJS.Timeout | null = null;
  private closing = false;
  private sent = 0;
  private confirmed = 0;
  private readonly updateSentAt = new Map<number, number>();
  private readonly mine: string[] = [];
  private burstUntil = 0;
  private restUntil = 0;
  private readonly phase = Math.random() * Math.PI * 2;

  constructor(private readonly o: SimOptions) {
    this.board = new Board(this.doc, o.participantId);
    this.awareness.setLocalState({ user: { id: o.participantId, name: 'Sim', color: '#1f6feb', role: 'participant' }, cursor: { x: 0, y: 0 }, drawing: false });
    this.doc.on('update', (update: Uint8Array) => {
      this.updateSentAt.set(++this.sent, performance.now());
      this.send(frame(MessageType.Sync, (enc) => {
        encoding.writeVarUint(enc, 2);
        encoding.writeVarUint8Array(enc, update);
      }));
    });
  }

  /** Connects and resolves once the server's state (sync step 2) is in. */
  open(): Promise<void> {
    const { url, boardId, token } = this.o;
    this.ws = new WebSocket(`${url.replace(/^http/, 'ws')}/ws/${boardId}?token=${encodeURIComponent(token)}&caps=confirm`);
    return new Promise((resolve, reject) => {
      this.ws.on('open', () => {
        this.send(frame(MessageType.Sync, (enc) => {
          encoding.writeVarUint(enc, 0);
          encoding.writeVarUint8Array(enc, Y.encodeStateVector(this.doc));
        }));
        this.sendPresence();
      });
      this.ws.on('message', (data: Buffer) => {
        if (data[0] === MessageType.Sync && data[1] === 1) resolve();
        this.onMessage(data);
      });
      this.ws.on('error', () => {});
      this.ws.on('close', (code, reason) => {
        if (!this.closing) this.o.stats.disconnects.push({ code, reason: reason.toString() });
        reject(new Error(`closed ${code}`));
      });
    });
  }

  /** Presence (and, for drawers in a burst, a stroke) every 100 ms. */
  start(): void {
    this.timer = setInterval(() => this.tick(), 100);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  close(): void {
    this.stop();
    this.closing = true;
    this.awareness.destroy();
    this.ws.close();
  }

  private tick(): void {
    const now = performance.now();
    this.sendPresence(now);
    if (!this.o.drawer) return;
    if (now >= this.burstUntil && now >= this.restUntil) {
      // Bursts of 2-4 s at 10 strokes/s, then 1-3 s of rest.
      this.burstUntil = now + 2000 + Math.random() * 2000;
      this.restUntil = this.burstUntil + 1000 + Math.random() * 2000;
    }
    if (now < this.burstUntil) this.draw(now);
  }

  private sendPresence(now = performance.now()): void {
    const t = now / 1000 + this.phase;
    this.awareness.setLocalStateField('cursor', { x: Math.round(500 + 300 * Math.cos(t)), y: Math.round(400 + 200 * Math.sin(t * 1.3)) });
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.doc.clientID]);
    this.send(frame(MessageType.Awareness, (enc) => encoding.writeVarUint8Array(enc, update)));
  }

  private draw(now: number): void {
    const { strokes, stats, keep } = this.o;
    const id = `Ld${String(nextStroke++).padStart(12, '0')}`;
    const stroke = strokes[nextStroke % strokes.length]!;
    stats.sentAt.set(id, now);
    stats.strokes++;
    this.doc.transact(() => {
      this.board.addStroke({ ...stroke, id });
      this.mine.push(id);
      if (this.mine.length > keep) this.board.deleteItems([this.mine.shift()!]);
    });
  }

  private onMessage(data: Buffer): void {
    const { stats } = this.o;
    const type = data[0];
    if (type === MessageType.Awareness) {
      stats.presenceIn++;
      return;
    }
    if (type === MessageType.Confirm) {
      const n = decoding.readVarUint(decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset + 1, data.byteLength - 1)));
      const now = performance.now();
      for (let i = this.confirmed + 1; i <= n; i++) {
        const at = this.updateSentAt.get(i);
        if (at !== undefined) stats.confirm.add(now - at);
        this.updateSentAt.delete(i);
      }
      this.confirmed = Math.max(this.confirmed, n);
      return;
    }
    if (type === MessageType.Sync && data[1] === 2) {
      const now = performance.now();
      for (const m of data.toString('latin1').matchAll(ID_RE)) {
        const at = stats.sentAt.get(m[0]);
        if (at !== undefined) stats.relay.add(now - at);
      }
    }
  }

  private send(message: Uint8Array): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(message);
  }
}
