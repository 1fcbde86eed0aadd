/** The Facilitate panel's "Bring everyone to me" (and "Let everyone roam") section. */
import './follow.css';

interface Props {
  on: boolean;
  onBring(): void;
  onRoam(): void;
}

export function FollowSection({ on, onBring, onRoam }: Props) {
  return (
    <section className="fac-section" aria-labelledby="fac-follow-title">
      <h3 id="fac-follow-title" className="fac-label">
        Views
      </h3>
      <div className="panel-row">
        <button type="button" className="panel-button primary-ish" onClick={onBring}>
          {on ? 'Bring everyone again' : 'Bring everyone to me'}
        </button>
        {on && (
          <button type="button" className="panel-button" onClick={onRoam}>
            Let everyone roam
          </button>
        )}
      </div>
      <p className="panel-muted" role="status">
        {on ? 'Everyone sees what you see, until they move away.' : 'Everyone’s screen shows what yours shows.'}
      </p>
    </section>
  );
}
