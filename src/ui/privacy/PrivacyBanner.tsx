/**
 * What private drawing means for the person looking, in plain words, under the top bar: a
 * participant is told that only they and the facilitator see their drawing; the facilitator that
 * they see everyone's. After the reveal, one line says everything is shown.
 */
import type { Role } from '../../protocol/roles';
import './privacy.css';

interface Props {
  role: Role;
  hiding: boolean;
  revealed: boolean;
}

export function PrivacyBanner({ role, hiding, revealed }: Props) {
  if (!hiding && !revealed) return null;
  const text = revealed
    ? 'Revealed: everyone sees all the drawings now.'
    : role === 'facilitator'
      ? 'Private drawing is on. You see everyone’s drawing.'
      : 'Private drawing: only you and the facilitator see your drawing until the reveal.';
  return (
    <div className="floating privacy-banner" role="status" data-state={revealed ? 'revealed' : 'private'}>
      {revealed ? (
        <svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12z" />
          <circle cx="12" cy="12" r="3" />
        </svg>
      ) : (
        <svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <rect x="4.5" y="10.5" width="15" height="10" rx="2" />
          <path d="M8 10.5V7.5a4 4 0 0 1 8 0v3" />
        </svg>
      )}
      <span>{text}</span>
    </div>
  );
}
