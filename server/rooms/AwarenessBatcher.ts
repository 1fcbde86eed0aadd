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
  /**
   * Peers that may see the same states share an audience (private drawing blanks participants'
   * cursors for everyone but the facilitator); '' when everyone sees everything.
   */
  audienceOf?(peer: P): string;
  /** The state an audience may see for an id. */
  redact?(audience: string, id: number, state: Record<string, unknown>): Record<string, unknown>;
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
    // The newest state of each id (null: removed), then each entry encoded once per audience:
    // [clientId][clock][state as JSON], as y-protocols writes it.
    const entries = new Map<number, { clock: number; value: Record<string, unknown> | null }>();
    for (const [id, p] of this.pending) {
      if (p === null) {
        const meta = this.awareness.meta.get(id);
        const value = this.awareness.getStates().get(id);
        if (!meta || value === undefined) continue; // gone without a removal event: nothing to say
        entries.set(id, { clock: meta.clock, value: value as Record<string, unknown> });
      } else entries.set(id, { clock: p.clock, value: null });
    }
    this.pending.clear();
    if (entries.size === 0) return;
    const byAudience = new Map<string, Map<number, Uint8Array>>();
    const chunksFor = (audience: string): Map<number, Uint8Array> => {
      let chunks = byAudience.get(audience);
      if (chunks) return chunks;
      chunks = new Map();
      for (const [id, { clock, value }] of entries) {
        const shown = value === null ? null : audience !== '' && this.to.redact ? this.to.redact(audience, id, value) : value;
        const enc = encoding.createEncoder();
        encoding.writeVarUint(enc, id);
        encoding.writeVarUint(enc, clock);
        encoding.writeVarString(enc, JSON.stringify(shown));
        chunks.set(id, encoding.toUint8Array(enc));
      }
      byAudience.set(audience, chunks);
      return chunks;
    };
    // Peers that own some of these ids get a message without them; everyone else in an audience
    // shares one.
    const owned = new Map<P, Set<number>>();
    for (const id of entries.keys()) {
      const owner = this.to.ownerOf(id);
      if (owner === undefined) continue;
      let ids = owned.get(owner);
      if (!ids) owned.set(owner, (ids = new Set()));
      ids.add(id);
    }
    const shared = new Map<string, Uint8Array>();
    this.to.run(() => {
      for (const peer of this.to.peers()) {
        const audience = this.to.audienceOf?.(peer) ?? '';
        const chunks = chunksFor(audience);
        const own = owned.get(peer);
        if (!own) {
          let message = shared.get(audience);
          if (!message) shared.set(audience, (message = frame([...chunks.values()])));
          this.to.send(peer, message);
          continue;
        }
        const rest = [...chunks].filter(([id]) => !own.has(id)).map(([, c]) => c);
        if (rest.length > 0) this.to.send(peer, frame(rest));
      }
    });
  };

  private relayAtOnce(ids: number[]): void {
    if (ids.length === 0) return;
    const messages = new Map<string, Uint8Array>();
    const messageFor = (audience: string): Uint8Array => {
      let message = messages.get(audience);
      if (message) return message;
      let states: Map<number, Record<string, unknown>> | undefined;
      const redact = this.to.redact;
      if (audience !== '' && redact) {
        states = new Map();
        for (const [id, state] of this.awareness.getStates()) states.set(id, redact(audience, id, state as Record<string, unknown>));
      }
      message = encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids, states));
      messages.set(audience, message);
      return message;
    };
    this.to.run(() => {
      for (const peer of this.to.peers()) this.to.send(peer, messageFor(this.to.audienceOf?.(peer) ?? ''));
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
