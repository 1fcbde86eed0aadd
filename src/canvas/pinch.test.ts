import { describe, expect, it } from 'vitest';
import { PinchTracker } from './pinch';

describe('PinchTracker', () => {
  it('reports nothing with one finger, pan and zoom with two', () => {
    const t = new PinchTracker();
    t.down(1, { x: 0, y: 0 });
    expect(t.move(1, { x: 5, y: 5 })).toBeNull();
    t.down(2, { x: 105, y: 5 });
    expect(t.move(2, { x: 205, y: 5 })).toEqual({ dx: -50, dy: 0, factor: 2, center: { x: 105, y: 5 } });
    t.up(1);
    expect(t.count).toBe(1);
  });
});
