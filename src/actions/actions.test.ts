import { describe, expect, it } from 'vitest';
import { easelsBounds, readEasels, syncEasels } from '../model/easels';
import { setEaselsOn } from '../model/easelSession';
import { memoryPeers } from '../model/memoryBoard';
import { makeKit } from '../tools/testKit';
import { copyText, cutText, pasteText } from './clipboard';
import { redo, undo } from './history';
import { deleteSelected, duplicateSelected, editSelected, nudgeSelected, reorderSelected, selectAll } from './selection';
import { applyStyle, styleOfItems } from './style';
import { zoomIn, zoomOut, zoomToFit } from './zoom';

const rect = { kind: 'shape', shape: 'rect', x: 100, y: 100, w: 100, h: 100, rotation: 0, color: '#1f2328', width: 6, fill: 'none' } as const;

describe('actions', () => {
  it('delete, duplicate and select all work on the selection, each one undo step', () => {
    const kit = makeKit({ tool: 'select' });
    const [a, b] = kit.board.addItems([rect, { ...rect, x: 400 }]);
    kit.editor.select([a!]);
    const [copy] = duplicateSelected(kit.ctx);
    expect(kit.board.getItem(copy!)).toMatchObject({ x: 124, y: 124, author: 'me' });
    expect(kit.editor.selection).toEqual([copy]);
    selectAll(kit.ctx);
    expect(kit.editor.selection).toHaveLength(3);
    expect(deleteSelected(kit.ctx)).toBe(3);
    expect(kit.board.size).toBe(0);
    expect(kit.editor.selection).toEqual([]);
    expect(undo(kit.ctx)).toBe(true);
    expect(kit.board.size).toBe(3);
    expect(undo(kit.ctx)).toBe(true);
    expect(kit.board.allItems().map((i) => i.id)).toEqual([a, b]);
    expect(redo(kit.ctx)).toBe(true);
    expect(kit.board.size).toBe(3);
  });

  it('my undo never removes your work; participants cannot delete others’ items', () => {
    const { a: alice, b: bob, sync } = memoryPeers();
    const aliceKit = makeKit({ board: alice, participantId: 'alice', tool: 'select' });
    const bobKit = makeKit({ board: bob, participantId: 'bob', tool: 'select' });
    const mine = alice.addItem(rect);
    sync();
    const his = bob.addItem({ ...rect, x: 400 });
    sync();
    expect(undo(aliceKit.ctx)).toBe(true);
    sync();
    expect(bob.allItems().map((i) => i.id)).toEqual([his]);
    expect(undo(aliceKit.ctx)).toBe(false);
    bobKit.editor.select([his]);
    redo(aliceKit.ctx);
    sync();
    bobKit.editor.select([mine, his]);
    expect(deleteSelected(bobKit.ctx)).toBe(1);
    sync();
    expect(alice.allItems().map((i) => i.id)).toEqual([mine]);
  });

  it('copy and paste travel as text between boards, as the paster’s own items, at the pointer', () => {
    const { a: alice } = memoryPeers();
    const other = makeKit({ participantId: 'zoe', tool: 'select' });
    const aliceKit = makeKit({ board: alice, participantId: 'alice', tool: 'select' });
    const id = alice.addItem(rect);
    aliceKit.editor.select([id]);
    const text = copyText(aliceKit.ctx)!;
    expect(JSON.parse(text).type).toBe('sketchroom/items');
    const ids = pasteText(other.ctx, text, { x: 1000, y: 1000 })!;
    expect(ids).toHaveLength(1);
    const pasted = other.board.getItem(ids[0]!)!;
    expect(pasted).toMatchObject({ author: 'zoe', kind: 'shape', w: 100 });
    expect(pasted.x + 50).toBeCloseTo(1000);
    expect(other.editor.selection).toEqual(ids);
    // Pasting on the same board without a pointer: offset from the original.
    const again = pasteText(aliceKit.ctx, text)!;
    expect(alice.getItem(again[0]!)).toMatchObject({ x: 124, y: 124 });
    expect(pasteText(aliceKit.ctx, 'hello')).toBeNull();
    // Cut removes the original.
    aliceKit.editor.select([id]);
    expect(cutText(aliceKit.ctx)).toBeTruthy();
    expect(alice.getItem(id)).toBeUndefined();
  });

  it('reorders, nudges and opens a selected note for editing', () => {
    const kit = makeKit({ tool: 'select' });
    const [a, b] = kit.board.addItems([rect, rect]);
    kit.editor.select([a!]);
    reorderSelected(kit.ctx, 'forward');
    expect(kit.board.allItems().map((i) => i.id)).toEqual([b, a]);
    nudgeSelected(kit.ctx, 10, 0);
    expect(kit.board.getItem(a!)!.x).toBe(110);
    const note = kit.board.addItem({ kind: 'sticky', x: 0, y: 0, w: 200, h: 200, rotation: 0, text: '', color: '#fde68a' });
    kit.editor.select([note]);
    expect(editSelected(kit.ctx)).toBe(true);
    expect(kit.editor.editingId).toBe(note);
  });

  it('style changes restyle the selection (one step) or set the tool’s style', () => {
    const kit = makeKit({ tool: 'select' });
    const [r] = kit.board.addItems([rect]);
    const s = kit.board.addStroke({ tool: 'highlighter', color: '#e07000', width: 22, points: [0, 0, 0.5, 10, 0, 0.5] });
    const note = kit.board.addItem({ kind: 'sticky', x: 0, y: 0, w: 200, h: 200, rotation: 0, text: '', color: '#fde68a' });
    kit.editor.select([r!, s, note]);
    expect(styleOfItems([kit.board.getItem(r!)!])).toMatchObject({ color: '#1f2328', width: { index: 1 }, fill: 'none', paper: false });
    applyStyle(kit.ctx, { color: '#c8312f' });
    applyStyle(kit.ctx, { widthIndex: 2 });
    applyStyle(kit.ctx, { fill: 'solid' });
    expect(kit.board.getItem(r!)).toMatchObject({ color: '#c8312f', width: 12, fill: 'solid' });
    expect(kit.board.getItem(s)).toMatchObject({ color: '#c8312f', width: 36 });
    expect(kit.board.getItem(note)).toMatchObject({ color: '#fde68a' });
    undo(kit.ctx);
    expect(kit.board.getItem(r!)).toMatchObject({ fill: 'none', width: 12 });
    kit.editor.setTool('rect');
    applyStyle(kit.ctx, { fill: 'semi' });
    applyStyle(kit.ctx, { widthIndex: 0 });
    expect(kit.editor.style).toMatchObject({ fill: 'semi', width: 3 });
  });

  it('zooms in steps and to fit everything', () => {
    const kit = makeKit({ tool: 'select' });
    zoomIn(kit.ctx);
    expect(kit.editor.camera.zoom).toBe(1.25);
    zoomOut(kit.ctx);
    zoomOut(kit.ctx);
    expect(kit.editor.camera.zoom).toBe(0.75);
    kit.board.addItems([{ ...rect, x: -1000, y: -1000 }, { ...rect, x: 3000, y: 2000 }]);
    zoomToFit(kit.ctx);
    const c = kit.editor.viewCenter();
    expect(c.x).toBeCloseTo(1050, 0);
    expect(c.y).toBeCloseTo(550, 0);
    expect(kit.editor.camera.zoom).toBeLessThan(0.25);
  });

  it('fits the easels too while they are shown, even the empty ones', () => {
    const kit = makeKit({ tool: 'select' });
    kit.board.addItems([{ ...rect, x: 100, y: 100 }]);
    syncEasels(kit.board.doc, [{ id: 'ana', name: 'Ana' }, { id: 'ben', name: 'Ben' }, { id: 'cy', name: 'Cy' }, { id: 'dev', name: 'Dev' }]);
    zoomToFit(kit.ctx);
    const onlyTheRect = kit.editor.camera.zoom;
    setEaselsOn(kit.board.doc, true);
    zoomToFit(kit.ctx);
    const all = easelsBounds(readEasels(kit.board.doc))!;
    const { x, y, zoom } = kit.editor.camera;
    const view = kit.editor.state.get().viewport;
    expect(zoom).toBeLessThan(onlyTheRect);
    expect(x).toBeLessThanOrEqual(all.minX);
    expect(y).toBeLessThanOrEqual(all.minY);
    expect(x + view.width / zoom).toBeGreaterThanOrEqual(all.maxX);
    expect(y + view.height / zoom).toBeGreaterThanOrEqual(all.maxY);
  });
});
