import { describe, expect, it } from 'vitest';
import { memoryPeers } from '../../model/memoryBoard';
import { at, drag, makeKit } from '../testKit';

const rect = { kind: 'shape', shape: 'rect', x: 100, y: 100, w: 100, h: 100, rotation: 0, color: '#1f2328', width: 4, fill: 'solid' } as const;

function setup() {
  const kit = makeKit({ tool: 'select' });
  const [a, b] = kit.board.addItems([rect, { ...rect, x: 400 }]);
  return { ...kit, kit, a: a!, b: b! };
}

describe('SelectTool', () => {
  it('click selects the item under the pointer, click on empty board clears', () => {
    const { kit, a } = setup();
    drag(kit, [[150, 150]]);
    expect(kit.editor.selection).toEqual([a]);
    expect(kit.tools.state).toBe('idle');
    drag(kit, [[300, 600]]);
    expect(kit.editor.selection).toEqual([]);
  });

  it('shift-click adds and removes', () => {
    const { kit, a, b } = setup();
    drag(kit, [[150, 150]]);
    drag(kit, [[450, 150]], { shift: true });
    expect(kit.editor.selection).toEqual([a, b]);
    drag(kit, [[150, 150]], { shift: true });
    expect(kit.editor.selection).toEqual([b]);
  });

  it('hover marks the item under an idle pointer', () => {
    const { kit, a } = setup();
    kit.tools.pointerMove(at(150, 150, { buttons: 0 }));
    expect(kit.editor.state.get().hovered).toBe(a);
    kit.tools.pointerMove(at(300, 600, { buttons: 0 }));
    expect(kit.editor.state.get().hovered).toBeNull();
  });

  it('marquee selects what it touches, shows its box while dragging, Escape restores', () => {
    const { kit, a, b } = setup();
    kit.tools.pointerDown(at(50, 50));
    kit.tools.pointerMove(at(120, 120));
    expect(kit.tools.state).toBe('brushing');
    expect(kit.editor.state.get().marquee).toEqual({ minX: 50, minY: 50, maxX: 120, maxY: 120 });
    expect(kit.editor.selection).toEqual([a]);
    kit.tools.pointerMove(at(450, 120));
    expect(kit.editor.selection).toEqual([a, b]);
    expect(kit.tools.keyDown('Escape')).toBe(true);
    expect(kit.editor.selection).toEqual([]);
    expect(kit.editor.state.get().marquee).toBeNull();
    drag(kit, [[50, 50], [450, 120]]);
    expect(kit.editor.selection).toEqual([a, b]);
    expect(kit.editor.state.get().marquee).toBeNull();
  });

  it('drag moves the selection, writing at most once per frame, as one undo step', () => {
    const { kit, a } = setup();
    kit.tools.pointerDown(at(150, 150));
    kit.tools.pointerMove(at(160, 150));
    kit.tools.pointerMove(at(170, 160));
    expect(kit.tools.state).toBe('translating');
    expect(kit.editor.state.get().transform).toEqual({ kind: 'translate' });
    expect(kit.board.getItem(a)!.x).toBe(100); // not yet: waits for the frame
    expect(kit.pendingFrames()).toBe(1);
    kit.frame();
    expect(kit.board.getItem(a)).toMatchObject({ x: 120, y: 110 });
    kit.tools.pointerMove(at(200, 200));
    kit.tools.pointerUp(at(250, 250, { buttons: 0 }));
    expect(kit.board.getItem(a)).toMatchObject({ x: 200, y: 200 });
    expect(kit.editor.state.get().transform).toBeNull();
    kit.board.undo();
    expect(kit.board.getItem(a)).toMatchObject({ x: 100, y: 100 });
    kit.board.redo();
    expect(kit.board.getItem(a)).toMatchObject({ x: 200, y: 200 });
  });

  it('Escape during a move puts everything back and leaves no undo step', () => {
    const { kit, a } = setup();
    kit.tools.pointerDown(at(150, 150));
    kit.tools.pointerMove(at(300, 300));
    kit.frame();
    expect(kit.board.getItem(a)!.x).toBe(250);
    kit.tools.keyDown('Escape');
    expect(kit.board.getItem(a)).toMatchObject({ x: 100, y: 100 });
    expect(kit.tools.state).toBe('idle');
    kit.tools.pointerUp(at(300, 300));
    kit.board.undo(); // undoes the creation of the two rects, not a move
    expect(kit.board.size).toBe(0);
  });

  it('Shift keeps a move horizontal or vertical', () => {
    const { kit, a } = setup();
    drag(kit, [[150, 150], [250, 170]], { shift: true });
    expect(kit.board.getItem(a)).toMatchObject({ x: 200, y: 100 });
  });

  it('resizes from a handle with the opposite corner fixed; Shift keeps proportions; Escape reverts', () => {
    const { kit, a } = setup();
    drag(kit, [[150, 150]]);
    // The bounds include half the line width: the se handle is at (202, 202).
    drag(kit, [[202, 202], [302, 252]]);
    // The box includes the line width, which does not scale: the corners move by a pixel or two.
    const box = kit.ctx.scene().boxOf(a)!;
    for (const [got, want] of [[box.minX, 98], [box.minY, 98], [box.maxX, 302], [box.maxY, 252]] as const) expect(Math.abs(got - want)).toBeLessThan(3);
    kit.board.undo();
    expect(kit.board.getItem(a)).toMatchObject({ w: 100, h: 100 });
    kit.tools.pointerDown(at(202, 202));
    kit.tools.pointerMove(at(402, 252, { shift: true }));
    expect(kit.tools.state).toBe('resizing');
    kit.frame();
    const s = kit.board.getItem(a)!;
    expect(s.kind === 'shape' && Math.round(s.w)).toBe(Math.round(s.kind === 'shape' ? s.h : 0));
    kit.tools.keyDown('Escape');
    expect(kit.board.getItem(a)).toMatchObject({ w: 100, h: 100 });
  });

  it('rotates around the selection centre with the knob', () => {
    const { kit, a } = setup();
    drag(kit, [[150, 150]]);
    const knob = kit.tools.tools.select instanceof Object ? { x: 150, y: 98 - 26 } : { x: 0, y: 0 };
    drag(kit, [[knob.x, knob.y], [250, 150]]);
    const r = kit.board.getItem(a)!;
    expect(r.rotation).toBeCloseTo(90, 0);
    // The origin (top-left corner) turned around the centre (150, 150) to the top-right.
    expect(r.x).toBeCloseTo(200, 0);
    expect(r.y).toBeCloseTo(100, 0);
    kit.board.undo();
    expect(kit.board.getItem(a)).toMatchObject({ rotation: 0, x: 100, y: 100 });
  });

  it('cannot move or resize other people’s items as a participant (but may select them)', () => {
    const { a: alice, b: bob, sync } = memoryPeers();
    const [id] = alice.addItems([rect]);
    sync();
    const kit = makeKit({ board: bob, tool: 'select', participantId: 'bob' });
    drag(kit, [[150, 150], [300, 300]]);
    expect(kit.editor.selection).toEqual([id]);
    expect(bob.getItem(id!)).toMatchObject({ x: 100, y: 100 });
    expect(kit.tools.state).toBe('idle');
    const facilitator = makeKit({ board: bob, tool: 'select', role: 'facilitator', participantId: 'bob' });
    drag(facilitator, [[150, 150], [300, 300]]);
    expect(bob.getItem(id!)).toMatchObject({ x: 250, y: 250 });
  });

  it('double-click on a sticky opens it for editing', () => {
    const kit = makeKit({ tool: 'select' });
    const id = kit.board.addItem({ kind: 'sticky', x: 0, y: 0, w: 200, h: 200, rotation: 0, text: 'hi', color: '#fde68a' });
    drag(kit, [[100, 100]], { time: 1000 });
    expect(kit.editor.editingId).toBeNull();
    drag(kit, [[101, 100]], { time: 1200 });
    expect(kit.editor.editingId).toBe(id);
    drag(kit, [[500, 500]], { time: 3000 });
    expect(kit.editor.editingId).toBeNull();
  });

  it('ignores a second pointer while one is dragging', () => {
    const { kit, a } = setup();
    kit.tools.pointerDown(at(150, 150));
    kit.tools.pointerDown(at(450, 150, { pointerId: 2 }));
    kit.tools.pointerMove(at(160, 150));
    kit.tools.pointerMove(at(900, 900, { pointerId: 2 }));
    kit.tools.pointerUp(at(900, 900, { pointerId: 2 }));
    expect(kit.tools.state).toBe('translating');
    kit.tools.pointerUp(at(170, 150));
    expect(kit.board.getItem(a)).toMatchObject({ x: 120, y: 100 });
  });
});

describe('SelectTool with pictures', () => {
  it('resizing a picture keeps its proportions; Shift stretches it', () => {
    const kit = makeKit({ tool: 'select' });
    const id = kit.board.addItem({ kind: 'image', x: 100, y: 100, rotation: 0, blob: 'ab'.repeat(32), mime: 'image/png', pw: 200, ph: 100, w: 200, h: 100 });
    drag(kit, [[150, 150]]);
    expect(kit.editor.selection).toEqual([id]);
    drag(kit, [[300, 200], [500, 220]]);
    const p = kit.board.getItem(id)!;
    expect(p.kind === 'image' && Math.round(p.w / p.h)).toBe(2);
    expect(p.kind === 'image' && p.w).toBeGreaterThan(300);
    kit.board.undo();
    kit.tools.pointerDown(at(300, 200));
    kit.tools.pointerMove(at(500, 220, { shift: true }));
    kit.tools.pointerUp(at(500, 220, { shift: true }));
    const q = kit.board.getItem(id)!;
    expect(q.kind === 'image' && Math.round(q.w)).toBe(400);
    expect(q.kind === 'image' && Math.round(q.h)).toBe(120);
  });
});
