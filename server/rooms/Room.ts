/**
 * One live board: its Y.Doc (loaded from the store), awareness, and connected peers. The room
 * applies updates that the ws layer has already inspected, persists them, and relays them once
 * durable. It knows nothing about sockets: peers are an interface.
 */
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { Origin } from '../../src/model/origins';
import type { Role } from '../../src/protocol/roles';
import type { Identity } from '../auth/AuthService';
import { SERVER_OWNER } from '../boards/BoardService';
import type { DocStore } from '../persistence/types';
import { AwarenessBatcher } from './AwarenessBatcher';
import { DurabilityGate } from './DurabilityGate';
import { encodeAwarenessMessage, encodeSyncStep1Vector, encodeSyncStep2, encodeSyncStep2Update, encodeUpdateMessage } from './messages';
import { RoomPrivacy } from './privacy/RoomPrivacy';

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
   * The room is going to rest (Room.rest): `state` is its whole document, encoded, which is what
   * it keeps in memory from now on; the manager compacts the stored rows to it.
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
  /** The document: in memory as a Y.Doc, resting (kept encoded, Room.rest), or not applied yet. */
  document: 'loaded' | 'resting' | 'pending';
}

/** Presence goes out to each peer at most once per this many ms (AwarenessBatcher); 0 = at once. */
export const AWARENESS_BATCH_MS = 33;

/** How many departed, never-written client ids a room remembers (see departedOwners). */
export const DEPARTED_IDS = 256;

/** Sync step 2 answers kept per document state (distinct state vectors). */
const SYNC_CACHE_ENTRIES = 4;
/** Cached answers are dropped this long after their last use, so an idle room holds no copy. */
const SYNC_CACHE_MS = 5_000;
/** Longer state vectors (many clients) are answered without caching. */
const SYNC_CACHE_MAX_KEY = 4_096;
/**
 * A loaded room applies its stored rows to the Y.Doc when something first needs the document, or
 * this long after loading at the latest (a joiner's sync step 1 arrives within a round trip).
 */
const DEFERRED_LOAD_MS = 20;
/**
 * A loaded room whose document nobody has changed for this long (and that is not in a private
 * drawing phase) drops its Y.Doc and keeps only the encoded state (Room.rest): a board on the
 * projector during a discussion, or open on laptops after the workshop, then costs about its
 * encoded size instead of ~2.5x. 0 = never.
 */
export const ROOM_REST_MS = 30_000;

/** `viewer`: who may see what (RoomPrivacy.viewerKey); the same state vector gets different answers. */
function syncCacheKey(viewer: string, stateVector: Uint8Array): string {
  return `${viewer}|${Buffer.from(stateVector.buffer, stateVector.byteOffset, stateVector.byteLength).toString('latin1')}`;
}

type Viewer = Pick<Identity, 'participantId' | 'role'>;

export class Room {
  /** The document; read it through `doc`, which applies deferred stored rows first. Replaced by each rest. */
  private ydoc: Y.Doc = this.newDoc();
  /** The Yjs client id the server writes under (writeAsServer), kept across rests. */
  private serverClientId: number | null = null;
  /** Private drawing: who may be sent what (server/rooms/privacy). */
  private readonly privacy: RoomPrivacy;
  readonly awareness: awarenessProtocol.Awareness;
  /** Yjs client id -> participant id, persisted: ids that have written to the document. */
  readonly owners: Map<number, string>;
  /**
   * Ids announced in awareness but not (yet) written with, bound in memory for the announcing
   * connection's lifetime only: every page load makes a new id, and most never draw.
   */
  private readonly tentativeOwners = new Map<number, string>();
  /**
   * The same for the last DEPARTED_IDS ids whose connection left without writing, oldest first:
   * stock providers echo presence they saw (a departed id must not become someone else's), and a
   * provider that reconnects keeps its client id. Bounded, so visits leave no lasting trace.
   */
  private readonly departedOwners = new Map<number, string>();
  /** Both kinds of binding, as the inspector asks. */
  readonly clientOwners = { get: (clientId: number): string | undefined => this.ownerOf(clientId) };
  private readonly peers = new Map<Peer, number>();
  /** Awareness client id -> the peer that speaks for it. */
  private readonly awarenessOwners = new Map<number, Peer>();
  private readonly gate: DurabilityGate;
  /** Presence fan-out, batched per window (server/rooms/AwarenessBatcher.ts). */
  private readonly presence: AwarenessBatcher<Peer>;
  private pendingOwners: Array<[number, string]> = [];
  /**
   * Encoded sync step 2 answers for the document as it is now, keyed by the asker's state vector:
   * encoding a 10,000-stroke board takes tens of ms, and joiners come in bursts (a workshop
   * starting, everyone reconnecting). Cleared by every document change and after SYNC_CACHE_MS.
   */
  private readonly syncCache = new Map<string, Uint8Array>();
  private syncCacheTimer: NodeJS.Timeout | null = null;
  private destroyed = false;
  /**
   * Stored rows not yet applied to `doc` (null once loaded). Loading a 10,000-stroke board takes
   * ~150 ms in a fresh process; while it is deferred, a first joiner is answered from a single stored
   * row (answerSyncStep1), and everything that reads the document calls ensureLoaded() first.
   */
  private unapplied: Uint8Array[] | null;
  private readonly afterLoad: Array<() => void> = [];
  /** Run after every load, the first and each one after a rest (e.g. to observe the new Y.Doc). */
  private readonly loadListeners: Array<() => void> = [];
  private loadTimer: NodeJS.Timeout | null = null;
  /** Fires ROOM_REST_MS after the last document change (see rest()). */
  private restTimer: NodeJS.Timeout | null = null;
  /** While resting: the state vector of `unapplied[0]`, so joiners get the server's sync step 1 without a load. */
  private restingVector: Uint8Array | null = null;

