import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addAnnotation, annotationBox, deleteAnnotations, editAnnotation, keepLastBox, moveAnnotation, readAnnotations, setAnnotationRegion } from './annotations';
import { Board } from './board';
import { memoryPeers } from './memoryBoard';
import { chooseNoteTarget } from './noteTarget';

const box = (minX: number, minY: number, maxX: number, maxY: number) => ({ minX, minY, maxX, maxY });
const T = box(100, 100, 300, 200); // a target 200 x 100

function newBoard(author = 'fac'): Board {
  return new Board(new Y.Doc(), author);
}

describe('annotations: reading', () => {
  it('reads notes in order, numbered 1..n, skipping what does not validate', () => {
    const board = newBoard();
    const a = addAnnotation(board, { target: '', region: box(0, 0, 10, 10), targetBox: null, text: 'first' });
    const b = addAnnotation(board, { target: '', region: box(0, 0, 10, 10), targetBox: null, text: 'second' });
    const notes = board.doc.getMap<unknown>('annotations');
    board.doc.transact(() => {
      notes.set('junk0001', 'not a map');
      const bad = new Y.Map<unknown>();
      notes.set('junk0002', bad);
      bad.set('author', 'x');
      bad.set('target', '');
      bad.set('text', 'no region');
      const nan = new Y.Map<unknown>();
      notes.set('junk0003', nan);
      for (const [k, v] of Object.entries({ author: 'x', target: '', text: 't', rx: NaN, ry: 0, rw: 1, rh: 1 })) nan.set(k, v);
    });
    expect(readAnnotations(board.doc).map((n) => [n.id, n.number, n.text])).toEqual([[a, 1, 'first'], [b, 2, 'second']]);
  });

  it('keeps line breaks, strips controls and bidi overrides, enforces the length', () => {
    const board = newBoard();
    addAnnotation(board, { target: '', region: box(0, 0, 10, 10), targetBox: null, text: 'line one\r\nline two\u202E<b>x</b>\u0007', speaker: '  Ada\nLovelace ' });
    const [note] = readAnnotations(board.doc);
    expect(note).toMatchObject({ text: 'line one\nline two<b>x</b>', speaker: 'Ada Lovelace', author: 'fac' });
    editAnnotation(board, note!.id, { text: 'y'.repeat(5000), speaker: 'z'.repeat(500) });
    const [long] = readAnnotations(board.doc);
    expect(long!.text.length).toBe(1000);
    expect(long!.speaker.length).toBe(80);
    // A peer writing an over-long text directly is cut on reading.
    board.doc.transact(() => (board.doc.getMap('annotations').get(note!.id) as Y.Map<unknown>).set('text', 'w'.repeat(2000)));
    expect(readAnnotations(board.doc)[0]!.text.length).toBe(1000);
  });
});

describe('annotationBox', () => {
  it('a bare area is in board px', () => {
    const board = newBoard();
    addAnnotation(board, { target: '', region: box(10, 20, 110, 70), targetBox: null, text: 'n' });
    expect(annotationBox(readAnnotations(board.doc)[0]!, null)).toEqual(box(10, 20, 110, 70));
  });

  it('with a target, the region is fractions of its box: it follows moves and resizes', () => {
    const board = newBoard();
    addAnnotation(board, { target: 'item0001', region: box(150, 120, 250, 170), targetBox: T, text: 'n' });
    const note = readAnnotations(board.doc)[0]!;
    expect(note).toMatchObject({ target: 'item0001', rx: 0.25, ry: 0.2, rw: 0.5, rh: 0.5 });
    expect(annotationBox(note, T)).toEqual(box(150, 120, 250, 170));
    // Moved by (+50, +10) and doubled in size.
    expect(annotationBox(note, box(150, 110, 550, 310))).toEqual(box(250, 150, 450, 250));
  });

  it('a target that is gone leaves the note where it was last seen, never silently nowhere', () => {
    const board = newBoard();
    const id = addAnnotation(board, { target: 'item0001', region: box(150, 120, 250, 170), targetBox: T, text: 'n' });
    expect(annotationBox(readAnnotations(board.doc)[0]!, null)).toEqual(box(150, 120, 250, 170));
    keepLastBox(board.doc, id, box(400, 300, 500, 350)); // where the screen last saw it
    const note = readAnnotations(board.doc)[0]!;
    expect(note.target).toBe('item0001'); // an undo of the delete brings the target back: it re-attaches
    expect(annotationBox(note, null)).toEqual(box(400, 300, 500, 350));
    expect(board.undo()).toBe(true); // the bookkeeping is not an undo step: undo removes the note itself
    expect(readAnnotations(board.doc)).toEqual([]);
  });

  it('moving or resizing a region keeps the target', () => {
    const board = newBoard();
    const id = addAnnotation(board, { target: 'item0001', region: box(150, 120, 250, 170), targetBox: T, text: 'n' });
    setAnnotationRegion(board, id, box(100, 100, 200, 150), T);
    const note = readAnnotations(board.doc)[0]!;
    expect(note).toMatchObject({ target: 'item0001', rx: 0, ry: 0, rw: 0.5, rh: 0.5 });
    board.undo();
    expect(readAnnotations(board.doc)[0]).toMatchObject({ rx: 0.25, ry: 0.2 });
  });
});

