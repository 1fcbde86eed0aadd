/**
 * Real privacy for the drawing phase (issue 5): while `session.privateDrawing` is on and the phase
 * is "drawing", what a participant draws reaches only their own connections and the facilitator's.
 * The room's Y.Doc keeps everything (persistence is unchanged); this class decides, per receiver,
 * what it may be sent:
 *  - relayed updates and live strokes from a participant go to the facilitator(s) and that
 *    participant's own connections only (showsTo);
 *  - sync answers to anyone else leave out other participants' structs at or above the boundary
 *    clock of their client, and their deletions since (syncAnswer, encodeFilteredUpdate);
 *  - cursors of participants are blanked for other participants and the projector (a cursor trail
 *    would draw the picture);
 *  - at the reveal, everyone but the facilitator is sent exactly the structs they were denied.
 * Which client ids are a participant's comes from the room's spoof-checked bindings (ownerOf).
 * Deleted content is not garbage-collected while private (the room's gcFilter asks `active`), so
 * a participant's erasure of something older than the boundary can still be withheld.
 */
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { drawingIsPrivate } from '../../../src/model/privacy';
import type { Role } from '../../../src/protocol/roles';
import type { Identity } from '../../auth/AuthService';
import type { DocStore } from '../../persistence/types';
import { captureBoundary, decodeBoundary, encodeBoundary, type Boundary } from './boundary';
import { clipRanges, mergeRanges, subtractRanges } from './ranges';
import { cappedStateVector, deleteRangesOf, encodeFilteredUpdate, encodeStateVectorMap, stateOf, type DeleteRanges } from './filteredUpdate';

type Viewer = Pick<Identity, 'participantId' | 'role'>;

export interface PrivacyContext {
  boardId: string;
  store: DocStore;
  /** The participant a Yjs client id is bound to. */
  ownerOf(clientId: number): string | undefined;
  /** A participant's role (null: unknown, e.g. the server's own initial client). */
  roleOf(participantId: string): Role | null;
}

/** The record of withheld deletions is stored at most this often. */
const WITHHELD_SAVE_MS = 1000;

function decodeStateVector(sv: Uint8Array): Map<number, number> {
  const dec = decoding.createDecoder(sv);
  const map = new Map<number, number>();
  for (let n = decoding.readVarUint(dec); n > 0; n--) map.set(decoding.readVarUint(dec), decoding.readVarUint(dec));
  return map;
}

export class RoomPrivacy {
  private boundary: Boundary | null = null;
  private readonly roles = new Map<string, Role | null>();
  private saveTimer: NodeJS.Timeout | null = null;

  constructor(private readonly ctx: PrivacyContext) {
    const saved = ctx.store.loadPrivacy?.(ctx.boardId) ?? null;
    // Taken as in force until the loaded document says otherwise (follow): it keeps deleted
    // content while the stored rows are applied, and keeps the unfiltered fast path shut.
    this.boundary = saved ? decodeBoundary(saved) : null;
  }

  /** Private drawing is in force (or was, when the room was stored, until the load says). */
  get active(): boolean {
    return this.boundary !== null;
  }

  /**
   * Follows the session after the load or a document change: starts a phase (records and stores
   * the boundary), or ends one. On an end it returns the update everyone but the facilitator was
   * denied, to send before anything else.
   */
  follow(doc: Y.Doc): Uint8Array | null {
    const wanted = drawingIsPrivate(doc);
    if (wanted && !this.boundary) {
      this.boundary = captureBoundary(doc);
      // Synchronously, before the change that started the phase is committed or relayed.
      this.ctx.store.savePrivacy?.(this.ctx.boardId, encodeBoundary(this.boundary));
      return null;
    }
    if (wanted || !this.boundary) return null;
    const boundary = this.boundary;
    this.boundary = null;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    // Drop the content of what was deleted meanwhile (the phase kept it) before anything is sent.
    Y.tryGc(Y.createDeleteSetFromStructStore(doc.store), doc.store, () => true);
    const sv = stateOf(doc);
    for (const client of sv.keys()) {
      if (this.isPrivateClient(client)) sv.set(client, Math.min(sv.get(client)!, boundary.sv.get(client) ?? 0));
    }
    return Y.encodeStateAsUpdate(doc, encodeStateVectorMap(sv));
  }

  /**
   * Records the deletions a participant's update made (explicit, or implied by a map overwrite) while
   * private: they are withheld from everyone else until the reveal, as its structs are. Stored at
   * most once a second (and when the room unloads): a crash loses at most that much of this record,
   * which then shows as erasures (never as drawing) to a participant who reloads.
   */
  noteParticipantUpdate(update: Uint8Array, participantId: string): void {
    const boundary = this.boundary;
    if (!boundary) return;
    const { ds } = Y.decodeUpdate(update) as unknown as { ds: { clients: Map<number, Array<{ clock: number; len: number }>> } };
    if (ds.clients.size === 0) return;
    const mine = boundary.withheld.get(participantId) ?? new Map<number, ReadonlyArray<{ clock: number; len: number }>>();
    for (const [client, ranges] of ds.clients) mine.set(client, mergeRanges(mine.get(client) ?? [], ranges));
    boundary.withheld.set(participantId, mine);
    if (!this.saveTimer) {
      this.saveTimer = setTimeout(() => this.saveNow(), WITHHELD_SAVE_MS);
      this.saveTimer.unref();
    }
  }

