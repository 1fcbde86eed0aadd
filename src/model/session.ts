/**
 * The board's `session` map (facilitator state, written only by the facilitator; the server
 * enforces it): whether drawing is paused, whether participants may change others' work, the timer
 * and the phase; and the facilitator's prompt edit (`meta.prompt`). Reads are lenient: anything
 * malformed counts as the default. Transitions are pure functions of a `now` on the server's clock.
 */
import type * as Y from 'yjs';
import { Origin } from './origins';
import type { PermissionContext } from '../protocol/roles';
import { plainText, truncateText } from '../protocol/text';
import { LIMITS } from './schema';

export interface SessionFlags {
  /** Participants may not write while true. */
  locked: boolean;
  /** Participants may change or delete others' items. Off by default. */
  allowEditOthers: boolean;
}

export const DEFAULT_SESSION: SessionFlags = { locked: false, allowEditOthers: false };

export function readSession(doc: Y.Doc): SessionFlags {
  const session = doc.getMap<unknown>('session');
  return { locked: session.get('locked') === true, allowEditOthers: session.get('allowEditOthers') === true };
}

/** Calls `listener` with the new flags whenever one of them changes. Returns the unsubscribe. */
export function observeSession(doc: Y.Doc, listener: (flags: SessionFlags) => void): () => void {
  const session = doc.getMap<unknown>('session');
  let last = readSession(doc);
  const onChange = () => {
    const next = readSession(doc);
    if (next.locked === last.locked && next.allowEditOthers === last.allowEditOthers) return;
    last = next;
    listener(next);
  };
  session.observe(onChange);
  return () => session.unobserve(onChange);
}

/** The context `can()` / `canDraw()` need, from the session flags. */
export function permissionContext(flags: SessionFlags): PermissionContext {
  return { locked: flags.locked, participantsMayEditOthers: flags.allowEditOthers };
}

/**
 * The context `can()` needs, read from the board now: the session flags and the notes setting
 * (`participantNotes`: participants may pin notes to their own drawings; off unless true).
 */
export function boardPermissionContext(doc: Y.Doc): PermissionContext {
  return { ...permissionContext(readSession(doc)), participantNotes: doc.getMap<unknown>('session').get('participantNotes') === true };
}

/** Lets participants pin notes to their own drawings, or not (facilitator only; not undoable). */
export function setParticipantNotes(doc: Y.Doc, allow: boolean): void {
  const session = doc.getMap<unknown>('session');
  if ((session.get('participantNotes') === true) !== allow) doc.transact(() => session.set('participantNotes', allow), Origin.LocalUser);
}

/**
 * `session.hideNames`: exports print "anonymous" instead of artists' and speakers' names (the
 * handout, the legend, the ZIP's file names). Off unless `true`.
 */
export function readHideNames(doc: Y.Doc): boolean {
  return doc.getMap<unknown>('session').get('hideNames') === true;
}

/** Hides names in exports, or not (facilitator only; not undoable, like every setting). */
export function setHideNames(doc: Y.Doc, hide: boolean): void {
  const session = doc.getMap<unknown>('session');
  if (readHideNames(doc) !== hide) doc.transact(() => session.set('hideNames', hide), Origin.LocalUser);
}

/**
 * Sets session flags (facilitator only: the server refuses this from anyone else). Not part of the
 * undo history: a setting is switched back with the same switch.
 */
export function setSessionFlags(doc: Y.Doc, patch: Partial<SessionFlags>): void {
  const session = doc.getMap<unknown>('session');
  doc.transact(() => {
    for (const [key, value] of Object.entries(patch)) {
      if (typeof value === 'boolean' && session.get(key) !== value) session.set(key, value);
    }
  }, Origin.LocalUser);
}

// ---------------------------------------------------------------------------------------------
// Facilitation (issue 5): the prompt, the timer and the phase. All written by the facilitator only.
// Times are on the server's clock (ms since epoch), so every screen counts down the same seconds.
// ---------------------------------------------------------------------------------------------

export type TimerRun = 'idle' | 'running' | 'paused';

/**
 * `session.timer`: one plain value (replaced whole, last writer wins), so two fields can never
 * disagree after concurrent writes.
 */
