/**
 * The connection and saving state in calm, plain words, announced politely to screen readers:
 * "All changes saved" only once the server has committed them; "Saving…" meanwhile; "Reconnecting…"
 * with a "Retry now" button; offline, a reassurance that the work is kept on this device.
 */
import './connectionStatus.css';

export type ConnectionLabel = 'connecting' | 'connected' | 'saving' | 'reconnecting' | 'offline';

const TEXT: Record<ConnectionLabel, string> = {
  connecting: 'Connecting…',
  connected: 'All changes saved',
  saving: 'Saving…',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
};

interface Props {
  state: ConnectionLabel;
  /** Shown as "Retry now" while reconnecting. */
  onRetry?: () => void;
  /** Offline: this device keeps the person's changes (a drawing screen; not a projector). */
  keepsChanges?: boolean;
  /** Words for `connected` where nothing is ever saved (a projector). */
  connectedText?: string;
}

export function ConnectionStatus({ state, onRetry, keepsChanges = false, connectedText }: Props) {
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
