import { describe, expect, it } from 'vitest';
import { noteDraft } from '../../editor/noteDraft';
import { addAnnotation, readAnnotations } from '../../model/annotations';
import { Board } from '../../model/board';
import { putEasel } from '../../model/memoryBoard';
import { setParticipantNotes } from '../../model/session';
import { at, drag, makeKit } from '../testKit';

const stroke = (kit: ReturnType<typeof makeKit>, x: number, y: number) => {
  kit.editor.setTool('pen');
  drag(kit, [[x, y], [x + 200, y + 40], [x + 300, y + 150]]);
  kit.editor.setTool('annotate');
  return kit.board.allItems().at(-1)!;
};

describe('annotate tool', () => {
  it('dragging shows the region live, and on release opens the editor pinned to the drawing under it', () => {
    const kit = makeKit({ role: 'facilitator', participantId: 'fac', tool: 'annotate' });
    const draft = noteDraft(kit.editor);
    const item = { ...stroke(kit, 100, 100) };
    kit.tools.pointerDown(at(150, 120));
    kit.tools.pointerMove(at(200, 160));
    expect(kit.tools.state).toBe('dragging');
    expect(draft.get()).toMatchObject({ dragging: true, region: { minX: 150, minY: 120, maxX: 200, maxY: 160 } });
    kit.tools.pointerUp(at(250, 200, { buttons: 0 }));
    expect(kit.tools.state).toBe('idle');
    expect(draft.get()).toMatchObject({ dragging: false, target: item.id, speaker: '', region: { minX: 150, minY: 120, maxX: 250, maxY: 200 } });
    expect(draft.get()!.refused).toBeUndefined();
    expect(draft.get()!.targetBox).toEqual(kit.ctx.scene().boxOf(item.id));
    // Nothing is written until the editor saves.
    expect(kit.board.doc.getMap('annotations').size).toBe(0);
  });

  it('a bare area has no target; the speaker defaults to the artist of the easel under the region', () => {
    const kit = makeKit({ role: 'facilitator', participantId: 'fac', tool: 'annotate' });
    const draft = noteDraft(kit.editor);
    drag(kit, [[1000, 1000], [1100, 1080]]);
    expect(draft.get()).toMatchObject({ target: '', targetBox: null, speaker: '' });
    draft.set(null);
    putEasel(kit.board, { id: 'easel0001', owner: 'ann', name: 'Ann', slot: 0, x: 0, y: 0, w: 800, h: 600 });
    drag(kit, [[500, 400], [560, 450]]);
    expect(draft.get()).toMatchObject({ target: 'easel0001', speaker: 'Ann', targetBox: { minX: 0, minY: 0, maxX: 800, maxY: 600 } });
  });

  it('a click or a tiny drag makes nothing; Escape drops the region; a second drag waits for the open editor', () => {
    const kit = makeKit({ role: 'facilitator', participantId: 'fac', tool: 'annotate' });
    const draft = noteDraft(kit.editor);
    drag(kit, [[100, 100]]);
    drag(kit, [[100, 100], [105, 106]]);
    expect(draft.get()).toBeNull();
    kit.tools.pointerDown(at(100, 100));
    kit.tools.pointerMove(at(300, 300));
    expect(kit.tools.keyDown('Escape')).toBe(true);
    expect(draft.get()).toBeNull();
    kit.tools.pointerUp(at(300, 300));
    drag(kit, [[100, 100], [300, 300]]);
    const open = draft.get();
    drag(kit, [[400, 400], [500, 500]]);
    expect(draft.get()).toBe(open);
  });

  it('participants: only when the board allows, and only on their own drawing', () => {
    const kit = makeKit({ role: 'participant', participantId: 'me', tool: 'annotate' });
    const draft = noteDraft(kit.editor);
    const mine = stroke(kit, 100, 100);
    drag(kit, [[150, 120], [250, 200]]);
    expect(draft.get()).toBeNull(); // setting off: the tool does nothing
    setParticipantNotes(kit.board.doc, true);
    drag(kit, [[150, 120], [250, 200]]);
    expect(draft.get()).toMatchObject({ target: mine.id });
    expect(draft.get()!.refused).toBeUndefined();
    draft.set(null);
    drag(kit, [[2000, 2000], [2100, 2100]]); // a bare area is nobody's drawing
    expect(draft.get()!.refused).toMatch(/your own drawing/);
  });

  it('on a note: a drag moves it, at its corner resizes it, each one undo step; a click opens it; Escape puts it back', () => {
    const kit = makeKit({ role: 'facilitator', participantId: 'fac', tool: 'annotate' });
    const draft = noteDraft(kit.editor);
    const item = stroke(kit, 100, 100);
    const targetBox = kit.ctx.scene().boxOf(item.id)!;
    const id = addAnnotation(kit.board, { target: item.id, region: { minX: 150, minY: 120, maxX: 250, maxY: 170 }, targetBox, text: 'hi' });
    const box = () => {
      const n = readAnnotations(kit.board.doc)[0]!;
      return [n.ax, n.ay, n.aw, n.ah].map(Math.round);
    };
    kit.tools.pointerDown(at(200, 140));
    kit.tools.pointerMove(at(220, 150));
    kit.frame();
    expect(kit.tools.state).toBe('reshaping');
    kit.tools.pointerMove(at(230, 160));
    kit.tools.pointerUp(at(230, 160, { buttons: 0 }));
    expect(box()).toEqual([180, 140, 100, 50]);
    expect(readAnnotations(kit.board.doc)[0]!.target).toBe(item.id); // still pinned: fractions of the same drawing
    drag(kit, [[280, 190], [300, 200], [330, 230]]); // the bottom-right corner
    expect(box()).toEqual([180, 140, 150, 90]);
    kit.board.undo();
    expect(box()).toEqual([180, 140, 100, 50]);
    kit.board.undo();
    expect(box()).toEqual([150, 120, 100, 50]);
    expect(readAnnotations(kit.board.doc)).toHaveLength(1);

    kit.tools.pointerDown(at(200, 140));
    kit.tools.pointerMove(at(400, 400));
    kit.frame();
    expect(kit.tools.keyDown('Escape')).toBe(true);
    kit.tools.pointerUp(at(400, 400));
    expect(box()).toEqual([150, 120, 100, 50]);

    drag(kit, [[200, 140]]);
    expect(draft.get()).toMatchObject({ noteId: id, text: 'hi', dragging: false });
  });

  it("a participant cannot move the facilitator's note: a press on it starts a new region", () => {
    const kit = makeKit({ role: 'participant', participantId: 'me', tool: 'annotate' });
    setParticipantNotes(kit.board.doc, true);
    const item = stroke(kit, 100, 100);
    const other = new Board(kit.board.doc, 'fac');
    addAnnotation(other, { target: '', region: { minX: 150, minY: 120, maxX: 250, maxY: 170 }, targetBox: null, text: 'theirs' });
    kit.tools.pointerDown(at(200, 140));
    kit.tools.pointerMove(at(240, 165));
    expect(kit.tools.state).toBe('dragging');
    kit.tools.pointerUp(at(240, 165));
    expect(noteDraft(kit.editor).get()).toMatchObject({ target: item.id, dragging: false });
    expect(noteDraft(kit.editor).get()!.noteId).toBeUndefined();
  });
});
