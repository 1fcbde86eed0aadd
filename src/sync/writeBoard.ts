/**
 * Writes content into a board through the server, as the facilitator: open a connection, wait for
 * the first sync, run each write as its own transaction (one message each, under the frame limit,
 * paced under the byte rate limit), then read the board back on a second, fresh connection until
 * it holds what was written. Used to open a board file as a new board.
 */
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { Origin } from '../model/origins';
import { wsBaseUrl } from './connection';
import { sendOnlyOwnAwareness } from './ownAwareness';

export interface WriteBoardOptions {
  boardId: string;
  token: string;
  writes: ReadonlyArray<(doc: Y.Doc) => void>;
  /** Called on the fresh copy: true once it holds everything. */
  complete: (doc: Y.Doc) => boolean;
  onProgress?: (fraction: number) => void;
  origin?: string;
  timeoutMs?: number;
}

/** Stay under the server's 1 MiB/s sustained byte rate (its burst allows 8 MiB at once). */
const BURST_BYTES = 6 * 1024 * 1024;
const RATE_BYTES_PER_MS = 700;

function open(boardId: string, token: string, doc: Y.Doc, origin: string): WebsocketProvider {
  const provider = new WebsocketProvider(wsBaseUrl(origin), boardId, doc, { params: { token }, disableBc: true, connect: true });
  // The writer must not relay the reader's presence (the server closes a connection that sends
  // someone else's client id).
  sendOnlyOwnAwareness(provider);
  return provider;
}

function synced(provider: WebsocketProvider, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    if (provider.synced) return resolve();
    const timer = setTimeout(() => reject(new Error('The server did not answer. Check the connection and try again.')), timeoutMs);
    provider.on('sync', (ok: boolean) => {
      if (!ok) return;
      clearTimeout(timer);
      resolve();
    });
    provider.on('connection-close', (event) => {
      if (event && event.code >= 4000) {
        clearTimeout(timer);
        reject(new Error(`The server refused the board (${event.code}).`));
      }
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function writeBoard(opts: WriteBoardOptions): Promise<void> {
  const origin = opts.origin ?? location.origin;
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const doc = new Y.Doc();
  const provider = open(opts.boardId, opts.token, doc, origin);
  let refused: string | null = null;
  provider.on('connection-close', (event) => {
    if (event && event.code >= 4000) refused = `The server refused part of the board (${event.code}${event.reason ? `: ${event.reason}` : ''}).`;
  });
  try {
    await synced(provider, timeoutMs);
    let sent = 0;
    const started = performance.now();
    doc.on('update', (u: Uint8Array) => (sent += u.length));
    for (let i = 0; i < opts.writes.length; i++) {
      if (refused) throw new Error(refused);
      doc.transact(() => opts.writes[i]!(doc), Origin.Import);
      opts.onProgress?.(((i + 1) / opts.writes.length) * 0.9);
      const due = sent > BURST_BYTES ? (sent - BURST_BYTES) / RATE_BYTES_PER_MS - (performance.now() - started) : 0;
      await sleep(Math.max(0, due));
    }
  } catch (e) {
    provider.destroy();
    doc.destroy();
    throw e;
  }
  // Read it back on a fresh connection: the server answers only with what it has stored.
  const copy = new Y.Doc();
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      if (refused) throw new Error(refused);
      const reader = open(opts.boardId, opts.token, copy, origin);
      try {
        await synced(reader, timeoutMs);
      } finally {
        reader.destroy();
      }
      if (opts.complete(copy)) break;
      if (Date.now() > deadline) throw new Error('The server did not keep the whole board. Please try again.');
      await sleep(300);
    }
    opts.onProgress?.(1);
  } finally {
    provider.destroy();
    doc.destroy();
    copy.destroy();
  }
}
