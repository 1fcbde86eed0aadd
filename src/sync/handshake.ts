/**
 * The start of every connection, wrapped around y-websocket's sync handler. The stock provider
 * answers the server's sync step 1 at once with everything the server lacks. We first wait for the
 * server's state (its sync step 2), so that this device knows whether the board was cleared while
 * it was away (the epoch rule, model/epoch.ts) before any of its offline work leaves; then we
 * answer with one sync step 2 against the server's state vector, which carries every local change,
 * deletions included. Until then the socket holds back our update messages (socket.ts): the
 * answer carries them too, and an update whose predecessors the server lacks would be refused.
 */
import * as decoding from 'lib0/decoding';
import type * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { discardWork, readEpoch, unsentWork } from '../model/epoch';

type Handler<P> = (encoder: encoding.Encoder, decoder: decoding.Decoder, provider: P, emitSynced: boolean, messageType: number) => void;

export class Handshake {
  private done = true;
  private serverState: Uint8Array | null = null;
  private epochAtStart = 0;

  constructor(
    private readonly doc: Y.Doc,
    private readonly author: string,
    /** Offline items were dropped because the board was cleared (how many). */
    private readonly onDiscarded: (count: number) => void,
  ) {}

  /** A new socket: hold our updates until the server's state is in. */
  start(): void {
    this.done = false;
    this.serverState = null;
    this.epochAtStart = readEpoch(this.doc);
  }

  /** Whether our document updates must wait (the sync step 2 answer will carry them). */
  get holding(): boolean {
    return !this.done;
  }

  wrap<P>(original: Handler<P>): Handler<P> {
    return (encoder, decoder, provider, emitSynced, messageType) => {
      if (this.done) return original(encoder, decoder, provider, emitSynced, messageType);
      const peek = decoding.createDecoder(decoder.arr.subarray(decoder.pos));
      const step = decoding.readVarUint(peek);
      if (step === syncProtocol.messageYjsSyncStep1) {
        this.serverState = decoding.readVarUint8Array(peek);
        return; // answered once the server's state is in
      }
      if (step !== syncProtocol.messageYjsSyncStep2) return original(encoder, decoder, provider, emitSynced, messageType);
      // Before the server's state is applied: which of our items has the server never seen?
      const serverClocks = this.serverState ? Y.decodeStateVector(this.serverState) : new Map<number, number>();
      const unsent = unsentWork(this.doc, serverClocks, this.author);
      original(encoder, decoder, provider, emitSynced, messageType); // writes [Sync], applies the state
      if (readEpoch(this.doc) > this.epochAtStart && [...unsent.values()].some((ids) => ids.length > 0)) {
        const n = discardWork(this.doc, unsent);
        if (n > 0) this.onDiscarded(n);
      }
      this.done = true;
      // Appended to the [Sync] the original wrote: our answer, sent by the provider.
      syncProtocol.writeSyncStep2(encoder, this.doc, this.serverState ?? undefined);
    };
  }
}
