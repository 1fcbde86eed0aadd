import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  EASEL_GAP, EASEL_H, EASEL_SLACK, EASEL_W, easelId, easelOf, easelsBounds, insideEasel, observeEasels, planEasels, readEasels, slotCell, slotPosition, syncEasels,
} from './easels';
import {
  DEFAULT_PROJECTOR, observeEaselSettings, parseProjector, readEaselSettings, setEaselOnly, setEaselsOn, setProjector,
} from './easelSession';

const people = (...names: string[]) => names.map((name, i) => ({ id: `p${i}-aaaaaaa`, name }));

/** Columns and rows of the grid the first n slots make. */
const gridOf = (n: number, layout: 'square' | 'wide'): [number, number] => {
  let cols = 0, rows = 0;
  for (let i = 0; i < n; i++) {
    const c = slotCell(i, layout);
    cols = Math.max(cols, c.col + 1);
    rows = Math.max(rows, c.row + 1);
  }
  return [cols, rows];
};

describe('easel layout (pure)', () => {
  it('fills square shells: a new column first, then a new row', () => {
    const cells = Array.from({ length: 10 }, (_, i) => slotCell(i, 'square'));
    expect(cells).toEqual([
      { col: 0, row: 0 },
      { col: 1, row: 0 },
      { col: 0, row: 1 },
      { col: 1, row: 1 },
      { col: 2, row: 0 },
      { col: 2, row: 1 },
      { col: 0, row: 2 },
      { col: 1, row: 2 },
      { col: 2, row: 2 },
      { col: 3, row: 0 },
    ]);
  });

  it.each(['square', 'wide'] as const)('never puts two slots in one cell of the %s grid', (layout) => {
    const cells = new Set(Array.from({ length: 400 }, (_, i) => JSON.stringify(slotCell(i, layout))));
    expect(cells.size).toBe(400);
  });

  it('stays about square at every size', () => {
    for (let n = 1; n <= 400; n++) {
      // Columns = ceil(sqrt(n)), rows never more than the columns: a tidy, slightly wide grid.
      const [cols, rows] = gridOf(n, 'square');
      expect(cols).toBe(Math.ceil(Math.sqrt(n)));
      expect(rows).toBeLessThanOrEqual(cols);
    }
  });

  it('places slots with gutters from the origin', () => {
    expect(slotPosition(0, 'square')).toEqual({ x: 0, y: 0 });
    expect(slotPosition(1, 'square')).toEqual({ x: EASEL_W + EASEL_GAP, y: 0 });
    expect(slotPosition(2, 'square')).toEqual({ x: 0, y: EASEL_H + EASEL_GAP });
    expect(slotPosition(2, 'wide')).toEqual({ x: 2 * (EASEL_W + EASEL_GAP), y: 0 });
  });

  /** How wide one easel shows when the grid is fitted into the projector's board area (px). */
  const easelWidthOnProjector = (n: number, layout: 'square' | 'wide'): number => {
    const [cols, rows] = gridOf(n, layout);
    const w = cols * (EASEL_W + EASEL_GAP) - EASEL_GAP, h = rows * (EASEL_H + EASEL_GAP) - EASEL_GAP;
    return EASEL_W * Math.min(1840 / w, 800 / h);
  };

  it('grows the wide grid a column or a row at a time, filling a new column downwards and a new row across', () => {
    const cells = Array.from({ length: 12 }, (_, i) => slotCell(i, 'wide'));
    expect(cells).toEqual([
      { col: 0, row: 0 }, { col: 1, row: 0 }, { col: 2, row: 0 },
      { col: 0, row: 1 }, { col: 1, row: 1 }, { col: 2, row: 1 },
      { col: 3, row: 0 }, { col: 3, row: 1 },
      { col: 0, row: 2 }, { col: 1, row: 2 }, { col: 2, row: 2 }, { col: 3, row: 2 },
    ]);
    expect([3, 12, 40, 60].map((n) => gridOf(n, 'wide'))).toEqual([[3, 1], [4, 3], [8, 5], [10, 6]]);
  });

  it('leaves at most one shell of the wide grid part filled', () => {
    for (let n = 1; n <= 400; n++) {
      const [cols, rows] = gridOf(n, 'wide');
      expect(cols * rows - n).toBeLessThan(Math.max(cols, rows));
    }
  });

  it('shows easels on the projector at least as large as the square grid did, and larger for big groups', () => {
    for (let n = 1; n <= 100; n++) expect(easelWidthOnProjector(n, 'wide')).toBeGreaterThanOrEqual(easelWidthOnProjector(n, 'square') * 0.999);
    expect(easelWidthOnProjector(3, 'wide') / easelWidthOnProjector(3, 'square')).toBeGreaterThan(1.1);
    expect(easelWidthOnProjector(40, 'wide') / easelWidthOnProjector(40, 'square')).toBeGreaterThan(1.15);
    expect(easelWidthOnProjector(60, 'wide') / easelWidthOnProjector(60, 'square')).toBeGreaterThan(1.3);
  });
});

