/**
 * Encodes a document as a Yjs (v1) update with some clients' structs cut off at a clock: the view
 * of the board a participant or the projector may receive while private drawing is in force.
 *
 * It mirrors Yjs' own writeStateAsUpdate (structs per client, newest client first, then the delete
 * set) with two differences: a client in `caps` is written only below its cap (a struct that spans
 * the cap is written as a shortened copy), and the delete set is the caller's (for capped clients,
 * the one at the boundary, so nobody sees a private erasure either). Yjs exports the struct classes
 * and the encoder but not writeStructs, hence these few lines.
 */
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/** client -> sorted, non-overlapping [clock, len) ranges. */
export type DeleteRanges = Map<number, ReadonlyArray<{ clock: number; len: number }>>;

/** A struct as stored in a Y.Doc: Item or GC (Skip never is). */
type Struct = Y.Item | Y.GC;

function clientsOf(doc: Y.Doc): Map<number, Struct[]> {
  return (doc.store as unknown as { clients: Map<number, Struct[]> }).clients;
}

/** The next clock of each client in the document (its state vector as a map). */
export function stateOf(doc: Y.Doc): Map<number, number> {
  const sv = new Map<number, number>();
  for (const [client, structs] of clientsOf(doc)) {
    const last = structs[structs.length - 1];
    if (last) sv.set(client, last.id.clock + last.length);
  }
  return sv;
}

/** The document's delete set (every deleted struct), as ranges. */
export function deleteRangesOf(doc: Y.Doc): DeleteRanges {
  const ds = Y.createDeleteSetFromStructStore(doc.store) as unknown as { clients: Map<number, Array<{ clock: number; len: number }>> };
  return new Map([...ds.clients].map(([client, items]) => [client, items.map((i) => ({ clock: i.clock, len: i.len }))]));
}

export function encodeStateVectorMap(sv: ReadonlyMap<number, number>): Uint8Array {
  const enc = encoding.createEncoder();
  const entries = [...sv].filter(([, clock]) => clock > 0);
  encoding.writeVarUint(enc, entries.length);
  for (const [client, clock] of entries.sort((a, b) => b[0] - a[0])) {
    encoding.writeVarUint(enc, client);
    encoding.writeVarUint(enc, clock);
  }
  return encoding.toUint8Array(enc);
}

/** The document's state vector with every capped client lowered to its cap. */
export function cappedStateVector(doc: Y.Doc, caps: ReadonlyMap<number, number>): Uint8Array {
  const sv = stateOf(doc);
  for (const [client, cap] of caps) {
    const clock = sv.get(client);
    if (clock !== undefined && clock > cap) sv.set(client, cap);
  }
  return encodeStateVectorMap(sv);
}

/** `struct` shortened to end at clock `end` (end inside it). */
function shortened(struct: Struct, end: number): Struct {
  const len = end - struct.id.clock;
  if (struct instanceof Y.GC) return new Y.GC(struct.id, len);
  const content = struct.content.copy();
  content.splice(len);
  return new Y.Item(struct.id, null, struct.origin, null, struct.rightOrigin, struct.parent, struct.parentSub, content);
}

/**
 * The update that brings a peer at `target` (client -> clock it has) to the document's state,
 * except that each capped client's structs stop at its cap; `deletes` is written as the delete set.
 */
export function encodeFilteredUpdate(
  doc: Y.Doc,
  target: ReadonlyMap<number, number>,
  caps: ReadonlyMap<number, number>,
  deletes: DeleteRanges,
): Uint8Array {
  const encoder = new Y.UpdateEncoderV1();
  const rest = encoder.restEncoder;
  const runs: Array<{ client: number; structs: Struct[]; from: number; to: number }> = [];
  for (const [client, structs] of clientsOf(doc)) {
    const last = structs[structs.length - 1];
    if (!last) continue;
    const from = Math.max(target.get(client) ?? 0, structs[0]!.id.clock);
    const to = Math.min(caps.get(client) ?? Infinity, last.id.clock + last.length);
    if (from < to) runs.push({ client, structs, from, to });
  }
  encoding.writeVarUint(rest, runs.length);
  for (const { client, structs, from, to } of runs.sort((a, b) => b.client - a.client)) {
    const first = Y.findIndexSS(structs as unknown as Y.Item[], from);
    const last = Y.findIndexSS(structs as unknown as Y.Item[], to - 1);
    encoding.writeVarUint(rest, last - first + 1);
    encoder.writeClient(client);
    encoding.writeVarUint(rest, from);
    for (let i = first; i <= last; i++) {
      const struct = structs[i]!;
      const whole = struct.id.clock + struct.length <= to ? struct : shortened(struct, to);
      whole.write(encoder, i === first ? from - struct.id.clock : 0);
    }
  }
  const clients = [...deletes].filter(([, ranges]) => ranges.length > 0).sort((a, b) => b[0] - a[0]);
  encoding.writeVarUint(rest, clients.length);
  for (const [client, ranges] of clients) {
    encoding.writeVarUint(rest, client);
    encoding.writeVarUint(rest, ranges.length);
    for (const r of ranges) {
      encoding.writeVarUint(rest, r.clock);
      encoding.writeVarUint(rest, r.len);
    }
  }
  return encoder.toUint8Array();
}
