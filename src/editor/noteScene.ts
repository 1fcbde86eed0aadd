/**
 * Where each note is on this screen now: the notes (model/annotations.ts) placed against their
 * targets' boxes (items from the hit-test index, easels from `frames`), recomputed when notes,
 * easels or a target change. It also keeps a note from vanishing with its target: it remembers
 * where each note was last seen and, when the target goes and this person may write the note,
 * stores that box in the note (`keepLastBox`, not undoable).
 */
import { boxesIntersect, type Box } from '../geometry/box';
import type { Board } from '../model/board';
import { annotationBox, keepLastBox, observeAnnotations, readAnnotations, type NoteView } from '../model/annotations';
import { observeEasels, readEaselTargets, type EaselTarget } from '../model/noteEasels';
import { chooseNoteTarget, type TargetCandidate } from '../model/noteTarget';
import type { SceneIndex } from './sceneIndex';

export interface PlacedNote {
  note: NoteView;
  /** Where it is on the board now; null when it has no place (its target is gone, no box kept). */
  box: Box | null;
  /** Who owns its target (item author or easel owner); null for a bare area or a target gone. */
  targetOwner: string | null;
  /** It names a target that is not on the board (deleted, or not loaded). */
  targetGone: boolean;
  /** Who said it as shown: the speaker, else the artist of the easel the note is on, else ''. */
  speakerName: string;
}

export interface ResolvedTarget {
  box: Box;
  owner: string;
}

/** A note target's box and owner now (an item's hit-test box, or an easel's), or null when it is not on the board. */
export function resolveNoteTarget(board: Board, scene: SceneIndex, easels: readonly EaselTarget[], target: string): ResolvedTarget | null {
  if (!target) return null;
  const item = board.getItem(target);
  if (item) {
    const box = scene.boxOf(target);
    return box ? { box, owner: item.author } : null;
  }
  const easel = easels.find((e) => e.id === target);
  return easel ? { box: easel.box, owner: easel.owner } : null;
}

export type MayWriteNote = (noteAuthor: string, targetOwner: string | null) => boolean;

const sameBox = (a: Box, b: Box): boolean =>
  Math.abs(a.minX - b.minX) < 0.5 && Math.abs(a.minY - b.minY) < 0.5 && Math.abs(a.maxX - b.maxX) < 0.5 && Math.abs(a.maxY - b.maxY) < 0.5;

export class NoteScene {
  private placed: PlacedNote[] | null = null;
  private easels: EaselTarget[] | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly lastSeen = new Map<string, Box>();
  private readonly offs: Array<() => void>;

  constructor(readonly board: Board, private readonly scene: () => SceneIndex, private readonly mayWrite: MayWriteNote) {
    this.offs = [
      observeAnnotations(board.doc, () => this.invalidate()),
      observeEasels(board.doc, () => {
        this.easels = null;
        this.invalidate();
      }),
      board.subscribe((change) => {
        // Only a change to a note's target moves a note. The hit-test index learns of the same
        // change from its own listener, maybe after this one: read the boxes once it has.
        const targets = new Set(this.notes().map((p) => p.note.target));
        for (const id of [...change.upserted, ...change.removed]) {
          if (targets.has(id)) return this.invalidateSoon();
        }
      }),
    ];
  }

