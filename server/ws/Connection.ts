/**
 * One authenticated WebSocket in a room: the per-connection state (identity, caps, claimed client
 * ids) and the dispatcher that routes each message through the handler table. Any Refusal closes
 * this connection only, with its code; nothing else in the room is disturbed.
 */
import * as decoding from 'lib0/decoding';
import type { WebSocket } from 'ws';
import type { Identity } from '../auth/AuthService';
import type { Limits } from '../config';
import type { Peer, Room } from '../rooms/Room';
import { encodeAwarenessMessage, encodeSyncStep1 } from '../rooms/messages';
import * as awarenessProtocol from 'y-protocols/awareness';
import { HANDLERS } from './handlers';
import { malformed, Refusal } from './inspect/refusal';

export class Connection implements Peer {
  /** Small per-room number, prefixed to this connection's live strokes. */
  readonly number: number;
  /** Awareness client ids this connection speaks for. */
  readonly awarenessClients = new Set<number>();
  /** New Yjs client ids this connection may still bind (a tab or reload makes one). */
  newClientBudget: number;
  private closed = false;

  constructor(
    private readonly ws: WebSocket,
    readonly room: Room,
    readonly identity: Identity,
    readonly wantsLive: boolean,
    readonly limits: Limits,
  ) {
    this.newClientBudget = limits.maxNewClientIdsPerConnection;
    this.number = room.join(this);
    ws.on('message', (data, isBinary) => this.onMessage(data, isBinary));
    ws.on('close', () => this.onClose());
    ws.on('error', () => this.onClose());
    // Start the y-websocket handshake: our state vector, then everyone's presence.
    this.send(encodeSyncStep1(room.doc));
    const states = room.awareness.getStates();
    if (states.size > 0) {
      this.send(encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(room.awareness, [...states.keys()])));
    }
  }

  send(message: Uint8Array): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    this.ws.send(message, { binary: true });
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.onClose();
    this.ws.close(code, reason);
  }

  private onMessage(data: unknown, isBinary: boolean): void {
    if (this.closed) return;
    try {
      if (!isBinary || !(data instanceof Buffer)) throw malformed('binary messages only');
      const message = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      const dec = decoding.createDecoder(message);
      let type: number;
      try {
        type = decoding.readVarUint(dec);
      } catch {
        throw malformed('empty message');
      }
      const handler = HANDLERS.get(type);
      if (!handler) throw malformed('unknown message type');
      handler(this, dec, message);
    } catch (error) {
      if (error instanceof Refusal) this.close(error.code, error.reason);
      else {
        console.warn(`sketchroom: closing a connection after an error: ${String(error)}`);
        this.close(4400, 'malformed message');
      }
    }
  }

  private onClose(): void {
    if (this.closed) return;
    this.closed = true;
    this.room.leave(this, this.awarenessClients);
  }
}
