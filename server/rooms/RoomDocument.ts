/**
 * A room's Y.Doc and its life: stored rows applied late (a deferred load), and dropped again when
 * nobody has changed the document for a while (a rest), keeping its encoding instead. Everything
 * that reads the document goes through `doc`, which loads it first. The room decides what loading
 * means beyond applying rows (privacy, observers) through the hooks.
 */
import * as Y from 'yjs';
import { applyStoredUpdate } from '../persistence/applyStoredUpdate';

/**
 * A loaded room applies its stored rows to the Y.Doc when something first needs the document, or
 * this long after loading at the latest (a joiner's sync step 1 arrives within a round trip).
 */
const DEFERRED_LOAD_MS = 20;

/**
 * A loaded room whose document nobody has changed for this long (and that is not in a private
 * drawing phase) drops its Y.Doc and keeps only the encoded state (see rest()): a board on the
 * projector during a discussion, or open on laptops after the workshop, then costs about its
 * encoded size instead of ~2.4x. 0 = never.
 */
export const ROOM_REST_MS = 30_000;

export interface RoomDocumentHooks {
  /** Whether deleted content may be garbage-collected now (not while private drawing is in force). */
  mayCollect(): boolean;
  /**
   * The rows were just applied (`droppedPending`: Yjs kept structs it could not integrate, and
   * they were dropped). Runs before any listener sees the new document.
   */
  loaded(doc: Y.Doc, droppedPending: boolean): void;
  /** A change of the loaded document (Y.Doc 'update'). */
  update(update: Uint8Array, origin: unknown): void;
  /** Whether the room may rest now (nothing unsaved, no private phase). */
  mayRest(): boolean;
  /** The room is going to rest, keeping `state` (its whole document, encoded). */
  resting(state: Uint8Array): void;
}

export class RoomDocument {
  private ydoc: Y.Doc;
  /**
   * Stored rows not yet applied to the Y.Doc (null once loaded). Loading a 10,000-stroke board takes
   * ~50-150 ms; while it is deferred, a joiner can be answered from a single row (`singleRow`).
   */
  private unapplied: Uint8Array[] | null;
  /** While resting: the state vector of the kept row, so joiners get the server's sync step 1 without a load. */
  private restingVector: Uint8Array | null = null;
  private readonly afterLoad: Array<() => void> = [];
  /** Run after every load, the first and each one after a rest (e.g. to observe the new Y.Doc). */
  private readonly loadListeners: Array<() => void> = [];
  private loadTimer: NodeJS.Timeout | null = null;
  /** Fires restMs after the last change (see rest()). */
  private restTimer: NodeJS.Timeout | null = null;
  private destroyed = false;

  constructor(
    rows: Uint8Array[],
    private readonly restMs: number,
    private readonly hooks: RoomDocumentHooks,
  ) {
    this.ydoc = this.newDoc();
    this.unapplied = rows;
  }

  /** Starts the deferred load (or loads an empty board at once). Call once the room is built. */
  start(): void {
    if (this.unapplied?.length === 0) this.ensureLoaded();
    else this.scheduleLoad();
  }

  /** The document, loaded (reading it applies the stored rows if that is still deferred). */
  get doc(): Y.Doc {
    this.ensureLoaded();
    return this.ydoc;
  }

  /** Whether the stored rows have been applied. */
  get loaded(): boolean {
    return this.unapplied === null;
  }

  /** Whether the document rests: loaded before, its Y.Doc dropped for its encoded state. */
  get resting(): boolean {
    return this.restingVector !== null;
  }

  /** Structs in the loaded Y.Doc's store (0 while not loaded): what its memory grows with. */
  get structCount(): number {
    if (this.unapplied !== null) return 0;
    let n = 0;
    for (const structs of this.ydoc.store.clients.values()) n += structs.length;
    return n;
  }

  /** The state vector of a resting document (null otherwise). */
  get restingStateVector(): Uint8Array | null {
    return this.restingVector;
  }