  constructor(
    readonly boardId: string,
    private readonly store: DocStore,
    private readonly hooks: RoomHooks,
    awarenessBatchMs = AWARENESS_BATCH_MS,
    private readonly restMs = ROOM_REST_MS,
  ) {
    const stored = store.load(boardId);
    this.owners = stored.clientOwners;
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
    this.unapplied = stored.updates;
    if (stored.updates.length === 0) this.ensureLoaded();
    else this.scheduleLoad();
  }

  private newDoc(): Y.Doc {
    // Deleted content is kept while private drawing is in force (RoomPrivacy: others still see a
    // participant's older drawing as it was at the boundary until the reveal).
    return new Y.Doc({ gc: true, gcFilter: () => !this.privacy.active });
  }

  private scheduleLoad(): void {
    if (this.loadTimer || this.destroyed) return;
    this.loadTimer = setTimeout(() => this.ensureLoaded(), DEFERRED_LOAD_MS);
    this.loadTimer.unref();
  }

  /** The room's document, loaded (reading it applies the stored rows if that is still deferred). */
  get doc(): Y.Doc {
    this.ensureLoaded();
    return this.ydoc;
  }

  /** Whether the stored rows have been applied to `doc`. */
  get loaded(): boolean {
    return this.unapplied === null;
  }

  /** Whether the room is resting: loaded before, its Y.Doc dropped for its encoded state (rest()). */
  get resting(): boolean {
    return this.restingVector !== null;
  }

  /** Applies the stored rows to `doc` if that has not happened yet. Call before reading `doc`. */
  ensureLoaded(): void {
    const rows = this.unapplied;
    if (rows === null || this.destroyed) return;
    this.unapplied = null;
    this.restingVector = null;
    if (this.loadTimer) clearTimeout(this.loadTimer);
    this.loadTimer = null;
    this.ydoc.transact(() => {
      for (const update of rows) Y.applyUpdate(this.ydoc, update);
    });
    if (this.ydoc.store.pendingStructs || this.ydoc.store.pendingDs) {
      console.warn(`sketchroom: board ${this.boardId} loaded with pending structs; dropping them`);
      this.clearPending();
    }
    // A stored boundary whose phase has ended (or none for a phase in force) is put right; nobody
    // was sent anything yet (the unfiltered fast path stays shut while a boundary is stored).
    if (this.privacy.follow(this.ydoc)) this.privacy.forgetStored();
    this.ydoc.on('update', this.onDocUpdate);
    for (const fn of this.loadListeners) fn();
    for (const fn of this.afterLoad.splice(0)) fn();
    this.scheduleRest();
  }

  /** Runs `fn` once the document is loaded (now if it is; a resting room loads shortly). */
  whenLoaded(fn: () => void): void {
    if (this.unapplied === null) fn();
    else {
      this.afterLoad.push(fn);
      this.scheduleLoad();
    }
  }

  /**
   * Runs `fn` after every load of the document: now if it is loaded, and again each time the room
   * wakes from a rest with a new Y.Doc (observers must be attached to each).
   */
  onLoad(fn: () => void): void {
    this.loadListeners.push(fn);
    if (this.unapplied === null) fn();
  }

  /**
   * Sends the server's sync step 1 for `peer` (its state vector as the peer may know it): at once
   * from a resting room's kept state vector, else once the document is loaded.
   */
  sendSyncStep1(peer: Peer): void {
    if (this.restingVector && !this.privacy.active) peer.send(encodeSyncStep1Vector(this.restingVector));
    else this.whenLoaded(() => peer.send(this.syncStep1For(peer.identity)));
  }

