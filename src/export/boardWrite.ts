/**
 * Writes a parsed board file into a (new) board's document, in transactions small enough for the
 * server's frame limit (1 MiB): the connection sends each transaction as one message. Authors,
 * ids and z-order indexes are kept as they were; only the facilitator may write them so.
 */
import type * as Y from 'yjs';
import { Origin } from '../model/origins';
import { mapOf, TEXT_FIELDS, type Fields, type ParsedBoard } from './boardFile';

/** Bytes of one transaction, roughly (the Yjs update is about the size of its values). */
export const CHUNK_BYTES = 192 * 1024;

export type Write = (doc: Y.Doc) => void;

function approxBytes(v: Fields | Uint8Array): number {
  if (v instanceof Uint8Array) return v.length + 24;
  let n = 24;
  for (const [k, x] of Object.entries(v)) n += k.length + (typeof x === 'string' ? x.length * 3 : 9) + 4;
  return n;
}

/** The board's content as transactions to run in order (each one a message on the wire). */
export function planWrites(board: ParsedBoard): Write[] {
  const writes: Write[] = [];
  writes.push((doc) => {
    const meta = doc.getMap<unknown>('meta');
    const set = (m: Y.Map<unknown>, k: string, v: unknown) => {
      if (m.get(k) !== v) m.set(k, v);
    };
    set(meta, 'title', board.meta.title);
    set(meta, 'prompt', board.meta.prompt);
    if (board.meta.createdAt > 0) set(meta, 'createdAt', board.meta.createdAt);
    const session = doc.getMap<unknown>('session');
    for (const [k, v] of Object.entries(board.session)) set(session, k, v);
    const frames = doc.getMap<unknown>('frames');
    for (const [id, f] of board.frames) frames.set(id, mapOf(f, TEXT_FIELDS.frames));
    const annotations = doc.getMap<unknown>('annotations');
    for (const [id, f] of board.annotations) annotations.set(id, mapOf(f, TEXT_FIELDS.annotations));
  });
  let batch: Array<[string, Fields | Uint8Array]> = [];
  let bytes = 0;
  const flush = () => {
    if (batch.length === 0) return;
    const entries = batch;
    writes.push((doc) => {
      const items = doc.getMap<unknown>('items');
      for (const [id, v] of entries) items.set(id, v instanceof Uint8Array ? v : mapOf(v, TEXT_FIELDS.items));
    });
    batch = [];
    bytes = 0;
  };
  for (const entry of board.items) {
    const size = approxBytes(entry[1]);
    if (bytes + size > CHUNK_BYTES) flush();
    batch.push(entry);
    bytes += size;
  }
  flush();
  return writes;
}

/** Runs the writes on a local document at once (tests, and a board made without a server). */
export function writeBoard(doc: Y.Doc, board: ParsedBoard): void {
  for (const w of planWrites(board)) doc.transact(() => w(doc), Origin.Import);
}
