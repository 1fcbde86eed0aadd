/**
 * One live board: its document (RoomDocument: loaded late, rests when unchanged), awareness, and
 * connected peers. The room applies updates that the ws layer has already inspected, persists
 * them, and relays them once durable. It knows nothing about sockets: peers are an interface.
 */
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { Origin } from '../../src/model/origins';
import type { Role } from '../../src/protocol/roles';
import type { Identity } from '../auth/AuthService';
import { SERVER_OWNER } from '../boards/BoardService';
import type { DocStore } from '../persistence/types';
import type { InspectedUpdate } from '../ws/inspect/inspectUpdate';
import type { EntryChanges } from './atRest/entryChanges';
import type { RestingBoard } from './atRest/RestingBoard';
import { AwarenessBatcher } from './AwarenessBatcher';
import { ClientBindings } from './ClientBindings';
import { DurabilityGate } from './DurabilityGate';
import { encodeAwarenessMessage, encodeSyncStep1Vector, encodeSyncStep2, encodeSyncStep2Update, encodeUpdateMessage } from './messages';
import { RoomPrivacy } from './privacy/RoomPrivacy';
import { dropPending, RoomDocument, ROOM_REST_MS } from './RoomDocument';
import { SyncAnswerCache } from './SyncAnswerCache';

/** Anyone who is not a facilitator, for what private drawing lets everyone see. */
const PUBLIC_VIEWER = { participantId: '', role: 'projector' as const };

export interface Peer {
  readonly identity: Identity;
  readonly wantsLive: boolean;
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
}

export interface RoomHooks {
  /** The last peer left. */
  onEmpty(room: Room): void;
  /** Saving failed: the room's memory is ahead of the disk and must be dropped. */
  onFailure(room: Room, error: unknown): void;
  /** An update was appended (the manager decides when to compact). */
  onAppend(room: Room): void;
  /**
   * The room is going to rest (RoomDocument): `state` is its whole document, encoded, which is
   * what it keeps in memory from now on; the manager compacts the stored rows to it.
   */
  onRest?(room: Room, state: Uint8Array): void;
  /** A participant's role, for private drawing (unknown ids and a missing hook: null). */
  roleOf?(participantId: string): Role | null;
}

export interface RoomStats {
  connections: number;
  awarenessStates: number;
  /** y-protocols' per-client clock entries (kept even after a state is removed). */
  awarenessMeta: number;
  /** Awareness ids some connection speaks for. */
  awarenessClaims: number;
  /** Stored client id bindings (ids that wrote to the document). */
  clientIds: number;
  /** In-memory bindings of announced ids that have not written (yet). */
  tentativeClientIds: number;
  /** In-memory bindings kept for ids whose connection left without writing (at most DEPARTED_IDS). */
  departedClientIds: number;
  /** The document: in memory as a Y.Doc, resting (kept encoded, RoomDocument), or not applied yet. */
  document: 'loaded' | 'resting' | 'pending';
  /** Yjs structs in the loaded document (items, deleted ones included, and gc ranges); 0 if not loaded. */
  structs: number;
  /** Live entries of `items` (loaded or at rest; 0 before the rows are read). */
  entries: number;
  /** Times the Y.Doc was loaded (the first read, and each wake from a rest). */
  loads: number;
}

/** Presence goes out to each peer at most once per this many ms (AwarenessBatcher); 0 = at once. */
export const AWARENESS_BATCH_MS = 33;

type Viewer = Pick<Identity, 'participantId' | 'role'>;

export class Room {
  /** The board's Y.Doc and its life (deferred load, rests); read it through `doc`. */
  private readonly document: RoomDocument;
  /** The Yjs client id the server writes under (writeAsServer), kept across rests. */
  private serverClientId: number | null = null;
  /** Private drawing: who may be sent what (server/rooms/privacy). */
  private readonly privacy: RoomPrivacy;
  readonly awareness: awarenessProtocol.Awareness;
  /** Yjs client id -> participant id: who may write under which id. */
  private readonly bindings: ClientBindings;
  /** The bindings as the inspector asks. */
  readonly clientOwners = { get: (clientId: number): string | undefined => this.bindings.ownerOf(clientId) };
  private readonly peers = new Map<Peer, number>();
  /** Awareness client id -> the peer that speaks for it. */
  private readonly awarenessOwners = new Map<number, Peer>();
  private readonly gate: DurabilityGate;
  /** Presence fan-out, batched per window (server/rooms/AwarenessBatcher.ts). */
  private readonly presence: AwarenessBatcher<Peer>;
  /** Sync step 2 answers for the document as it is now (cleared by every change). */
  private readonly syncAnswers = new SyncAnswerCache();
  private destroyed = false;

