/**
 * The facilitator's panel: the prompt everyone sees, the shared timer, pausing drawing, and
 * clearing the board (after a confirmation; one undoable step). Only the facilitator gets it; the
 * server refuses these writes from anyone else anyway.
 */
import { SwitchRow } from '../SwitchRow';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { MINUTE_MS, timerIsUp, type Phase, type TimerState } from '../../model/session';
import { LIMITS } from '../../model/schema';
import { formatClock } from './timerText';
import { PhaseSection } from './PhaseSection';
import { SidePanel } from '../SidePanel';
import './facilitate.css';

export interface FacilitatorActions {
  savePrompt(prompt: string): void;
  startTimer(durationMs: number): void;
  pauseTimer(): void;
  resumeTimer(): void;
  addMinute(): void;
  stopTimer(): void;
  setLockWhenDone(lock: boolean): void;
  setLocked(locked: boolean): void;
  /** Show the join code and its QR code on the projector. */
  setShowJoinCode(show: boolean): void;
  /** Deletes every item and note (easels stay) as one step of the facilitator's undo. */
  clearBoard(): void;
  /** The phase and the private-drawing switch. */
  setPhase(patch: { phase?: Phase; privateDrawing?: boolean }): void;
}

interface Props {
  prompt: string;
  timer: TimerState;
  /** The server's time now (estimated). */
  now: () => number;
  locked: boolean;
  /** The projector shows the join code (session flag, on by default). */
  showJoinCode: boolean;
  itemCount: number;
  phase: Phase;
  privateDrawing: boolean;
  actions: FacilitatorActions;
  onClose(): void;
  /** The easels section (easels, easel-only, spotlight and gallery). */
  easels?: ReactNode;
  /** More sections (e.g. "Bring everyone to me"), after the drawing controls. */
  children?: ReactNode;
  /** More switches for the Drawing section (the notes setting). */
  drawingExtras?: ReactNode;
}

const CHOICES = [1, 3, 5, 10] as const;

function PromptSection({ prompt, onSave }: { prompt: string; onSave(p: string): void }) {
  const [draft, setDraft] = useState(prompt);
  const [told, setTold] = useState('');
  // The prompt changed elsewhere (saved here, or in another tab): follow it unless I am editing.
  const [base, setBase] = useState(prompt);
  if (prompt !== base) {
    setBase(prompt);
    if (draft.trim() === base.trim()) setDraft(prompt);
  }
  const changed = draft.trim() !== prompt;
  return (
    <form
      className="fac-section"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(draft);
        setTold('Saved. Everyone sees the new prompt.');
      }}
    >
      <label className="fac-label" htmlFor="fac-prompt">
        Prompt
      </label>
      <textarea
        id="fac-prompt"
        className="fac-prompt"
        rows={3}
        maxLength={LIMITS.promptLength}
        value={draft}
        placeholder="What should everyone draw?"
        onChange={(e) => {
          setDraft(e.target.value);
          setTold('');
        }}
      />
      <div className="panel-row">
        <button type="submit" className="panel-button primary-ish" disabled={!changed}>
          Save prompt
        </button>
        <span className="fac-told" role="status">
          {told}
        </span>
      </div>
    </form>
  );
}

function useTick(active: boolean): void {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!active) return;
    const id = setInterval(() => setTick((t) => t + 1), 250);
    return () => clearInterval(id);
  }, [active]);
}

