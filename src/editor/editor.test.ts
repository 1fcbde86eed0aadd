import { describe, expect, it, vi } from 'vitest';
import { Editor } from './editor';
import { INK_COLOURS, INK_WIDTHS } from './palette';

describe('Editor', () => {
  it('starts with the pen, the first colour and the medium width', () => {
    const editor = new Editor();
    expect(editor.tool).toBe('pen');
    expect(editor.style).toEqual({ color: INK_COLOURS[0]!.value, width: INK_WIDTHS[1]!.value });
    expect(editor.camera).toEqual({ x: 0, y: 0, zoom: 1 });
  });

  it('notifies subscribers on change and not on no-ops', () => {
    const editor = new Editor();
    const listener = vi.fn();
    const off = editor.subscribe(listener);
    editor.setColor('#0a64c2');
    editor.setColor('#0a64c2');
    editor.setWidth(12);
    editor.setTool('pen');
    expect(listener).toHaveBeenCalledTimes(2);
    expect(editor.style).toEqual({ color: '#0a64c2', width: 12 });
    off();
    editor.setWidth(3);
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('pans and zooms the camera', () => {
    const editor = new Editor();
    editor.pan(100, 50);
    expect(editor.camera).toEqual({ x: 100, y: 50, zoom: 1 });
    editor.zoom({ x: 0, y: 0 }, 2);
    expect(editor.camera).toEqual({ x: 100, y: 50, zoom: 2 });
  });

  it('offers 8 distinct colours and 3 named widths', () => {
    expect(new Set(INK_COLOURS.map((c) => c.value)).size).toBe(8);
    expect(INK_WIDTHS.map((w) => w.name)).toEqual(['Thin', 'Medium', 'Thick']);
  });
});
