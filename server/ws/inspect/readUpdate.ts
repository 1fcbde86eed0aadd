/**
 * Reads a Yjs V1 update into plain descriptors, without touching any document. We parse the wire
 * format ourselves (instead of `Y.decodeUpdate`) so that we can (1) check every count against the
 * bytes left before looping on it, (2) refuse content kinds before building them, and (3) insist
 * that the message is consumed exactly: a V2 update, a truncated one, or trailing garbage all fail
 * here, and Yjs then re-reads exactly the bytes we accepted.
 *
 * Format (yjs src/utils/updates.js, UpdateDecoderV1): varuint #clients, per client
 * [varuint #structs, varuint client, varuint clock, structs...], then the delete set
 * [varuint #clients, per client [varuint client, varuint #ranges, (varuint clock, varuint len)*]].
 */
import * as decoding from 'lib0/decoding';
import { malformed, Refusal } from './refusal';

export interface IdRef {
  client: number;
  clock: number;
}

/** Content refs (yjs Item.js contentRefs). */
export const ContentRef = {
  Deleted: 1,
  JSON: 2,
  Binary: 3,
  String: 4,
  Embed: 5,
  Format: 6,
  Type: 7,
  Any: 8,
  Doc: 9,
} as const;

/** Type refs (yjs ContentType.js); only the first three are allowed on a board. */
export const TypeRef = { Array: 0, Map: 1, Text: 2 } as const;

export interface WireGC {
  kind: 'gc';
  client: number;
  clock: number;
  length: number;
}

export interface WireItem {
  kind: 'item';
  client: number;
  clock: number;
  length: number;
  origin: IdRef | null;
  rightOrigin: IdRef | null;
  /** Root type name, parent type's item id, or null when inherited from an origin. */
  parent: string | IdRef | null;
  parentSub: string | null;
  contentRef: number;
  /** For ContentType: which type. */
  typeRef: number | null;
  /** For ContentAny / ContentBinary: the values (checked later against the schema). */
  values: readonly unknown[] | null;
}

export type WireStruct = WireGC | WireItem;

export interface WireDeleteRange {
  client: number;
  clock: number;
  length: number;
}

export interface WireUpdate {
  structs: WireStruct[];
  deletes: WireDeleteRange[];
}

export interface ReadLimits {
  maxStructs: number;
  /** Longest run one struct or delete range may claim. */
  maxRun: number;
  maxBinaryBytes: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxStructs: 100_000,
  maxRun: 1 << 24,
  maxBinaryBytes: 64 * 1024,
};

const MAX_CLIENT = 0xffffffff;
const MAX_CLOCK = 2 ** 40;

function remaining(dec: decoding.Decoder): number {
  return dec.arr.length - dec.pos;
}

/** A count must fit in the bytes left (each element takes at least `minBytes`). */
function readCount(dec: decoding.Decoder, what: string, minBytes = 1): number {
  const n = decoding.readVarUint(dec);
  if (n * minBytes > remaining(dec)) throw malformed(`${what} count exceeds message size`);
  return n;
}

function readClient(dec: decoding.Decoder): number {
  const client = decoding.readVarUint(dec);
  if (client > MAX_CLIENT) throw malformed('client id out of range');
  return client;
}

function readId(dec: decoding.Decoder): IdRef {
  const client = readClient(dec);
  const clock = decoding.readVarUint(dec);
  if (clock > MAX_CLOCK) throw malformed('clock out of range');
  return { client, clock };
}

function readJsonString(dec: decoding.Decoder): unknown {
  const text = decoding.readVarString(dec);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw malformed('bad JSON in content');
  }
}

interface Content {
  contentRef: number;
  length: number;
  typeRef: number | null;
  values: unknown[] | null;
}

