/**
 * Presence fan-out for one room, batched. Stock y-websocket relays every awareness update to every
 * peer at once, so 50 people moving their cursors cost each of them 50 x 30 messages a second
 * (N^2 for the room). Here changes are collected per client id and sent at most once per window
 * (33 ms by default) to each peer, as one ordinary awareness message holding the newest state of
 * every id that changed: the wire protocol is unchanged, so any stock client reads it.
 *
 * - A quiet room sends a change on the next turn of the event loop (no added latency); changes
 *   that follow within the window wait for its end.
 * - A removal is encoded when it happens (the room deletes the id's clock right after), so it is
 *   never lost; a later re-announcement of the same id in the window replaces it.
 * - A peer is not sent its own ids' states (it knows them); a batch of only its own sends nothing.
 * - windowMs 0 keeps the stock behaviour (every update relayed at once to everyone), which the
 *   presence bench uses as its baseline.
 */
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import { MessageType } from '../../src/protocol/messages';
import { encodeAwarenessMessage } from './messages';

export interface BatchRecipients<P> {
  /** Every peer of the room now. */
  peers(): Iterable<P>;
  /** The peer that speaks for an awareness id, if any. */
  ownerOf(clientId: number): P | undefined;
  /** Sends one message to one peer (in order with the room's other messages). */
  send(peer: P, message: Uint8Array): void;
  /** Runs the delivery (the room runs it after pending commits, like its other relays). */
  run(fn: () => void): void;
}

/** null: read the id's current state when the batch goes out. */
type Pending = { clock: number } | null;

export class AwarenessBatcher<P> {
  private readonly pending = new Map<number, Pending>();
  private timer: NodeJS.Timeout | null = null;
  private lastFlush = -Infinity;
  private destroyed = false;

  constructor(
    private readonly awareness: awarenessProtocol.Awareness,
    private readonly windowMs: number,
    private readonly to: BatchRecipients<P>,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** An awareness 'update' of the room (added, updated, removed ids). */
  note(added: readonly number[], updated: readonly number[], removed: readonly number[]): void {
    if (this.destroyed) return;
    if (this.windowMs <= 0) {
      this.relayAtOnce([...added, ...updated, ...removed]);
      return;
    }
    for (const id of added) this.pending.set(id, null);
    for (const id of updated) this.pending.set(id, null);
    for (const id of removed) this.pending.set(id, { clock: this.awareness.meta.get(id)?.clock ?? 0 });
    if (this.pending.size === 0 || this.timer) return;
    const wait = Math.max(0, this.lastFlush + this.windowMs - this.now());
    this.timer = setTimeout(this.flush, wait);
    this.timer.unref();
  }

  /** Ids waiting for the next batch (tests). */
  get waiting(): number {
    return this.pending.size;
  }

  destroy(): void {
    this.destroyed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending.clear();
  }

  private readonly flush = (): void => {
    this.timer = null;
    this.lastFlush = this.now();
    if (this.destroyed || this.pending.size === 0) return;
    // Each entry encoded once: [clientId][clock][state as JSON], as y-protocols writes it.
    const chunks = new Map<number, Uint8Array>();
    for (const [id, p] of this.pending) {
      let clock: number;
      let state: string;
      if (p === null) {
        const meta = this.awareness.meta.get(id);
        const value = this.awareness.getStates().get(id);
        if (!meta || value === undefined) continue; // gone without a removal event: nothing to say
        clock = meta.clock;
        state = JSON.stringify(value);
      } else {
        clock = p.clock;
        state = 'null';
      }
      const enc = encoding.createEncoder();
      encoding.writeVarUint(enc, id);
      encoding.writeVarUint(enc, clock);
      encoding.writeVarString(enc, state);
      chunks.set(id, encoding.toUint8Array(enc));
    }
    this.pending.clear();
    if (chunks.size === 0) return;
    // Peers that own some of these ids get a message without them; everyone else shares one.
    const owned = new Map<P, Set<number>>();
    for (const id of chunks.keys()) {
      const owner = this.to.ownerOf(id);
      if (owner === undefined) continue;
      let ids = owned.get(owner);
      if (!ids) owned.set(owner, (ids = new Set()));
      ids.add(id);
    }
    const shared = frame([...chunks.values()]);
    this.to.run(() => {
      for (const peer of this.to.peers()) {
        const own = owned.get(peer);
        if (!own) {
          this.to.send(peer, shared);
          continue;
        }
        const rest = [...chunks].filter(([id]) => !own.has(id)).map(([, c]) => c);
        if (rest.length > 0) this.to.send(peer, frame(rest));
      }
    });
  };

  private relayAtOnce(ids: number[]): void {
    if (ids.length === 0) return;
    const message = encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids));
    this.to.run(() => {
      for (const peer of this.to.peers()) this.to.send(peer, message);
    });
  }
}

/** [Awareness][length][count][entries...]: one y-protocols awareness message. */
function frame(chunks: readonly Uint8Array[]): Uint8Array {
  const body = encoding.createEncoder();
  encoding.writeVarUint(body, chunks.length);
  for (const c of chunks) encoding.writeUint8Array(body, c);
  const payload = encoding.toUint8Array(body);
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, MessageType.Awareness);
  encoding.writeVarUint8Array(enc, payload);
  return encoding.toUint8Array(enc);
}
