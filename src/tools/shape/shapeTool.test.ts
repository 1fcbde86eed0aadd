import { describe, expect, it } from 'vitest';
import type { ShapeItem } from '../../model/schema';
import { at, drag, makeKit } from '../testKit';
import { shapeGeometry } from './drawing';

describe('shape tools', () => {
  for (const shape of ['rect', 'ellipse', 'line', 'arrow'] as const) {
    it(`${shape}: drag creates one shape that grows live, one undo step`, () => {
      const kit = makeKit({ tool: shape });
      kit.tools.pointerDown(at(100, 100));
      kit.tools.pointerMove(at(110, 105));
      expect(kit.tools.state).toBe('drawing');
      expect(kit.board.size).toBe(1);
      kit.tools.pointerMove(at(200, 160));
      kit.frame();
      kit.tools.pointerMove(at(250, 180));
      kit.tools.pointerUp(at(300, 200, { buttons: 0 }));
      const item = kit.board.allItems()[0] as ShapeItem;
      expect(item).toMatchObject({ kind: 'shape', shape, x: 100, y: 100, w: 200, h: 100, author: 'me' });
      expect(item.color).toBe(kit.editor.styleFor(shape).color);
      expect(kit.tools.state).toBe('idle');
      kit.board.undo();
      expect(kit.board.size).toBe(0);
      kit.board.redo();
      expect(kit.board.getItem(item.id)).toMatchObject({ w: 200, h: 100 });
    });

    it(`${shape}: Escape while drawing removes it without an undo step`, () => {
      const kit = makeKit({ tool: shape });
      drag(kit, [[0, 0], [50, 50]]); // an earlier shape
      kit.tools.pointerDown(at(100, 100));
      kit.tools.pointerMove(at(200, 200));
      kit.frame();
      expect(kit.board.size).toBe(2);
      expect(kit.tools.keyDown('Escape')).toBe(true);
      expect(kit.board.size).toBe(1);
      kit.tools.pointerUp(at(200, 200));
      kit.board.undo();
      expect(kit.board.size).toBe(0);
    });
  }

  it('uses the tool’s remembered style, fill only for boxes', () => {
    const kit = makeKit({ tool: 'rect' });
    kit.editor.setToolStyle({ color: '#c8312f', width: 12, fill: 'semi' });
    drag(kit, [[0, 0], [50, 50]]);
    expect(kit.board.allItems()[0]).toMatchObject({ color: '#c8312f', width: 12, fill: 'semi' });
    kit.editor.setTool('line');
    kit.editor.setToolStyle({ fill: 'solid' });
    drag(kit, [[0, 0], [50, 50]]);
    expect(kit.board.allItems()[1]).toMatchObject({ shape: 'line', fill: 'none' });
  });

  it('a click drops a friendly-size rectangle, but no line', () => {
    const kit = makeKit({ tool: 'rect' });
    drag(kit, [[300, 300]]);
    expect(kit.board.allItems()[0]).toMatchObject({ x: 220, y: 250, w: 160, h: 100 });
    kit.editor.setTool('arrow');
    drag(kit, [[300, 300]]);
    expect(kit.board.size).toBe(1);
  });

  it('Shift makes squares and 45-degree lines', () => {
    expect(shapeGeometry(true, 0, 0, { x: 100, y: -40, shift: true })).toEqual({ x: 0, y: -100, w: 100, h: 100 });
    expect(shapeGeometry(true, 0, 0, { x: -30, y: 50 })).toEqual({ x: -30, y: 0, w: 30, h: 50 });
    const l = shapeGeometry(false, 0, 0, { x: 100, y: 90, shift: true });
    expect(l.w).toBeCloseTo(l.h);
    expect(shapeGeometry(false, 0, 0, { x: 100, y: 10, shift: true }).h).toBeCloseTo(0);
  });

  it('switching tools mid-drag cancels the shape', () => {
    const kit = makeKit({ tool: 'ellipse' });
    kit.tools.pointerDown(at(0, 0));
    kit.tools.pointerMove(at(100, 100));
    kit.editor.setTool('pen');
    expect(kit.board.size).toBe(0);
    expect(kit.tools.tools.ellipse.state).toBe('idle');
  });
});
