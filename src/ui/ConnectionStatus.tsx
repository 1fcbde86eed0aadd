/**
 * The connection and saving state in calm, plain words, announced politely to screen readers:
 * "All changes saved" only once the server has committed them; "Saving…" meanwhile; "Reconnecting…"
 * with a "Retry now" button; offline, a reassurance that the work is kept on this device.
 */
import { useEffect, useState } from 'react';
import './connectionStatus.css';

export type ConnectionLabel = 'connecting' | 'connected' | 'saving' | 'reconnecting' | 'offline';

const TEXT: Record<ConnectionLabel, string> = {
  connecting: 'Connecting…',
  connected: 'All changes saved',
  saving: 'Saving…',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
};

/** Once shown, "Saving…" stays at least this long, so a stroke a second does not make the bar flicker. */
const SAVING_MIN_MS = 800;

/**
 * The label to show: "Saving…" appears at once (never "saved" before the server says so) and then
 * holds for SAVING_MIN_MS before giving way to "All changes saved".
 */
function useCalmLabel(state: ConnectionLabel): ConnectionLabel {
  const [holding, setHolding] = useState(false);
  const [prev, setPrev] = useState(state);
  if (prev !== state) {
    setPrev(state);
    if (state === 'saving') setHolding(true);
  }
  useEffect(() => {
    if (!holding) return;
    const timer = setTimeout(() => setHolding(false), SAVING_MIN_MS);
    return () => clearTimeout(timer);
  }, [holding]);
  return holding && state === 'connected' ? 'saving' : state;
}

interface Props {
  state: ConnectionLabel;
  /** Shown as "Retry now" while reconnecting. */
  onRetry?: () => void;
  /** Offline: this device keeps the person's changes (a drawing screen; not a projector). */
  keepsChanges?: boolean;
  /** Words for `connected` where nothing is ever saved (a projector). */
  connectedText?: string;
}

export function ConnectionStatus({ state: actual, onRetry, keepsChanges = false, connectedText }: Props) {
  const state = useCalmLabel(actual);
  const text = state === 'connected' && connectedText ? connectedText : TEXT[state];
  return (
    <span className="status" data-state={state}>
      <span role="status" aria-live="polite" className="status-text">
        <span className="status-dot" aria-hidden="true" />
        <span>
          {text}
          {state === 'offline' && keepsChanges && <span className="status-detail">Your changes are saved on this device</span>}
        </span>
      </span>
      {state === 'reconnecting' && onRetry && (
        <button type="button" className="status-retry" onClick={onRetry}>
          Retry now
        </button>
      )}
    </span>
  );
}
