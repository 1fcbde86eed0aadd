/**
 * Easels in the Facilitate panel: give everyone an easel, keep drawing to easels, and steer the
 * projector (one easel in the spotlight, the gallery of all easels, or the whole board again).
 */
import { SwitchRow } from '../SwitchRow';
import type { ProjectorState } from '../../model/easelSession';
import type { Easel } from '../../model/schema';
import './easels.css';

export interface EaselActions {
  setEasels(on: boolean): void;
  setEaselOnly(on: boolean): void;
  setProjector(state: ProjectorState): void;
}

interface Props {
  on: boolean;
  easelOnly: boolean;
  projector: ProjectorState;
  easels: readonly Easel[];
  actions: EaselActions;
}

export function EaselsSection({ on, easelOnly, projector, easels, actions }: Props) {
  const mode = on ? projector.mode : 'board';
  return (
    <section className="fac-section easels-section" aria-labelledby="fac-easels-title">
      <h3 id="fac-easels-title" className="fac-label">
        Easels
      </h3>
      <SwitchRow id="fac-easels-label" label="Give everyone an easel" checked={on} onChange={actions.setEasels} />
      <p className="panel-muted">
        {on ? 'Everyone has their own frame with their name. Newcomers get one too.' : 'Each participant gets their own frame, with their name on it.'}
      </p>
      {on && (
        <>
          <SwitchRow id="fac-easel-only-label" label="Participants draw only in their easel" checked={easelOnly} onChange={actions.setEaselOnly} />
          <div className="easels-projector" role="group" aria-labelledby="fac-easels-projector">
            <span id="fac-easels-projector" className="easels-sub">
              On the projector
            </span>
            <div className="panel-row">
              <button type="button" className="panel-button" aria-pressed={mode === 'board'} onClick={() => actions.setProjector({ mode: 'board', easel: '' })}>
                Whole board
              </button>
              <button
                type="button"
                className="panel-button"
                aria-pressed={mode === 'gallery'}
                disabled={easels.length === 0}
                onClick={() => actions.setProjector({ mode: 'gallery', easel: '' })}
              >
                Gallery
              </button>
            </div>
          </div>
          {easels.length === 0 ? (
            <p className="panel-muted">No easels yet: they appear as participants join.</p>
          ) : (
            <ul className="easels-list" aria-label="Easels">
              {easels.map((e) => {
                const lit = mode === 'spotlight' && projector.easel === e.id;
                return (
                  <li key={e.id} className="easels-item" data-lit={lit || undefined}>
                    <span className="easels-name">{e.name || 'No name'}</span>
                    {lit && <span className="easels-tag">On the projector</span>}
                    <button
                      type="button"
                      className="panel-button"
                      aria-pressed={lit}
                      aria-label={`Spotlight ${e.name}`}
                      onClick={() => actions.setProjector(lit ? { mode: 'board', easel: '' } : { mode: 'spotlight', easel: e.id })}
                    >
                      Spotlight
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
