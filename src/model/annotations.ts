/**
 * Notes pinned to regions (`annotations`, id -> Y.Map): a lenient reader, the pure placement
 * `annotationBox`, and the commands (through this person's undo history). Export and the canvas
 * both read notes through `readAnnotations` + `annotationBox`, so they agree on where a note is.
 */
import { generateKeyBetween } from 'fractional-indexing';
import * as Y from 'yjs';
import type { Box } from '../geometry/box';
import { randomId } from '../lib/ids';
import { plainText, truncateText } from '../protocol/text';
import type { Board } from './board';
import { Origin } from './origins';
import { ANNOTATION_LIMITS, LIMITS, type Annotation } from './schema';

/** A note as listed: its fields (the last-seen box filled, 0 when absent) plus its number (1..n in `order`). */
export interface NoteView extends Required<Annotation> {
  number: number;
}

/** Fractions of a target's box may reach past it (a region drawn around a small drawing). */
const FRACTION_LIMIT = 100;

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const round = (v: number, step: number): number => Math.round(v / step) * step;

/** The note's text as everybody sees it: plain text, line breaks kept, at most 1000 characters. */
export function cleanNoteText(value: string): string {
  return truncateText(plainText(value, { multiline: true }), ANNOTATION_LIMITS.noteLength);
}

/** Who said it: one line, at most 80 characters. */
export function cleanSpeaker(value: string): string {
  return truncateText(plainText(value), ANNOTATION_LIMITS.speakerLength);
}

/** One note from its map, or null when it does not validate (one bad peer never breaks the list). */
export function readAnnotation(id: string, value: unknown): Required<Annotation> | null {
  if (!(value instanceof Y.Map)) return null;
  const m = value as Y.Map<unknown>;
  const author = m.get('author'), target = m.get('target'), raw = m.get('text');
  // Written as a string; a Y.Text (a board file's import writes text fields so) reads the same.
  const text = raw instanceof Y.Text ? raw.toString() : raw;
  if (typeof author !== 'string' || typeof target !== 'string' || typeof text !== 'string') return null;
  const [rx, ry, rw, rh] = ['rx', 'ry', 'rw', 'rh'].map((k) => m.get(k));
  if (!finite(rx) || !finite(ry) || !finite(rw) || !finite(rh) || rw <= 0 || rh <= 0) return null;
  const limit = target ? FRACTION_LIMIT : LIMITS.coordinate;
  if (Math.max(Math.abs(rx), Math.abs(ry), rw, rh) > limit) return null;
  const speaker = m.get('speaker');
  const order = m.get('order');
  const [ax, ay, aw, ah] = ['ax', 'ay', 'aw', 'ah'].map((k) => m.get(k));
  // The fallback box is optional: without it a note whose target is gone has no place (listed only).
  const abs = finite(ax) && finite(ay) && finite(aw) && finite(ah) && aw > 0 && ah > 0;
  return {
    id,
    author,
    target,
    rx,
    ry,
    rw,
    rh,
    text: cleanNoteText(text),
    speaker: typeof speaker === 'string' ? cleanSpeaker(speaker) : '',
    order: typeof order === 'string' ? order : '',
    ax: abs ? ax : 0,
    ay: abs ? ay : 0,
    aw: abs ? aw : 0,
    ah: abs ? ah : 0,
  };
}

/** Every valid note in list order (by `order`, then id), numbered 1..n. */
export function readAnnotations(doc: Y.Doc): NoteView[] {
  const out: Array<Required<Annotation>> = [];
  doc.getMap<unknown>('annotations').forEach((value, id) => {
    const note = readAnnotation(id, value);
    if (note) out.push(note);
  });
  out.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return out.map((note, i) => ({ ...note, number: i + 1 }));
}

/** Calls `listener` on any change to the notes (local or remote). Returns the unsubscribe. */
export function observeAnnotations(doc: Y.Doc, listener: () => void): () => void {
  const map = doc.getMap<unknown>('annotations');
  map.observeDeep(listener);
  return () => map.unobserveDeep(listener);
}

/**
 * Where a note is on the board (board px), from the stored region and its target's box now: a
 * bare area is stored in board px; with a target, the region is fractions of the target's box, so
 * it follows moves and resizes. `targetBox` null means the target is gone (or not loaded): the note
 * stays where it was last seen (`ax..ah`), or has no place (null) when that was never stored.
 */
export function annotationBox(note: Annotation, targetBox: Box | null): Box | null {
  if (!note.target) return { minX: note.rx, minY: note.ry, maxX: note.rx + note.rw, maxY: note.ry + note.rh };
  if (targetBox) {
    const w = targetBox.maxX - targetBox.minX, h = targetBox.maxY - targetBox.minY;
    const minX = targetBox.minX + note.rx * w, minY = targetBox.minY + note.ry * h;
    return { minX, minY, maxX: minX + note.rw * w, maxY: minY + note.rh * h };
  }
  const { ax = 0, ay = 0, aw = 0, ah = 0 } = note;
  if (aw > 0 && ah > 0) return { minX: ax, minY: ay, maxX: ax + aw, maxY: ay + ah };
  return null;
}

