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
import { TokenBucket } from '../net/rateLimit';
import { MAX_AWARENESS_IDS_PER_CONNECTION, type AwarenessEntry } from './awarenessGuard';
import { applyAwareness, HANDLERS } from './handlers';
import { ConnectionLimits, HANDSHAKE_TIMEOUT_REASON, type DocSizes } from './limits';
import { CloseCode } from '../../src/protocol/closeCodes';
import { encodeConfirm } from '../../src/protocol/confirm';
import { malformed, Refusal } from './inspect/refusal';

/** An awareness message with no states: harmless to every y-websocket client, and it is a message. */
const KEEPALIVE = new Uint8Array([1, 1, 0]);

/** A connection's QueryAwareness is answered at most once per this many ms. */
const QUERY_ANSWER_MS = 1000;

/** How long a client closed for misbehaving keeps its socket at most while our close frame goes out. */
const ABANDON_MS = 1000;

export class Connection implements Peer {
  /** Small per-room number, prefixed to this connection's live strokes. */
  readonly number: number;
  /** Awareness client ids this connection speaks for. */
  readonly awarenessClients = new Set<number>();
  /** New Yjs client ids this connection may still bind (a tab or reload makes one). */
  newClientBudget: number;
  private closed = false;
  /** Awareness messages per second (limits.maxAwarenessPerSecond). */
  private readonly awarenessBucket: TokenBucket;
  /**
   * Over the rate, awareness entries wait here, newest per client id, and only the latest is
   * applied when the bucket allows: intermediate states (cursor positions) are dropped, the final
   * one still arrives, and the connection is never closed for it.
   */
  private pendingAwareness: Map<number, AwarenessEntry> | null = null;
  private awarenessTimer: NodeJS.Timeout | null = null;
  /** When a QueryAwareness of this connection was last answered (Date.now; see answersAwarenessQuery). */
  private awarenessAnsweredAt = -Infinity;
  /** Document updates read from this connection, and the latest count queued for confirmation. */
  private updatesRead = 0;
  private confirmQueued = 0;
  /** Message/byte rates, handshake deadline, document size (limits.ts). */
  private readonly venue: ConnectionLimits;
  /** When this connection was last sent anything (Date.now), for the keepalive. */
  private lastSentAt = Date.now();
  private keepaliveTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly ws: WebSocket,
    readonly room: Room,
    readonly identity: Identity,
    readonly wantsLive: boolean,
    readonly limits: Limits,
    docSizes: DocSizes,
    /** Asked for commit confirmations (caps=confirm, src/protocol/confirm.ts). */
    readonly wantsConfirm = false,
  ) {
    this.venue = new ConnectionLimits(limits, room, docSizes, () => this.close(CloseCode.HandshakeTimeout, HANDSHAKE_TIMEOUT_REASON));
    this.newClientBudget = limits.maxNewClientIdsPerConnection;
    this.awarenessBucket = new TokenBucket(limits.maxAwarenessPerSecond);
    this.number = room.join(this);
    ws.on('message', (data, isBinary) => this.onMessage(data, isBinary));
    ws.on('close', () => this.onClose());
    ws.on('error', () => this.onClose());
    // Start the y-websocket handshake: our state vector, then everyone's presence.
    room.sendSyncStep1(this);
    if (limits.keepaliveMs > 0) {
      // Checked twice per period, so the longest silence is 1.5 periods (22.5 s by default, < 30 s).
      this.keepaliveTimer = setInterval(() => {
        if (Date.now() - this.lastSentAt >= limits.keepaliveMs) this.send(KEEPALIVE);
      }, Math.max(50, limits.keepaliveMs / 2));
      this.keepaliveTimer.unref();
    }
    const states = room.awareness.getStates();
    if (states.size > 0) this.send(room.awarenessMessageFor(identity, [...states.keys()]));
  }

  send(message: Uint8Array): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    this.lastSentAt = Date.now();
    this.ws.send(message, { binary: true });
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.onClose();
    if (code === CloseCode.TooManyMessages || code === CloseCode.BadMessage) {
      // Whatever else a flooder (or a broken client) has queued is never read: parsing a backlog of
      // tens of thousands of frames would hold everyone else's messages up for a tenth of a second.
      // Without reading, its answer to our close frame never arrives either, so its socket goes
      // once that frame is out, not after ws' 30 s wait.
      this.ws.pause();
      this.ws.close(code, reason);
      this.dropOnceSent(Date.now());
      return;
    }
    this.ws.close(code, reason);
  }

  /**
   * Whether to answer a QueryAwareness now: at most once per QUERY_ANSWER_MS. Stock clients never
   * ask (they are told), and every answer carries everyone's presence, so a one-byte query repeated
   * would make the server write kilobytes per byte it reads.
   */
  answersAwarenessQuery(): boolean {
    const now = Date.now();
    if (now - this.awarenessAnsweredAt < QUERY_ANSWER_MS) return false;
    this.awarenessAnsweredAt = now;
    return true;
  }

  /** Ends the socket once all we wrote (the close frame last) has left for the network, or after ABANDON_MS. */
  private dropOnceSent(since: number): void {
    setTimeout(() => {
      if (this.ws.readyState === this.ws.CLOSED) return;
      if (this.ws.bufferedAmount === 0 || Date.now() - since >= ABANDON_MS) this.ws.terminate();
      else this.dropOnceSent(since);
    }, 10).unref();
  }

  /**
   * Counts one document update read from this connection (applied, or empty) and, for a client that
   * asked, confirms the count once everything appended so far is committed. Confirmations leave in
   * order, so one superseded by a later count in the same commit is skipped.
   */
  updateRead(): void {
    const n = ++this.updatesRead;
    if (!this.wantsConfirm) return;
    this.confirmQueued = n;
    this.room.whenDurable(() => {
      if (n === this.confirmQueued) this.send(encodeConfirm(n));
    });
  }

  /** Whether a Yjs/awareness client id is another connection's or another participant's. */
  belongsToOther(clientId: number): boolean {
    const owner = this.room.ownerOf(clientId);
    return this.room.awarenessClaimedByOther(clientId, this) || (owner !== undefined && owner !== this.identity.participantId);
  }

  /** Awareness entries that passed the size cap: applied now if the rate allows, else deferred. */
  offerAwareness(entries: readonly AwarenessEntry[]): void {
    if (this.pendingAwareness === null && this.awarenessBucket.take()) {
      applyAwareness(this, entries);
      return;
    }
    const pending = (this.pendingAwareness ??= new Map());
    for (const e of entries) {
      // Echoes of others' presence would be dropped anyway: do not hold them.
      if (!this.awarenessClients.has(e.clientId) && this.belongsToOther(e.clientId)) continue;
      const prev = pending.get(e.clientId);
      if (!prev || e.clock >= prev.clock) pending.set(e.clientId, e);
    }
    if (pending.size > MAX_AWARENESS_IDS_PER_CONNECTION) throw malformed('too many awareness states');
    this.awarenessTimer ??= setTimeout(this.flushAwareness, this.awarenessBucket.msUntilNext());
  }

  private readonly flushAwareness = (): void => {
    this.awarenessTimer = null;
    if (this.closed || !this.pendingAwareness) return;
    if (!this.awarenessBucket.take()) {
      this.awarenessTimer = setTimeout(this.flushAwareness, this.awarenessBucket.msUntilNext());
      return;
    }
    const entries = [...this.pendingAwareness.values()];
    this.pendingAwareness = null;
    this.guard(() => applyAwareness(this, entries));
  };

  private guard(fn: () => void): void {
    try {
      fn();
    } catch (error) {
      if (error instanceof Refusal) this.close(error.code, error.reason);
      else {
        console.warn(`sketchroom: closing a connection after an error: ${String(error)}`);
        this.close(4400, 'malformed message');
      }
    }
  }

  private onMessage(data: unknown, isBinary: boolean): void {
    if (this.closed) return;
    this.guard(() => {
      if (!isBinary || !(data instanceof Buffer)) throw malformed('binary messages only');
      const message = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      const growth = this.venue.before(message);
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
      this.venue.commit(growth);
    });
  }

  private onClose(): void {
    if (this.closed) return;
    this.closed = true;
    this.venue.dispose();
    if (this.awarenessTimer) clearTimeout(this.awarenessTimer);
    this.awarenessTimer = null;
    if (this.keepaliveTimer) clearInterval(this.keepaliveTimer);
    this.keepaliveTimer = null;
    this.pendingAwareness = null;
    this.room.leave(this, this.awarenessClients);
  }
}
