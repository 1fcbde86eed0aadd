import { describe, expect, it } from 'vitest';
import { LIVE_TIMING, LiveStrokes } from './liveStrokes';

function setup() {
  let t = 1000;
  const live = new LiveStrokes(() => t);
  return { live, advance: (ms: number) => (t += ms) };
}

const start = { type: 'start' as const, key: 1, itemId: 'abcdefgh12', tool: 'pen', color: '#0a64c2', width: 6 };

describe('LiveStrokes (receiving side)', () => {
  it('assembles delta-coded chunks into absolute points', () => {
    const { live } = setup();
    live.applyRemote(7, start);
    live.applyRemote(7, { type: 'points', key: 1, points: [1000, 500, 255, 5, -5, 0] });
    live.applyRemote(7, { type: 'points', key: 1, points: [10, 0, 128] });
    const s = live.get('7:1')!;
    expect(s.itemId).toBe('abcdefgh12');
    expect(s.color).toBe('#0a64c2');
    expect(s.points).toEqual([100, 50, 1, 100.5, 49.5, 0, 101.5, 49.5, 128 / 255]);
  });

  it('takes the first points from the start, and continues from them', () => {
    const { live } = setup();
    live.applyRemote(7, { ...start, points: [1000, 500, 128] });
    expect(live.get('7:1')!.points).toEqual([100, 50, 128 / 255]);
    live.applyRemote(7, { type: 'points', key: 1, points: [10, -10, 128] });
    expect(live.get('7:1')!.points).toEqual([100, 50, 128 / 255, 101, 49, 128 / 255]);
  });

  it('keeps strokes of different senders with the same key apart', () => {
    const { live } = setup();
    live.applyRemote(1, start);
    live.applyRemote(2, { ...start, itemId: 'zzzzzzzz99' });
    live.applyRemote(1, { type: 'points', key: 1, points: [10, 10, 0] });
    expect(live.get('1:1')!.points).toHaveLength(3);
    expect(live.get('2:1')!.points).toHaveLength(0);
  });

  it('removes a stroke when its committed item arrives and ignores late chunks', () => {
    const { live } = setup();
    live.applyRemote(7, start);
    live.applyRemote(7, { type: 'points', key: 1, points: [1, 1, 0] });
    live.removeItem('abcdefgh12');
    expect(live.size).toBe(0);
    live.applyRemote(7, { type: 'points', key: 1, points: [1, 1, 0] });
    live.applyRemote(7, { type: 'end', key: 1 });
    expect(live.size).toBe(0);
  });

  it('drops an ended stroke after the grace period, and silent senders later', () => {
    const { live, advance } = setup();
    live.applyRemote(7, start);
    live.applyRemote(7, { type: 'end', key: 1 });
    live.applyRemote(8, { ...start, itemId: 'otherone12' });
    advance(LIVE_TIMING.endGraceMs - 1);
    live.sweep();
    expect(live.size).toBe(2);
    advance(1);
    live.sweep();
    expect(live.get('7:1')).toBeUndefined();
    advance(LIVE_TIMING.staleMs);
    live.sweep();
    expect(live.size).toBe(0);
  });

  it('ignores invalid starts and bounds strokes per sender', () => {
    const { live } = setup();
    live.applyRemote(1, { ...start, itemId: 'bad id!' });
    live.applyRemote(1, { ...start, color: 'red' });
    live.applyRemote(1, { ...start, tool: 'laser' });
    live.applyRemote(1, { ...start, width: 999 });
    expect(live.size).toBe(0);
    for (let k = 0; k < 10; k++) live.applyRemote(1, { ...start, key: k });
    expect(live.size).toBe(LIVE_TIMING.perSender);
  });

  it('shows the local stroke until it ends', () => {
    const { live } = setup();
    const sink = live.localSink();
    let notified = 0;
    live.subscribe(() => notified++);
    sink.start({ itemId: 'abcdefgh12', tool: 'pen', color: '#1f2328', width: 3 });
    sink.points([1, 2, 0.5, 3, 4, 0.5]);
    expect(live.get('local')!.points).toEqual([1, 2, 0.5, 3, 4, 0.5]);
    live.removeItem('abcdefgh12'); // our own commit does not remove it early
    expect(live.size).toBe(1);
    sink.end();
    expect(live.size).toBe(0);
    expect(notified).toBe(3);
  });
});
