/**
 * The facilitator's laser pointer: a red trail that fades within LASER_FADE_MS. Never in the
 * document. The facilitator's screen keeps its own trail here; presence sends the last
 * LASER_WINDOW_MS of it (points with their age) and every other screen keeps a copy per sender,
 * placed on its own clock at the moment it arrived, so clock skew between laptops does not matter.
 * Time is performance.now()-like milliseconds throughout.
 */
import type { Vec } from '../geometry/camera';
import { Store } from './store';

/** A point of the trail: board coordinates and when it was there (this screen's clock). */
export interface LaserPoint {
  x: number;
  y: number;
  t: number;
}

/** A trail's tail fades out over this long. */
export const LASER_FADE_MS = 700;
/** Presence carries this much of the trail (more than the fade and the lag, so a late message still overlaps). */
export const LASER_WINDOW_MS = 850;
/** At most this many points travel (a 120 Hz pen over a second, thinned). */
export const LASER_MAX_POINTS = 90;
/**
 * Remote trails are drawn this far behind their arrival, so the points of each message are revealed
 * over the following frames instead of jumping in together (messages come every ~33-50 ms).
 */
export const LASER_REMOTE_LAG_MS = 60;

/** The newest part of the trail stays fully bright this long before it starts to fade. */
export const LASER_HOLD_MS = 120;

/** Opacity of a trail point `age` ms old: full for LASER_HOLD_MS, then a smooth (smoothstep) fade to nothing. */
export function laserAlpha(age: number): number {
  if (age <= LASER_HOLD_MS) return 1;
  if (age >= LASER_FADE_MS) return 0;
  const k = (age - LASER_HOLD_MS) / (LASER_FADE_MS - LASER_HOLD_MS);
  return 1 - k * k * (3 - 2 * k);
}

/** The points still visible at `now`, oldest first. */
export function visibleTrail(points: readonly LaserPoint[], now: number): LaserPoint[] {
  return points.filter((p) => p.t <= now && now - p.t < LASER_FADE_MS);
}

/**
 * The wire form, oldest point first: the first point as [x, y, ageMs], every later one as the
 * difference from the one before [dx, dy, dAge] (dAge = how much younger it is, >= 0). Whole board
 * px and ms: small integers, so the JSON stays short (~6 characters a point).
 */
export function encodeTrail(points: readonly LaserPoint[], now: number): number[] {
  const recent = points.filter((p) => now - p.t <= LASER_WINDOW_MS);
  const step = Math.max(1, Math.ceil(recent.length / LASER_MAX_POINTS));
  const picked: LaserPoint[] = [];
  for (let i = recent.length - 1; i >= 0; i -= step) picked.unshift(recent[i]!);
  const out: number[] = [];
  let prev: [number, number, number] | null = null;
  for (const p of picked) {
    const cur: [number, number, number] = [Math.round(p.x), Math.round(p.y), Math.max(0, Math.round(now - p.t))];
    if (prev) out.push(cur[0] - prev[0], cur[1] - prev[1], Math.max(0, prev[2] - cur[2]));
    else out.push(...cur);
    prev = [cur[0], cur[1], prev ? prev[2] - Math.max(0, prev[2] - cur[2]) : cur[2]];
  }
  return out;
}

/** Reads a remote trail leniently (anything malformed is no trail), placed on this screen's clock. */
export function decodeTrail(value: unknown, receivedAt: number): LaserPoint[] {
  if (!Array.isArray(value) || value.length % 3 !== 0 || value.length > LASER_MAX_POINTS * 3) return [];
  if (!value.every((n) => typeof n === 'number' && Number.isFinite(n))) return [];
  const v = value as number[];
  const out: LaserPoint[] = [];
  let x = 0, y = 0, age = 0;
  for (let i = 0; i < v.length; i += 3) {
    if (i === 0) [x, y, age] = [v[0]!, v[1]!, v[2]!];
    else {
      if (v[i + 2]! < 0) return [];
      x += v[i]!;
      y += v[i + 1]!;
      age -= v[i + 2]!;
    }
    if (!(age >= 0 && age <= LASER_WINDOW_MS * 10)) return [];
    out.push({ x, y, t: receivedAt - age });
  }
  return out;
}