/** The stored region for a box on the board: fractions of the target's box, or board px. */
export function regionFields(region: Box, target: string, targetBox: Box | null): Required<Pick<Annotation, 'target' | 'rx' | 'ry' | 'rw' | 'rh' | 'ax' | 'ay' | 'aw' | 'ah'>> {
  const px = (v: number) => round(Math.max(-LIMITS.coordinate, Math.min(LIMITS.coordinate, v)), 0.1);
  const ax = px(region.minX), ay = px(region.minY);
  const aw = Math.max(1, px(region.maxX - region.minX)), ah = Math.max(1, px(region.maxY - region.minY));
  const abs = { ax, ay, aw, ah };
  const tw = targetBox ? targetBox.maxX - targetBox.minX : 0, th = targetBox ? targetBox.maxY - targetBox.minY : 0;
  if (!target || !targetBox || tw < 1 || th < 1) return { target: '', rx: ax, ry: ay, rw: aw, rh: ah, ...abs };
  const frac = (v: number) => round(Math.max(-FRACTION_LIMIT, Math.min(FRACTION_LIMIT, v)), 1e-5);
  return { target, rx: frac((ax - targetBox.minX) / tw), ry: frac((ay - targetBox.minY) / th), rw: Math.max(1e-5, frac(aw / tw)), rh: Math.max(1e-5, frac(ah / th)), ...abs };
}

export interface NewNote {
  /** Item or easel id, or '' for a bare area. */
  target: string;
  /** The dragged region, board px. */
  region: Box;
  /** The target's box now (null for a bare area). */
  targetBox: Box | null;
  text: string;
  speaker?: string;
}

function noteMap(board: Board, id: string): Y.Map<unknown> | null {
  const value = board.doc.getMap<unknown>('annotations').get(id);
  return value instanceof Y.Map ? (value as Y.Map<unknown>) : null;
}

/** One local, undoable step. */
function change(board: Board, fn: () => void): void {
  board.history.step(() => board.doc.transact(fn, Origin.LocalUser));
}

function setFields(map: Y.Map<unknown>, fields: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(fields)) if (map.get(key) !== value) map.set(key, value);
}

/** Adds a note at the end of the list, written by this person. Returns its id. */
export function addAnnotation(board: Board, note: NewNote, id: string = randomId()): string {
  const notes = readAnnotations(board.doc);
  const order = generateKeyBetween(notes.at(-1)?.order || null, null);
  change(board, () => {
    const map = new Y.Map<unknown>();
    board.doc.getMap<unknown>('annotations').set(id, map);
    // One transaction: the server sees the note with its author and target in one update.
    const fields = { author: board.author, ...regionFields(note.region, note.target, note.targetBox), text: cleanNoteText(note.text), speaker: cleanSpeaker(note.speaker ?? ''), order };
    for (const [key, value] of Object.entries(fields)) map.set(key, value);
  });
  return id;
}

/** Changes a note's words or who said it (one undo step). */
export function editAnnotation(board: Board, id: string, patch: { text?: string; speaker?: string }): void {
  const map = noteMap(board, id);
  if (!map) return;
  const fields: Record<string, string> = {};
  if (patch.text !== undefined) fields.text = cleanNoteText(patch.text);
  if (patch.speaker !== undefined) fields.speaker = cleanSpeaker(patch.speaker);
  change(board, () => setFields(map, fields));
}

/** Moves or resizes a note's region; it keeps its target (the box is re-expressed against it). */
export function setAnnotationRegion(board: Board, id: string, region: Box, targetBox: Box | null): void {
  const map = noteMap(board, id);
  const note = readAnnotation(id, map);
  if (!map || !note) return;
  const fields = regionFields(region, note.target, targetBox);
  // A note whose target is gone keeps naming it (an undo may bring it back): only the box moves.
  if (note.target && !targetBox) change(board, () => setFields(map, { ax: fields.ax, ay: fields.ay, aw: fields.aw, ah: fields.ah }));
  else change(board, () => setFields(map, fields));
}

/** Moves a note to `position` (0-based) in the list: it gets a new `order` between its new neighbours. */
export function moveAnnotation(board: Board, id: string, position: number): void {
  const notes = readAnnotations(board.doc);
  const from = notes.findIndex((n) => n.id === id);
  if (from < 0) return;
  const rest = notes.filter((n) => n.id !== id);
  const to = Math.max(0, Math.min(rest.length, Math.round(position)));
  if (to === from) return;
  const lo = rest[to - 1]?.order || null;
  let hi = rest[to]?.order || null;
  if (lo !== null && hi !== null && lo >= hi) hi = null; // equal keys from concurrent inserts
  const order = generateKeyBetween(lo, hi);
  const map = noteMap(board, id);
  if (map) change(board, () => map.set('order', order));
}

/** Deletes notes (one undo step brings them back). */
export function deleteAnnotations(board: Board, ids: Iterable<string>): void {
  const map = board.doc.getMap<unknown>('annotations');
  change(board, () => {
    for (const id of ids) map.delete(id);
  });
}

/**
 * Records where a note was last seen, when its target has just gone (not undoable: bookkeeping,
 * not a gesture). Only a screen that may write the note calls it.
 */
export function keepLastBox(doc: Y.Doc, id: string, box: Box): void {
  const value = doc.getMap<unknown>('annotations').get(id);
  if (!(value instanceof Y.Map)) return;
  const { ax, ay, aw, ah } = regionFields(box, '', null);
  doc.transact(() => setFields(value as Y.Map<unknown>, { ax, ay, aw, ah }), Origin.Upkeep);
}
