/** Connected / Reconnecting… / Offline in calm words, announced politely to screen readers. */
export type ConnectionLabel = 'connecting' | 'connected' | 'reconnecting' | 'offline';

const TEXT: Record<ConnectionLabel, string> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
};

export function ConnectionStatus({ state }: { state: ConnectionLabel }) {
  return (
    <span className="status" data-state={state} role="status" aria-live="polite">
      <span className="status-dot" aria-hidden="true" />
      {TEXT[state]}
    </span>
  );
}