/** Where the laser tool puts its trail (this screen's layer and presence). */
export interface LaserSink {
  /** The laser is at `p` (board coordinates) now. */
  point(p: Vec): void;
  /** The press ended (the trail fades on its own). */
  end(): void;
}

/** While the laser is held still, its point is renewed this often so it stays lit (a real laser does). */
export const LASER_HOLD_REFRESH_MS = 150;

/**
 * The facilitator's laser sink: adds each point to this screen's trails and hands the trail to
 * `publish` (presence). While the button stays down without moving, the last point is renewed every
 * LASER_HOLD_REFRESH_MS, so the dot stays lit where it rests instead of fading under the pointer.
 */
export function createLaserSink(
  trails: LaserTrails,
  publish: (trail: readonly LaserPoint[]) => void,
  timers: { every(ms: number, fn: () => void): () => void } = {
    every: (ms, fn) => {
      const id = setInterval(fn, ms);
      return () => clearInterval(id);
    },
  },
): LaserSink {
  let last: Vec | null = null;
  let stopHold: (() => void) | null = null;
  const add = (p: Vec) => {
    trails.addLocal(p);
    publish(trails.local);
  };
  return {
    point(p) {
      last = { x: p.x, y: p.y };
      add(last);
      stopHold ??= timers.every(LASER_HOLD_REFRESH_MS, () => {
        const lastAt = trails.local.at(-1)?.t ?? -Infinity;
        if (last && trails.now() - lastAt >= LASER_HOLD_REFRESH_MS - 1) add(last);
      });
    },
    end() {
      stopHold?.();
      stopHold = null;
      last = null;
      publish(trails.local);
    },
  };
}

/** A trail on screen: whose, in what colour, and its points. */
export interface Trail {
  key: string;
  points: readonly LaserPoint[];
  /** Drawn this many ms behind the clock (remote trails). */
  lag: number;
}

/**
 * Every trail this screen shows: its own (the facilitator's) and remote ones by awareness client
 * id. The layer reads `trails` every frame while `active` says something is still fading.
 */
export class LaserTrails {
  /** Bumped whenever a trail changes: the layer starts animating. */
  readonly version = new Store(0);
  private own: LaserPoint[] = [];
  private readonly remote = new Map<number, LaserPoint[]>();

  constructor(readonly now: () => number = () => performance.now()) {}

  /** This screen's laser moved to `p` (board coordinates). */
  addLocal(p: Vec, t = this.now()): void {
    this.own.push({ x: p.x, y: p.y, t });
    const cut = t - LASER_WINDOW_MS;
    while (this.own.length > 0 && this.own[0]!.t < cut) this.own.shift();
    this.bump();
  }

  /** The own trail (presence sends it). */
  get local(): readonly LaserPoint[] {
    return this.own;
  }

  /** A remote trail arrived (replaces the sender's previous one: each message carries the last LASER_WINDOW_MS). */
  setRemote(clientId: number, points: LaserPoint[]): void {
    if (points.length === 0) {
      if (this.remote.delete(clientId)) this.bump();
      return;
    }
    this.remote.set(clientId, points);
    this.bump();
  }

  /** Drops remote trails of senders that are gone. */
  keepOnly(clientIds: ReadonlySet<number>): void {
    let changed = false;
    for (const id of this.remote.keys()) {
      if (!clientIds.has(id)) changed = this.remote.delete(id) || changed;
    }
    if (changed) this.bump();
  }

  trails(): Trail[] {
    const out: Trail[] = [];
    if (this.own.length > 0) out.push({ key: 'me', points: this.own, lag: 0 });
    for (const [id, points] of this.remote) out.push({ key: String(id), points, lag: LASER_REMOTE_LAG_MS });
    return out;
  }

  /** Whether anything is visible at `now` or still to be revealed. */
  active(now = this.now()): boolean {
    return this.trails().some((tr) => tr.points.some((p) => now - tr.lag - p.t < LASER_FADE_MS));
  }

  clear(): void {
    this.own = [];
    this.remote.clear();
    this.bump();
  }

  private bump(): void {
    this.version.set(this.version.get() + 1);
  }
}
