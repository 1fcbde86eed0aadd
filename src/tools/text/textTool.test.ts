import { describe, expect, it } from 'vitest';
import type { TextItem } from '../../model/schema';
import { drag, makeKit } from '../testKit';

describe('TextTool', () => {
  it('click opens a new text for editing; typing and creation are one undo step', () => {
    const kit = makeKit({ tool: 'text' });
    kit.editor.setToolStyle({ size: 'l', color: '#0a64c2' });
    drag(kit, [[100, 100]]);
    const id = kit.editor.editingId!;
    expect(id).toBeTruthy();
    expect(kit.tools.state).toBe('editing');
    kit.board.setText(id, 'Hel');
    kit.board.setText(id, 'Hello\nworld');
    kit.editor.stopEditing();
    expect(kit.board.getItem(id)).toMatchObject({ kind: 'text', text: 'Hello\nworld', size: 'l', color: '#0a64c2' });
    kit.board.undo();
    expect(kit.board.size).toBe(0);
    kit.board.redo();
    expect((kit.board.getItem(id) as TextItem).text).toBe('Hello\nworld');
  });

  it('a click elsewhere while editing only ends the edit; an empty text disappears without an undo step', () => {
    const kit = makeKit({ tool: 'text' });
    drag(kit, [[100, 100]]);
    expect(kit.board.size).toBe(1);
    drag(kit, [[400, 400]]);
    expect(kit.editor.editingId).toBeNull();
    expect(kit.board.size).toBe(0);
    expect(kit.board.history.canUndo).toBe(false);
  });

  it('clicking an existing text edits it; clearing it deletes it, and undo restores it', () => {
    const kit = makeKit({ tool: 'text' });
    const id = kit.board.addItem({ kind: 'text', x: 100, y: 100, rotation: 0, text: 'Keep me', size: 'm', color: '#1f2328', w: 0 });
    drag(kit, [[110, 115]]);
    expect(kit.editor.editingId).toBe(id);
    kit.board.setText(id, '');
    kit.editor.stopEditing();
    expect(kit.board.getItem(id)).toBeUndefined();
    kit.board.undo();
    expect(kit.board.getItem(id)).toMatchObject({ text: 'Keep me' });
  });

  it('switching tools ends the edit', () => {
    const kit = makeKit({ tool: 'text' });
    drag(kit, [[100, 100]]);
    kit.board.setText(kit.editor.editingId!, 'x');
    kit.editor.setTool('select');
    expect(kit.editor.editingId).toBeNull();
    expect(kit.board.history.inStep).toBe(false);
    expect(kit.board.size).toBe(1);
  });
});
