/**
 * Sends this screen's in-progress stroke to the room as live messages (src/protocol/liveStroke.ts):
 * a 'start' carrying the first points, then delta-coded 'points' chunks, at most one per animation
 * frame, then 'end'. Deltas run between quantised positions (0.1 px), so rounding never accumulates
 * into drift.
 *
 * The start waits for the pen-down point and leaves with it at once. Pointer moves reach the page
 * just before a frame, but a pointer down comes whenever it happens; sent with the next frame's
 * chunk, the first point waited most of a frame (bench render: the first point of each stroke was
 * the slowest to appear on another screen, 19-34 ms against a 12-15 ms median).
 */
import type { LiveSink, LiveStrokeStart } from '../editor/live';
import { encodeLiveFromClient } from '../protocol/liveStroke';

/** Keeps a chunk far below the 4 KB message cap even when every delta is large (<= 12 bytes a point). */
const MAX_POINTS_PER_CHUNK = 256;
const KEY_SPACE = 1 << 20;

export type Schedule = (callback: () => void) => void;

export class LiveSender implements LiveSink {
  private key = 0;
  private active = false;
  private qx = 0;
  private qy = 0;
  private pending: number[] = [];
  private scheduled = false;
  /** The stroke announced by start(), until its first points go out with it. */
  private starting: LiveStrokeStart | null = null;

  constructor(
    private readonly send: (bytes: Uint8Array) => void,
    private readonly schedule: Schedule = (cb) => requestAnimationFrame(cb),
  ) {}

  start(stroke: LiveStrokeStart): void {
    if (this.active) this.end();
    this.key = (this.key + 1) % KEY_SPACE;
    this.active = true;
    this.qx = 0;
    this.qy = 0;
    this.pending = [];
    this.starting = stroke;
  }

  points(points: readonly number[]): void {
    if (!this.active) return;
    for (let i = 0; i + 2 < points.length; i += 3) {
      const qx = Math.round(points[i]! * 10);
      const qy = Math.round(points[i + 1]! * 10);
      this.pending.push(qx - this.qx, qy - this.qy, Math.round(Math.min(1, Math.max(0, points[i + 2]!)) * 255));
      this.qx = qx;
      this.qy = qy;
    }
    if (this.starting) {
      const first = this.pending.splice(0, MAX_POINTS_PER_CHUNK * 3);
      this.send(encodeLiveFromClient({ type: 'start', key: this.key, ...this.starting, points: first }));
      this.starting = null;
    }
    if (!this.scheduled && this.pending.length > 0) {
      this.scheduled = true;
      this.schedule(this.onFrame);
    }
  }

  end(): void {
    if (!this.active) return;
    this.active = false;
    // A stroke that never had a point was never announced: nothing to take back.
    if (this.starting) {
      this.starting = null;
      return;
    }
    while (this.pending.length > 0) this.flushChunk();
    this.send(encodeLiveFromClient({ type: 'end', key: this.key }));
  }

  private readonly onFrame = (): void => {
    this.scheduled = false;
    if (!this.active || this.pending.length === 0) return;
    this.flushChunk();
    if (this.pending.length > 0) {
      this.scheduled = true;
      this.schedule(this.onFrame);
    }
  };

  private flushChunk(): void {
    const chunk = this.pending.splice(0, MAX_POINTS_PER_CHUNK * 3);
    this.send(encodeLiveFromClient({ type: 'points', key: this.key, points: chunk }));
  }
}
