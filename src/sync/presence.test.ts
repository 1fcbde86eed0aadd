/** Presence between two screens (two Awareness instances wired together as the server would). */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { LeaderView } from '../editor/follow';
import { LaserTrails } from '../editor/laser';
import { createPeers } from '../editor/presence';
import { Store } from '../editor/store';
import { Presence } from './presence';

function link(from: Awareness, to: Awareness): void {
  from.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
    applyAwarenessUpdate(to, encodeAwarenessUpdate(from, [...added, ...updated, ...removed]), 'remote');
  });
}

function screen(role: string) {
  const awareness = new Awareness(new Y.Doc());
  const lasers = new LaserTrails();
  const leader = new Store<LeaderView | null>(null);
  const presence = new Presence(awareness, { id: role, name: role, color: '#112233', role }, createPeers(), { lasers, leader });
  return { awareness, lasers, leader, presence };
}

describe('Presence: laser and view', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("a facilitator's laser and view reach another screen; a participant's are ignored", () => {
    const fac = screen('facilitator');
    const ann = screen('participant');
    link(fac.awareness, ann.awareness);
    link(ann.awareness, fac.awareness);
    fac.lasers.addLocal({ x: 10, y: 20 });
    fac.lasers.addLocal({ x: 30, y: 25 });
    fac.presence.setLaser(fac.lasers.local);
    fac.presence.setView({ cx: 100, cy: 50, zoom: 2, w: 1366, h: 768 });
    vi.advanceTimersByTime(40);
    const trail = ann.lasers.trails();
    expect(trail).toHaveLength(1);
    expect(trail[0]!.points.map((p) => [p.x, p.y])).toEqual([[10, 20], [30, 25]]);
    expect(ann.leader.get()).toEqual({ cx: 100, cy: 50, zoom: 2, w: 1366, h: 768 });

    // Only the cursor moves: the trail keeps its timing (it must fade, not be renewed).
    const before = ann.lasers.trails()[0]!.points[1]!.t;
    vi.advanceTimersByTime(200);
    fac.presence.setCursor({ x: 1, y: 1 });
    vi.advanceTimersByTime(40);
    expect(ann.lasers.trails()[0]!.points[1]!.t).toBe(before);

    // A participant's laser and view count for nothing.
    ann.presence.setLaser([{ x: 1, y: 1, t: performance.now() }]);
    ann.presence.setView({ cx: 0, cy: 0, zoom: 1, w: 10, h: 10 });
    vi.advanceTimersByTime(40);
    expect(fac.lasers.trails().filter((t) => t.key !== 'me')).toHaveLength(0);
    expect(fac.leader.get()).toBeNull();

    // The trail is withdrawn once it has aged out; the view when following ends.
    vi.advanceTimersByTime(1000);
    expect(JSON.stringify(fac.awareness.getLocalState())).toContain('"laser":null');
    fac.presence.setView(null);
    vi.advanceTimersByTime(40);
    expect(ann.leader.get()).toBeNull();
    expect(ann.lasers.trails()).toHaveLength(0);
    fac.presence.destroy();
    ann.presence.destroy();
  });
});