  constructor(
    readonly boardId: string,
    private readonly store: DocStore,
    private readonly hooks: RoomHooks,
    awarenessBatchMs = AWARENESS_BATCH_MS,
    restMs = ROOM_REST_MS,
  ) {
    const stored = store.load(boardId);
    this.bindings = new ClientBindings(stored.clientOwners);
    this.privacy = new RoomPrivacy({
      boardId,
      store,
      ownerOf: (clientId) => this.ownerOf(clientId),
      roleOf: (participantId) => hooks.roleOf?.(participantId) ?? null,
    });
    this.gate = new DurabilityGate((error) => this.hooks.onFailure(this, error));
    // Its own empty doc: presence outlives the document's rests (Awareness reads only its client id).
    this.awareness = new awarenessProtocol.Awareness(new Y.Doc());
    this.awareness.setLocalState(null);
    this.presence = new AwarenessBatcher<Peer>(this.awareness, awarenessBatchMs, {
      peers: () => this.peers.keys(),
      ownerOf: (id) => this.awarenessOwners.get(id),
      send: (peer, message) => {
        if (this.peers.has(peer)) peer.send(message);
      },
      run: (fn) => this.gate.run(fn),
      // While private, participants' cursors reach only the facilitator (one shared blanked copy
      // for everyone else, so batching stays one encode per audience).
      audienceOf: (peer) => (this.privacy.active && peer.identity.role !== 'facilitator' ? 'public' : ''),
      redact: (_audience, id, state) => this.awarenessStatesFor(PUBLIC_VIEWER, [id]).get(id) ?? state,
    });
    this.awareness.on('update', this.onAwarenessUpdate);
    this.document = new RoomDocument(stored.updates, restMs, {
      mayCollect: () => !this.privacy.active,
      loaded: (doc, droppedPending) => {
        if (droppedPending) {
          console.warn(`sketchroom: board ${this.boardId} loaded with pending structs; dropping them`);
          this.syncAnswers.clear();
        }
        // A stored boundary whose phase has ended (or none for a phase in force) is put right;
        // nobody was sent anything yet (the unfiltered fast path stays shut while a boundary is stored).
        if (this.privacy.follow(doc)) this.privacy.forgetStored();
      },
      update: this.onDocUpdate,
      // Not while private drawing is in force (the filters read the document) or anything is unsaved.
      mayRest: () => !this.privacy.active && this.gate.pending === 0 && !this.bindings.hasPending,
      resting: (state) => this.hooks.onRest?.(this, state),
    });
    this.document.start();
  }

  /** The room's document, loaded (reading it applies the stored rows if that is still deferred). */
  get doc(): Y.Doc {
    return this.document.doc;
  }

  /** Whether the stored rows have been applied to `doc`. */
  get loaded(): boolean {
    return this.document.loaded;
  }

  /** Whether the room rests: its Y.Doc dropped for its encoded state (RoomDocument). */
  get resting(): boolean {
    return this.document.resting;
  }

  /** Whether the stored rows have not been read yet (neither loaded nor at rest). */
  get isCold(): boolean {
    return this.document.isCold;
  }

  /** Applies the stored rows to `doc` if that has not happened yet. */
  ensureLoaded(): void {
    this.document.ensureLoaded();
  }

  /** Runs `fn` once the document is loaded (now if it is; a resting room loads shortly). */
  whenLoaded(fn: () => void): void {
    this.document.whenLoaded(fn);
  }

  /**
   * Runs `fn` after every load of the document: now if it is loaded, and again each time the room
   * wakes from a rest with a new Y.Doc (observers must be attached to each).
   */
  onLoad(fn: () => void): void {
    this.document.onLoad(fn);
  }

  /**
   * Sends the server's sync step 1 for `peer` (its state vector as the peer may know it): at once
   * from a resting room's kept state vector, else once the document is loaded.
   */
  sendSyncStep1(peer: Peer): void {
    const resting = this.document.restingStateVector;
    if (resting && !this.privacy.active) peer.send(encodeSyncStep1Vector(resting));
    else this.whenLoaded(() => peer.send(this.syncStep1For(peer.identity)));
  }

