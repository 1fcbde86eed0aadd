/**
 * The boundary of a private-drawing phase: the document's state vector when it started, and the
 * deletions each participant has made since. Participants' structs at or above the boundary stay
 * with their artist and the facilitator, and so do their deletions (a move or an erasure of older
 * work). Stored next to the board (DocStore savePrivacy) so a restart mid-phase keeps privacy;
 * read leniently (a damaged row = no boundary).
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type * as Y from 'yjs';
import { stateOf, type DeleteRanges } from './filteredUpdate';

export interface Boundary {
  /** client -> first private clock. A client missing here started during the phase: all private. */
  sv: ReadonlyMap<number, number>;
  /** participant id -> the deletions their updates made during the phase. */
  withheld: Map<string, DeleteRanges>;
}

const VERSION = 2;

export function captureBoundary(doc: Y.Doc): Boundary {
  return { sv: stateOf(doc), withheld: new Map() };
}

function writeRanges(enc: encoding.Encoder, ranges: DeleteRanges): void {
  encoding.writeVarUint(enc, ranges.size);
  for (const [client, list] of ranges) {
    encoding.writeVarUint(enc, client);
    encoding.writeVarUint(enc, list.length);
    for (const r of list) {
      encoding.writeVarUint(enc, r.clock);
      encoding.writeVarUint(enc, r.len);
    }
  }
}

function readRanges(dec: decoding.Decoder): DeleteRanges {
  const ranges = new Map<number, Array<{ clock: number; len: number }>>();
  for (let n = decoding.readVarUint(dec); n > 0; n--) {
    const client = decoding.readVarUint(dec);
    const list: Array<{ clock: number; len: number }> = [];
    for (let m = decoding.readVarUint(dec); m > 0; m--) list.push({ clock: decoding.readVarUint(dec), len: decoding.readVarUint(dec) });
    ranges.set(client, list);
  }
  return ranges;
}

export function encodeBoundary(boundary: Boundary): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, VERSION);
  encoding.writeVarUint(enc, boundary.sv.size);
  for (const [client, clock] of boundary.sv) {
    encoding.writeVarUint(enc, client);
    encoding.writeVarUint(enc, clock);
  }
  encoding.writeVarUint(enc, boundary.withheld.size);
  for (const [participant, ranges] of boundary.withheld) {
    encoding.writeVarString(enc, participant);
    writeRanges(enc, ranges);
  }
  return encoding.toUint8Array(enc);
}

export function decodeBoundary(data: Uint8Array): Boundary | null {
  try {
    const dec = decoding.createDecoder(data);
    if (decoding.readVarUint(dec) !== VERSION) return null;
    const sv = new Map<number, number>();
    for (let n = decoding.readVarUint(dec); n > 0; n--) sv.set(decoding.readVarUint(dec), decoding.readVarUint(dec));
    const withheld = new Map<string, DeleteRanges>();
    for (let n = decoding.readVarUint(dec); n > 0; n--) {
      const participant = decoding.readVarString(dec);
      withheld.set(participant, readRanges(dec));
    }
    return decoding.hasContent(dec) ? null : { sv, withheld };
  } catch {
    return null;
  }
}
