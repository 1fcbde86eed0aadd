import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { canDraw, can } from '../protocol/roles';
import { DEFAULT_SESSION, observeSession, permissionContext, readSession, setSessionFlags } from './session';

describe('session flags', () => {
  it('default to unlocked and own-work-only, and read leniently', () => {
    const doc = new Y.Doc();
    expect(readSession(doc)).toEqual(DEFAULT_SESSION);
    doc.getMap('session').set('locked', 'yes');
    doc.getMap('session').set('allowEditOthers', 1);
    expect(readSession(doc)).toEqual({ locked: false, allowEditOthers: false });
  });

  it('report changes of the flags only, including remote ones', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.on('update', (u: Uint8Array) => Y.applyUpdate(b, u));
    const seen: unknown[] = [];
    const off = observeSession(b, (f) => seen.push(f));
    a.getMap('session').set('locked', true);
    a.getMap('session').set('timer', 60); // not a flag: no call
    a.getMap('session').set('allowEditOthers', true);
    off();
    a.getMap('session').set('locked', false);
    expect(seen).toEqual([
      { locked: true, allowEditOthers: false },
      { locked: true, allowEditOthers: true },
    ]);
  });

  it('drive the shared permission rules', () => {
    const locked = permissionContext({ locked: true, allowEditOthers: false });
    expect(canDraw('participant', locked)).toBe(false);
    expect(canDraw('facilitator', locked)).toBe(true);
    expect(canDraw('participant', permissionContext(DEFAULT_SESSION))).toBe(true);
    const open = permissionContext({ locked: false, allowEditOthers: true });
    expect(can('participant', { type: 'deleteItem', own: false }, open)).toBe(true);
    expect(can('participant', { type: 'deleteItem', own: false }, permissionContext(DEFAULT_SESSION))).toBe(false);
  });

  it('are set by the facilitator without entering the undo history', () => {
    const doc = new Y.Doc();
    setSessionFlags(doc, { allowEditOthers: true });
    expect(readSession(doc)).toEqual({ locked: false, allowEditOthers: true });
    setSessionFlags(doc, { locked: true, allowEditOthers: false });
    expect(readSession(doc)).toEqual({ locked: true, allowEditOthers: false });
  });
});
