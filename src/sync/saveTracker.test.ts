import { describe, expect, it } from 'vitest';
import { SaveTracker } from './saveTracker';

describe('SaveTracker', () => {
  it('is saved only once every sent update is confirmed', () => {
    const changes: boolean[] = [];
    const t = new SaveTracker((saved) => changes.push(saved));
    t.socketChanged();
    t.localChange();
    t.updateSent();
    t.localChange();
    t.updateSent();
    expect(t.saved).toBe(false);
    t.confirm(1);
    expect(t.saved).toBe(false);
    t.confirm(2);
    expect(t.saved).toBe(true);
    expect(changes).toEqual([false, true]);
  });

  it('changes no socket carried keep it unsaved until the next handshake answer is confirmed', () => {
    const t = new SaveTracker(() => {});
    t.localChange(); // offline
    expect(t.saved).toBe(false);
    t.socketChanged();
    t.updateSent(); // the sync step 2 answer
    t.confirm(1);
    expect(t.saved).toBe(true);
  });

  it('a socket lost before its confirmation leaves the work unsaved; a bogus count is ignored', () => {
    const t = new SaveTracker(() => {});
    t.socketChanged();
    t.localChange();
    t.updateSent();
    t.confirm(5);
    expect(t.saved).toBe(false);
    t.socketChanged();
    expect(t.saved).toBe(false);
    t.updateSent();
    t.confirm(1);
    expect(t.saved).toBe(true);
  });
});
