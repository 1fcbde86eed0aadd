import { describe, expect, it } from 'vitest';
import { Editor } from '../editor/editor';
import { syncEasels } from '../model/easels';
import { memoryBoard } from '../model/memoryBoard';
import type { ExportRequest } from '../ui/export/types';
import { createExporter, refuseUnlessAllowed } from './exportService';
import type { Identity } from './identity';

const who = (role: Identity['role'], participantId: string): Identity => ({ token: 't', role, participantId, name: participantId, color: '#0072B2' });
const png = (scope: string): ExportRequest => ({ format: 'png', scope, scale: 1, background: 'white', padding: 0, notes: true });

function setup() {
  const board = memoryBoard('facilitat0');
  syncEasels(board.doc, [{ id: 'anaAAAAAAA', name: 'Ana' }, { id: 'bobBBBBBBB', name: 'Bob' }]);
  const editor = new Editor();
  return { board, editor };
}

describe('who may export what', () => {
  it('offers the facilitator every format and every part of the board', () => {
    const { board, editor } = setup();
    const choices = createExporter({ boardId: 'b', identity: who('facilitator', 'facilitat0'), board: () => board, editor }).choices();
    expect(choices.formats).toEqual(['png', 'zip', 'pdf', 'board']);
    expect(choices.scopes.map((s) => s.label)).toEqual(['The whole board', 'Easel: Ana', 'Easel: Bob']);
    expect(choices.defaultScope).toBe('board');
  });

  it('offers a participant a picture of their own easel or their selection only', () => {
    const { board, editor } = setup();
    const ana = createExporter({ boardId: 'b', identity: who('participant', 'anaAAAAAAA'), board: () => board, editor });
    expect(ana.choices().formats).toEqual(['png']);
    expect(ana.choices().scopes.map((s) => s.label)).toEqual(['My easel (Ana)']);
    editor.select(['x1234567', 'y1234567']);
    expect(ana.choices().scopes.map((s) => s.label)).toEqual(['What I selected (2 items)', 'My easel (Ana)']);
    expect(ana.choices().defaultScope).toBe('selection');
  });

  it('refuses what the dialog would not offer', () => {
    const { board } = setup();
    const easels = [...board.doc.getMap('frames').keys()].map((id) => ({ id, owner: id.endsWith('anaAAAAAAA') ? 'anaAAAAAAA' : 'bobBBBBBBB' }));
    const list = easels.map((e) => ({ ...e, name: '', slot: 0, x: 0, y: 0, w: 1, h: 1 }));
    const anas = easels.find((e) => e.owner === 'anaAAAAAAA')!.id;
    const bobs = easels.find((e) => e.owner === 'bobBBBBBBB')!.id;
    expect(() => refuseUnlessAllowed(png(`easel:${anas}`), false, 'anaAAAAAAA', list)).not.toThrow();
    expect(() => refuseUnlessAllowed(png('selection'), false, 'anaAAAAAAA', list)).not.toThrow();
    expect(() => refuseUnlessAllowed(png(`easel:${bobs}`), false, 'anaAAAAAAA', list)).toThrow('your own easel');
    expect(() => refuseUnlessAllowed(png('board'), false, 'anaAAAAAAA', list)).toThrow('whole board');
    for (const format of ['zip', 'pdf', 'board'] as const) expect(() => refuseUnlessAllowed({ ...png('board'), format }, false, 'anaAAAAAAA', list)).toThrow('Only the facilitator');
    expect(() => refuseUnlessAllowed(png(`easel:${bobs}`), true, 'facilitat0', list)).not.toThrow();
  });
});