  private scheduleRest(): void {
    if (this.restMs <= 0 || this.destroyed) return;
    if (this.restTimer) this.restTimer.refresh();
    else {
      this.restTimer = setTimeout(() => this.rest(), this.restMs);
      this.restTimer.unref();
    }
  }

  /**
   * Drops the Y.Doc of a room nobody has changed for restMs and keeps its encoding instead, as a
   * freshly loaded room keeps its single stored row: joiners are answered from it (answerSyncStep1)
   * and the first thing that needs the document (an update to inspect, an easel to write) loads it
   * again. Not while private drawing is in force (the filters need the document) or while anything
   * is unsaved; then it tries again later.
   */
  private rest(): void {
    this.restTimer = null;
    if (this.destroyed || this.unapplied !== null) return;
    if (this.privacy.active || this.gate.pending > 0 || this.pendingOwners.length > 0) {
      this.scheduleRest();
      return;
    }
    const state = Y.encodeStateAsUpdate(this.ydoc);
    const vector = Y.encodeStateVector(this.ydoc);
    this.hooks.onRest?.(this, state);
    this.ydoc.off('update', this.onDocUpdate);
    this.ydoc.destroy();
    this.ydoc = this.newDoc();
    this.unapplied = [state];
    this.restingVector = vector;
  }

