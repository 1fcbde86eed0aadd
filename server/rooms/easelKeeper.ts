/**
 * The server gives every participant an easel (docs/board-model.md, "Easels"), so it works while
 * the facilitator's laptop is closed: when a room loads, when the facilitator turns easels on, and
 * when a participant connects or changes their name. Every write is one server-originated update
 * (Room.writeAsServer), persisted and relayed like any other. Removed participants get no new
 * easel; the easel they had stays, with their drawing.
 */
import { planEasels, planIsEmpty, readEasels, applyEaselPlan, type Artist } from '../../src/model/easels';
import { readEaselSettings } from '../../src/model/easelSession';
import { Origin } from '../../src/model/origins';
import type { ParticipantRecord } from '../persistence/types';
import type { Room } from './Room';

/** The people of a board who hold or held a token, oldest first (AuthService.participants). */
export type ParticipantList = (boardId: string) => readonly ParticipantRecord[];

export class EaselKeeper {
  constructor(private readonly participants: ParticipantList) {}

  /**
   * Watches a new room: syncs each time its document loads (the first time, and after each rest,
   * which also catches renames made meanwhile), and whenever the facilitator turns easels on.
   */
  attach(room: Room): void {
    room.onLoad(() => {
      const session = room.doc.getMap<unknown>('session');
      session.observe((event) => {
        if (event.transaction.origin === Origin.Server || !event.keysChanged.has('easels')) return;
        this.syncAll(room);
      });
      this.syncAll(room);
    });
  }

  /** A connection joined: its participant gets their easel, under their current name. */
  joined(room: Room, who: { role: string; participantId: string; name: string }): void {
    if (who.role !== 'participant') return;
    const artist = { id: who.participantId, name: who.name };
    // At rest, the board's facts tell whether anything is to be written (usually not: easels off,
    // or the easel is there), so a joiner does not load the document for nothing.
    const board = room.atRest;
    if (board && (!board.facts.easels.on || planIsEmpty(planEasels(board.facts.easels.list, [artist])))) return;
    room.whenLoaded(() => this.write(room, [artist]));
  }

  /**
   * A participant changed their name: the label follows. A room that is not in memory gets it on
   * its next load (attach); a resting one loads for it.
   */
  renamed(room: Room | undefined, participantId: string, name: string): void {
    if (!room) return;
    if (!room.loaded) {
      room.whenLoaded(() => this.renamed(room, participantId, name));
      return;
    }
    const easels = readEasels(room.doc);
    if (!easels.some((e) => e.owner === participantId)) return;
    this.write(room, [{ id: participantId, name }], true);
  }

  /** Every current participant, in join order. */
  private syncAll(room: Room): void {
    const artists: Artist[] = this.participants(room.boardId)
      .filter((p) => p.role === 'participant' && !p.revoked)
      .map((p) => ({ id: p.participantId, name: p.name }));
    this.write(room, artists);
  }

  /** Writes what is missing, if easels are on (renames of existing easels always). */
  private write(room: Room, artists: readonly Artist[], renameOnly = false): void {
    const doc = room.doc;
    if (!renameOnly && !readEaselSettings(doc).easels) return;
    const plan = planEasels(readEasels(doc), artists);
    if (renameOnly) plan.create = [];
    if (planIsEmpty(plan)) return;
    room.writeAsServer((d) => applyEaselPlan(d, plan, Origin.Server));
  }
}
