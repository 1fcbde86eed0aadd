import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { toBase64 } from '../lib/base64';
import { Board } from '../model/board';
import { Slicer } from './slicer';
import { BoardFileError, contentOf, parseBoardFile, serializeBoard, sha256Hex, type BoardFile } from './boardFile';
import { planWrites, writeBoard } from './boardWrite';

const line = (x0: number, y0: number, n = 20) => Array.from({ length: n }, (_, i) => [x0 + i * 4, y0 + Math.sin(i) * 5, 0.5]).flat();
const PNG = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 1, 2, 3, 4]);

async function sampleBoard(): Promise<{ doc: Y.Doc; hash: string }> {
  const doc = new Y.Doc();
  const meta = doc.getMap<unknown>('meta');
  meta.set('schema', 1);
  meta.set('title', 'Café Ñandú — 画');
  meta.set('prompt', 'Draw\nyour commute');
  meta.set('createdAt', 1_700_000_000_000);
  const ana = new Board(doc, 'anaAAAAAAA');
  ana.addStroke({ tool: 'pen', color: '#0a64c2', width: 6, points: line(10, 10) });
  ana.addStroke({ tool: 'highlighter', color: '#f5c400', width: 20, points: line(30, 50) });
  const bob = new Board(doc, 'bobBBBBBBB');
  const [s] = bob.addItems([{ kind: 'sticky', x: 200, y: 40, rotation: 12, w: 120, h: 100, text: 'Idée ✏️', color: '#fde68a' }]);
  bob.addItem({ kind: 'text', x: 5, y: 300, rotation: 0, text: 'two\nlines', size: 's', color: '#1f2328', w: 0 });
  bob.addItem({ kind: 'shape', shape: 'arrow', x: 0, y: 0, rotation: 0, w: -40, h: 30, color: '#c8312f', width: 4, fill: 'none' });
  const hash = await sha256Hex(PNG);
  doc.transact(() => {
    const img = new Y.Map<unknown>();
    for (const [k, v] of Object.entries({ kind: 'image', author: 'anaAAAAAAA', index: 'a0', x: 400, y: 0, blob: hash, mime: 'image/png', pw: 10, ph: 10, w: 100, h: 100 })) img.set(k, v);
    doc.getMap('items').set('imageAAAAAAA', img);
    const easel = new Y.Map<unknown>();
    for (const [k, v] of Object.entries({ owner: 'anaAAAAAAA', name: 'Ana', slot: 0, x: 0, y: 0, w: 800, h: 600 })) easel.set(k, v);
    doc.getMap('frames').set('easelAAAAAAA', easel);
    const note = new Y.Map<unknown>();
    for (const [k, v] of Object.entries({ author: 'facilAAAAA', target: s!, rx: 0.1, ry: 0.1, rw: 0.5, rh: 0.5, speaker: '', order: 'a0', text: 'This is the bus stop', ax: 210, ay: 50, aw: 60, ah: 50 })) note.set(k, v);
    doc.getMap('annotations').set('noteAAAAAAAA', note);
    const session = doc.getMap<unknown>('session');
    session.set('allowEditOthers', true);
    session.set('locked', true);
    session.set('timer', { state: 'running' });
  });
  return { doc, hash };
}

const fetchBlob = async () => ({ bytes: PNG, mime: 'image/png' as const });

