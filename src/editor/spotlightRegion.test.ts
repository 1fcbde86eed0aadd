import { describe, expect, it } from 'vitest';
import { EASEL_H, EASEL_W, planEasels } from '../model/easels';
import { SPOTLIGHT_REACH, belongsToSpotlight, sameBox, spotlightRegion, type PlacedItem } from './spotlightRegion';

// Ana at (0, 0), Ben to her right at (1360, 0): 1200 x 900 each, 160 px apart.
const { create } = planEasels([], [{ id: 'ana', name: 'Ana' }, { id: 'ben', name: 'Ben' }]);
const ana = create[0]!, ben = create[1]!;
const item = (author: string, x: number, y: number, maxX: number, maxY: number, minX = x, minY = y): PlacedItem => ({ author, x, y, box: { minX, minY, maxX, maxY } });

describe('spotlight region', () => {
  it('is the easel itself while everything stays inside it', () => {
    expect(spotlightRegion(ana, [item('ana', 100, 100, 400, 300), item('fac', 500, 500, 700, 600)])).toEqual({ minX: 0, minY: 0, maxX: EASEL_W, maxY: EASEL_H });
  });

  it('grows to hold ink that starts inside and runs past the edge', () => {
    // Ana's arrow from the middle of her easel out into the gutter on the right.
    const region = spotlightRegion(ana, [item('ana', 900, 400, EASEL_W + 120, 460)]);
    expect(region).toEqual({ minX: 0, minY: 0, maxX: EASEL_W + 120, maxY: EASEL_H });
  });

  it('counts the artist’s own item that starts just outside, not a neighbour’s that wanders in', () => {
    const own = item('ana', -60, 300, 200, 380); // starts left of her easel, reaches in
    const neighbour = item('ben', ben.x + 10, 300, ben.x + 20, 320, EASEL_W - 100); // Ben's line reaching into Ana's easel
    expect(belongsToSpotlight(ana, own)).toBe(true);
    expect(belongsToSpotlight(ana, neighbour)).toBe(false);
    expect(spotlightRegion(ana, [own, neighbour])).toEqual({ minX: -60, minY: 0, maxX: EASEL_W, maxY: EASEL_H });
  });

  it('ignores items that do not touch the easel, even the artist’s', () => {
    expect(belongsToSpotlight(ana, item('ana', ben.x + 100, 100, ben.x + 300, 200))).toBe(false);
    // Someone else's note that starts in the easel is part of it (a facilitator's comment on the drawing).
    expect(belongsToSpotlight(ana, item('fac', 1100, 800, 1300, 1000))).toBe(true);
  });

  it('caps the reach, so one wild stroke across the board does not shrink the drawing to nothing', () => {
    const wild = item('ana', 600, 450, 40_000, 30_000, -20_000, -10_000);
    const region = spotlightRegion(ana, [wild]);
    expect(region).toEqual({
      minX: -EASEL_W * SPOTLIGHT_REACH,
      minY: -EASEL_H * SPOTLIGHT_REACH,
      maxX: EASEL_W * (1 + SPOTLIGHT_REACH),
      maxY: EASEL_H * (1 + SPOTLIGHT_REACH),
    });
    // The easel still fills two thirds of the region's width: it stays big on the wall.
    expect(EASEL_W / (region.maxX - region.minX)).toBeCloseTo(2 / 3);
  });

  it('compares boxes by value', () => {
    expect(sameBox({ minX: 0, minY: 0, maxX: 1, maxY: 1 }, { minX: 0, minY: 0, maxX: 1, maxY: 1 })).toBe(true);
    expect(sameBox({ minX: 0, minY: 0, maxX: 1, maxY: 1 }, null)).toBe(false);
    expect(sameBox(null, null)).toBe(true);
  });
});
