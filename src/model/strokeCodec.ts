/**
 * Compact, immutable encoding of a stroke's points.
 *
 * Layout: varuint flags, varuint count, then a bit stream of adaptive Rice codes (see bitStream.ts)
 * of each point's residual against a prediction: x and y in 0.1 px units, pressure in 1/255 steps
 * when present.
 *   flags bit 0: pressure present (mice report a constant 0.5: stored as absent)
 *   flags bit 1: second-order prediction (prev + velocity) instead of first-order (prev)
 * The encoder tries both predictions and keeps the smaller buffer: smooth handwriting favours the
 * second order, jittery slow input the first. Quantisation error is at most 0.05 px.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { BitReader, BitWriter, RiceState } from './bitStream';

/** Flat points, stride 3: x, y, pressure (0..1). */
export type FlatPoints = ArrayLike<number>;

export const POINT_STRIDE = 3;
const SCALE = 10;
const PRESSURE_SCALE = 255;
const FLAG_PRESSURE = 1;
const FLAG_SECOND_ORDER = 2;
/** Pressure every mouse reports; strokes made only of it store no pressure. */
export const DEFAULT_PRESSURE = 0.5;

function hasVaryingPressure(points: FlatPoints): boolean {
  for (let i = 2; i < points.length; i += POINT_STRIDE) {
    if (points[i] !== DEFAULT_PRESSURE) return true;
  }
  return false;
}

function encodeWith(points: FlatPoints, count: number, pressure: boolean, secondOrder: boolean): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, (pressure ? FLAG_PRESSURE : 0) | (secondOrder ? FLAG_SECOND_ORDER : 0));
  encoding.writeVarUint(enc, count);
  const bits = new BitWriter();
  const rx = new RiceState(), ry = new RiceState(), rp = new RiceState();
  let px = 0, py = 0, pp = 0; // previous quantised values
  let vx = 0, vy = 0; // previous step, for the second-order prediction
  for (let i = 0; i < count; i++) {
    const o = i * POINT_STRIDE;
    const qx = Math.round((points[o] ?? 0) * SCALE);
    const qy = Math.round((points[o + 1] ?? 0) * SCALE);
    const predX = secondOrder && i > 1 ? px + vx : px;
    const predY = secondOrder && i > 1 ? py + vy : py;
    rx.write(bits, qx - predX);
    ry.write(bits, qy - predY);
    if (pressure) {
      const qp = Math.round(Math.min(1, Math.max(0, points[o + 2] ?? DEFAULT_PRESSURE)) * PRESSURE_SCALE);
      rp.write(bits, qp - pp);
      pp = qp;
    }
    vx = qx - px;
    vy = qy - py;
    px = qx;
    py = qy;
  }
  for (const byte of bits.finish()) encoding.writeUint8(enc, byte);
  return encoding.toUint8Array(enc);
}

export function encodePoints(points: FlatPoints): Uint8Array {
  const count = Math.floor(points.length / POINT_STRIDE);
  const pressure = hasVaryingPressure(points);
  const first = encodeWith(points, count, pressure, false);
  const second = encodeWith(points, count, pressure, true);
  return second.length < first.length ? second : first;
}

/**
 * Decodes a buffer made by `encodePoints`. Throws on malformed input (a remote peer's data is
 * untrusted: callers skip the item).
 */
export function decodePoints(buffer: Uint8Array): Float64Array {
  const dec = decoding.createDecoder(buffer);
  const flags = decoding.readVarUint(dec);
  const count = decoding.readVarUint(dec);
  // Each point takes at least two bits: a count beyond that is a lie, refuse before allocating.
  if (flags > 3 || count > (buffer.length - dec.pos) * 4) throw new Error('malformed stroke points');
  const pressure = (flags & FLAG_PRESSURE) !== 0;
  const secondOrder = (flags & FLAG_SECOND_ORDER) !== 0;
  const bits = new BitReader(buffer, dec.pos);
  const rx = new RiceState(), ry = new RiceState(), rp = new RiceState();
  const out = new Float64Array(count * POINT_STRIDE);
  let px = 0, py = 0, pp = 0, vx = 0, vy = 0;
  for (let i = 0; i < count; i++) {
    const predX = secondOrder && i > 1 ? px + vx : px;
    const predY = secondOrder && i > 1 ? py + vy : py;
    const qx = predX + rx.read(bits);
    const qy = predY + ry.read(bits);
    if (pressure) pp += rp.read(bits);
    const o = i * POINT_STRIDE;
    out[o] = qx / SCALE;
    out[o + 1] = qy / SCALE;
    out[o + 2] = pressure ? pp / PRESSURE_SCALE : DEFAULT_PRESSURE;
    vx = qx - px;
    vy = qy - py;
    px = qx;
    py = qy;
  }
  if (bits.end !== buffer.length) throw new Error('malformed stroke points: trailing bytes');
  return out;
}
