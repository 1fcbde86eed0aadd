/**
 * The shared countdown in the top bar, for everyone (the projector too): mm:ss on the server's
 * clock, amber in the last 30 seconds, "Time's up" at zero. Hidden while no timer runs.
 */
import { useEffect, useState } from 'react';
import type { TimerState } from '../../model/session';
import { chipView, spokenClock } from './timerText';
import './facilitate.css';

interface Props {
  timer: TimerState;
  /** The server's time now (estimated). */
  now: () => number;
}

export function TimerChip({ timer, now }: Props) {
  const [, setTick] = useState(0);
  const running = timer.state === 'running';
  useEffect(() => {
    if (!running) return;
    // A few times a second, so the second changes on every screen within a quarter second of the next.
    const id = setInterval(() => setTick((t) => t + 1), 250);
    return () => clearInterval(id);
  }, [running]);

  const view = chipView(timer, now());
  if (!view.visible) return null;
  const spoken = view.tone === 'up' ? 'Time’s up' : `${spokenClock(view.remainingMs)}${view.tone === 'paused' ? ', paused' : ''}`;
  return (
    <div className="floating timer-chip" data-tone={view.tone} role="timer" aria-label="Time left" title={spoken}>
      <svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <circle cx="12" cy="13.5" r="7.5" />
        <path d="M12 9.5v4l2.5 2M9.5 3h5" />
      </svg>
      <span className="timer-text">{view.text}</span>
      {view.tone === 'paused' && <span className="timer-tag">Paused</span>}
    </div>
  );
}