  /**
   * Answers a peer's sync step 1 (once durable). The first joiner of a room whose rows are not
   * applied yet, when the board is stored as one row, gets that row (or its diff against the
   * peer's state vector) at once, and the document loads right after. That is safe: the row is
   * committed, and a single row is either the board's initial document or a compaction, which is
   * the encoding of a document with nothing pending and deleted content collected (mergeStoredUpdates,
   * compactFrom); several rows could still carry content deleted by a later row, so they wait for
   * the load. Updates from the peer are inspected against the loaded document (ensureLoaded).
   */
  answerSyncStep1(peer: Peer, stateVector: Uint8Array): void {
    const rows = this.unapplied;
    if (rows !== null && rows.length === 1 && !this.privacy.active) {
      const row = rows[0]!;
      // [0]: the empty state vector of a fresh client.
      const update = stateVector.length === 1 && stateVector[0] === 0 ? row : Y.diffUpdate(row, stateVector);
      const message = encodeSyncStep2Update(update);
      // The row is the document's state, so it answers the next joiners with this state vector too
      // (the cache is cleared by the first change, and by a load that had to drop pending structs).
      if (stateVector.length <= SYNC_CACHE_MAX_KEY) this.cacheSyncAnswer(syncCacheKey('*', stateVector), message);
      this.sendDurable(peer, message);
      // After the reply is written: the client applies it while this process loads the document
      // (a resting room stays at rest until something needs its document).
      if (!this.restingVector) setImmediate(() => this.ensureLoaded());
      return;
    }
    this.ensureLoaded();
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
      const tentative = this.tentativeOwners.get(id);
      if (tentative === undefined) continue;
      this.tentativeOwners.delete(id);
      this.departedOwners.set(id, tentative);
      if (this.departedOwners.size > DEPARTED_IDS) this.departedOwners.delete(this.departedOwners.keys().next().value!);
    }
    if (this.peers.size === 0) this.hooks.onEmpty(this);
  }

  /**
   * Applies an inspected update from a peer. Returns false if Yjs still could not integrate all
   * of it (the inspector should make this impossible; the room is protected either way).
   */
  applyInspected(update: Uint8Array, from: Peer, newClientIds: readonly number[], writers: readonly number[]): boolean {
    this.ensureLoaded();
    for (const id of newClientIds) this.bind(id, from.identity.participantId);
    // An id bound in memory by its awareness announcement is persisted with its first write.
    for (const id of writers) {
      const tentative = this.tentativeOwners.get(id) ?? this.departedOwners.get(id);
      if (tentative === undefined) continue;
      this.tentativeOwners.delete(id);
      this.departedOwners.delete(id);
      this.bind(id, tentative);
    }
    try {
      Y.applyUpdate(this.ydoc, update, from);
    } catch (error) {
      console.warn(`sketchroom: Yjs refused an inspected update on ${this.boardId}: ${String(error)}`);
      return false;
    } finally {
      // Bindings without a document change (all known) are still saved.
      if (this.pendingOwners.length > 0) this.persist(null, null);
    }
    if (this.ydoc.store.pendingStructs || this.ydoc.store.pendingDs) {
      this.clearPending();
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
    this.ensureLoaded();
    const doc = this.ydoc;
    // One id per room, also after a rest gave it a new Y.Doc (Yjs continues from the id's clock).
    if (this.serverClientId !== null) doc.clientID = this.serverClientId;
    while (this.ownerOf(doc.clientID) !== undefined && this.ownerOf(doc.clientID) !== SERVER_OWNER) {
      doc.clientID = Math.floor(Math.random() * 0xffffffff) >>> 0;
    }
    this.serverClientId = doc.clientID;
    if (!this.owners.has(doc.clientID)) this.bind(doc.clientID, SERVER_OWNER);
    doc.transact(() => fn(doc), Origin.Server);
    // Only the binding, if the change turned out to change nothing.
    if (this.pendingOwners.length > 0) this.persist(null, null);
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
    const participant = peer.identity.participantId;
    for (const id of ids) {
      this.awarenessOwners.set(id, peer);
      // Callers have dropped ids bound to anyone else (Connection.belongsToOther).
      this.departedOwners.delete(id);
      if (!this.owners.has(id) && !this.tentativeOwners.has(id)) this.tentativeOwners.set(id, participant);
    }
  }

  /** The participant a Yjs client id is bound to (stored, or in memory for a connected peer), if any. */
  ownerOf(clientId: number): string | undefined {
    return this.owners.get(clientId) ?? this.tentativeOwners.get(clientId) ?? this.departedOwners.get(clientId);
  }

  /** Entry counts of the room's per-client maps (tests and benchmarks watch them for leaks). */
  stats(): RoomStats {
    return {
      connections: this.peers.size,
      awarenessStates: this.awareness.getStates().size,
      awarenessMeta: this.awareness.meta.size,
      awarenessClaims: this.awarenessOwners.size,
      clientIds: this.owners.size,
      tentativeClientIds: this.tentativeOwners.size,
      departedClientIds: this.departedOwners.size,
      document: this.unapplied === null ? 'loaded' : this.restingVector ? 'resting' : 'pending',
    };
  }

  private bind(id: number, participant: string): void {
    this.owners.set(id, participant);
    this.pendingOwners.push([id, participant]);
  }

  /**
   * The sync step 2 message answering a state vector (Y.encodeStateAsUpdate of the room's document
   * as it is now, filtered for `viewer` while private drawing is in force), computed once per
   * document state, viewer class and state vector. Without a viewer: the whole document.
   */
  syncStep2(stateVector: Uint8Array, viewer?: Viewer): Uint8Array {
    this.ensureLoaded();
    const build = (): Uint8Array => {
      const filtered = viewer ? this.privacy.syncAnswer(this.ydoc, stateVector, viewer) : null;
      return filtered ? encodeSyncStep2Update(filtered) : encodeSyncStep2(this.ydoc, stateVector);
    };
    if (stateVector.length > SYNC_CACHE_MAX_KEY) return build();
    const key = syncCacheKey(viewer ? this.privacy.viewerKey(viewer) : '*', stateVector);
    const message = this.syncCache.get(key) ?? build();
    this.cacheSyncAnswer(key, message);
    return message;
  }

  /** Keeps `message` as the most recent cached answer for `key` (syncCacheKey). */
  private cacheSyncAnswer(key: string, message: Uint8Array): void {
    if (!this.syncCache.delete(key) && this.syncCache.size >= SYNC_CACHE_ENTRIES) {
      this.syncCache.delete(this.syncCache.keys().next().value!);
    }
    this.syncCache.set(key, message);
    if (this.syncCacheTimer) this.syncCacheTimer.refresh();
    else {
      this.syncCacheTimer = setTimeout(() => this.dropSyncCache(), SYNC_CACHE_MS);
      this.syncCacheTimer.unref();
    }
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
    if (this.loadTimer) clearTimeout(this.loadTimer);
    this.loadTimer = null;
    if (this.restTimer) clearTimeout(this.restTimer);
    this.restTimer = null;
    this.afterLoad.length = 0;
    this.loadListeners.length = 0;
    this.ydoc.off('update', this.onDocUpdate);
    this.privacy.dispose();
    this.dropSyncCache();
    this.awareness.off('update', this.onAwarenessUpdate);
    this.presence.destroy();
    this.awareness.destroy();
    this.awareness.doc.destroy();
    this.ydoc.destroy();
    this.peers.clear();
  }

  private persist(update: Uint8Array | null, origin: unknown): void {
    const owners = this.pendingOwners;
    this.pendingOwners = [];
    this.gate.track(this.store.append(this.boardId, update, owners));
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
    if (this.syncCache.size > 0) this.syncCache.clear();
    this.scheduleRest();
    const revealed = this.privacy.follow(this.ydoc);
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

  private dropSyncCache(): void {
    this.syncCache.clear();
    if (this.syncCacheTimer) clearTimeout(this.syncCacheTimer);
    this.syncCacheTimer = null;
  }

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

  private clearPending(): void {
    // Pending structs would be handed to every joiner by encodeStateAsUpdate (SECURITY-NOTES).
    this.ydoc.store.pendingStructs = null;
    this.ydoc.store.pendingDs = null;
    this.syncCache.clear();
  }
}
