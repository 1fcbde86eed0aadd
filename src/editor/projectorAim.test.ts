import { describe, expect, it } from 'vitest';
import { EASEL_H, EASEL_W, planEasels } from '../model/easels';
import { DEFAULT_PROJECTOR, type EaselSettings } from '../model/easelSession';
import { projectorAim } from './projectorAim';

const easels = planEasels([], [{ id: 'ana', name: 'Ana' }, { id: 'ben', name: 'Ben' }, { id: 'cleo', name: 'Cleo' }]).create;
const on = (projector: EaselSettings['projector']): EaselSettings => ({ easels: true, easelOnly: false, projector });

describe('projector aim', () => {
  it('without easels: the drawing alone', () => {
    expect(projectorAim({ easels: false, easelOnly: false, projector: { mode: 'gallery', easel: '' } }, easels)).toEqual({ key: 'board', box: null, fixed: false, caption: null });
  });

  it('whole board: the easels join the drawing', () => {
    const aim = projectorAim(on(DEFAULT_PROJECTOR), easels);
    expect(aim.fixed).toBe(false);
    expect(aim.box).toMatchObject({ minX: 0, minY: 0 });
  });

  it('spotlight: exactly the easel, with its name', () => {
    const ben = easels[1]!;
    const aim = projectorAim(on({ mode: 'spotlight', easel: ben.id }), easels);
    expect(aim).toEqual({ key: `spotlight:${ben.id}`, box: { minX: ben.x, minY: ben.y, maxX: ben.x + EASEL_W, maxY: ben.y + EASEL_H }, fixed: true, caption: { mode: 'spotlight', name: 'Ben' }, easel: ben });
  });

  it('gallery: every easel; a spotlight on a missing easel is the whole board', () => {
    const gallery = projectorAim(on({ mode: 'gallery', easel: '' }), easels);
    expect(gallery.caption).toEqual({ mode: 'gallery', count: 3 });
    // Three easels in a row (the wide grid).
    expect(gallery.box).toEqual({ minX: 0, minY: 0, maxX: 3 * EASEL_W + 2 * 160, maxY: EASEL_H });
    expect(projectorAim(on({ mode: 'spotlight', easel: 'gone' }), easels).key).toBe('board');
    expect(projectorAim(on({ mode: 'gallery', easel: '' }), []).key).toBe('board');
  });
});