export interface TimerState {
  state: TimerRun;
  /** Server-clock ms when the time is up (running only). */
  endsAt: number;
  /** What was left when paused (paused only). */
  remainingMs: number;
  /** The length chosen (plus added minutes): the last choice, offered again. */
  durationMs: number;
  /** Lock drawing when the time is up. */
  lockWhenDone: boolean;
  /** The lock for this run was applied already: never again (a second tab, or after an unlock). */
  lockApplied: boolean;
}

export const MINUTE_MS = 60_000;
/** Longest timer: a workshop block, not a day. */
export const MAX_TIMER_MS = 180 * MINUTE_MS;

export const DEFAULT_TIMER: TimerState = { state: 'idle', endsAt: 0, remainingMs: 0, durationMs: 5 * MINUTE_MS, lockWhenDone: false, lockApplied: false };

const finite = (v: unknown, fallback: number): number => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);
const clampMs = (ms: number): number => Math.min(MAX_TIMER_MS, Math.max(0, Math.round(ms)));

/** Reads `session.timer` leniently: anything malformed is an idle timer. */
export function parseTimer(value: unknown): TimerState {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return DEFAULT_TIMER;
  const v = value as Record<string, unknown>;
  const state: TimerRun = v.state === 'running' || v.state === 'paused' ? v.state : 'idle';
  const timer: TimerState = {
    state,
    endsAt: finite(v.endsAt, 0),
    remainingMs: clampMs(finite(v.remainingMs, 0)),
    durationMs: clampMs(finite(v.durationMs, DEFAULT_TIMER.durationMs)),
    lockWhenDone: v.lockWhenDone === true,
    lockApplied: v.lockApplied === true,
  };
  if (state === 'running' && timer.endsAt <= 0) return { ...timer, state: 'idle' };
  return timer;
}

/** Milliseconds left at server time `now` (0 when up or idle). */
export function timerRemaining(timer: TimerState, now: number): number {
  if (timer.state === 'running') return Math.max(0, timer.endsAt - now);
  if (timer.state === 'paused') return timer.remainingMs;
  return 0;
}

/** The time is up: a running timer at zero (the chip says "Time's up" until it is stopped). */
export function timerIsUp(timer: TimerState, now: number): boolean {
  return timer.state === 'running' && timer.endsAt <= now;
}

export function startTimer(timer: TimerState, durationMs: number, now: number): TimerState {
  const ms = clampMs(durationMs);
  return { ...timer, state: 'running', endsAt: now + ms, remainingMs: 0, durationMs: ms, lockApplied: false };
}

export function pauseTimer(timer: TimerState, now: number): TimerState {
  if (timer.state !== 'running' || timerIsUp(timer, now)) return timer;
  return { ...timer, state: 'paused', endsAt: 0, remainingMs: timerRemaining(timer, now) };
}

export function resumeTimer(timer: TimerState, now: number): TimerState {
  if (timer.state !== 'paused') return timer;
  return { ...timer, state: 'running', endsAt: now + timer.remainingMs, remainingMs: 0 };
}

/** One more minute; after the time was up, a minute from now (and the lock applies again then). */
export function addMinute(timer: TimerState, now: number): TimerState {
  const durationMs = clampMs(timer.durationMs + MINUTE_MS);
  if (timer.state === 'paused') return { ...timer, durationMs, remainingMs: clampMs(timer.remainingMs + MINUTE_MS) };
  if (timer.state === 'running') {
    const left = timerRemaining(timer, now);
    return { ...timer, durationMs, endsAt: now + clampMs(left + MINUTE_MS), lockApplied: false };
  }
  return timer;
}

export function stopTimer(timer: TimerState): TimerState {
  return { ...timer, state: 'idle', endsAt: 0, remainingMs: 0, lockApplied: false };
}

/** The lock is due: time is up, the facilitator asked for it and it was not applied for this run. */
export function lockIsDue(timer: TimerState, now: number): boolean {
  return timer.lockWhenDone && !timer.lockApplied && timerIsUp(timer, now);
}

export type Phase = 'drawing' | 'reveal';

