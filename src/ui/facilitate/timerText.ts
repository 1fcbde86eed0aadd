/** What the timer chip says, from the milliseconds left. Pure, so every screen agrees. */
import type { TimerState } from '../../model/session';
import { timerIsUp, timerRemaining } from '../../model/session';

/** Whole seconds left, rounded up: 59.2 s shows 1:00 until it reaches 0:59. */
export function secondsLeft(ms: number): number {
  return Math.max(0, Math.ceil(ms / 1000));
}

/** mm:ss (01:05, 10:00); no hours (a timer is at most 180 minutes: 180:00). */
export function formatClock(ms: number): string {
  const s = secondsLeft(ms);
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/** The words for a screen reader: "4 minutes 5 seconds left". */
export function spokenClock(ms: number): string {
  const s = secondsLeft(ms);
  const m = Math.floor(s / 60);
  const parts = [m > 0 ? `${m} minute${m === 1 ? '' : 's'}` : '', s % 60 > 0 || m === 0 ? `${s % 60} second${s % 60 === 1 ? '' : 's'}` : ''];
  return `${parts.filter(Boolean).join(' ')} left`;
}

export const AMBER_MS = 30_000;

export type ChipTone = 'calm' | 'soon' | 'up' | 'paused';

export interface ChipView {
  /** Hidden when the timer is idle. */
  visible: boolean;
  text: string;
  tone: ChipTone;
  remainingMs: number;
}

export function chipView(timer: TimerState, now: number): ChipView {
  const remainingMs = timerRemaining(timer, now);
  if (timer.state === 'idle') return { visible: false, text: '', tone: 'calm', remainingMs: 0 };
  if (timerIsUp(timer, now)) return { visible: true, text: 'Time’s up', tone: 'up', remainingMs: 0 };
  const text = formatClock(remainingMs);
  if (timer.state === 'paused') return { visible: true, text, tone: 'paused', remainingMs };
  return { visible: true, text, tone: secondsLeft(remainingMs) <= AMBER_MS / 1000 ? 'soon' : 'calm', remainingMs };
}
