/**
 * Owns the live rooms: loads a board's room on first use, unloads it (destroying the Y.Doc) after
 * it has been empty for `idleMs`, and compacts its stored rows when they pile up or at unload.
 * Built once in index.ts and passed around: no module-level state.
 */
import { CloseCode } from '../../src/protocol/closeCodes';
import type { Role } from '../../src/protocol/roles';
import type { DocStore } from '../persistence/types';
import { Room, type RoomStats } from './Room';

export interface RoomManagerOptions {
  idleMs: number;
  compactAfterRows: number;
  /** Called with each room as it is created (before anyone joins), e.g. to watch its document. */
  onRoomCreated?: (room: Room) => void;
  /** A participant's role on a board (private drawing hides participants' work only). */
  roleOf?(boardId: string, participantId: string): Role | null;
  /** Presence batching window per peer (Room); 0 relays every awareness update at once. */
  awarenessBatchMs?: number;
  /** How long a loaded room's document may go unchanged before it rests (RoomDocument); 0 = never. */
  restMs?: number;
}

export class RoomManager {
  private readonly rooms = new Map<string, Room>();
  private readonly idleTimers = new Map<Room, NodeJS.Timeout>();
  private readonly appendsSinceCompaction = new Map<Room, number>();
  private readonly compactionScheduled = new Set<Room>();

  constructor(private readonly store: DocStore, private readonly options: RoomManagerOptions) {}

  /** Loaded rooms (tests and benchmarks watch this). */
  get size(): number {
    return this.rooms.size;
  }

  has(boardId: string): boolean {
    return this.rooms.has(boardId);
  }

  /** Entry counts of a loaded room's per-client maps; undefined when it is not loaded. */
  stats(boardId: string): RoomStats | undefined {
    return this.rooms.get(boardId)?.stats();
  }

  /** The board's live room, loading it from the store if needed. Caller then joins a peer. */
  acquire(boardId: string): Room {
    let room = this.rooms.get(boardId);
    if (!room) {
      room = new Room(boardId, this.store, {
        onEmpty: (r) => this.scheduleIdle(r),
        onFailure: (r, error) => this.fail(r, error),
        onAppend: (r) => this.noteAppend(r),
        onRest: (r, state) => this.compactTo(r, state),
        roleOf: (participantId) => this.options.roleOf?.(boardId, participantId) ?? null,
      }, this.options.awarenessBatchMs, this.options.restMs);
      this.rooms.set(boardId, room);
      this.appendsSinceCompaction.set(room, this.store.rowCount(boardId));
      this.options.onRoomCreated?.(room);
    }
    this.cancelIdle(room);
    return room;
  }

  /** The board's room if it is loaded now (never loads one). */
  loadedRoom(boardId: string): Room | undefined {
    return this.rooms.get(boardId);
  }

  /** Caller acquired but never joined (e.g. the socket closed first): let it idle out. */
  releaseIfEmpty(room: Room): void {
    if (room.size === 0) this.scheduleIdle(room);
  }

  /** Closes a participant's open connections to a board (revocation); returns how many. */
  closeParticipant(boardId: string, participantId: string, code: number, reason: string): number {
    const room = this.rooms.get(boardId);
    return room ? room.closeWhere((peer) => peer.identity.participantId === participantId, code, reason) : 0;
  }

  /** Closes every connection (graceful shutdown) and unloads every room. */
  closeAll(code: number = CloseCode.ServiceRestart, reason = 'server restarting'): void {
    for (const room of [...this.rooms.values()]) {
      room.closeAll(code, reason);
      // Compacted from the loaded document (one encode, no re-merge), so that after the restart
      // the room loads one row and its first joiner is answered from it (Room.answerSyncStep1).
      this.unload(room, !room.isCold);
    }
  }

  private scheduleIdle(room: Room): void {
    this.cancelIdle(room);
    const timer = setTimeout(() => {
      this.idleTimers.delete(room);
      if (room.size === 0) this.unload(room, true);
    }, this.options.idleMs);
    timer.unref();
    this.idleTimers.set(room, timer);
  }

  private cancelIdle(room: Room): void {
    const timer = this.idleTimers.get(room);
    if (timer) clearTimeout(timer);
    this.idleTimers.delete(room);
  }

  private unload(room: Room, compact: boolean): void {
    this.cancelIdle(room);
    if (this.rooms.get(room.boardId) === room) this.rooms.delete(room.boardId);
    this.appendsSinceCompaction.delete(room);
    if (compact) this.compact(room);
    room.destroy();
  }

  private noteAppend(room: Room): void {
    const n = (this.appendsSinceCompaction.get(room) ?? 0) + 1;
    this.appendsSinceCompaction.set(room, n);
    if (n < this.options.compactAfterRows || this.compactionScheduled.has(room)) return;
    this.compactionScheduled.add(room);
    // Off the message path; the store flushes queued saves first, so it never races one.
    setImmediate(() => {
      this.compactionScheduled.delete(room);
      if (this.rooms.get(room.boardId) !== room) return;
      this.appendsSinceCompaction.set(room, 1);
      this.compact(room);
    });
  }

  /**
   * A loaded or resting room's document holds exactly its stored rows, so its encoding is the
   * merged row; a room whose rows were never applied merges them in a scratch document.
   */
  private compact(room: Room): void {
    try {
      this.store.compact(room.boardId, room.isCold ? undefined : () => room.encodedState()!);
    } catch (error) {
      // Compaction is an optimisation: the rows stay as they were (one transaction).
      console.warn(`sketchroom: compaction of ${room.boardId} failed: ${String(error)}`);
    }
  }

  /** A resting room keeps `state` (its whole document): the stored rows become that one row. */
  private compactTo(room: Room, state: Uint8Array): void {
    try {
      this.store.compact(room.boardId, () => state);
      this.appendsSinceCompaction.set(room, 1);
    } catch (error) {
      console.warn(`sketchroom: compaction of ${room.boardId} failed: ${String(error)}`);
    }
  }

  private fail(room: Room, error: unknown): void {
    console.error(`sketchroom: saving board ${room.boardId} failed; closing its room: ${String(error)}`);
    room.closeAll(1011, 'server could not save');
    this.unload(room, false);
  }
}
