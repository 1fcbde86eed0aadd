/**
 * Churn: short-lived visits that each open a room (connect, handshake, leave) over and over; the
 * server must end with no loaded rooms, no extra timers or sockets, and no heap growth.
 */
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import type { ServerHandle } from '../lib/server';

export interface Visit {
  boardId: string;
  token: string;
}

/** One visit: connect, send sync step 1, wait for the server's sync step 2, close. */
function visit(url: string, v: Visit): Promise<void> {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/ws/${v.boardId}?token=${encodeURIComponent(v.token)}`);
  return new Promise((resolve, reject) => {
    ws.on('error', () => {});
    ws.on('open', () => {
      const enc = encoding.createEncoder();
      encoding.writeVarUint(enc, 0);
      encoding.writeVarUint(enc, 0);
      encoding.writeVarUint8Array(enc, new Uint8Array([0]));
      ws.send(encoding.toUint8Array(enc));
    });
    ws.on('message', (data: Buffer) => {
      if (data[0] === 0 && data[1] === 1) ws.close();
    });
    ws.on('close', (code) => (code === 1000 || code === 1005 ? resolve() : reject(new Error(`visit closed ${code}`))));
  });
}

export async function churn(server: ServerHandle, visits: readonly Visit[], cycles: number, concurrency = 16): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < cycles) {
      const v = visits[next++ % visits.length]!;
      await visit(server.url, v);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
