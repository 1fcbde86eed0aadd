/**
 * In-progress strokes on this screen: our own (from the pen tool) and other people's (assembled
 * from relayed live messages). Pure: no DOM, no Yjs; the canvas reads it, sync feeds it.
 *
 * A remote stroke disappears when the committed item with the same id arrives (`removeItem`), or a
 * short grace period after its 'end' (a cancelled stroke, or a commit that never comes), or when
 * its sender falls silent.
 */
import type { LiveBody } from '../protocol/liveStroke';
import { isItemId } from '../protocol/ids';
import { LIMITS } from '../model/schema';
import type { LiveSink, LiveStrokeStart } from './live';

export interface LiveStroke extends LiveStrokeStart {
  key: string;
  /** Absolute board coordinates, stride 3 (x, y, pressure 0..1). */
  points: number[];
  /** When 'end' arrived (ms), or null while drawing. */
  endedAt: number | null;
  lastSeen: number;
}

export const LIVE_TIMING = {
  /** Keep an ended stroke this long, waiting for its committed item (no flicker on slow sync). */
  endGraceMs: 1000,
  /** Drop a remote stroke whose sender has sent nothing for this long. */
  staleMs: 10_000,
  /** At most this many concurrent live strokes per remote sender. */
  perSender: 4,
} as const;

const COLOR = /^#[0-9a-fA-F]{6}$/;
const LOCAL_KEY = 'local';

interface Cursor {
  qx: number;
  qy: number;
}

export class LiveStrokes {
  private strokes = new Map<string, LiveStroke>();
  private cursors = new Map<string, Cursor>();
  private listeners = new Set<() => void>();
  /** Bumped on every change: the canvas redraws when it moves. */
  version = 0;

  constructor(private readonly now: () => number = () => Date.now()) {}

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  all(): Iterable<LiveStroke> {
    return this.strokes.values();
  }

  get size(): number {
    return this.strokes.size;
  }

  get(key: string): LiveStroke | undefined {
    return this.strokes.get(key);
  }

  /** A LiveSink that draws this screen's own stroke. */
  localSink(): LiveSink {
    return {
      start: (s) => this.begin(LOCAL_KEY, s),
      points: (p) => this.append(LOCAL_KEY, p),
      // Our own stroke is committed synchronously before 'end': drop the preview at once.
      end: () => this.remove(LOCAL_KEY),
    };
  }

  /** Applies one relayed live message; throws nothing, ignores what does not validate. */
  applyRemote(sender: number, body: LiveBody): void {
    const key = `${sender}:${body.key}`;
    switch (body.type) {
      case 'start': {
        if (!isItemId(body.itemId) || !COLOR.test(body.color)) return;
        if (body.tool !== 'pen' && body.tool !== 'highlighter') return;
        if (!(body.width >= LIMITS.strokeWidth.min && body.width <= LIMITS.strokeWidth.max)) return;
        this.evictOldest(`${sender}:`);
        this.cursors.set(key, { qx: 0, qy: 0 });
        this.begin(key, { itemId: body.itemId, tool: body.tool, color: body.color, width: body.width });
        if (body.points) this.applyPoints(key, body.points);
        return;
      }
      case 'points':
        this.applyPoints(key, body.points);
        return;
      case 'end': {
        const stroke = this.strokes.get(key);
        if (!stroke) return;
        stroke.endedAt = this.now();
        this.cursors.delete(key);
        this.changed();
        return;
      }
    }
  }

  /** Relayed delta points (0.1 px, pressure 0-255) onto the stroke they continue. */
  private applyPoints(key: string, deltas: readonly number[]): void {
    const cursor = this.cursors.get(key);
    if (!cursor || !this.strokes.has(key)) return; // committed or never started: ignore late chunks
    const abs: number[] = [];
    for (let i = 0; i + 2 < deltas.length; i += 3) {
      cursor.qx += deltas[i]!;
      cursor.qy += deltas[i + 1]!;
      abs.push(cursor.qx / 10, cursor.qy / 10, Math.min(255, deltas[i + 2]!) / 255);
    }
    this.append(key, abs);
  }

  /** The committed item arrived: its preview is no longer needed. */
  removeItem(itemId: string): void {
    for (const [key, stroke] of this.strokes) {
      if (stroke.itemId === itemId && key !== LOCAL_KEY) this.remove(key);
    }
  }

  /** Drops ended strokes past their grace period and strokes of silent senders. */
  sweep(): void {
    const now = this.now();
    for (const [key, s] of this.strokes) {
      if (key === LOCAL_KEY) continue;
      if ((s.endedAt !== null && now - s.endedAt >= LIVE_TIMING.endGraceMs) || now - s.lastSeen >= LIVE_TIMING.staleMs) {
        this.remove(key);
      }
    }
  }

  /** Forgets every remote stroke (after a reconnect: sender numbers are per connection). */
  clearRemote(): void {
    for (const key of [...this.strokes.keys()]) if (key !== LOCAL_KEY) this.remove(key);
  }

  private begin(key: string, s: LiveStrokeStart): void {
    this.strokes.set(key, { ...s, key, points: [], endedAt: null, lastSeen: this.now() });
    this.changed();
  }

  private append(key: string, points: readonly number[]): void {
    const stroke = this.strokes.get(key);
    if (!stroke) return;
    const room = LIMITS.strokePoints * 3 - stroke.points.length;
    for (let i = 0; i < Math.min(points.length, room); i++) stroke.points.push(points[i]!);
    stroke.lastSeen = this.now();
    this.changed();
  }

  private remove(key: string): void {
    this.cursors.delete(key);
    if (this.strokes.delete(key)) this.changed();
  }

  private evictOldest(prefix: string): void {
    const own = [...this.strokes.values()].filter((s) => s.key.startsWith(prefix));
    if (own.length < LIVE_TIMING.perSender) return;
    own.sort((a, b) => a.lastSeen - b.lastSeen);
    this.remove(own[0]!.key);
  }

  private changed(): void {
    this.version++;
    for (const listener of [...this.listeners]) listener();
  }
}
