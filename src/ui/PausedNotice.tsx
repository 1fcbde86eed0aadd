/** Where the toolbar was, while the facilitator has paused drawing (session.locked). */
export function PausedNotice() {
  return (
    <div className="floating paused" role="status">
      <svg viewBox="0 0 24 24" aria-hidden="true" fill="currentColor">
        <rect x="6.5" y="5" width="3.6" height="14" rx="1.2" />
        <rect x="13.9" y="5" width="3.6" height="14" rx="1.2" />
      </svg>
      The facilitator has paused drawing.
    </div>
  );
}