  /**
   * Answers a peer's sync step 1 (once durable). A room whose rows are not applied yet, when the
   * board is stored as one row, answers from that row (or its diff against the peer's state vector)
   * at once; a room loaded from the store then loads right after, a resting one stays at rest. That
   * is safe: the row is committed, and a single row is the board's initial document, a compaction
   * or a rest, i.e. the encoding of a document with nothing pending and deleted content collected;
   * several rows could still carry content deleted by a later row, so they wait for the load.
   * A board at rest is one row once what it took since is folded in (RestingBoard). Updates from
   * the peer are inspected against the board at rest or the loaded document.
   */
  answerSyncStep1(peer: Peer, stateVector: Uint8Array): void {
    // Stored as several rows: read them for the index now (the room rests right after, as one row).
    if (this.document.isCold && this.document.singleRow === null && !this.privacy.active) this.document.ensureLoaded('index');
    const row = this.document.singleRow;
    if (row !== null && !this.privacy.active) {
      const key = SyncAnswerCache.key('*', stateVector);
      let message = this.syncAnswers.get(key);
      if (!message) {
        // [0]: the empty state vector of a fresh client.
        const whole = stateVector.length === 1 && stateVector[0] === 0;
        message = encodeSyncStep2Update(whole ? row : Y.diffUpdate(row, stateVector));
        // The answer ends with the whole row: the board keeps it from there, so the cached answer
        // and the board share one buffer.
        if (whole) this.document.adoptSingleRow(message.subarray(message.length - row.length));
      }
      // The row is the document's state, so it answers the next joiners with this state vector too
      // (the cache is cleared by the first change, and by a load that had to drop pending structs).
      this.syncAnswers.set(key, message);
      this.sendDurable(peer, message);
      // After the reply is written: the client applies it while this process reads the board.
      // (Only if still cold then: joiners come in bursts, and one read is enough.)
      if (this.document.isCold) setImmediate(() => this.document.isCold && this.document.ensureLoaded('index'));
      return;
    }
    this.sendDurable(peer, this.syncStep2(stateVector, peer.identity));
  }

  /** The server's sync step 1 for a peer: the state vector it may know of (RoomPrivacy). */
  syncStep1For(viewer: Viewer): Uint8Array {
    return encodeSyncStep1Vector(this.privacy.stateVectorFor(this.doc, viewer));
  }

  /** Whether a struct is another participant's private work that `viewer` may not see (or touch). */
  hides(viewer: Viewer, id: { client: number; clock: number }): boolean {
    return this.privacy.hides(viewer, id);
  }

  /** Whether what `from` writes or draws live may be sent to `to` right now (private drawing). */
  showsTo(from: Viewer, to: Viewer): boolean {
    return this.privacy.showsTo(from, to);
  }

