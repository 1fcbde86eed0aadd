import type { BoardPointer } from '../../editor/input';
import { startTextEdit } from '../../editor/textEditing';
import { ToolState } from '../framework';
import type { SelectTool } from './selectTool';

export class Idle extends ToolState<SelectTool> {
  readonly name = 'idle';
  private hoverCursor: string | undefined;

  override get cursor(): string | undefined {
    return this.hoverCursor;
  }

  override onPointerMove(e: BoardPointer): void {
    if (e.buttons) return;
    const handle = this.tool.handleAt(e);
    const hit = handle ? null : this.tool.itemAt(e);
    this.hoverCursor = handle?.cursor ?? (hit ? 'move' : undefined);
    this.ctx.editor.setHovered(hit?.id ?? null);
  }

  override onPointerDown(e: BoardPointer): void {
    const { editor } = this.ctx;
    if (editor.editingId) editor.stopEditing();
    const handle = this.tool.handleAt(e);
    if (handle) {
      this.tool.transition(handle.id === 'rotate' ? 'rotating' : 'resizing', { handle: handle.id, origin: e });
      return;
    }
    const hit = this.tool.itemAt(e);
    if (!hit) {
      if (!e.shift) editor.select([]);
      this.tool.clearClick();
      this.tool.transition('pointingCanvas', { origin: e });
      return;
    }
    if ((hit.kind === 'text' || hit.kind === 'sticky') && this.tool.isDoubleClick(hit.id, e)) {
      this.tool.clearClick();
      if (startTextEdit(this.ctx, hit.id, false)) return;
    }
    const selection = editor.selection;
    const wasSelected = selection.includes(hit.id);
    if (e.shift) {
      editor.select(wasSelected ? selection.filter((id) => id !== hit.id) : [...selection, hit.id]);
      // Shift-click to take an item out: no drag follows.
      if (wasSelected) return;
    } else if (!wasSelected) editor.select([hit.id]);
    this.tool.transition('pointingItem', { origin: e, itemId: hit.id, wasSelected: wasSelected && !e.shift });
  }

  override onKeyDown(key: string): boolean {
    if (key === 'Escape' && this.ctx.editor.selection.length > 0) {
      this.ctx.editor.select([]);
      return true;
    }
    return false;
  }
}