describe('planning easels (pure)', () => {
  it('appends new artists in order and never moves existing easels', () => {
    const first = planEasels([], people('Ana', 'Ben', 'Cleo'));
    expect(first.create.map((e) => [e.name, e.slot])).toEqual([['Ana', 0], ['Ben', 1], ['Cleo', 2]]);
    expect(first.rename).toEqual([]);
    const more = planEasels(first.create, people('Ana', 'Ben', 'Cleo', 'Dan', 'Eve'));
    expect(more.create.map((e) => [e.name, e.slot])).toEqual([['Dan', 3], ['Eve', 4]]);
    expect(more.create[1]).toMatchObject({ ...slotPosition(4, 'wide'), w: EASEL_W, h: EASEL_H, id: easelId('p4-aaaaaaa'), layout: 'wide' });
  });

  it('keeps slots of people who left (no gap is refilled, nobody shifts)', () => {
    const made = planEasels([], people('Ana', 'Ben', 'Cleo')).create;
    const withoutBen = made.filter((e) => e.name !== 'Ben');
    const plan = planEasels(withoutBen, [{ id: 'zz-aaaaaaa', name: 'Zoe' }]);
    expect(plan.create[0]!.slot).toBe(3);
  });

  it("keeps a board's square grid when its easels were made before the wide one, through a reload", () => {
    // An old board: three easels without a layout, where the square grid put them.
    const doc = new Y.Doc();
    const frames = doc.getMap<unknown>('frames');
    people('Ana', 'Ben', 'Cleo').forEach((p, slot) => {
      const m = new Y.Map<unknown>();
      for (const [k, v] of Object.entries({ owner: p.id, name: p.name, slot, ...slotPosition(slot, 'square'), w: EASEL_W, h: EASEL_H })) m.set(k, v);
      frames.set(easelId(p.id), m);
    });
    const plan = syncEasels(doc, people('Ana', 'Ben', 'Cleo', 'Dan', 'Eve', 'Fay', 'Gus'));
    expect(plan.create.map((e) => [e.slot, e.x, e.y, e.layout])).toEqual([3, 4, 5, 6].map((slot) => [slot, slotPosition(slot, 'square').x, slotPosition(slot, 'square').y, undefined]));
    // A new board is wide, and stays wide once its easels are read back from the document.
    const fresh = new Y.Doc();
    syncEasels(fresh, people('Ana', 'Ben'));
    expect(readEasels(fresh).map((e) => e.layout)).toEqual(['wide', 'wide']);
    const more = syncEasels(fresh, people('Ana', 'Ben', 'Cleo'));
    expect(more.create[0]).toMatchObject({ ...slotPosition(2, 'wide'), layout: 'wide' });
  });

  it('follows renames and ignores duplicates', () => {
    const made = planEasels([], people('Ana')).create;
    const plan = planEasels(made, [{ id: 'p0-aaaaaaa', name: 'Anna' }, { id: 'p0-aaaaaaa', name: 'Anna' }]);
    expect(plan).toEqual({ create: [], rename: [{ id: made[0]!.id, name: 'Anna' }] });
  });
});

