import { describe, expect, it } from 'vitest';
import { drag, makeKit } from '../testKit';

describe('StickyTool', () => {
  it('click puts a note centred on the pointer in the tool’s colour and opens it; one undo step', () => {
    const kit = makeKit({ tool: 'sticky' });
    kit.editor.setToolStyle({ color: '#f9b8cf' });
    drag(kit, [[300, 300]]);
    const id = kit.editor.editingId!;
    expect(kit.board.getItem(id)).toMatchObject({ kind: 'sticky', x: 200, y: 200, w: 200, h: 200, color: '#f9b8cf', text: '' });
    kit.board.setText(id, 'Idea');
    drag(kit, [[800, 800]]); // ends the edit, adds nothing
    expect(kit.editor.editingId).toBeNull();
    expect(kit.board.size).toBe(1);
    kit.board.undo();
    expect(kit.board.size).toBe(0);
  });

  it('an empty note stays (it is still a note); clicking a note edits it', () => {
    const kit = makeKit({ tool: 'sticky' });
    drag(kit, [[300, 300]]);
    const id = kit.editor.editingId!;
    kit.editor.stopEditing();
    expect(kit.board.size).toBe(1);
    drag(kit, [[310, 310]]);
    expect(kit.editor.editingId).toBe(id);
    expect(kit.board.size).toBe(1);
  });

  it('a projector makes no notes', () => {
    const kit = makeKit({ tool: 'sticky', role: 'projector' });
    drag(kit, [[300, 300]]);
    expect(kit.board.size).toBe(0);
    expect(kit.editor.editingId).toBeNull();
  });
});
