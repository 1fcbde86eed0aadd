import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Board } from './board';
import {
  addMinute, DEFAULT_TIMER, lockIfTimeIsUp, lockIsDue, MAX_TIMER_MS, observeMeta, observeSessionState, parseTimer, pauseTimer,
  readSession, readSessionState, resumeTimer, setPhase, setPrompt, setSessionFlags, setShowJoinCode, setTimer, startTimer, stopTimer, timerIsUp,
  timerRemaining, updateTimer,
} from './session';

const T0 = 1_700_000_000_000;

describe('timer transitions (pure, server-clock ms)', () => {
  it('start, count down, pause, resume, add a minute, stop', () => {
    const running = startTimer(DEFAULT_TIMER, 3 * 60_000, T0);
    expect(running).toMatchObject({ state: 'running', endsAt: T0 + 180_000, durationMs: 180_000 });
    expect(timerRemaining(running, T0 + 1_000)).toBe(179_000);
    const paused = pauseTimer(running, T0 + 60_000);
    expect(paused).toMatchObject({ state: 'paused', remainingMs: 120_000 });
    expect(timerRemaining(paused, T0 + 999_999)).toBe(120_000); // time stands still while paused
    const resumed = resumeTimer(paused, T0 + 500_000);
    expect(resumed).toMatchObject({ state: 'running', endsAt: T0 + 620_000 });
    const longer = addMinute(resumed, T0 + 600_000);
    expect(timerRemaining(longer, T0 + 600_000)).toBe(80_000);
    expect(longer.durationMs).toBe(240_000);
    expect(addMinute(paused, T0).remainingMs).toBe(180_000);
    const stopped = stopTimer(longer);
    expect(stopped.state).toBe('idle');
    expect(timerRemaining(stopped, T0)).toBe(0);
    expect(stopped.durationMs).toBe(240_000); // the last choice stays
  });

  it('is up at zero, never below; pausing or resuming the wrong state changes nothing', () => {
    const t = startTimer(DEFAULT_TIMER, 60_000, T0);
    expect(timerIsUp(t, T0 + 59_999)).toBe(false);
    expect(timerIsUp(t, T0 + 60_000)).toBe(true);
    expect(timerRemaining(t, T0 + 90_000)).toBe(0);
    expect(pauseTimer(t, T0 + 70_000)).toBe(t);
    expect(resumeTimer(t, T0)).toBe(t);
    expect(addMinute(DEFAULT_TIMER, T0)).toBe(DEFAULT_TIMER);
    // A minute after the time was up counts from now.
    expect(timerRemaining(addMinute(t, T0 + 90_000), T0 + 90_000)).toBe(60_000);
  });

  it('locks once when asked: not before zero, not twice, again after more time', () => {
    const t = { ...startTimer(DEFAULT_TIMER, 60_000, T0), lockWhenDone: true };
    expect(lockIsDue(t, T0 + 59_000)).toBe(false);
    expect(lockIsDue(t, T0 + 60_000)).toBe(true);
    expect(lockIsDue({ ...t, lockWhenDone: false }, T0 + 60_000)).toBe(false);
    expect(lockIsDue({ ...t, lockApplied: true }, T0 + 60_000)).toBe(false);
    expect(addMinute({ ...t, lockApplied: true }, T0 + 61_000).lockApplied).toBe(false);
  });

  it('reads leniently and clamps', () => {
    expect(parseTimer(undefined)).toEqual(DEFAULT_TIMER);
    expect(parseTimer(60)).toEqual(DEFAULT_TIMER);
    expect(parseTimer({ state: 'running' }).state).toBe('idle'); // no end: not running
    expect(parseTimer({ state: 'paused', remainingMs: -5, durationMs: 1e12, lockWhenDone: 'yes' })).toMatchObject({
      state: 'paused', remainingMs: 0, durationMs: MAX_TIMER_MS, lockWhenDone: false,
    });
  });
});

