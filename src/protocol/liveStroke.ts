/**
 * Wire format of live in-progress strokes, so other screens see ink while it is drawn.
 *
 * client -> server: [Live][body]
 * server -> others: [Live][varuint sender connection number][body]
 * body:
 *   start:  [0][varuint key][varstring itemId][varstring tool][varstring color][varuint width*10]
 *           optionally followed by the stroke's first points: [1] or [3], then points as below
 *           (the pen-down point travels at once instead of waiting a frame for the first chunk)
 *   points: [1][varuint key] then (zigzag dx, zigzag dy in 0.1 px) until the end of the message:
 *           a chunk whose every pressure is 128 (mice report 0.5) carries none
 *           [3][varuint key] then (zigzag dx, zigzag dy, varuint pressure 0-255) until the end
 *           deltas continue from the previous point of the same stroke (the first from 0,0)
 *   end:    [2][varuint key]  (the stroke was committed under itemId, or cancelled)
 * `key` is a small per-connection number so that a chunk does not repeat the item id. The points
 * run to the end of the message, so no count is sent. A mouse point costs 2-4 bytes and a chunk 3
 * more; the pen sends at most one chunk per animation frame.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { MessageType } from './messages';

export const LIVE_LIMITS = {
  pointsPerChunk: 512,
  messageBytes: 4096,
  idLength: 32,
  colorLength: 16,
} as const;

export type LiveBody =
  | { type: 'start'; key: number; itemId: string; tool: string; color: string; width: number; points?: number[] }
  | { type: 'points'; key: number; points: number[] /* dx, dy, pressure triples, 0.1 px units */ }
  | { type: 'end'; key: number };

/** Quantised pressure of a mouse (0.5 of 0-255). */
const MOUSE_PRESSURE = 128;

function hasPressure(points: readonly number[]): boolean {
  for (let i = 2; i < points.length; i += 3) if (points[i] !== MOUSE_PRESSURE) return true;
  return false;
}

export function writeLiveBody(enc: encoding.Encoder, body: LiveBody): void {
  switch (body.type) {
    case 'start':
      encoding.writeVarUint(enc, 0);
      encoding.writeVarUint(enc, body.key);
      encoding.writeVarString(enc, body.itemId);
      encoding.writeVarString(enc, body.tool);
      encoding.writeVarString(enc, body.color);
      encoding.writeVarUint(enc, Math.round(body.width * 10));
      if (body.points && body.points.length >= 3) {
        const pressure = hasPressure(body.points);
        encoding.writeVarUint(enc, pressure ? 3 : 1);
        writePoints(enc, body.points, pressure);
      }
      break;
    case 'points': {
      const pressure = hasPressure(body.points);
      encoding.writeVarUint(enc, pressure ? 3 : 1);
      encoding.writeVarUint(enc, body.key);
      writePoints(enc, body.points, pressure);
      break;
    }
    case 'end':
      encoding.writeVarUint(enc, 2);
      encoding.writeVarUint(enc, body.key);
      break;
  }
}

/** Reads and validates a body; throws on anything malformed or out of bounds. */
export function readLiveBody(dec: decoding.Decoder): LiveBody {
  const type = decoding.readVarUint(dec);
  const key = decoding.readVarUint(dec);
  switch (type) {
    case 0: {
      const itemId = decoding.readVarString(dec);
      const tool = decoding.readVarString(dec);
      const color = decoding.readVarString(dec);
      const width = decoding.readVarUint(dec) / 10;
      if (itemId.length > LIVE_LIMITS.idLength || tool.length > 16 || color.length > LIVE_LIMITS.colorLength) {
        throw new Error('live stroke start out of bounds');
      }
      if (!decoding.hasContent(dec)) return { type: 'start', key, itemId, tool, color, width };
      const mode = decoding.readVarUint(dec);
      if (mode !== 1 && mode !== 3) throw new Error('unknown live points mode');
      return { type: 'start', key, itemId, tool, color, width, points: readPoints(dec, mode === 3) };
    }
    case 1:
    case 3:
      return { type: 'points', key, points: readPoints(dec, type === 3) };
    case 2:
      return { type: 'end', key };
    default:
      throw new Error('unknown live message');
  }
}

function writePoints(enc: encoding.Encoder, points: readonly number[], pressure: boolean): void {
  for (let i = 0; i + 2 < points.length; i += 3) {
    encoding.writeVarInt(enc, points[i]!);
    encoding.writeVarInt(enc, points[i + 1]!);
    if (pressure) encoding.writeVarUint(enc, points[i + 2]!);
  }
}

/** Delta points until the end of the message, bounded like a chunk. */
function readPoints(dec: decoding.Decoder, pressure: boolean): number[] {
  const points: number[] = [];
  while (decoding.hasContent(dec)) {
    if (points.length >= LIVE_LIMITS.pointsPerChunk * 3) throw new Error('too many live points');
    const dx = decoding.readVarInt(dec);
    const dy = decoding.readVarInt(dec);
    const p = pressure ? decoding.readVarUint(dec) : MOUSE_PRESSURE;
    if (p > 255) throw new Error('live pressure out of range');
    points.push(dx, dy, p);
  }
  return points;
}

export function encodeLiveFromClient(body: LiveBody): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, MessageType.Live);
  writeLiveBody(enc, body);
  return encoding.toUint8Array(enc);
}

/** Server side: prefix the body (already validated) with the sender's connection number. */
export function encodeLiveForPeers(sender: number, body: LiveBody): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, MessageType.Live);
  encoding.writeVarUint(enc, sender);
  writeLiveBody(enc, body);
  return encoding.toUint8Array(enc);
}

/** Client side: read a relayed live message after its type. */
export function readLiveFromPeer(dec: decoding.Decoder): { sender: number; body: LiveBody } {
  const sender = decoding.readVarUint(dec);
  return { sender, body: readLiveBody(dec) };
}
