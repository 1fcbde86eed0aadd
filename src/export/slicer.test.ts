import { describe, expect, it } from 'vitest';
import { estimateMeasure } from '../geometry/textLayout';
import type { Item } from '../model/schema';
import { exportEntries } from './scene';
import { ExportCancelled, Slicer } from './slicer';

const shape = (i: number): Item => ({ id: `shape${String(i).padStart(4, '0')}`, kind: 'shape', author: 'a', index: `a${String(i).padStart(5, '0')}`, x: i, y: 0, rotation: 0, shape: 'rect', w: 10, h: 10, color: '#000000', width: 2, fill: 'none' });

describe('slices', () => {
  it('yields to the event loop and stops with ExportCancelled when cancelled', async () => {
    const items = Array.from({ length: 5000 }, (_, i) => shape(i));
    const controller = new AbortController();
    const slicer = new Slicer(controller.signal, 0); // yield at every tick
    let turns = 0;
    const counter = setInterval(() => {
      turns++;
      if (turns === 3) controller.abort();
    }, 0);
    await expect(exportEntries(items, estimateMeasure, slicer)).rejects.toBeInstanceOf(ExportCancelled);
    clearInterval(counter);
    expect(turns).toBeGreaterThanOrEqual(3);
  });

  it('refuses to start once cancelled', () => {
    const c = new AbortController();
    c.abort();
    expect(() => new Slicer(c.signal)).toThrow(ExportCancelled);
  });

  it('keeps the canvas order: highlighters under everything, then by index', async () => {
    const items: Item[] = [shape(2), shape(1)];
    const entries = await exportEntries(items, estimateMeasure, new Slicer());
    expect(entries.map((e) => (e.kind === 'item' ? e.entry.item.id : ''))).toEqual(['shape0001', 'shape0002']);
  });
});
