/**
 * A room's document and its life: stored rows applied late (a deferred load), and the Y.Doc
 * dropped again for the board at rest (atRest/RestingBoard: the encoding plus an index of the
 * entries) as soon as nothing needs it. At rest the room still takes additions and erasures;
 * whatever reads the document goes through `doc`, which loads it first. The room decides what
 * loading means beyond applying rows (privacy, observers) through the hooks.
 */
import * as Y from 'yjs';
import { applyStoredUpdate } from '../persistence/applyStoredUpdate';
import type { WireDeleteRange } from '../ws/inspect/readUpdate';
import type { EntryChanges } from './atRest/entryChanges';
import { RestingBoard } from './atRest/RestingBoard';

/**
 * A loaded room applies its stored rows to the Y.Doc when something first needs the document, or
 * this long after loading at the latest (a joiner's sync step 1 arrives within a round trip).
 */
const DEFERRED_LOAD_MS = 20;

/**
 * A loaded document that nothing has needed for this long (a change the board at rest cannot
 * take, a write of the server's) drops its Y.Doc and rests (see rest()), unless private drawing is
 * in force: the room then costs about its encoded size instead of ~2.2x, also while people draw.
 * 0 = never rest (the document stays loaded once loaded).
 */
export const ROOM_REST_MS = 30_000;
/** A rest that had to wait (something unsaved, private drawing) is tried again this soon. */
const REST_RETRY_MS = 500;
/** Erased content is collected (a load and a rest) at most this often per room. */
const COLLECT_EVERY_MS = 10_000;

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
   * Stored rows not yet applied to the Y.Doc, from a room just made (null once loaded or at rest).
   * Loading a 10,000-stroke board takes ~50-150 ms; while it is deferred, a joiner can be answered
   * from a single row (`singleRow`).
   */
  private cold: Uint8Array[] | null;
  /** At rest: the encoded board and its index instead of the Y.Doc (null when loaded or cold). */
  private board: RestingBoard | null = null;
  /** The loaded document is exactly this row (loaded from it, unchanged since): a rest keeps it. */
  private loadedFrom: Uint8Array | null = null;
  /** Something needed the loaded document since it loaded (see hold()). */
  private held = false;
  private readonly afterLoad: Array<() => void> = [];
  /** Run after every load, the first and each one after a rest (e.g. to observe the new Y.Doc). */
  private readonly loadListeners: Array<() => void> = [];
  private loadTimer: NodeJS.Timeout | null = null;
  /** Fires restMs after the last hold (see rest()). */
  private restTimer: NodeJS.Timeout | null = null;
  /** How many times the Y.Doc was loaded (tests and benchmarks: work taken at rest loads nothing). */
  loads = 0;
  private collecting = false;
  private lastCollect = 0;
  private destroyed = false;

  constructor(
    rows: Uint8Array[],
    private readonly restMs: number,
    private readonly hooks: RoomDocumentHooks,
  ) {
    this.ydoc = this.newDoc();
    this.cold = rows;
  }

  /** Starts the deferred load (or loads an empty board at once). Call once the room is built. */
  start(): void {
    if (this.cold?.length === 0) this.ensureLoaded('index');
    else this.scheduleLoad();
  }

  /** The document, loaded (reading it applies the stored rows if that is still deferred). */
  get doc(): Y.Doc {
    this.ensureLoaded();
    return this.ydoc;
  }

  /** Whether the Y.Doc holds the board now. */
  get loaded(): boolean {
    return this.cold === null && this.board === null;
  }

  /** Whether the document rests: kept encoded with its index (RestingBoard), no Y.Doc. */
  get resting(): boolean {
    return this.board !== null;
  }

  /** The board at rest (null while loaded or not loaded yet). */
  get atRest(): RestingBoard | null {
    return this.board;
  }

  /** Structs in the loaded Y.Doc's store (0 while not loaded): what its memory grows with. */
  get structCount(): number {
    if (!this.loaded) return 0;
    let n = 0;
    for (const structs of this.ydoc.store.clients.values()) n += structs.length;
    return n;
  }

  /** Live entries of `items`: from the index at rest, the Y.Doc when loaded, 0 before either. */
  get entryCount(): number {
    if (this.board) return this.board.index.size;
    if (!this.loaded) return 0;
    let n = 0;
    for (const item of this.ydoc.getMap<unknown>('items')._map.values()) if (!item.deleted) n++;
    return n;
  }

  /** The state vector of a resting document (null otherwise). */
  get restingStateVector(): Uint8Array | null {
    return this.board?.stateVector() ?? null;
  }

  /**
   * The document's whole state as one row, when it is not applied: a cold room stored as exactly
   * one row (a fresh board, a compaction, or a rest), or a resting one (folding what it took since).
   */
  get singleRow(): Uint8Array | null {
    if (this.board) return this.board.singleRow();
    return this.cold?.length === 1 ? this.cold[0]! : null;
  }

  /** Rows not applied yet, from the store, with no index (a room just made). */
  get isCold(): boolean {
    return this.cold !== null;
  }

  /**
   * Keeps the single row from `copy` instead (the same bytes in another buffer, e.g. inside the sync
   * answer made from it), so the document's contents point into that buffer (applyStoredUpdate) and
   * the row's own buffer can go: one copy of the board in memory instead of two.
   */
  adoptSingleRow(copy: Uint8Array): void {
    const rows = this.cold;
    if (rows?.length === 1 && rows[0]!.length === copy.length) rows[0] = copy;
    this.board?.adopt(copy);
  }

  /**
   * Applies the stored rows (or the resting board's) if that has not happened yet. `need`: someone
   * needs the document, which then stays loaded until nothing has needed it for restMs. `index`:
   * the load only reads the board for its index, and the room rests again at once unless something
   * held it meanwhile (an easel the load made the server write, say).
   */
  ensureLoaded(reason: 'need' | 'index' = 'need'): void {
    const rows = this.cold ?? this.board?.rows ?? null;
    if (rows === null || this.destroyed) return;
    this.cold = null;
    this.board = null;
    this.held = false;
    this.loads++;
    if (this.loadTimer) clearTimeout(this.loadTimer);
    this.loadTimer = null;
    const doc = this.ydoc;
    doc.transact(() => {
      for (const update of rows) applyStoredUpdate(doc, update);
    });
    const pending = doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
    if (pending) dropPending(doc);
    this.loadedFrom = rows.length === 1 && !pending ? rows[0]! : null;
    this.hooks.loaded(doc, pending);
    doc.on('update', this.onUpdate);
    for (const fn of this.loadListeners) fn();
    for (const fn of this.afterLoad.splice(0)) fn();
    if (reason === 'need' || this.held || this.restMs <= 0) this.hold();
    else this.rest();
  }

  /** Loads shortly (after DEFERRED_LOAD_MS), for the index, unless something loads it first. */
  scheduleLoad(): void {
    if (this.loadTimer || this.destroyed || this.loaded) return;
    this.loadTimer = setTimeout(() => this.ensureLoaded('index'), DEFERRED_LOAD_MS);
    this.loadTimer.unref();
  }

  /** Runs `fn` once the document is loaded (now if it is; otherwise it loads shortly). */
  whenLoaded(fn: () => void): void {
    if (this.loaded) fn();
    else {
      this.afterLoad.push(fn);
      this.scheduleLoad();
    }
  }

  /** Runs `fn` after every load: now if loaded, and again each time a rest ends with a new Y.Doc. */
  onLoad(fn: () => void): void {
    this.loadListeners.push(fn);
    if (this.loaded) fn();
  }

  /**
   * The loaded document was needed (a change the board at rest could not take, a write of the
   * server's): it stays loaded until nothing has needed it for restMs.
   */
  hold(): void {
    if (!this.loaded || this.destroyed) return;
    this.held = true;
    if (this.restMs <= 0) return;
    if (this.restTimer) this.restTimer.refresh();
    else {
      this.restTimer = setTimeout(() => this.rest(), this.restMs);
      this.restTimer.unref();
    }
  }

  /** Takes an update at rest (Room.applyAtRest); may ask for a collection of erased content. */
  appendAtRest(update: Uint8Array, ends: ReadonlyMap<number, number>, changes: EntryChanges, deletes: readonly WireDeleteRange[]): void {
    const board = this.board;
    if (!board) throw new Error('the board is not at rest');
    board.append(update, ends, changes, deletes);
    if (board.wantsCollect && !this.collecting && Date.now() - this.lastCollect >= COLLECT_EVERY_MS) {
      this.collecting = true;
      setImmediate(() => {
        this.collecting = false;
        this.lastCollect = Date.now();
        // Loading applies the rows to a collecting Y.Doc; the rest right after encodes the result.
        if (this.board === board) this.ensureLoaded('index');
      });
    }
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
    this.board = null;
    this.ydoc.off('update', this.onUpdate);
    this.ydoc.destroy();
  }

  private newDoc(): Y.Doc {
    // Deleted content is kept while private drawing is in force (RoomPrivacy: others still see a
    // participant's older drawing as it was at the boundary until the reveal).
    return new Y.Doc({ gc: true, gcFilter: () => this.hooks.mayCollect() });
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    this.loadedFrom = null;
    this.hooks.update(update, origin);
  };

  /**
   * Drops the Y.Doc and keeps the board at rest instead (RestingBoard): joiners are answered from
   * its encoding, additions and erasures are taken there, and the first thing that needs the
   * document (another change, an easel to write) loads it again. When the room may not rest now
   * (private drawing, something unsaved), it tries again shortly.
   */
  private rest(): void {
    if (this.restTimer) clearTimeout(this.restTimer);
    this.restTimer = null;
    if (this.destroyed || !this.loaded) return;
    if (!this.hooks.mayRest()) {
      this.restTimer = setTimeout(() => this.rest(), Math.min(this.restMs, REST_RETRY_MS));
      this.restTimer.unref();
      return;
    }
    const kept = this.loadedFrom;
    const state = kept ?? Y.encodeStateAsUpdate(this.ydoc);
    const board = RestingBoard.of(this.ydoc, state);
    // A row kept as it was loaded is already what the store holds.
    if (!kept) this.hooks.resting(state);
    this.ydoc.off('update', this.onUpdate);
    this.ydoc.destroy();
    this.ydoc = this.newDoc();
    this.loadedFrom = null;
    this.held = false;
    this.board = board;
  }
}

/** Pending structs would be handed to every joiner by encodeStateAsUpdate (SECURITY-NOTES). */
export function dropPending(doc: Y.Doc): void {
  doc.store.pendingStructs = null;
  doc.store.pendingDs = null;
}