function readContent(dec: decoding.Decoder, ref: number, limits: ReadLimits): Content {
  switch (ref) {
    case ContentRef.Deleted: {
      const length = decoding.readVarUint(dec);
      if (length < 1 || length > limits.maxRun) throw malformed('deleted run out of range');
      return { contentRef: ref, length, typeRef: null, values: null };
    }
    case ContentRef.Binary: {
      const n = readCount(dec, 'binary');
      if (n > limits.maxBinaryBytes) throw malformed('binary content too large');
      const bytes = decoding.readUint8Array(dec, n);
      return { contentRef: ref, length: 1, typeRef: null, values: [bytes] };
    }
    case ContentRef.String: {
      const text = decoding.readVarString(dec);
      if (text.length === 0) throw malformed('empty string content');
      return { contentRef: ref, length: text.length, typeRef: null, values: null };
    }
    case ContentRef.Embed:
      return { contentRef: ref, length: 1, typeRef: null, values: [readJsonString(dec)] };
    case ContentRef.Format:
      decoding.readVarString(dec);
      return { contentRef: ref, length: 1, typeRef: null, values: [readJsonString(dec)] };
    case ContentRef.Type: {
      const typeRef = decoding.readVarUint(dec);
      if (typeRef !== TypeRef.Array && typeRef !== TypeRef.Map && typeRef !== TypeRef.Text) {
        throw malformed('type not allowed on a board');
      }
      return { contentRef: ref, length: 1, typeRef, values: null };
    }
    case ContentRef.Any: {
      const n = readCount(dec, 'value');
      if (n === 0) throw malformed('empty content');
      const values: unknown[] = [];
      for (let i = 0; i < n; i++) values.push(decoding.readAny(dec));
      return { contentRef: ref, length: n, typeRef: null, values };
    }
    case ContentRef.JSON:
      throw malformed('legacy JSON content not allowed');
    case ContentRef.Doc:
      throw malformed('subdocuments not allowed');
    default:
      throw malformed('unknown content');
  }
}

function readStruct(dec: decoding.Decoder, client: number, clock: number, limits: ReadLimits): WireStruct {
  const info = decoding.readUint8(dec);
  if (info === 10) throw malformed('skip structs not allowed');
  const ref = info & 0b11111;
  if (ref === 0) {
    const length = decoding.readVarUint(dec);
    if (length < 1 || length > limits.maxRun) throw malformed('gc run out of range');
    return { kind: 'gc', client, clock, length };
  }
  const origin = (info & 0b1000_0000) !== 0 ? readId(dec) : null;
  const rightOrigin = (info & 0b0100_0000) !== 0 ? readId(dec) : null;
  const cantCopyParentInfo = (info & 0b1100_0000) === 0;
  let parent: string | IdRef | null = null;
  if (cantCopyParentInfo) parent = decoding.readVarUint(dec) === 1 ? decoding.readVarString(dec) : readId(dec);
  const parentSub = cantCopyParentInfo && (info & 0b0010_0000) !== 0 ? decoding.readVarString(dec) : null;
  const content = readContent(dec, ref, limits);
  return {
    kind: 'item',
    client,
    clock,
    length: content.length,
    origin,
    rightOrigin,
    parent,
    parentSub,
    contentRef: content.contentRef,
    typeRef: content.typeRef,
    values: content.values,
  };
}

/** Throws a Refusal (4400) for anything malformed; lib0 read errors are turned into one too. */
export function readUpdate(update: Uint8Array, limits: ReadLimits = DEFAULT_READ_LIMITS): WireUpdate {
  // lib0 reads past the end of a view into the rest of its ArrayBuffer (ws pools buffers), so
  // decode from an exact copy: overruns then throw or leave pos > length, which we refuse.
  const dec = decoding.createDecoder(update.slice());
  try {
    const structs: WireStruct[] = [];
    const clients = readCount(dec, 'client', 3);
    const seenClients = new Set<number>();
    for (let c = 0; c < clients; c++) {
      const count = readCount(dec, 'struct', 2);
      const client = readClient(dec);
      if (seenClients.has(client)) throw malformed('client listed twice');
      seenClients.add(client);
      let clock = decoding.readVarUint(dec);
      if (structs.length + count > limits.maxStructs) throw malformed('too many structs');
      for (let i = 0; i < count; i++) {
        const struct = readStruct(dec, client, clock, limits);
        if (dec.pos > dec.arr.length) throw malformed('truncated update');
        structs.push(struct);
        clock += struct.length;
        if (clock > MAX_CLOCK) throw malformed('clock out of range');
      }
    }
    const deletes: WireDeleteRange[] = [];
    const dsClients = readCount(dec, 'delete client', 2);
    for (let c = 0; c < dsClients; c++) {
      const client = readClient(dec);
      const ranges = readCount(dec, 'delete range', 2);
      let lastEnd = -1;
      for (let i = 0; i < ranges; i++) {
        const clock = decoding.readVarUint(dec);
        const length = decoding.readVarUint(dec);
        if (length < 1 || length > limits.maxRun || clock > MAX_CLOCK) throw malformed('delete range out of range');
        // Yjs writes delete sets sorted and merged; requiring it bounds our work per message.
        if (clock < lastEnd) throw malformed('delete ranges unsorted');
        lastEnd = clock + length;
        deletes.push({ client, clock, length });
      }
    }
    if (decoding.hasContent(dec)) throw malformed('trailing bytes after update (V2 or corrupt?)');
    return { structs, deletes };
  } catch (error) {
    if (error instanceof Refusal) throw error;
    throw malformed('undecodable update');
  }
}
