import { describe, expect, it } from 'vitest';
import { at, makeKit } from '../testKit';

describe('HandTool', () => {
  it('drags the board with the pointer (screen coordinates) and Escape puts it back', () => {
    const kit = makeKit({ tool: 'hand' });
    kit.editor.setCamera({ x: 0, y: 0, zoom: 2 });
    kit.tools.pointerDown(at(0, 0, { sx: 100, sy: 100 }));
    expect(kit.tools.state).toBe('dragging');
    kit.tools.pointerMove(at(0, 0, { sx: 160, sy: 140 }));
    expect(kit.editor.camera).toEqual({ x: -30, y: -20, zoom: 2 });
    kit.tools.pointerUp(at(0, 0, { sx: 200, sy: 100 }));
    expect(kit.editor.camera).toEqual({ x: -50, y: 0, zoom: 2 });
    expect(kit.tools.state).toBe('idle');
    kit.tools.pointerDown(at(0, 0, { sx: 0, sy: 0 }));
    kit.tools.pointerMove(at(0, 0, { sx: 300, sy: 300 }));
    kit.tools.keyDown('Escape');
    expect(kit.editor.camera).toEqual({ x: -50, y: 0, zoom: 2 });
    expect(kit.board.size).toBe(0);
  });
});
