/**
 * "Participants draw only in their easel": every tool that starts something checks the press point
 * against the participant's easel, and says why nothing happened when it is outside.
 */
import { describe, expect, it } from 'vitest';
import { selectAll, duplicateSelected } from './selection';
import { EASEL_HINTS } from '../editor/context';
import type { ToolId } from '../editor/editor';
import { EASEL_SLACK, syncEasels } from '../model/easels';
import { CLICK_SIZE } from '../tools/shape/shapeTool';
import { STICKY_SIZE } from '../tools/sticky/stickyTool';
import { setEaselOnly, setEaselsOn } from '../model/easelSession';
import { memoryBoard } from '../model/memoryBoard';
import { drag, makeKit } from '../tools/testKit';

function setup(tool: ToolId, options: { role?: 'participant' | 'facilitator'; easelOnly?: boolean; easel?: boolean } = {}) {
  const board = memoryBoard('ana');
  const hints: string[] = [];
  setEaselsOn(board.doc, true);
  setEaselOnly(board.doc, options.easelOnly ?? true);
  // Ana's easel at slot 0 (0,0)-(1200,900); Ben's next to it.
  if (options.easel !== false) syncEasels(board.doc, [{ id: 'ana', name: 'Ana' }, { id: 'ben', name: 'Ben' }]);
  const kit = makeKit({ board, tool, role: options.role ?? 'participant', participantId: 'ana', hint: (t) => hints.push(t) });
  return { kit, hints };
}

describe('drawing limited to easels', () => {
  it.each(['pen', 'rect', 'sticky', 'text'] as const)('%s: starts inside my easel, not outside (with a hint)', (tool) => {
    const { kit, hints } = setup(tool);
    drag(kit, [[1400, 100], [1500, 200]]); // Ben's easel
    drag(kit, [[-50, 100], [40, 200]]); // left of mine
    expect(kit.board.size).toBe(0);
    expect(hints).toEqual([EASEL_HINTS.outside, EASEL_HINTS.outside]);
    drag(kit, [[100, 100], [300, 200]]);
    expect(kit.board.size).toBe(1); // (a text stays while it is being typed)
  });

  it('the server\'s slack covers how far each tool puts an item\'s origin from the press', () => {
    expect(STICKY_SIZE / 2).toBeLessThan(EASEL_SLACK);
    expect(Math.max(CLICK_SIZE.w, CLICK_SIZE.h) / 2).toBeLessThan(EASEL_SLACK);
  });

  it('tells a participant without an easel yet to wait', () => {
    const { kit, hints } = setup('pen', { easel: false });
    drag(kit, [[100, 100], [300, 200]]);
    expect(kit.board.size).toBe(0);
    expect(hints).toEqual([EASEL_HINTS.noEasel]);
  });

  it('lets the facilitator draw anywhere, and everyone once the setting is off', () => {
    const fac = setup('pen', { role: 'facilitator' });
    drag(fac.kit, [[3000, 100], [3100, 200]]);
    expect(fac.kit.board.size).toBe(1);
    const off = setup('pen', { easelOnly: false });
    drag(off.kit, [[3000, 100], [3100, 200]]);
    expect(off.kit.board.size).toBe(1);
    expect([...fac.hints, ...off.hints]).toEqual([]);
  });

  it('refuses a duplicate that would land outside', () => {
    const { kit, hints } = setup('pen');
    drag(kit, [[1180, 880], [1190, 890]]);
    expect(kit.board.size).toBe(1);
    selectAll(kit.ctx);
    expect(duplicateSelected(kit.ctx)).toEqual([]);
    expect(hints).toEqual([EASEL_HINTS.outside]);
  });
});
