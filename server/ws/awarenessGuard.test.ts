import { describe, expect, it } from 'vitest';
import { ownState, type PresenceOwner } from './awarenessGuard';

const owner = (role: PresenceOwner['role']): PresenceOwner => ({ participantId: 'p1', role, name: 'Ann', color: '#112233' });

describe('ownState: laser and view', () => {
  const state = JSON.stringify({ user: { name: 'Ann' }, cursor: null, laser: [1, 2, 3], view: { cx: 0, cy: 0, zoom: 1, w: 10, h: 10 } });

  it("passes the facilitator's", () => {
    const kept = JSON.parse(ownState(state, owner('facilitator'))!) as Record<string, unknown>;
    expect(kept.laser).toEqual([1, 2, 3]);
    expect(kept.view).toMatchObject({ zoom: 1 });
  });

  it("drops anyone else's", () => {
    const kept = JSON.parse(ownState(state, owner('participant'))!) as Record<string, unknown>;
    expect(kept).not.toHaveProperty('laser');
    expect(kept).not.toHaveProperty('view');
    expect(kept.user).toMatchObject({ id: 'p1', role: 'participant' });
  });
});
