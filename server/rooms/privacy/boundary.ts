/**
 * The boundary of a private-drawing phase: the document's state vector and delete set at the moment
 * it started. Participants' structs at or above it stay with their artist and the facilitator; below
 * it (and the deletions made before it) everyone has. Stored next to the board (DocStore
 * savePrivacy) so a restart mid-phase keeps privacy; read leniently (a damaged row = no boundary).
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type * as Y from 'yjs';
import { deleteRangesOf, stateOf, type DeleteRanges } from './filteredUpdate';

export interface Boundary {
  /** client -> first private clock. A client missing here started during the phase: all private. */
  sv: ReadonlyMap<number, number>;
  /** What was deleted at the boundary, per client. */
  deletes: DeleteRanges;
}

const VERSION = 1;

export function captureBoundary(doc: Y.Doc): Boundary {
  return { sv: stateOf(doc), deletes: deleteRangesOf(doc) };
}

export function encodeBoundary(boundary: Boundary): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, VERSION);
  encoding.writeVarUint(enc, boundary.sv.size);
  for (const [client, clock] of boundary.sv) {
    encoding.writeVarUint(enc, client);
    encoding.writeVarUint(enc, clock);
  }
  encoding.writeVarUint(enc, boundary.deletes.size);
  for (const [client, ranges] of boundary.deletes) {
    encoding.writeVarUint(enc, client);
    encoding.writeVarUint(enc, ranges.length);
    for (const r of ranges) {
      encoding.writeVarUint(enc, r.clock);
      encoding.writeVarUint(enc, r.len);
    }
  }
  return encoding.toUint8Array(enc);
}

export function decodeBoundary(data: Uint8Array): Boundary | null {
  try {
    const dec = decoding.createDecoder(data);
    if (decoding.readVarUint(dec) !== VERSION) return null;
    const sv = new Map<number, number>();
    for (let n = decoding.readVarUint(dec); n > 0; n--) sv.set(decoding.readVarUint(dec), decoding.readVarUint(dec));
    const deletes = new Map<number, Array<{ clock: number; len: number }>>();
    for (let n = decoding.readVarUint(dec); n > 0; n--) {
      const client = decoding.readVarUint(dec);
      const ranges: Array<{ clock: number; len: number }> = [];
      for (let m = decoding.readVarUint(dec); m > 0; m--) ranges.push({ clock: decoding.readVarUint(dec), len: decoding.readVarUint(dec) });
      deletes.set(client, ranges);
    }
    return decoding.hasContent(dec) ? null : { sv, deletes };
  } catch {
    return null;
  }
}
