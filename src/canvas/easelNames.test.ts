import { describe, expect, it } from 'vitest';
import { planEasels } from '../model/easels';
import { LABEL_MIN_SCREEN_PX, labelBoardPx, namePlate, namesAbove, shortName, WALL_LABEL_SHARE } from './easelNames';

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

  it('on a very small card the name is at most its share of the card (a little more than on laptops)', () => {
    const z = 0.1;
    const p = namePlate(ada, { x: 0, y: 0, zoom: z }, mono);
    expect(p.fontPx).toBeCloseTo(ada.h * WALL_LABEL_SHARE * z);
    expect(p.fontPx).toBeGreaterThan(labelBoardPx(ada, z) * z);
  });

  it('keeps every name one size; a long one is shortened like a name tag, never past the card', () => {
    const z = 0.15;
    const p = namePlate(ben, { x: ben.x, y: 0, zoom: z }, mono);
    expect(p.fontPx).toBe(namePlate(ada, { x: 0, y: 0, zoom: z }, mono).fontPx);
    expect(p.x + p.w).toBeLessThanOrEqual(ben.w * z);
    expect(p.text).toBe('Benedetta');
    expect(namePlate(ben, { x: ben.x, y: 0, zoom: 0.25 }, mono).text).toBe('Benedetta O.');
    expect(namePlate({ ...ben, name: 'Benedetta Okonkwo' }, { x: ben.x, y: 0, zoom: 0.44 }, mono).text).toBe('Benedetta Okonkwo');
  });

  it('shortens a name step by step: whole, first name and initial, first name', () => {
    const upTo = (n: number) => (t: string) => t.length <= n;
    expect(shortName('Hana Van der Berg', upTo(40))).toBe('Hana Van der Berg');
    expect(shortName('Hana Van der Berg', upTo(8))).toBe('Hana V.');
    expect(shortName('Hana van der Berg', upTo(8))).toBe('Hana V.');
    expect(shortName('Hana Van der Berg', upTo(5))).toBe('Hana');
    expect(shortName('Benedetta', upTo(5))).toBe('Benedetta'); // one word: cut by the ellipsis
    expect(shortName('Zoë Émile', upTo(6))).toBe('Zoë É.');
  });
});