describe('session state in the document', () => {
  it('timer, phase and private drawing travel to other screens', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.on('update', (u: Uint8Array) => Y.applyUpdate(b, u));
    const seen: string[] = [];
    const off = observeSessionState(b, (s) => seen.push(s.timer.state));
    expect(readSessionState(b)).toMatchObject({ timer: DEFAULT_TIMER, phase: 'drawing', privateDrawing: false });
    setTimer(a, startTimer(DEFAULT_TIMER, 60_000, T0));
    updateTimer(a, (t) => pauseTimer(t, T0 + 1_000));
    setPhase(a, { phase: 'reveal', privateDrawing: true });
    off();
    expect(seen).toEqual(['running', 'paused', 'paused']);
    expect(readSessionState(b)).toMatchObject({ timer: { state: 'paused', remainingMs: 59_000 }, phase: 'reveal', privateDrawing: true });
  });

  it('showJoinCode: on by default (also for boards made before it existed), switched by the facilitator', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.on('update', (u: Uint8Array) => Y.applyUpdate(b, u));
    expect(readSessionState(b).showJoinCode).toBe(true);
    const seen: boolean[] = [];
    const off = observeSessionState(b, (s) => seen.push(s.showJoinCode));
    setShowJoinCode(a, false);
    setShowJoinCode(a, false); // no change, no write
    setShowJoinCode(a, true);
    off();
    expect(seen).toEqual([false, true]);
    a.getMap('session').set('showJoinCode', 'nonsense');
    expect(readSessionState(b).showJoinCode).toBe(true);
  });

  it('lockIfTimeIsUp locks once, even from two facilitator tabs, and not again after an unlock', () => {
    const tab1 = new Y.Doc();
    const tab2 = new Y.Doc();
    tab1.on('update', (u: Uint8Array) => Y.applyUpdate(tab2, u, 'remote'));
    tab2.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(tab1, u, 'remote'));
    setTimer(tab1, { ...startTimer(DEFAULT_TIMER, 60_000, T0), lockWhenDone: true });
    expect(lockIfTimeIsUp(tab1, T0 + 30_000)).toBe(false);
    expect(readSession(tab2).locked).toBe(false);
    expect(lockIfTimeIsUp(tab1, T0 + 60_000)).toBe(true);
    expect(lockIfTimeIsUp(tab2, T0 + 60_100)).toBe(false);
    expect(readSession(tab2).locked).toBe(true);
    setSessionFlags(tab2, { locked: false }); // the facilitator unlocks: it stays unlocked
    expect(lockIfTimeIsUp(tab1, T0 + 61_000)).toBe(false);
    expect(lockIfTimeIsUp(tab2, T0 + 62_000)).toBe(false);
    expect(readSession(tab1).locked).toBe(false);
  });

  it('the prompt is edited as plain text and observed live', () => {
    const doc = new Y.Doc();
    let calls = 0;
    const off = observeMeta(doc, () => calls++);
    expect(setPrompt(doc, '  Draw your\r\ncommute\u202E  ')).toBe('Draw your\ncommute');
    expect(new Board(doc, 'me').getMeta().prompt).toBe('Draw your\ncommute');
    setPrompt(doc, 'Draw your\ncommute'); // unchanged: no write
    expect(calls).toBe(1);
    expect(setPrompt(doc, 'x'.repeat(600))).toHaveLength(500);
    off();
  });
});

describe('clearing the board', () => {
  it('deletes every item as one undoable step of the facilitator, and undo brings them back', () => {
    const doc = new Y.Doc();
    const other = new Y.Doc();
    doc.on('update', (u: Uint8Array) => Y.applyUpdate(other, u));
    const sam = new Board(other, 'sam');
    sam.addItem({ kind: 'sticky', x: 0, y: 0, rotation: 0, text: 'hi', w: 100, h: 100, color: '#ffe08a' });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
    const fac = new Board(doc, 'fac');
    fac.addStroke({ tool: 'pen', color: '#000000', width: 4, points: new Float64Array([0, 0, 0.5, 10, 10, 0.5]) });
    expect(fac.size).toBe(2);
    fac.deleteItems(fac.allItems().map((i) => i.id));
    expect(fac.size).toBe(0);
    expect(fac.undo()).toBe(true);
    expect(fac.size).toBe(2);
    expect(fac.allItems().map((i) => i.author).sort()).toEqual(['fac', 'sam']);
  });
});
