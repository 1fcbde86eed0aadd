/**
 * The projector's board area while private drawing runs: a calm card instead of the board, so the
 * wall shows nobody's drawing before the reveal (the server does not send them to the projector
 * either). The prompt and the timer stay in the header above.
 */
import './privacy.css';

export function PrivateDrawingCard({ top }: { top: number }) {
  return (
    <div className="proj-private" style={{ top }} role="status">
      <div className="proj-private-card">
        <svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
          <rect x="4.5" y="10.5" width="15" height="10" rx="2" />
          <path d="M8 10.5V7.5a4 4 0 0 1 8 0v3" />
        </svg>
        <p className="proj-private-title">Everyone is drawing in private</p>
        <p className="proj-private-text">The drawings will be revealed together, soon.</p>
      </div>
    </div>
  );
}