function TimerSection({ timer, now, actions }: { timer: TimerState; now: () => number; actions: FacilitatorActions }) {
  const initial = CHOICES.find((m) => m * MINUTE_MS === timer.durationMs) ?? 5;
  const [minutes, setMinutes] = useState<number>(initial);
  useTick(timer.state === 'running');
  const t = now();
  const up = timerIsUp(timer, t);
  const left = timer.state === 'running' ? Math.max(0, timer.endsAt - t) : timer.remainingMs;

  return (
    <section className="fac-section" aria-labelledby="fac-timer-title">
      <h3 id="fac-timer-title" className="fac-label">
        Timer
      </h3>
      {timer.state === 'idle' ? (
        <>
          <div className="fac-choices" role="group" aria-label="Timer length">
            {CHOICES.map((m) => (
              <button key={m} type="button" className="fac-choice" aria-pressed={minutes === m} onClick={() => setMinutes(m)}>
                {m} min
              </button>
            ))}
          </div>
          <button type="button" className="panel-button primary-ish" onClick={() => actions.startTimer(minutes * MINUTE_MS)}>
            Start
          </button>
        </>
      ) : (
        <>
          <p className="fac-timer-state">
            {up ? 'Time’s up.' : timer.state === 'paused' ? `Paused at ${formatClock(left)}.` : `Running: ${formatClock(left)} left.`}
          </p>
          <div className="panel-row">
            {timer.state === 'running' && !up && (
              <button type="button" className="panel-button" onClick={actions.pauseTimer}>
                Pause
              </button>
            )}
            {timer.state === 'paused' && (
              <button type="button" className="panel-button primary-ish" onClick={actions.resumeTimer}>
                Resume
              </button>
            )}
            <button type="button" className="panel-button" onClick={actions.addMinute}>
              Add a minute
            </button>
            <button type="button" className="panel-button" onClick={actions.stopTimer}>
              Stop
            </button>
          </div>
        </>
      )}
      <label className="fac-check">
        <input type="checkbox" checked={timer.lockWhenDone} onChange={(e) => actions.setLockWhenDone(e.target.checked)} />
        Lock drawing when time is up
      </label>
    </section>
  );
}

function ClearDialog({ onConfirm, onCancel }: { onConfirm(): void; onCancel(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="fac-confirm"
      aria-labelledby="clear-title"
      aria-describedby="clear-text"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id="clear-title">Clear the board?</h2>
      <p id="clear-text">Everyone’s drawings will be removed. You can undo this. Easels stay.</p>
      <div className="panel-row fac-confirm-actions">
        <button type="button" className="panel-button" onClick={onCancel} autoFocus>
          Cancel
        </button>
        <button type="button" className="panel-button danger" onClick={onConfirm}>
          Yes, clear the board
        </button>
      </div>
    </dialog>
  );
}

export function FacilitatePanel({ prompt, timer, now, locked, showJoinCode, itemCount, phase, privateDrawing, actions, onClose, easels, children, drawingExtras }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [told, setTold] = useState('');

  // Focus moves into the panel, and back to the Facilitate button on close.
  return (
    <SidePanel titleId="fac-title" title="Facilitate" className="fac-panel" onClose={onClose} escapeCloses={!confirming}>

      <PromptSection prompt={prompt} onSave={actions.savePrompt} />
      <TimerSection timer={timer} now={now} actions={actions} />
      <PhaseSection phase={phase} privateDrawing={privateDrawing} onChange={actions.setPhase} />

      <section className="fac-section" aria-labelledby="fac-drawing-title">
        <h3 id="fac-drawing-title" className="fac-label">
          Drawing
        </h3>
        <SwitchRow id="fac-lock-label" label="Lock drawing" checked={locked} onChange={actions.setLocked} />
        <p className="panel-muted">{locked ? 'Participants cannot draw now. You still can.' : 'Pauses everyone’s pens but yours.'}</p>
        <button type="button" className="panel-button fac-clear" disabled={itemCount === 0} onClick={() => setConfirming(true)}>
          Clear board
        </button>
        <span className="fac-told" role="status">
          {told}
        </span>
        {drawingExtras}
      </section>

      {easels}
      {children}

      <section className="fac-section" aria-labelledby="fac-projector-title">
        <h3 id="fac-projector-title" className="fac-label">
          Projector
        </h3>
        <label className="fac-check">
          <input type="checkbox" checked={showJoinCode} onChange={(e) => actions.setShowJoinCode(e.target.checked)} />
          Show join code on the projector
        </label>
        <p className="panel-muted">Hide it once everyone is in, or when the room should not see it.</p>
      </section>

      {confirming && (
        <ClearDialog
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            actions.clearBoard();
            setConfirming(false);
            setTold('Board cleared. Undo brings it back.');
          }}
        />
      )}
    </SidePanel>
  );
}
