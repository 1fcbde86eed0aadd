import { describe, expect, it } from 'vitest';
import { memoryPeers } from '../../model/memoryBoard';
import { at, drag, makeKit, type Kit } from '../testKit';

function line(kit: Kit, y: number): string {
  return kit.board.addStroke({ tool: 'pen', color: '#1f2328', width: 4, points: [0, y, 0.5, 100, y, 0.5] });
}

describe('EraserTool', () => {
  it('previews what the path touches and deletes it in one step at pointer up', () => {
    const kit = makeKit({ tool: 'eraser' });
    const a = line(kit, 0), b = line(kit, 50), c = line(kit, 200);
    const shape = kit.board.addItem({ kind: 'shape', shape: 'rect', x: 300, y: 0, w: 50, h: 50, rotation: 0, color: '#1f2328', width: 2, fill: 'none' });
    kit.tools.pointerDown(at(50, -20));
    kit.tools.pointerMove(at(50, 20));
    expect(kit.tools.state).toBe('erasing');
    expect([...kit.editor.state.get().eraserPreview]).toEqual([a]);
    expect(kit.board.size).toBe(4);
    kit.tools.pointerMove(at(50, 60));
    kit.tools.pointerMove(at(300, 25)); // crosses the rectangle's left edge
    kit.tools.pointerUp(at(300, 25, { buttons: 0 }));
    expect(kit.board.allItems().map((i) => i.id)).toEqual([c]);
    expect(kit.editor.state.get().eraserPreview.size).toBe(0);
    kit.board.undo();
    expect(kit.board.allItems().map((i) => i.id).sort()).toEqual([a, b, c, shape].sort());
    kit.board.redo();
    expect(kit.board.size).toBe(1);
  });

  it('misses strokes that the path only passes near their bounding box', () => {
    const kit = makeKit({ tool: 'eraser' });
    kit.board.addStroke({ tool: 'pen', color: '#1f2328', width: 4, points: [0, 0, 0.5, 100, 100, 0.5] });
    drag(kit, [[80, 10], [90, 20]]);
    expect(kit.board.size).toBe(1);
  });

  it('Escape keeps everything', () => {
    const kit = makeKit({ tool: 'eraser' });
    line(kit, 0);
    kit.tools.pointerDown(at(50, -20));
    kit.tools.pointerMove(at(50, 20));
    expect(kit.tools.keyDown('Escape')).toBe(true);
    kit.tools.pointerUp(at(50, 20));
    expect(kit.board.size).toBe(1);
    expect(kit.editor.state.get().eraserPreview.size).toBe(0);
  });

  it('participants erase only their own work; the facilitator anything', () => {
    const { a: alice, b: bob, sync } = memoryPeers();
    alice.addStroke({ tool: 'pen', color: '#1f2328', width: 4, points: [0, 0, 0.5, 100, 0, 0.5] });
    sync();
    const mine = bob.addStroke({ tool: 'pen', color: '#1f2328', width: 4, points: [0, 10, 0.5, 100, 10, 0.5] });
    const kit = makeKit({ board: bob, tool: 'eraser', participantId: 'bob' });
    drag(kit, [[50, -20], [50, 30]]);
    expect(bob.allItems().map((i) => i.id)).not.toContain(mine);
    expect(bob.size).toBe(1);
    const facilitator = makeKit({ board: bob, tool: 'eraser', role: 'facilitator', participantId: 'bob' });
    drag(facilitator, [[50, -20], [50, 30]]);
    expect(bob.size).toBe(0);
  });
});