  /**
   * The document's whole state as one committed row, when it is not applied yet and is stored as
   * exactly one row (a fresh board, a compaction, or a rest): what a joiner may be answered from.
   */
  get singleRow(): Uint8Array | null {
    return this.unapplied?.length === 1 ? this.unapplied[0]! : null;
  }

  /**
   * Loads the single row from `copy` instead (the same bytes in another buffer, e.g. inside the sync
   * answer made from it), so the document's contents point into that buffer (applyStoredUpdate) and
   * the row's own buffer can go: one copy of the board in memory instead of two.
   */
  adoptSingleRow(copy: Uint8Array): void {
    const rows = this.unapplied;
    if (rows?.length === 1 && rows[0]!.length === copy.length) rows[0] = copy;
  }

  /** Applies the stored rows if that has not happened yet. */
  ensureLoaded(): void {
    const rows = this.unapplied;
    if (rows === null || this.destroyed) return;
    this.unapplied = null;
    this.restingVector = null;
    if (this.loadTimer) clearTimeout(this.loadTimer);
    this.loadTimer = null;
    const doc = this.ydoc;
    doc.transact(() => {
      for (const update of rows) applyStoredUpdate(doc, update);
    });
    const pending = doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
    if (pending) dropPending(doc);
    this.hooks.loaded(doc, pending);
    doc.on('update', this.onUpdate);
    for (const fn of this.loadListeners) fn();
    for (const fn of this.afterLoad.splice(0)) fn();
    this.touched();
  }

  /** Loads shortly (after DEFERRED_LOAD_MS) unless something loads it first. */
  scheduleLoad(): void {
    if (this.loadTimer || this.destroyed || this.unapplied === null) return;
    this.loadTimer = setTimeout(() => this.ensureLoaded(), DEFERRED_LOAD_MS);
    this.loadTimer.unref();
  }

  /** Runs `fn` once the document is loaded (now if it is; otherwise it loads shortly). */
  whenLoaded(fn: () => void): void {
    if (this.unapplied === null) fn();
    else {
      this.afterLoad.push(fn);
      this.scheduleLoad();
    }
  }

  /** Runs `fn` after every load: now if loaded, and again each time a rest ends with a new Y.Doc. */
  onLoad(fn: () => void): void {
    this.loadListeners.push(fn);
    if (this.unapplied === null) fn();
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
    this.ydoc.off('update', this.onUpdate);
    this.ydoc.destroy();
  }

  private newDoc(): Y.Doc {
    // Deleted content is kept while private drawing is in force (RoomPrivacy: others still see a
    // participant's older drawing as it was at the boundary until the reveal).
    return new Y.Doc({ gc: true, gcFilter: () => this.hooks.mayCollect() });
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    this.touched();
    this.hooks.update(update, origin);
  };

  /** The document changed (or loaded): the rest timer starts over. */
  private touched(): void {
    if (this.restMs <= 0 || this.destroyed) return;
    if (this.restTimer) this.restTimer.refresh();
    else {
      this.restTimer = setTimeout(() => this.rest(), this.restMs);
      this.restTimer.unref();
    }
  }

  /**
   * Drops the Y.Doc of a document nobody has changed for restMs and keeps its encoding instead, as
   * a freshly loaded room keeps its single stored row: joiners are answered from it, and the first
   * thing that needs the document (an update to inspect, an easel to write) loads it again. When
   * the room may not rest now, it tries again after another period.
   */
  private rest(): void {
    this.restTimer = null;
    if (this.destroyed || this.unapplied !== null) return;
    if (!this.hooks.mayRest()) {
      this.touched();
      return;
    }
    const state = Y.encodeStateAsUpdate(this.ydoc);
    const vector = Y.encodeStateVector(this.ydoc);
    this.hooks.resting(state);
    this.ydoc.off('update', this.onUpdate);
    this.ydoc.destroy();
    this.ydoc = this.newDoc();
    this.unapplied = [state];
    this.restingVector = vector;
  }
}

/** Pending structs would be handed to every joiner by encodeStateAsUpdate (SECURITY-NOTES). */
export function dropPending(doc: Y.Doc): void {
  doc.store.pendingStructs = null;
  doc.store.pendingDs = null;
}
