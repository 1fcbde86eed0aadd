import { describe, expect, it, vi } from 'vitest';
import { Editor } from './editor';
import { INK_COLOURS, INK_WIDTHS } from './palette';

describe('Editor', () => {
  it('starts with the pen, black and the medium width', () => {
    const editor = new Editor();
    expect(editor.tool).toBe('pen');
    expect(editor.style).toMatchObject({ color: INK_COLOURS[0]!.value, width: INK_WIDTHS[1]!.value });
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
    editor.select([]);
    editor.setHovered(null);
    expect(listener).toHaveBeenCalledTimes(2);
    expect(editor.style).toMatchObject({ color: '#0a64c2', width: 12 });
    off();
    editor.setWidth(3);
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('remembers the last style per tool', () => {
    const editor = new Editor();
    editor.setColor('#c8312f');
    editor.setTool('rect');
    editor.setToolStyle({ fill: 'solid', color: '#138a5b' });
    editor.setTool('pen');
    expect(editor.style.color).toBe('#c8312f');
    editor.setTool('rect');
    expect(editor.style).toMatchObject({ color: '#138a5b', fill: 'solid' });
    expect(editor.styleFor('ellipse').fill).toBe('none');
  });

  it('clears the selection when leaving the select tool and prunes vanished items', () => {
    const editor = new Editor({ tool: 'select' });
    editor.select(['a', 'b']);
    editor.pruneSelection((id) => id !== 'a');
    expect(editor.selection).toEqual(['b']);
    editor.setTool('pen');
    expect(editor.selection).toEqual([]);
  });

  it('runs the stop hook of a text edit once', () => {
    const editor = new Editor();
    const stop = vi.fn();
    editor.startEditing('t1', stop);
    expect(editor.editingId).toBe('t1');
    expect(editor.selection).toEqual(['t1']);
    editor.stopEditing();
    editor.stopEditing();
    expect(stop).toHaveBeenCalledTimes(1);
    expect(editor.editingId).toBeNull();
  });

  it('pans and zooms the camera, clamped to 10 %-800 %, in steps and to fit', () => {
    const editor = new Editor({ viewport: { width: 1000, height: 500 } });
    editor.pan(100, 50);
    expect(editor.camera).toEqual({ x: 100, y: 50, zoom: 1 });
    editor.zoom({ x: 0, y: 0 }, 2);
    expect(editor.camera).toEqual({ x: 100, y: 50, zoom: 2 });
    editor.zoomIn();
    expect(editor.camera.zoom).toBe(3);
    editor.zoomTo(100);
    expect(editor.camera.zoom).toBe(8);
    editor.zoomTo(0.001);
    expect(editor.camera.zoom).toBe(0.1);
    editor.zoomOut();
    expect(editor.camera.zoom).toBe(0.1);
    editor.zoomToBox({ minX: 0, minY: 0, maxX: 840, maxY: 340 });
    expect(editor.camera.zoom).toBeCloseTo(1);
    const c = editor.viewCenter();
    expect(c.x).toBeCloseTo(420);
    expect(c.y).toBeCloseTo(170);
  });

  it('offers 8 distinct colours and 3 named widths', () => {
    expect(new Set(INK_COLOURS.map((c) => c.value)).size).toBe(8);
    expect(INK_WIDTHS.map((w) => w.name)).toEqual(['Thin', 'Medium', 'Thick']);
  });
});
