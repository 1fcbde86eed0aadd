import { describe, expect, it } from 'vitest';
import type { BoardPointer } from '../../editor/input';
import type { LiveStrokeStart } from '../../editor/live';
import type { NewStroke } from '../../model/board';
import { LIMITS } from '../../model/schema';
import type { ToolContext } from '../types';
import { PenTool } from './penTool';

type LiveEvent = { type: 'start'; stroke: LiveStrokeStart } | { type: 'points'; points: number[] } | { type: 'end' };

function setup(zoom = 1) {
  const committed: NewStroke[] = [];
  const live: LiveEvent[] = [];
  let n = 0;
  const ctx: ToolContext = {
    addStroke: (s) => {
      committed.push(s);
      return s.id!;
    },
    style: () => ({ color: '#0a64c2', width: 6 }),
    zoom: () => zoom,
    newId: () => `stroke${String(++n).padStart(4, '0')}`,
    live: {
      start: (stroke) => live.push({ type: 'start', stroke }),
      points: (points) => live.push({ type: 'points', points: [...points] }),
      end: () => live.push({ type: 'end' }),
    },
  };
  return { pen: new PenTool(ctx), committed, live };
}

const at = (x: number, y: number, extra: Partial<BoardPointer> = {}): BoardPointer => ({
  x, y, pressure: 0.5, kind: 'mouse', pointerId: 1, time: 0, ...extra,
});

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
    expect(s).toMatchObject({ id: 'stroke0001', tool: 'pen', color: '#0a64c2', width: 6 });
    expect(s.points).toEqual([10, 10, 0.5, 20, 15, 0.5, 30, 10, 0.5, 40, 20, 0.5]);
  });

  it('emits live start, one points message per sample, and end, with the committed id', () => {
    const { pen, live, committed } = setup();
    pen.pointerDown(at(0, 0, { kind: 'pen', pressure: 0.8 }));
    pen.pointerMove(at(5, 0, { kind: 'pen', pressure: 0.6 }));
    pen.pointerUp(at(10, 0, { kind: 'pen', pressure: 0.4 }));
    expect(live).toEqual([
      { type: 'start', stroke: { itemId: 'stroke0001', tool: 'pen', color: '#0a64c2', width: 6 } },
      { type: 'points', points: [0, 0, 0.8] },
      { type: 'points', points: [5, 0, 0.6] },
      { type: 'points', points: [10, 0, 0.4] },
      { type: 'end' },
    ]);
    expect(committed[0]!.id).toBe('stroke0001');
    // collinear middle point simplified away at commit, pressure of kept points preserved
    expect(committed[0]!.points).toEqual([0, 0, 0.8, 10, 0, 0.4]);
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
