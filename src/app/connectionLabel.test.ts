import { describe, expect, it } from 'vitest';
import type { Board } from '../model/board';
import type { ConnectionState } from '../sync/connection';
import { connectionLabel } from './connectionLabel';

const state = (patch: Partial<ConnectionState>): ConnectionState => ({
  board: {} as Board,
  status: 'connected',
  synced: true,
  everSynced: true,
  saved: true,
  stopped: false,
  message: null,
  removed: false,
  ...patch,
});

describe('connectionLabel', () => {
  it('says connecting before anything is known, and until the first sync', () => {
    expect(connectionLabel(null, true)).toBe('connecting');
    expect(connectionLabel(state({ status: 'connecting', synced: false, everSynced: false }), true)).toBe('connecting');
  });

  it('says reconnecting once it had synced before', () => {
    expect(connectionLabel(state({ status: 'disconnected', synced: false }), true)).toBe('reconnecting');
  });

  it('says offline when the browser is offline or reconnecting stopped for good', () => {
    expect(connectionLabel(state({}), false)).toBe('offline');
    expect(connectionLabel(state({ stopped: true }), true)).toBe('offline');
  });

  it('says saving while changes wait for the server, except on a screen that never draws', () => {
    expect(connectionLabel(state({ saved: false }), true)).toBe('saving');
    expect(connectionLabel(state({ saved: false }), true, false)).toBe('connected');
    expect(connectionLabel(state({}), true)).toBe('connected');
  });
});
