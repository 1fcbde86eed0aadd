import { describe, expect, it } from 'vitest';
import type { NewStroke } from '../../model/board';
import { LIMITS } from '../../model/schema';
import { at, makeKit } from '../testKit';

function setup(zoom = 1) {
  const kit = makeKit({ tool: 'pen' });
  kit.editor.setCamera({ x: 0, y: 0, zoom });
  kit.editor.setToolStyle({ color: '#0a64c2', width: 6 });
  const committed: NewStroke[] = [];
  const add = kit.board.addStroke.bind(kit.board);
  kit.board.addStroke = (s) => {
    committed.push(s);
    return add(s);
  };
  return { pen: kit.tools.tools.pen, committed, live: kit.live, kit };
}

describe('PenTool', () => {
  it('down / move / up commits one stroke with the right points', () => {
    const { pen, committed } = setup();
    expect(pen.state).toBe('idle');
    pen.pointerDown(at(10, 10));
    expect(pen.state).toBe('drawing');
    pen.pointerMove(at(20, 15));
    pen.pointerMove(at(30, 10));
    pen.pointerUp(at(40, 20));
    expect(pen.state).toBe('idle');
    expect(committed).toHaveLength(1);
    const s = committed[0]!;
    expect(s).toMatchObject({ id: 'item000001', tool: 'pen', color: '#0a64c2', width: 6 });
    expect(s.points).toEqual([10, 10, 0.5, 20, 15, 0.5, 30, 10, 0.5, 40, 20, 0.5]);
  });

  it('emits live start, one points message per sample, and end, with the committed id', () => {
    const { pen, live, committed } = setup();
    pen.pointerDown(at(0, 0, { kind: 'pen', pressure: 0.8 }));
    pen.pointerMove(at(5, 0, { kind: 'pen', pressure: 0.6 }));
    pen.pointerUp(at(10, 0, { kind: 'pen', pressure: 0.4 }));
    expect(live).toEqual([
      { type: 'start', stroke: { itemId: 'item000001', tool: 'pen', color: '#0a64c2', width: 6 } },
      { type: 'points', points: [0, 0, 0.8] },
      { type: 'points', points: [5, 0, 0.6] },
      { type: 'points', points: [10, 0, 0.4] },
      { type: 'end' },
    ]);
    expect(committed[0]!.id).toBe('item000001');
    // stored as drawn, so the ink does not change shape at commit
    expect(committed[0]!.points).toEqual([0, 0, 0.8, 5, 0, 0.6, 10, 0, 0.4]);
  });

  it('Escape cancels: nothing committed, the live stroke ends', () => {
    const { pen, committed, live } = setup();
    pen.pointerDown(at(0, 0));
    pen.pointerMove(at(10, 10));
    expect(pen.keyDown('Escape')).toBe(true);
    expect(pen.state).toBe('idle');
    pen.pointerUp(at(20, 20));
    expect(committed).toHaveLength(0);
    expect(live.at(-1)).toEqual({ type: 'end' });
    expect(pen.keyDown('Escape')).toBe(false);
  });

  it('ignores other pointers while drawing (palm, second finger)', () => {
    const { pen, committed } = setup();
    pen.pointerDown(at(0, 0));
    pen.pointerDown(at(100, 100, { pointerId: 2 }));
    pen.pointerMove(at(500, 500, { pointerId: 2 }));
    pen.pointerUp(at(500, 500, { pointerId: 2 }));
    expect(pen.state).toBe('drawing');
    pen.pointerUp(at(0, 10));
    expect(committed).toHaveLength(1);
    expect(committed[0]!.points).toEqual([0, 0, 0.5, 0, 10, 0.5]);
  });

  it('a lost pointer commits what was drawn, without a stray point', () => {
    const { pen, committed, live } = setup();
    pen.pointerDown(at(0, 0));
    pen.pointerMove(at(10, 5));
    pen.pointerLost(2);
    expect(pen.state).toBe('drawing');
    pen.pointerLost(1);
    expect(pen.state).toBe('idle');
    expect(committed[0]!.points).toEqual([0, 0, 0.5, 10, 5, 0.5]);
    expect(live.at(-1)).toEqual({ type: 'end' });
  });

  it('a tap commits a single dot', () => {
    const { pen, committed } = setup();
    pen.pointerDown(at(5, 5));
    pen.pointerUp(at(5, 5));
    expect(committed[0]!.points).toEqual([5, 5, 0.5]);
  });

  it('drops samples closer than half a screen pixel', () => {
    const { pen, live } = setup(2);
    pen.pointerDown(at(0, 0));
    pen.pointerMove(at(0.1, 0.1));
    pen.pointerMove(at(1, 1));
    expect(live.filter((e) => e.type === 'points')).toHaveLength(2);
  });

  it('splits a gesture longer than the point limit into several strokes', () => {
    const { pen, committed, live } = setup();
    pen.pointerDown(at(0, 0));
    for (let i = 1; i <= LIMITS.strokePoints + 10; i++) pen.pointerMove(at(i, (i % 2) * 3));
    pen.pointerUp(at(LIMITS.strokePoints + 20, 0));
    expect(committed).toHaveLength(2);
    expect(committed[0]!.id).not.toBe(committed[1]!.id);
    expect(live.filter((e) => e.type === 'start')).toHaveLength(2);
    expect(live.filter((e) => e.type === 'end')).toHaveLength(2);
    for (const s of committed) expect(s.points.length / 3).toBeLessThanOrEqual(LIMITS.strokePoints);
    // the second stroke continues from where the first ended
    const first = committed[0]!.points, second = committed[1]!.points;
    expect([second[0], second[1]]).toEqual([first[first.length - 3], first[first.length - 2]]);
  });
});

describe('PenTool with the board', () => {
  it('undo removes the whole stroke, redo brings it back', () => {
    const { pen, kit } = setup();
    pen.pointerDown(at(0, 0));
    pen.pointerMove(at(10, 10));
    pen.pointerUp(at(20, 0));
    expect(kit.board.allItems()).toHaveLength(1);
    expect(kit.board.allItems()[0]).toMatchObject({ kind: 'stroke', tool: 'pen', color: '#0a64c2', author: 'me' });
    kit.board.undo();
    expect(kit.board.allItems()).toHaveLength(0);
    kit.board.redo();
    expect(kit.board.allItems()).toHaveLength(1);
  });

  it('the highlighter commits highlighter strokes in its own style', () => {
    const kit = makeKit({ tool: 'highlighter' });
    kit.tools.pointerDown(at(0, 0));
    kit.tools.pointerUp(at(50, 0, { buttons: 0 }));
    expect(kit.board.allItems()[0]).toMatchObject({ tool: 'highlighter', width: kit.editor.styleFor('highlighter').width });
    expect(kit.live[0]).toMatchObject({ type: 'start', stroke: { tool: 'highlighter' } });
  });

  it('draws nothing for a projector or while the board is locked', () => {
    const kit = makeKit({ tool: 'pen', role: 'projector' });
    kit.tools.pointerDown(at(0, 0));
    kit.tools.pointerUp(at(10, 0));
    expect(kit.board.size).toBe(0);
    expect(kit.tools.state).toBe('idle');
  });
});