describe('easels in the document', () => {
  it('syncs, reads back in slot order, renames, and is idempotent', () => {
    const doc = new Y.Doc();
    let changes = 0;
    observeEasels(doc, () => changes++);
    syncEasels(doc, people('Ana', 'Ben'));
    expect(readEasels(doc).map((e) => e.name)).toEqual(['Ana', 'Ben']);
    const before = changes;
    const again = syncEasels(doc, people('Ana', 'Ben'));
    expect(again.create.length + again.rename.length).toBe(0);
    expect(changes).toBe(before);
    syncEasels(doc, [{ id: 'p1-aaaaaaa', name: 'Benedikt' }]);
    expect(easelOf(readEasels(doc), 'p1-aaaaaaa')?.name).toBe('Benedikt');
    expect(easelsBounds(readEasels(doc))).toEqual({ minX: 0, minY: 0, maxX: 2 * EASEL_W + EASEL_GAP, maxY: EASEL_H });
  });

  it('skips easels that do not validate', () => {
    const doc = new Y.Doc();
    const frames = doc.getMap<unknown>('frames');
    const bad = new Y.Map<unknown>();
    bad.set('owner', 'x');
    frames.set('bad', bad);
    frames.set('plain', 5);
    const neg = new Y.Map<unknown>();
    for (const [k, v] of Object.entries({ owner: 'y', name: 'Y', slot: 0, x: 0, y: 0, w: -1, h: 10 })) neg.set(k, v);
    frames.set('neg', neg);
    syncEasels(doc, people('Ana'));
    expect(readEasels(doc).map((e) => e.name)).toEqual(['Ana']);
  });

  it('converges when two peers sync the same artist (one id per artist)', () => {
    const a = new Y.Doc(), b = new Y.Doc();
    syncEasels(a, people('Ana'));
    syncEasels(b, people('Ana'));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readEasels(a)).toEqual(readEasels(b));
    expect(readEasels(a)).toHaveLength(1);
  });

  it('keeps the slack inside the gutter: it never reaches a neighbour\'s easel', () => {
    expect(EASEL_SLACK).toBeLessThan(EASEL_GAP);
  });

  it('knows inside from outside, with slack', () => {
    const [e] = planEasels([], people('Ana')).create;
    expect(insideEasel(e!, 10, 10)).toBe(true);
    expect(insideEasel(e!, -5, 10)).toBe(false);
    expect(insideEasel(e!, -5, 10, 10)).toBe(true);
    expect(insideEasel(e!, EASEL_W + 1, EASEL_H)).toBe(false);
  });
});

describe('easel settings in session', () => {
  it('reads leniently', () => {
    expect(parseProjector(undefined)).toEqual(DEFAULT_PROJECTOR);
    expect(parseProjector({ mode: 'spotlight' })).toEqual(DEFAULT_PROJECTOR);
    expect(parseProjector({ mode: 'spotlight', easel: 'e-1' })).toEqual({ mode: 'spotlight', easel: 'e-1' });
    expect(parseProjector({ mode: 'gallery', easel: 'e-1' })).toEqual({ mode: 'gallery', easel: '' });
    expect(parseProjector({ mode: 'disco' })).toEqual(DEFAULT_PROJECTOR);
    expect(readEaselSettings(new Y.Doc())).toEqual({ easels: false, easelOnly: false, projector: DEFAULT_PROJECTOR });
  });

  it('switches, tells observers once per change, and resets the projector when easels go off', () => {
    const doc = new Y.Doc();
    const seen: string[] = [];
    observeEaselSettings(doc, (s) => seen.push(`${s.easels}/${s.easelOnly}/${s.projector.mode}`));
    setEaselsOn(doc, true);
    setEaselsOn(doc, true);
    setEaselOnly(doc, true);
    setProjector(doc, { mode: 'spotlight', easel: 'e-1' });
    setProjector(doc, { mode: 'spotlight', easel: 'e-1' });
    setEaselsOn(doc, false);
    expect(seen).toEqual(['true/false/board', 'true/true/board', 'true/true/spotlight', 'false/true/board']);
  });
});
