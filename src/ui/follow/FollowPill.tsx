/**
 * A participant's "following" state while the facilitator brings everyone to their view: a calm
 * pill under the top bar with the way out ("Stop following") or, after moving away, the way back.
 */
import type { FollowMode } from '../../editor/follow';
import './follow.css';

interface Props {
  mode: FollowMode;
  onStop(): void;
  onFollow(): void;
}

export function FollowPill({ mode, onStop, onFollow }: Props) {
  if (mode === 'off') return null;
  const following = mode === 'following';
  return (
    <div className="floating follow-pill" role="status" data-mode={mode}>
      <svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M2.5 12s3.5-6.5 9.5-6.5 9.5 6.5 9.5 6.5-3.5 6.5-9.5 6.5S2.5 12 2.5 12z" />
        <circle cx="12" cy="12" r="3" />
      </svg>
      <span>{following ? 'Following the facilitator' : 'The facilitator is showing something'}</span>
      {following ? (
        <button type="button" className="follow-action" onClick={onStop}>
          Stop following
        </button>
      ) : (
        <button type="button" className="follow-action primary" onClick={onFollow}>
          Follow the facilitator
        </button>
      )}
    </div>
  );
}
