import { describe, expect, it } from 'vitest';
import { planEasels } from '../model/easels';
import { LABEL_MIN_SCREEN_PX, labelBoardPx, namePlate, namesAbove } from './easelNames';

/** Monospace fake: every glyph is 0.6 em wide. */
const mono = (text: string, px: number) => text.length * px * 0.6;
const { create } = planEasels([], [{ id: 'ada', name: 'Ada' }, { id: 'ben', name: 'Benedetta Okonkwo-Van der Berg' }]);
const ada = create[0]!, ben = create[1]!;

describe('easel names above the ink (projector, far views)', () => {
  it('only when the card label would outgrow its board size', () => {
    expect(namesAbove(1)).toBe(false);
    expect(namesAbove(0.6)).toBe(false); // a spotlight
    expect(namesAbove(0.25)).toBe(true); // a whole board of twelve
  });

  it('the name keeps the card label’s size and place; the white patch just frames it, inside the card', () => {
    const cam = { x: -100, y: -200, zoom: 0.25 };
    const p = namePlate(ada, cam, mono);
    expect(p.fontPx).toBe(LABEL_MIN_SCREEN_PX);
    expect(p.fontPx).toBe(labelBoardPx(ada, 0.25) * 0.25);
    const card = { left: 25, top: 50, right: 25 + 300, bottom: 50 + 225 };
    expect(p.x).toBeGreaterThan(card.left);
    expect(p.y).toBeGreaterThan(card.top);
    expect(p.x + p.w).toBeLessThan(card.right);
    expect(p.textX).toBeGreaterThan(p.x);
    expect(p.textY).toBeGreaterThan(p.y);
    expect(p.w).toBeCloseTo(p.textW + 2 * (p.textX - p.x));
    expect(p.textW).toBeGreaterThanOrEqual(mono('Ada', p.fontPx));
  });

  it('on a very small card the label is at most its share of the card', () => {
    const z = 0.12;
    const p = namePlate(ada, { x: 0, y: 0, zoom: z }, mono);
    expect(p.fontPx).toBeCloseTo(ada.h * 0.22 * z);
  });

  it('keeps every name one size and cuts a long one at the card’s edge', () => {
    const z = 0.15;
    const p = namePlate(ben, { x: ben.x, y: 0, zoom: z }, mono);
    expect(p.fontPx).toBe(namePlate(ada, { x: 0, y: 0, zoom: z }, mono).fontPx);
    expect(p.x + p.w).toBeLessThanOrEqual(ben.w * z);
    expect(p.textW).toBeLessThan(mono(ben.name, p.fontPx));
  });
});
