/**
 * Deterministic, handwriting-like strokes shared by every bench.
 *
 * A stroke is integrated from a heading whose curvature varies smoothly (two slow sinusoids plus a
 * filtered random walk, so letters curl and loop), a speed of about 2-6 px per sample that drops
 * in tight turns (as hands do), and a little sensor jitter. Pen strokes carry a smoothly varying
 * pressure that ramps in and out; mouse strokes carry the constant 0.5 every mouse reports.
 */
import * as Y from 'yjs';
import type { NewStroke } from '../../src/model/board';

/** mulberry32: small, fast, good enough for test data. */
export function makeRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const BENCH_SEED = 20240607;
export const POINTS_PER_STROKE = 200;
const COLORS = ['#1f2937', '#2563eb', '#dc2626', '#059669', '#d97706', '#7c3aed', '#db2777', '#0891b2'];
const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

export interface StrokeOptions {
  /** Pen (varying pressure) or mouse (constant 0.5). */
  pen: boolean;
  /** Where the stroke starts (board px). */
  x0: number;
  y0: number;
  count?: number;
}

/** Absolute points, stride 3 (x, y, pressure), as the pen tool hands them to `Board.addStroke`. */
export function generatePoints(rng: () => number, opts: StrokeOptions): Float64Array {
  const n = opts.count ?? POINTS_PER_STROKE;
  const out = new Float64Array(n * 3);
  const tau = Math.PI * 2;
  // Curvature (radians per sample): letters of 10-40 px radius at ~4 px per sample.
  const a1 = 0.12 + rng() * 0.18, w1 = 0.05 + rng() * 0.1, p1 = rng() * tau;
  const a2 = 0.04 + rng() * 0.08, w2 = 0.15 + rng() * 0.2, p2 = rng() * tau;
  const bias = (rng() - 0.5) * 0.02;
  const ws = 0.03 + rng() * 0.05, ps = rng() * tau;
  const wp = 0.02 + rng() * 0.04, pp = rng() * tau;
  const baseline = (rng() - 0.5) * 0.6; // the direction the writing progresses in
  let heading = baseline + (rng() - 0.5) * 1.2;
  let walk = 0;
  let x = opts.x0, y = opts.y0;
  for (let i = 0; i < n; i++) {
    const jx = (rng() - 0.5) * 0.3, jy = (rng() - 0.5) * 0.3; // sensor jitter, +-0.15 px
    out[i * 3] = x + jx;
    out[i * 3 + 1] = y + jy;
    if (opts.pen) {
      const ramp = Math.min(1, (i + 1) / 12, (n - i) / 12);
      const p = (0.45 + 0.2 * Math.sin(wp * i + pp)) * (0.35 + 0.65 * ramp) + (rng() - 0.5) * 0.01;
      out[i * 3 + 2] = Math.min(1, Math.max(0.05, p));
    } else {
      out[i * 3 + 2] = 0.5;
    }
    walk = walk * 0.9 + (rng() - 0.5) * 0.04;
    const curvature = a1 * Math.sin(w1 * i + p1) + a2 * Math.sin(w2 * i + p2) + bias + walk - 0.04 * Math.sin(heading - baseline);
    heading += curvature;
    const speed = 5.2 - 7 * Math.abs(curvature) + 0.7 * Math.sin(ws * i + ps) + (rng() - 0.5) * 0.3;
    const step = Math.min(6, Math.max(2, speed));
    x += Math.cos(heading) * step;
    y += Math.sin(heading) * step;
  }
  return out;
}

export function makeItemId(rng: () => number): string {
  let s = '';
  for (let i = 0; i < 16; i++) s += ID_ALPHABET[Math.floor(rng() * 64)];
  return s;
}

export interface BenchStroke extends NewStroke {
  id: string;
  pen: boolean;
}

/**
 * The i-th stroke of a deterministic sequence. `penShare` of the strokes are pen strokes (the
 * rest mouse). Strokes are spread over a board of `spread` x `spread` px.
 */
export function strokeSequence(count: number, opts: { seed?: number; penShare?: number; spread?: number } = {}): BenchStroke[] {
  const rng = makeRng(opts.seed ?? BENCH_SEED);
  const penShare = opts.penShare ?? 0.5;
  const spread = opts.spread ?? 20000;
  const out: BenchStroke[] = [];
  for (let i = 0; i < count; i++) {
    const pen = rng() < penShare;
    const x0 = (rng() - 0.5) * spread, y0 = (rng() - 0.5) * spread;
    const points = generatePoints(rng, { pen, x0, y0 });
    out.push({
      id: makeItemId(rng),
      pen,
      tool: rng() < 0.9 ? 'pen' : 'highlighter',
      color: COLORS[Math.floor(rng() * COLORS.length)]!,
      width: [2, 3, 4, 6, 8][Math.floor(rng() * 5)]!,
      points,
    });
  }
  return out;
}

/** Distance between consecutive samples, for a sanity line in the report. */
export function stepStats(points: Float64Array): { min: number; median: number; max: number } {
  const d: number[] = [];
  for (let i = 3; i < points.length; i += 3) d.push(Math.hypot(points[i]! - points[i - 3]!, points[i + 1]! - points[i - 2]!));
  d.sort((a, b) => a - b);
  return { min: d[0] ?? 0, median: d[Math.floor(d.length / 2)] ?? 0, max: d[d.length - 1] ?? 0 };
}

/**
 * A Y.Doc with a fixed client id. Yjs picks a random 32-bit id, written as a 1-5 byte varint in
 * every update (and in each nested field's parent reference), which would make byte counts vary
 * from run to run; 15 in 16 random ids take 5 bytes, so fixed ids of that size are typical.
 */
export function docWithClientId(clientId: number): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  return doc;
}

export const TYPICAL_CLIENT_ID = 3_141_592_653;
