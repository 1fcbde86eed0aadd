/**
 * A stroke as ONE immutable binary value in `items` (one Yjs struct per stroke instead of one per
 * field). Load time and memory of a board follow its number of Yjs structs: a nested Y.Map with ten
 * fields made a 10,000-stroke board load in ~0.8 s and hold ~50 MB; one struct per stroke cuts both
 * by about 7x (bench/load.ts). Strokes are almost never edited after they are drawn, and an edit
 * (move, recolour, resize) writes a new record: two people changing the same stroke at the same
 * instant keep the last change (other kinds stay nested maps and merge field by field).
 *
 * Layout: varuint version, varuint flags, varstring author, varstring index, 3 bytes colour,
 * varuint width x10, zigzag varint x and y in 0.1 px, [zigzag rotation x100] [zigzag scaleX, scaleY
 * x1000], then the point buffer of strokeCodec.ts until the end.
 *   flags bit 0: highlighter; bit 1: rotation present; bit 2: scale present
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { LIMITS, type StrokeItem } from './schema';

const VERSION = 1;
const FLAG_HIGHLIGHTER = 1;
const FLAG_ROTATION = 2;
const FLAG_SCALE = 4;

export type StrokeFields = Omit<StrokeItem, 'id' | 'kind'>;

export function encodeStrokeRecord(s: StrokeFields): Uint8Array {
  const enc = encoding.createEncoder();
  const hasRotation = s.rotation !== 0;
  const hasScale = s.scaleX !== 1 || s.scaleY !== 1;
  encoding.writeVarUint(enc, VERSION);
  encoding.writeVarUint(enc, (s.tool === 'highlighter' ? FLAG_HIGHLIGHTER : 0) | (hasRotation ? FLAG_ROTATION : 0) | (hasScale ? FLAG_SCALE : 0));
  encoding.writeVarString(enc, s.author);
  encoding.writeVarString(enc, s.index);
  const rgb = parseInt(s.color.slice(1), 16);
  encoding.writeUint8(enc, (rgb >> 16) & 255);
  encoding.writeUint8(enc, (rgb >> 8) & 255);
  encoding.writeUint8(enc, rgb & 255);
  encoding.writeVarUint(enc, Math.round(s.width * 10));
  encoding.writeVarInt(enc, Math.round(s.x * 10));
  encoding.writeVarInt(enc, Math.round(s.y * 10));
  if (hasRotation) encoding.writeVarInt(enc, Math.round(s.rotation * 100));
  if (hasScale) {
    encoding.writeVarInt(enc, Math.round(s.scaleX * 1000));
    encoding.writeVarInt(enc, Math.round(s.scaleY * 1000));
  }
  encoding.writeUint8Array(enc, s.points);
  return encoding.toUint8Array(enc);
}

const hex = (n: number): string => n.toString(16).padStart(2, '0');

/**
 * Reads a record; throws on anything malformed or out of range (remote data: callers skip the
 * item). The points are a view into the record, not a copy.
 */
export function decodeStrokeRecord(record: Uint8Array): StrokeFields {
  const dec = decoding.createDecoder(record);
  if (decoding.readVarUint(dec) !== VERSION) throw new Error('unknown stroke record version');
  const flags = decoding.readVarUint(dec);
  if (flags > 7) throw new Error('unknown stroke flags');
  const author = decoding.readVarString(dec);
  const index = decoding.readVarString(dec);
  if (author.length > 64 || index.length > 256) throw new Error('stroke record field too long');
  const color = `#${hex(decoding.readUint8(dec))}${hex(decoding.readUint8(dec))}${hex(decoding.readUint8(dec))}`;
  const width = decoding.readVarUint(dec) / 10;
  const x = decoding.readVarInt(dec) / 10;
  const y = decoding.readVarInt(dec) / 10;
  const rotation = flags & FLAG_ROTATION ? decoding.readVarInt(dec) / 100 : 0;
  const scaleX = flags & FLAG_SCALE ? decoding.readVarInt(dec) / 1000 : 1;
  const scaleY = flags & FLAG_SCALE ? decoding.readVarInt(dec) / 1000 : 1;
  if (width < LIMITS.strokeWidth.min || width > LIMITS.strokeWidth.max) throw new Error('stroke width out of range');
  if (Math.abs(x) > LIMITS.coordinate || Math.abs(y) > LIMITS.coordinate || !(Math.abs(rotation) <= 360)) throw new Error('stroke out of range');
  for (const s of [scaleX, scaleY]) if (Math.abs(s) < LIMITS.scale.min || Math.abs(s) > LIMITS.scale.max) throw new Error('stroke scale out of range');
  const points = record.subarray(dec.pos);
  if (points.length === 0) throw new Error('stroke has no points');
  const tool = flags & FLAG_HIGHLIGHTER ? 'highlighter' : 'pen';
  return { author, index, x, y, rotation, tool, color, width, scaleX, scaleY, points };
}

/** Only the author, without decoding the rest (the server's ownership check). */
export function strokeRecordAuthor(record: Uint8Array): string {
  const dec = decoding.createDecoder(record);
  if (decoding.readVarUint(dec) !== VERSION) throw new Error('unknown stroke record version');
  decoding.readVarUint(dec);
  return decoding.readVarString(dec);
}