  destroy(): void {
    this.offs.forEach((off) => off());
    this.listeners.clear();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  easelTargets(): EaselTarget[] {
    return (this.easels ??= readEaselTargets(this.board.doc));
  }

  /** The easel under a board point, if any (the default "who said it"). */
  easelAt(x: number, y: number): EaselTarget | null {
    return this.easelTargets().find((e) => x >= e.box.minX && x <= e.box.maxX && y >= e.box.minY && y <= e.box.maxY) ?? null;
  }

  /** A target's box and owner now, or null when it is not on the board. */
  resolve(target: string): ResolvedTarget | null {
    return resolveNoteTarget(this.board, this.scene(), this.easelTargets(), target);
  }

  /** Every note in list order, placed. */
  notes(): PlacedNote[] {
    if (this.placed) return this.placed;
    const placed: PlacedNote[] = [];
    for (const note of readAnnotations(this.board.doc)) {
      const resolved = this.resolve(note.target);
      const box = annotationBox(note, resolved?.box ?? null);
      const targetGone = note.target !== '' && !resolved;
      if (box && !targetGone) this.lastSeen.set(note.id, box);
      if (targetGone) this.keep(note, box);
      const shown = targetGone ? (this.lastSeen.get(note.id) ?? box) : box;
      const easel = !note.speaker && shown ? this.easelAt((shown.minX + shown.maxX) / 2, (shown.minY + shown.maxY) / 2) : null;
      placed.push({ note, box: shown, targetOwner: resolved?.owner ?? null, targetGone, speakerName: note.speaker || easel?.name || '' });
    }
    this.placed = placed;
    return placed;
  }

  get(id: string): PlacedNote | null {
    return this.notes().find((p) => p.note.id === id) ?? null;
  }

  /** The target just went: store where the note was last seen, if this person may. */
  private keep(note: NoteView, stored: Box | null): void {
    const last = this.lastSeen.get(note.id);
    // The target's owner cannot be read any more; the server lets a note's author keep editing it.
    const owner = note.author === this.board.author ? this.board.author : null;
    if (!last || (stored && sameBox(last, stored)) || !this.mayWrite(note.author, owner)) return;
    // Not inside the observer that noticed: write after the current transaction.
    queueMicrotask(() => keepLastBox(this.board.doc, note.id, last));
  }

  private pending = false;
  private invalidateSoon(): void {
    if (this.pending) return;
    this.pending = true;
    queueMicrotask(() => {
      this.pending = false;
      this.invalidate();
    });
  }

  private invalidate(): void {
    this.placed = null;
    for (const listener of [...this.listeners]) listener();
  }
}

export interface NoteTargetChoice {
  target: string;
  targetBox: Box | null;
  /** Who owns the target (null for a bare area). */
  owner: string | null;
  /** The artist of the easel the region is on ('' when none). */
  easelName: string;
}

/** What a region just drawn would be pinned to (model/noteTarget.ts says how). */
export function pickNoteTarget(board: Board, scene: SceneIndex, region: Box): NoteTargetChoice {
  const easels = readEaselTargets(board.doc);
  const candidates: TargetCandidate[] = [
    ...easels.map((e) => ({ id: e.id, box: e.box, easel: true })),
    // By box, not by ink: a region inside a drawing's box need not touch its lines. Once per note,
    // so a walk over the items (bottom to top) is cheap enough.
    ...board.allItems().flatMap((item) => {
      const box = scene.boxOf(item.id);
      return box && boxesIntersect(box, region) ? [{ id: item.id, box }] : [];
    }),
  ];
  const chosen = chooseNoteTarget(region, candidates);
  const cx = (region.minX + region.maxX) / 2, cy = (region.minY + region.maxY) / 2;
  const easel = easels.find((e) => cx >= e.box.minX && cx <= e.box.maxX && cy >= e.box.minY && cy <= e.box.maxY);
  const owner = chosen ? (board.getItem(chosen.id)?.author ?? easels.find((e) => e.id === chosen.id)?.owner ?? null) : null;
  return { target: chosen?.id ?? '', targetBox: chosen?.box ?? null, owner, easelName: easel?.name ?? '' };
}

/** A note under a board point, for the Annotate tool: its region's corner resizes, its inside moves. */
export interface NoteHit {
  note: NoteView;
  box: Box;
  /** Its target's box now (null for a bare area, or a target gone). */
  targetBox: Box | null;
  targetOwner: string | null;
  part: 'move' | 'resize';
}

/** The topmost (highest-numbered) note whose region holds `p`; `corner` is the grab size of the bottom-right corner, board px. */
export function noteAt(board: Board, scene: SceneIndex, p: { x: number; y: number }, corner: number): NoteHit | null {
  const easels = readEaselTargets(board.doc);
  const notes = readAnnotations(board.doc);
  for (let i = notes.length - 1; i >= 0; i--) {
    const note = notes[i]!;
    const resolved = resolveNoteTarget(board, scene, easels, note.target);
    const box = annotationBox(note, resolved?.box ?? null);
    if (!box) continue;
    const nearCorner = Math.abs(p.x - box.maxX) <= corner && Math.abs(p.y - box.maxY) <= corner;
    const inside = p.x >= box.minX && p.x <= box.maxX && p.y >= box.minY && p.y <= box.maxY;
    if (nearCorner || inside) return { note, box, targetBox: resolved?.box ?? null, targetOwner: resolved?.owner ?? null, part: nearCorner ? 'resize' : 'move' };
  }
  return null;
}
