import { describe, expect, it } from 'vitest';
import { addAnnotation, readAnnotations } from '../model/annotations';
import { memoryPeers, putEasel } from '../model/memoryBoard';
import { permissions } from './context';
import { NoteScene, pickNoteTarget } from './noteScene';
import { SceneIndex } from './sceneIndex';

const rect = { kind: 'shape', shape: 'rect', x: 100, y: 100, w: 200, h: 100, rotation: 0, color: '#1f2328', width: 2, fill: 'none' } as const;
const r = (b: { minX: number; minY: number; maxX: number; maxY: number } | null | undefined) =>
  b && { minX: Math.round(b.minX), minY: Math.round(b.minY), maxX: Math.round(b.maxX), maxY: Math.round(b.maxY) };
const tick = () => new Promise<void>((resolve) => queueMicrotask(resolve));

function setup() {
  const { a, b, sync } = memoryPeers('fac', 'bea');
  const sceneB = new SceneIndex(b);
  // The facilitator's screen (a) builds its note scene before its hit-test index exists: the
  // order of their listeners must not matter.
  let sceneA: SceneIndex | null = null;
  const notesA = new NoteScene(a, () => (sceneA ??= new SceneIndex(a)), permissions(() => a, 'facilitator', 'fac').mayNote);
  const notesB = new NoteScene(b, () => sceneB, permissions(() => b, 'participant', 'bea').mayNote);
  return { a, b, sync, notesA, notesB };
}

describe('NoteScene', () => {
  it('places a note against its target, following it when another screen moves it', async () => {
    const { a, b, sync, notesA, notesB } = setup();
    const item = b.addItem(rect);
    sync();
    const targetBox = notesA.resolve(item)!.box;
    addAnnotation(a, { target: item, region: { minX: 150, minY: 120, maxX: 250, maxY: 170 }, targetBox, text: 'hi' });
    sync();
    expect(notesB.notes()[0]).toMatchObject({ targetOwner: 'bea', targetGone: false });
    expect(r(notesB.notes()[0]!.box)).toEqual({ minX: 150, minY: 120, maxX: 250, maxY: 170 });
    const seen: number[] = [];
    notesA.subscribe(() => seen.push(Math.round(notesA.notes()[0]!.box!.minX)));
    b.moveItems([item], 40, 30);
    sync();
    await tick();
    expect(r(notesA.notes()[0]!.box)).toEqual({ minX: 190, minY: 150, maxX: 290, maxY: 200 });
    expect(seen.at(-1)).toBe(190);
  });

  it('when the target is deleted, the facilitator\'s screen stores where the note was last seen', async () => {
    const { a, b, sync, notesA } = setup();
    const item = b.addItem(rect);
    sync();
    addAnnotation(a, { target: item, region: { minX: 150, minY: 120, maxX: 250, maxY: 170 }, targetBox: notesA.resolve(item)!.box, text: 'hi' });
    sync();
    b.moveItems([item], 500, 0);
    sync();
    await tick();
    expect(Math.round(notesA.notes()[0]!.box!.minX)).toBe(650);
    b.deleteItems([item]);
    sync();
    await tick();
    expect(notesA.notes()[0]!.targetGone).toBe(true);
    expect(r(notesA.notes()[0]!.box)).toMatchObject({ minX: 650, minY: 120 });
    await tick();
    sync();
    // Stored in the document: every screen (and a late joiner, and export) now finds it there.
    expect(readAnnotations(b.doc)[0]).toMatchObject({ target: item, ax: 650, ay: 120, aw: 100, ah: 50 });
    // Bea undoes her delete: the note is pinned to her drawing again.
    b.undo();
    sync();
    await tick();
    expect(notesA.notes()[0]!.targetGone).toBe(false);
    expect(r(notesA.notes()[0]!.box)).toMatchObject({ minX: 650, minY: 120 });
  });

  it('the speaker shown defaults to the artist of the easel under the note', () => {
    const { a, notesA } = setup();
    putEasel(a, { id: 'easel0001', owner: 'bea', name: 'Bea', slot: 0, x: 0, y: 0, w: 400, h: 300 });
    addAnnotation(a, { target: '', region: { minX: 10, minY: 10, maxX: 50, maxY: 50 }, targetBox: null, text: 'hi' });
    addAnnotation(a, { target: '', region: { minX: 10, minY: 10, maxX: 50, maxY: 50 }, targetBox: null, text: 'hi', speaker: 'Cy' });
    addAnnotation(a, { target: '', region: { minX: 900, minY: 10, maxX: 950, maxY: 50 }, targetBox: null, text: 'off the easel' });
    expect(notesA.notes().map((p) => p.speakerName)).toEqual(['Bea', 'Cy', '']);
  });
});

describe('pickNoteTarget', () => {
  it('a region on a photo is pinned to the photo; on a stroke inside the photo, to the stroke; on an easel, to the easel', () => {
    const { a } = setup();
    const scene = new SceneIndex(a);
    putEasel(a, { id: 'easel0001', owner: 'bea', name: 'Bea', slot: 0, x: -100, y: -100, w: 2000, h: 1500 });
    const photo = a.addItem({ kind: 'image', x: 0, y: 0, rotation: 0, blob: 'a'.repeat(64), mime: 'image/png', pw: 800, ph: 600, w: 800, h: 600 });
    const line = a.addItem(rect);
    expect(pickNoteTarget(a, scene, { minX: 500, minY: 400, maxX: 600, maxY: 500 })).toMatchObject({ target: photo, owner: 'fac', easelName: 'Bea' });
    expect(pickNoteTarget(a, scene, { minX: 150, minY: 120, maxX: 250, maxY: 180 })).toMatchObject({ target: line });
    expect(pickNoteTarget(a, scene, { minX: 1200, minY: 1000, maxX: 1300, maxY: 1100 })).toMatchObject({ target: 'easel0001', owner: 'bea' });
    expect(pickNoteTarget(a, scene, { minX: 5000, minY: 5000, maxX: 5100, maxY: 5100 })).toMatchObject({ target: '', targetBox: null, owner: null, easelName: '' });
  });
});