describe('annotations: commands and undo', () => {
  it('edit, reorder and delete are each one undo step', () => {
    const board = newBoard();
    const ids = ['one', 'two', 'three'].map((text) => addAnnotation(board, { target: '', region: box(0, 0, 10, 10), targetBox: null, text }));
    const texts = () => readAnnotations(board.doc).map((n) => n.text);
    editAnnotation(board, ids[0]!, { text: 'uno', speaker: 'Mia' });
    expect(texts()).toEqual(['uno', 'two', 'three']);
    moveAnnotation(board, ids[2]!, 0);
    expect(texts()).toEqual(['three', 'uno', 'two']);
    moveAnnotation(board, ids[2]!, 1);
    expect(texts()).toEqual(['uno', 'three', 'two']);
    deleteAnnotations(board, [ids[1]!]);
    expect(texts()).toEqual(['uno', 'three']);
    board.undo();
    expect(texts()).toEqual(['uno', 'three', 'two']);
    board.undo();
    expect(texts()).toEqual(['three', 'uno', 'two']);
    board.undo();
    expect(texts()).toEqual(['uno', 'two', 'three']);
    expect(readAnnotations(board.doc)[0]!.speaker).toBe('Mia');
    board.undo();
    expect(texts()).toEqual(['one', 'two', 'three']);
    board.redo();
    expect(texts()).toEqual(['uno', 'two', 'three']);
  });

  it("undo removes only this person's notes", () => {
    const { a, b, sync } = memoryPeers('fac', 'bob');
    addAnnotation(a, { target: '', region: box(0, 0, 10, 10), targetBox: null, text: 'from a' });
    sync();
    addAnnotation(b, { target: '', region: box(0, 0, 10, 10), targetBox: null, text: 'from b' });
    sync();
    a.undo();
    sync();
    expect(readAnnotations(b.doc).map((n) => n.text)).toEqual(['from b']);
  });
});

describe('annotations: two peers', () => {
  it('converge after concurrent adds, edits of different fields, a reorder and a delete', () => {
    const { a, b, sync } = memoryPeers('fac', 'fac2');
    const one = addAnnotation(a, { target: '', region: box(0, 0, 10, 10), targetBox: null, text: 'one' });
    const two = addAnnotation(a, { target: '', region: box(0, 0, 10, 10), targetBox: null, text: 'two' });
    sync();
    // Concurrent: a adds at the end, b adds at the end too; a edits the text, b the speaker.
    addAnnotation(a, { target: '', region: box(0, 0, 10, 10), targetBox: null, text: 'three-a' });
    addAnnotation(b, { target: '', region: box(0, 0, 10, 10), targetBox: null, text: 'three-b' });
    editAnnotation(a, one, { text: 'ONE' });
    editAnnotation(b, one, { speaker: 'Sam' });
    moveAnnotation(b, two, 0);
    deleteAnnotations(a, [two]);
    sync();
    const ra = readAnnotations(a.doc), rb = readAnnotations(b.doc);
    expect(ra).toEqual(rb);
    expect(ra.map((n) => n.number)).toEqual([1, 2, 3]);
    expect(ra.find((n) => n.id === one)).toMatchObject({ text: 'ONE', speaker: 'Sam' });
    expect(ra.map((n) => n.text).sort()).toEqual(['ONE', 'three-a', 'three-b']);
  });
});

describe('chooseNoteTarget', () => {
  const photo = { id: 'photo', box: box(0, 0, 1000, 800) };
  const doodle = { id: 'doodle', box: box(100, 100, 200, 180) };
  const easel = { id: 'easel', box: box(-50, -50, 1200, 900), easel: true };

  it('the topmost box containing most of the region', () => {
    expect(chooseNoteTarget(box(120, 110, 190, 170), [photo, doodle])?.id).toBe('doodle');
    expect(chooseNoteTarget(box(500, 500, 600, 600), [photo, doodle])?.id).toBe('photo');
    // Easels are under every item, wherever they come in the list.
    expect(chooseNoteTarget(box(500, 500, 600, 600), [photo, easel])?.id).toBe('photo');
    expect(chooseNoteTarget(box(1050, 820, 1150, 880), [photo, easel])?.id).toBe('easel');
  });

  it('else the largest item lying mostly inside the region; else nothing', () => {
    expect(chooseNoteTarget(box(50, 50, 400, 400), [doodle])?.id).toBe('doodle');
    expect(chooseNoteTarget(box(5000, 5000, 5100, 5100), [photo, doodle, easel])).toBeNull();
    expect(chooseNoteTarget(box(10, 10, 10, 10), [photo])).toBeNull();
  });
});