  /** An awareness message with these states as `viewer` may see them (cursors hidden while private). */
  awarenessMessageFor(viewer: Viewer, ids: readonly number[]): Uint8Array {
    return encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...ids], this.awarenessStatesFor(viewer, ids)));
  }

  get size(): number {
    return this.peers.size;
  }

  get unsaved(): number {
    return this.gate.pending;
  }

  /** Adds a peer; returns its small per-room number (used to tag live strokes). */
  join(peer: Peer): number {
    const used = new Set(this.peers.values());
    let n = 1;
    while (used.has(n)) n++;
    this.peers.set(peer, n);
    return n;
  }

  /**
   * Removes a peer and everything kept for its awareness ids: their states (relayed as removed),
   * y-protocols' per-id `meta` entries (which it never deletes by itself), and the in-memory
   * client id bindings of ids that never wrote to the document.
   */
  leave(peer: Peer, awarenessClients: Iterable<number>): void {
    if (!this.peers.delete(peer)) return;
    const mine = [...awarenessClients].filter((id) => this.awarenessOwners.get(id) === peer);
    for (const id of mine) this.awarenessOwners.delete(id);
    const ids = mine.filter((id) => this.awareness.getStates().has(id));
    if (ids.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, ids, null);
    for (const id of mine) {
      this.awareness.meta.delete(id);
      this.bindings.release(id);
    }
    if (this.peers.size === 0) this.hooks.onEmpty(this);
  }

  /**
   * Applies an inspected update from a peer. Returns false if Yjs still could not integrate all
   * of it (the inspector should make this impossible; the room is protected either way).
   */
  applyInspected(update: Uint8Array, from: Peer, newClientIds: readonly number[], writers: readonly number[], atRestWouldDo: boolean): boolean {
    const doc = this.doc;
    // Only a change the board at rest could not have taken keeps the document loaded.
    if (!atRestWouldDo) this.document.hold();
    for (const id of newClientIds) this.bindings.bind(id, from.identity.participantId);
    this.bindings.wrote(writers);
    try {
      Y.applyUpdate(doc, update, from);
    } catch (error) {
      console.warn(`sketchroom: Yjs refused an inspected update on ${this.boardId}: ${String(error)}`);
      return false;
    } finally {
      // Bindings without a document change (all known) are still saved.
      if (this.bindings.hasPending) this.persist(null, null);
    }
    if (doc.store.pendingStructs || doc.store.pendingDs) {
      dropPending(doc);
      this.syncAnswers.clear();
      return false;
    }
    return true;
  }

  /**
   * Changes the document on the server's own account (easels for a joiner, say): persisted and
   * relayed to every peer like any update, once durable. The room's Yjs client id is bound to
   * SERVER_OWNER first, so no participant can ever write under it; if a participant already holds
   * that id, the room takes a fresh one.
   */
  writeAsServer(fn: (doc: Y.Doc) => void): void {
    if (this.destroyed) return;
    const doc = this.doc;
    // One id per room, also after a rest gave it a new Y.Doc (Yjs continues from the id's clock).
    if (this.serverClientId !== null) doc.clientID = this.serverClientId;
    while (this.ownerOf(doc.clientID) !== undefined && this.ownerOf(doc.clientID) !== SERVER_OWNER) {
      doc.clientID = Math.floor(Math.random() * 0xffffffff) >>> 0;
    }
    this.serverClientId = doc.clientID;
    if (!this.bindings.stored.has(doc.clientID)) this.bindings.bind(doc.clientID, SERVER_OWNER);
    this.document.hold();
    doc.transact(() => fn(doc), Origin.Server);
    // Only the binding, if the change turned out to change nothing.
    if (this.bindings.hasPending) this.persist(null, null);
  }

  /**
   * The board at rest, when the room may take a change there: it rests (no Y.Doc) and no private
   * drawing is in force. Null otherwise (the change goes to the loaded document).
   */
  get atRest(): RestingBoard | null {
    return this.privacy.active ? null : this.document.atRest;
  }

  /**
   * Takes an update at rest that the inspector and the role rules passed against the board's index
   * (entryChanges: it only adds and erases entries). Persisted and relayed like one applied to the
   * loaded document.
   */
  applyAtRest(update: Uint8Array, from: Peer, inspected: InspectedUpdate, changes: EntryChanges): void {
    for (const id of inspected.newClientIds) this.bindings.bind(id, from.identity.participantId);
    this.bindings.wrote(inspected.writers);
    this.syncAnswers.clear();
    // Saved (and, when the store commits at once, relayed) before the board's own bookkeeping:
    // nothing reads the board at rest until this returns, and the relay does not wait for it.
    this.persist(update, from);
    this.document.appendAtRest(update, inspected.ends, changes, inspected.deleteRanges);
  }

  /** The whole document encoded (folded at rest, encoded when loaded; null while not read yet). */
  encodedState(): Uint8Array | null {
    if (this.document.isCold) return null;
    return this.document.singleRow ?? Y.encodeStateAsUpdate(this.document.doc);
  }

  /** The document's encoded size (at rest without encoding anything). */
  encodedSize(): number {
    return this.document.atRest?.bytes ?? Y.encodeStateAsUpdate(this.doc).byteLength;
  }

  /** Whether another peer already speaks for this awareness client id. */
  awarenessClaimedByOther(clientId: number, peer: Peer): boolean {
    const owner = this.awarenessOwners.get(clientId);
    return owner !== undefined && owner !== peer;
  }

  /**
   * Records which peer speaks for these awareness ids, and binds them as document client ids of
   * its participant too: a provider announces its presence before it writes, and its client id is
   * public from then on, so binding only at first write would let someone else claim it first.
   * The binding lives in memory while the peer is connected and is stored only when the id first
   * writes (applyInspected): read-only visitors leave nothing behind.
   */
  claimAwareness(peer: Peer, ids: readonly number[]): void {
    for (const id of ids) {
      this.awarenessOwners.set(id, peer);
      // Callers have dropped ids bound to anyone else (Connection.belongsToOther).
      this.bindings.announce(id, peer.identity.participantId);
    }
  }

  /** The participant a Yjs client id is bound to (stored, or in memory for a connected peer), if any. */
  ownerOf(clientId: number): string | undefined {
    return this.bindings.ownerOf(clientId);
  }

  /** Entry counts of the room's per-client maps (tests and benchmarks watch them for leaks). */
  stats(): RoomStats {
    return {
      connections: this.peers.size,
      awarenessStates: this.awareness.getStates().size,
      awarenessMeta: this.awareness.meta.size,
      awarenessClaims: this.awarenessOwners.size,
      ...this.bindings.counts(),
      document: this.document.loaded ? 'loaded' : this.document.resting ? 'resting' : 'pending',
      structs: this.document.structCount,
      entries: this.document.entryCount,
      loads: this.document.loads,
    };
  }

  /**
   * The sync step 2 message answering a state vector (Y.encodeStateAsUpdate of the room's document
   * as it is now, filtered for `viewer` while private drawing is in force), computed once per
   * document state, viewer class and state vector. Without a viewer: the whole document.
   */
  syncStep2(stateVector: Uint8Array, viewer?: Viewer): Uint8Array {
    const doc = this.doc;
    const key = SyncAnswerCache.key(viewer ? this.privacy.viewerKey(viewer) : '*', stateVector);
    let message = this.syncAnswers.get(key);
    if (!message) {
      const filtered = viewer ? this.privacy.syncAnswer(doc, stateVector, viewer) : null;
      message = filtered ? encodeSyncStep2Update(filtered) : encodeSyncStep2(doc, stateVector);
    }
    this.syncAnswers.set(key, message);
    return message;
  }

  /** Sends to one peer once everything it might see is durable. */
  sendDurable(peer: Peer, message: Uint8Array): void {
    this.gate.run(() => {
      if (this.peers.has(peer)) peer.send(message);
    });
  }

  /** Runs `fn` once everything appended so far is committed (in order with sends and relays). */
  whenDurable(fn: () => void): void {
    this.gate.run(fn);
  }

  /** Relays (in order, after durability) to every peer but `except` that passes `filter`. */
  broadcast(message: Uint8Array, except: Peer | null, filter?: (peer: Peer) => boolean): void {
    this.gate.run(() => {
      for (const peer of this.peers.keys()) {
        if (peer !== except && (!filter || filter(peer))) peer.send(message);
      }
    });
  }

  numberOf(peer: Peer): number {
    return this.peers.get(peer) ?? 0;
  }

  closeAll(code: number, reason: string): void {
    for (const peer of [...this.peers.keys()]) peer.close(code, reason);
  }

  /** Closes the peers that match (e.g. every connection of a revoked participant); returns how many. */
  closeWhere(match: (peer: Peer) => boolean, code: number, reason: string): number {
    let n = 0;
    for (const peer of [...this.peers.keys()]) {
      if (!match(peer)) continue;
      peer.close(code, reason);
      n++;
    }
    return n;
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.document.destroy();
    this.privacy.dispose();
    this.syncAnswers.clear();
    this.awareness.off('update', this.onAwarenessUpdate);
    this.presence.destroy();
    this.awareness.destroy();
    this.awareness.doc.destroy();
    this.peers.clear();
  }

  private persist(update: Uint8Array | null, origin: unknown): void {
    this.gate.track(this.store.append(this.boardId, update, this.bindings.takePending()));
    if (update) {
      this.hooks.onAppend(this);
      const message = encodeUpdateMessage(update);
      const from = origin instanceof Object && this.peers.has(origin as Peer) ? (origin as Peer) : null;
      // Decided now, not at sending time: who may see an update depends on the phase it was made in.
      const hidden = from !== null && this.privacy.active && from.identity.role === 'participant';
      const artist = from?.identity.participantId;
      this.broadcast(message, from, hidden ? (peer) => peer.identity.role === 'facilitator' || peer.identity.participantId === artist : undefined);
    }
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    this.syncAnswers.clear();
    const revealed = this.privacy.follow(this.doc);
    if (origin instanceof Object && this.peers.has(origin as Peer) && (origin as Peer).identity.role === 'participant') {
      this.privacy.noteParticipantUpdate(update, (origin as Peer).identity.participantId);
    }
    this.persist(update, origin);
    if (revealed) {
      // Right after the change that ended the phase: everyone but the facilitator gets exactly
      // what was withheld from them; the stored boundary goes once that change is durable.
      this.broadcast(encodeUpdateMessage(revealed), null, (peer) => peer.identity.role !== 'facilitator');
      this.gate.run(() => this.privacy.forgetStored());
    }
  };

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
  ): void => {
    this.presence.note(added, updated, removed);
  };

  /** Awareness states as `viewer` may see them: cursors of participants it may not watch, blanked. */
  private awarenessStatesFor(viewer: Viewer, ids: readonly number[]): Map<number, Record<string, unknown>> {
    const states = this.awareness.getStates() as Map<number, Record<string, unknown>>;
    if (!this.privacy.active || viewer.role === 'facilitator') return states;
    const shown = new Map<number, Record<string, unknown>>();
    for (const id of ids) {
      const state = states.get(id);
      if (!state) continue;
      const owner = this.awarenessOwners.get(id);
      shown.set(id, owner && !this.privacy.showsTo(owner.identity, viewer) && 'cursor' in state ? { ...state, cursor: null } : state);
    }
    return shown;
  }
}
