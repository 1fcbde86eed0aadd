/**
 * Venue limits: one client must not hurt the room (docs/operations.md).
 *
 * - per connection: a message-rate and a byte-rate token bucket (a sustained flood -> 4429) and a
 *   handshake deadline (no sync step 1 in time -> 4408). Awareness messages take no message token:
 *   stock y-websocket providers echo every remote presence change, so an honest client in a busy
 *   room sends one per cursor update of everyone else; awareness has its own limit that drops
 *   rather than closes (Connection.offerAwareness). They are charged at least
 *   AWARENESS_MIN_COST bytes each, which bounds their parsing cost per connection;
 * - per room: a document size estimate (encoded size when first needed, plus the size of every
 *   accepted update that adds structs); an update that adds structs above `maxDocBytes` -> 4413,
 *   updates that only delete are always accepted. Near the limit the estimate is replaced by the
 *   exact encoded size when 1/16 of the limit has been added or something was deleted since the
 *   last measurement (at most once per REMEASURE_MS per room), so deletions give room back
 *   without encoding the document on every message;
 * - per room connection count and per address upgrade rate are checked in upgrade.ts.
 */
import * as decoding from 'lib0/decoding';
import { CloseCode, describeClose } from '../../src/protocol/closeCodes';
import { MessageType } from '../../src/protocol/messages';
import type { Limits } from '../config';
import { TokenBucket } from '../net/rateLimit';
import type { Room } from '../rooms/Room';
import { Refusal } from './inspect/refusal';

/** Bytes an awareness message costs at least in the byte bucket (so 4,096/s at 1 MiB/s). */
export const AWARENESS_MIN_COST = 256;

const SyncStep1 = 0;
const SyncStep2 = 1;
const SyncUpdate = 2;

/** What a sync message is, read cheaply from its first bytes (the handler validates it fully). */
export type SyncPeek = { kind: 'step1' } | { kind: 'update'; update: Uint8Array } | { kind: 'other' };

export function peekSync(message: Uint8Array): SyncPeek {
  try {
    const dec = decoding.createDecoder(message);
    if (decoding.readVarUint(dec) !== MessageType.Sync) return { kind: 'other' };
    const step = decoding.readVarUint(dec);
    if (step === SyncStep1) return { kind: 'step1' };
    if (step !== SyncStep2 && step !== SyncUpdate) return { kind: 'other' };
    return { kind: 'update', update: decoding.readVarUint8Array(dec) };
  } catch {
    return { kind: 'other' };
  }
}

/** A V1 update that carries no structs (only a delete set): it can only remove content. */
export function isDeleteOnly(update: Uint8Array): boolean {
  try {
    return decoding.readVarUint(decoding.createDecoder(update)) === 0;
  } catch {
    return false;
  }
}

interface DocSize {
  /** Estimated encoded size of the room's document. */
  bytes: number;
  /** Bytes added to the estimate since it was last measured exactly. */
  sinceMeasure: number;
  /** A delete-only update was accepted since the last measurement. */
  deleted: boolean;
  measuredAt: number;
}

/** A room's document is encoded for its exact size at most this often. */
export const REMEASURE_MS = 1000;

/** Per-room document size estimates; one per gateway (rooms are keys, so unloaded rooms are forgotten). */
export class DocSizes {
  private readonly sizes = new WeakMap<Room, DocSize>();

  constructor(
    private readonly maxDocBytes: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Throws 4413 if adding `growth` bytes of structs would take the room's document over the limit. */
  check(room: Room, growth: number): void {
    const size = this.sizeOf(room);
    if (size.bytes + growth <= this.maxDocBytes) return;
    if ((size.sinceMeasure > this.maxDocBytes / 16 || size.deleted) && this.now() - size.measuredAt >= REMEASURE_MS) {
      Object.assign(size, this.measure(room));
      if (size.bytes + growth <= this.maxDocBytes) return;
    }
    throw new Refusal(CloseCode.DocumentTooLarge, describeClose(CloseCode.DocumentTooLarge));
  }

  /** An accepted update that added structs. */
  add(room: Room, growth: number): void {
    const size = this.sizeOf(room);
    size.bytes += growth;
    size.sinceMeasure += growth;
  }

  /** An accepted update that only deleted: the next check near the limit measures again. */
  noteDeletion(room: Room): void {
    const size = this.sizes.get(room);
    if (size) size.deleted = true;
  }

  /** The current estimate (tests). */
  estimate(room: Room): number {
    return this.sizeOf(room).bytes;
  }

  private sizeOf(room: Room): DocSize {
    let size = this.sizes.get(room);
    if (!size) {
      size = this.measure(room);
      this.sizes.set(room, size);
    }
    return size;
  }

  private measure(room: Room): DocSize {
    return { bytes: room.encodedSize(), sinceMeasure: 0, deleted: false, measuredAt: this.now() };
  }
}

/**
 * One connection's share of the limits. `before` runs for every message before its handler and
 * throws a Refusal; it returns the growth to `commit` once the handler has accepted the message.
 */
export class ConnectionLimits {
  private readonly messages: TokenBucket;
  private readonly bytes: TokenBucket;
  private handshakeTimer: NodeJS.Timeout | null;
  /** The message between `before` and `commit` is an update that only deletes. */
  private deleting = false;

  constructor(
    limits: Limits,
    private readonly room: Room,
    private readonly docSizes: DocSizes,
    onHandshakeTimeout: () => void,
  ) {
    this.messages = new TokenBucket(limits.maxMessagesPerSecond, Math.max(limits.messageBurst, 1));
    // One maximum frame must always fit.
    this.bytes = new TokenBucket(limits.maxBytesPerSecond, Math.max(limits.byteBurst, limits.maxFrameBytes));
    this.handshakeTimer = setTimeout(() => {
      this.handshakeTimer = null;
      onHandshakeTimeout();
    }, limits.handshakeTimeoutMs);
    this.handshakeTimer.unref();
  }

  before(message: Uint8Array): number {
    // A first byte of 1 is exactly message type 1 (a varuint < 128 is one byte).
    const awareness = message[0] === MessageType.Awareness;
    const cost = awareness ? Math.max(message.byteLength, AWARENESS_MIN_COST) : message.byteLength;
    if ((!awareness && !this.messages.take()) || !this.bytes.take(cost)) {
      throw new Refusal(CloseCode.TooManyMessages, 'too many messages');
    }
    this.deleting = false;
    const sync = peekSync(message);
    if (sync.kind === 'step1') this.handshakeDone();
    if (sync.kind !== 'update') return 0;
    if (isDeleteOnly(sync.update)) {
      this.deleting = true;
      return 0;
    }
    this.docSizes.check(this.room, sync.update.byteLength);
    return sync.update.byteLength;
  }

  commit(growth: number): void {
    if (growth > 0) this.docSizes.add(this.room, growth);
    if (this.deleting) this.docSizes.noteDeletion(this.room);
    this.deleting = false;
  }

  dispose(): void {
    this.handshakeDone();
  }

  private handshakeDone(): void {
    if (this.handshakeTimer) clearTimeout(this.handshakeTimer);
    this.handshakeTimer = null;
  }
}

/** The close for a connection that never sent its sync step 1. */
export const HANDSHAKE_TIMEOUT_REASON = 'handshake timeout';

export function roomFullReason(): string {
  return describeClose(CloseCode.RoomFull);
}