  /** Stores a pending change of the record now (the room unloads). */
  dispose(): void {
    if (this.saveTimer) this.saveNow();
  }

  private saveNow(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    if (this.boundary) this.ctx.store.savePrivacy?.(this.ctx.boardId, encodeBoundary(this.boundary));
  }

  /** Forgets the stored boundary (call once the change that ended the phase is durable). */
  forgetStored(): void {
    if (!this.boundary) this.ctx.store.savePrivacy?.(this.ctx.boardId, null);
  }

  /** Whether something a `from` connection wrote or draws live may be sent to `to` now. */
  showsTo(from: Viewer, to: Viewer): boolean {
    return !this.boundary || from.role !== 'participant' || to.role === 'facilitator' || to.participantId === from.participantId;
  }

  /** Whether `viewer` receives the unfiltered board. */
  seesAll(viewer: Viewer): boolean {
    return !this.boundary || viewer.role === 'facilitator';
  }

  /** Part of the sync-answer cache key: receivers with the same key get the same answer. */
  viewerKey(viewer: Viewer): string {
    if (this.seesAll(viewer)) return '*';
    return viewer.role === 'participant' ? `p:${viewer.participantId}` : viewer.role;
  }

  /** The update answering `stateVector` for `viewer`, or null when it sees the whole document. */
  syncAnswer(doc: Y.Doc, stateVector: Uint8Array, viewer: Viewer): Uint8Array | null {
    const caps = this.capsFor(doc, viewer);
    if (caps.size === 0 || !this.boundary) return null;
    return encodeFilteredUpdate(doc, decodeStateVector(stateVector), caps, this.deletesFor(doc, caps, this.boundary, viewer));
  }

  /** The server's sync step 1 state vector for `viewer` (hidden clocks not even counted). */
  stateVectorFor(doc: Y.Doc, viewer: Viewer): Uint8Array {
    const caps = this.capsFor(doc, viewer);
    return caps.size === 0 ? Y.encodeStateVector(doc) : cappedStateVector(doc, caps);
  }

  /**
   * Whether a struct is hidden from `viewer`: another participant's, at or past its boundary. A
   * participant's update must not reference one (it could only guess its id): handlers refuse it.
   */
  hides(viewer: Viewer, id: { client: number; clock: number }): boolean {
    const boundary = this.boundary;
    if (!boundary || this.seesAll(viewer)) return false;
    const owner = this.ctx.ownerOf(id.client);
    if (owner === undefined || owner === viewer.participantId || this.roleOf(owner) !== 'participant') return false;
    return id.clock >= (boundary.sv.get(id.client) ?? 0);
  }

  /** Other participants' client ids and where their private part starts, for `viewer`. */
  private capsFor(doc: Y.Doc, viewer: Viewer): Map<number, number> {
    const caps = new Map<number, number>();
    const boundary = this.boundary;
    if (!boundary || this.seesAll(viewer)) return caps;
    for (const client of doc.store.clients.keys()) {
      const owner = this.ctx.ownerOf(client);
      if (owner === undefined || owner === viewer.participantId || this.roleOf(owner) !== 'participant') continue;
      caps.set(client, boundary.sv.get(client) ?? 0);
    }
    return caps;
  }

  /**
   * The document's deletions as `viewer` may see them: none of hidden structs, and none made by
   * another participant during the phase (their moves and erasures of older work).
   */
  private deletesFor(doc: Y.Doc, caps: ReadonlyMap<number, number>, boundary: Boundary, viewer: Viewer): DeleteRanges {
    const deletes = deleteRangesOf(doc);
    for (const [client, cap] of caps) {
      const ranges = deletes.get(client);
      if (ranges) deletes.set(client, clipRanges(ranges, cap));
    }
    for (const [participant, withheld] of boundary.withheld) {
      if (participant === viewer.participantId) continue;
      for (const [client, ranges] of withheld) {
        const shown = deletes.get(client);
        if (shown) deletes.set(client, subtractRanges(shown, ranges));
      }
    }
    return deletes;
  }

  private isPrivateClient(client: number): boolean {
    const owner = this.ctx.ownerOf(client);
    return owner !== undefined && this.roleOf(owner) === 'participant';
  }

  private roleOf(participantId: string): Role | null {
    let role = this.roles.get(participantId);
    if (role === undefined) {
      role = this.ctx.roleOf(participantId);
      this.roles.set(participantId, role);
    }
    return role;
  }
}
