/**
 * Sends this screen's in-progress stroke to the room as live messages (src/protocol/liveStroke.ts):
 * a 'start', then delta-coded 'points' chunks, at most one per animation frame, then 'end'.
 * Deltas run between quantised positions (0.1 px), so rounding never accumulates into drift.
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
    this.send(encodeLiveFromClient({ type: 'start', key: this.key, ...stroke }));
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
    if (!this.scheduled && this.pending.length > 0) {
      this.scheduled = true;
      this.schedule(this.onFrame);
    }
  }

  end(): void {
    if (!this.active) return;
    while (this.pending.length > 0) this.flushChunk();
    this.send(encodeLiveFromClient({ type: 'end', key: this.key }));
    this.active = false;
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
