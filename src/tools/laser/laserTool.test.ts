import { describe, expect, it } from 'vitest';
import { LaserTrails } from '../../editor/laser';
import { at, drag, makeKit } from '../testKit';

describe('LaserTool', () => {
  it('leaves a trail while pressed (hover draws nothing) and writes nothing to the board', () => {
    const kit = makeKit({ tool: 'laser', role: 'facilitator' });
    let now = 0;
    const trails = new LaserTrails(() => now);
    const events: string[] = [];
    kit.ctx.laser = {
      point: (p) => {
        now += 10;
        trails.addLocal(p);
        events.push('point');
      },
      end: () => events.push('end'),
    };
    kit.tools.pointerMove(at(5, 5, { buttons: 0 }));
    expect(events).toEqual([]);
    drag(kit, [[10, 10], [20, 15], [30, 20]]);
    expect(events).toEqual(['point', 'point', 'point', 'point', 'end']);
    expect(trails.local.map((p) => [p.x, p.y])).toEqual([[10, 10], [20, 15], [30, 20], [30, 20]]);
    expect(kit.tools.state).toBe('idle');
    expect(kit.board.size).toBe(0);
    kit.tools.pointerDown(at(0, 0));
    expect(kit.tools.keyDown('Escape')).toBe(true);
    expect(events.at(-1)).toBe('end');
    expect(kit.tools.state).toBe('idle');
  });

  it('does nothing on a screen without a laser (not the facilitator)', () => {
    const kit = makeKit({ tool: 'laser' });
    drag(kit, [[10, 10], [20, 15]]);
    expect(kit.tools.state).toBe('idle');
    expect(kit.board.size).toBe(0);
  });
});