describe('board file', () => {
  it('round-trips a board into a new document identically, item by item', async () => {
    const { doc } = await sampleBoard();
    const file = await serializeBoard(doc, fetchBlob, new Slicer());
    const text = JSON.stringify(file);
    const parsed = await parseBoardFile(text);
    const copy = new Y.Doc();
    copy.getMap('meta').set('title', 'placeholder');
    writeBoard(copy, parsed);
    expect(contentOf(copy)).toBe(contentOf(doc));
    expect(new Board(copy, 'x').allItems()).toEqual(new Board(doc, 'y').allItems());
    expect(copy.getMap('meta').get('createdAt')).toBe(1_700_000_000_000);
    // Settings are kept; the moment's state (lock, timer) is not.
    expect(copy.getMap('session').toJSON()).toEqual({ allowEditOthers: true });
    expect([...parsed.blobs.values()][0]!.bytes).toEqual(PNG);
  });

  it('keeps strokes as their exact records and texts as strings', async () => {
    const { doc } = await sampleBoard();
    const file = await serializeBoard(doc, fetchBlob, new Slicer());
    const kinds = Object.values(file.items).map((i) => i.kind).sort();
    expect(kinds).toEqual(['image', 'shape', 'sticky', 'stroke', 'stroke', 'text']);
    const stroke = Object.values(file.items).find((i) => i.kind === 'stroke')!;
    expect(Object.keys(stroke).sort()).toEqual(['kind', 'record']);
    expect(Object.values(file.items).find((i) => i.kind === 'sticky')!.text).toBe('Idée ✏️');
  });

  const broken = async (mutate: (f: BoardFile) => void): Promise<string> => {
    const { doc } = await sampleBoard();
    const file = await serializeBoard(doc, fetchBlob, new Slicer());
    mutate(file);
    try {
      await parseBoardFile(JSON.stringify(file));
    } catch (e) {
      expect(e).toBeInstanceOf(BoardFileError);
      return (e as Error).message;
    }
    throw new Error('accepted a broken file');
  };

  it('refuses broken files with a plain reason', async () => {
    await expect(parseBoardFile('{nope')).rejects.toThrow('not JSON');
    await expect(parseBoardFile('{"type":"other"}')).rejects.toThrow('not a Sketchroom board file');
    expect(await broken((f) => (f.version = 99))).toMatch(/newer Sketchroom/);
    expect(await broken((f) => (f.meta.title = ''))).toMatch(/title/);
    expect(await broken((f) => {
      const id = Object.keys(f.items).find((k) => f.items[k]!.kind === 'stroke')!;
      f.items[id]!.record = toBase64(new Uint8Array([1, 2, 3]));
    })).toMatch(/Stroke .* damaged/);
    expect(await broken((f) => {
      const id = Object.keys(f.items).find((k) => f.items[k]!.kind === 'shape')!;
      f.items[id]!.color = 'red';
    })).toMatch(/Item .* damaged/);
    expect(await broken((f) => ((f.items['bad id!'] = { kind: 'text' })))).toMatch(/bad id/);
    expect(await broken((f) => (f.blobs = {}))).toMatch(/picture is missing/);
    expect(await broken((f) => {
      const b = Object.values(f.blobs)[0]!;
      b.data = toBase64(new Uint8Array([1, 2, 3]));
    })).toMatch(/do not match/);
    expect(await broken((f) => (f.frames.easelAAAAAAA!.w = -5))).toMatch(/Easel .* damaged/);
    expect(await broken((f) => ((f.annotations.noteAAAAAAAA as Record<string, unknown>).rx = { x: 1 }))).toMatch(/value a board cannot hold/);
  });
});

describe('writing a big board', () => {
  it('writes in transactions well under the 1 MiB frame limit, and nothing is lost', async () => {
    const doc = new Y.Doc();
    doc.getMap('meta').set('title', 'Big');
    doc.getMap('meta').set('prompt', '');
    const b = new Board(doc, 'anaAAAAAAA');
    for (let i = 0; i < 3000; i++) b.addStroke({ tool: 'pen', color: '#0a64c2', width: 4, points: line(i % 500, Math.floor(i / 500) * 40, 120) });
    const parsed = await parseBoardFile(JSON.stringify(await serializeBoard(doc, fetchBlob, new Slicer())));
    const writes = planWrites(parsed);
    expect(writes.length).toBeGreaterThan(3);
    const copy = new Y.Doc();
    const sizes: number[] = [];
    copy.on('update', (u: Uint8Array) => sizes.push(u.length));
    for (const w of writes) copy.transact(() => w(copy));
    expect(Math.max(...sizes)).toBeLessThan(400 * 1024);
    expect(contentOf(copy)).toBe(contentOf(doc));
  });
});