/** Everything in `session`, read leniently. */
export interface SessionState extends SessionFlags {
  timer: TimerState;
  phase: Phase;
  /** Participants see only their own drawing until the reveal (used by a later increment). */
  privateDrawing: boolean;
  /** The projector shows the join code and its QR code. On unless the facilitator switched it off. */
  showJoinCode: boolean;
}

export function readSessionState(doc: Y.Doc): SessionState {
  const session = doc.getMap<unknown>('session');
  return {
    ...readSession(doc),
    timer: parseTimer(session.get('timer')),
    phase: session.get('phase') === 'reveal' ? 'reveal' : 'drawing',
    privateDrawing: session.get('privateDrawing') === true,
    showJoinCode: session.get('showJoinCode') !== false,
  };
}

/** Calls `listener` on every change of `session` (local or remote). Returns the unsubscribe. */
export function observeSessionState(doc: Y.Doc, listener: (state: SessionState) => void): () => void {
  const session = doc.getMap<unknown>('session');
  const onChange = () => listener(readSessionState(doc));
  session.observe(onChange);
  return () => session.unobserve(onChange);
}

/** Replaces the timer (facilitator only). Not undoable, like every session setting. */
export function setTimer(doc: Y.Doc, timer: TimerState): void {
  doc.transact(() => doc.getMap<unknown>('session').set('timer', { ...timer }), Origin.LocalUser);
}

/** Applies a transition to the current timer, e.g. `updateTimer(doc, (t) => pauseTimer(t, now))`. */
export function updateTimer(doc: Y.Doc, change: (timer: TimerState) => TimerState): void {
  const current = readSessionState(doc).timer;
  const next = change(current);
  if (next !== current) setTimer(doc, next);
}

/**
 * When the time is up and the timer asks for it, locks drawing and marks the run as done, in one
 * transaction, once. Returns whether it locked. Safe to call from every facilitator tab on every
 * tick: the mark travels with the lock, so a second tab (or a later tick after an unlock) skips.
 */
export function lockIfTimeIsUp(doc: Y.Doc, now: number): boolean {
  const { timer } = readSessionState(doc);
  if (!lockIsDue(timer, now)) return false;
  doc.transact(() => {
    const session = doc.getMap<unknown>('session');
    session.set('timer', { ...timer, lockApplied: true });
    if (session.get('locked') !== true) session.set('locked', true);
  }, Origin.LocalUser);
  return true;
}

export function setPhase(doc: Y.Doc, patch: Partial<{ phase: Phase; privateDrawing: boolean }>): void {
  const session = doc.getMap<unknown>('session');
  doc.transact(() => {
    if (patch.phase !== undefined && session.get('phase') !== patch.phase) session.set('phase', patch.phase);
    if (patch.privateDrawing !== undefined && session.get('privateDrawing') !== patch.privateDrawing) session.set('privateDrawing', patch.privateDrawing);
  }, Origin.LocalUser);
}

/** Shows or hides the join code on the projector (facilitator only; not undoable, like every setting). */
export function setShowJoinCode(doc: Y.Doc, show: boolean): void {
  const session = doc.getMap<unknown>('session');
  if (readSessionState(doc).showJoinCode !== show) doc.transact(() => session.set('showJoinCode', show), Origin.LocalUser);
}

/** The prompt as everyone should see it: plain text, line breaks kept, at most 500 characters. */
export function cleanPrompt(value: string): string {
  return truncateText(plainText(value, { multiline: true }), LIMITS.promptLength);
}

/** Edits the board's prompt (`meta.prompt`; facilitator only, the server refuses anyone else). */
export function setPrompt(doc: Y.Doc, value: string): string {
  const prompt = cleanPrompt(value);
  const meta = doc.getMap<unknown>('meta');
  if (meta.get('prompt') !== prompt) doc.transact(() => meta.set('prompt', prompt), Origin.LocalUser);
  return prompt;
}

/** Calls `listener` whenever `meta` changes (title, prompt). Returns the unsubscribe. */
export function observeMeta(doc: Y.Doc, listener: () => void): () => void {
  const meta = doc.getMap<unknown>('meta');
  meta.observe(listener);
  return () => meta.unobserve(listener);
}
