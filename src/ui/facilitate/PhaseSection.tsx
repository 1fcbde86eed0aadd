/**
 * The facilitator's phase controls: the "Private drawing" switch and the Reveal / Back to drawing
 * button. While private drawing runs in the drawing phase, the server sends no participant's
 * drawing to anybody but its artist and the facilitator (docs/architecture.md, Privacy).
 */
import { SwitchRow } from '../SwitchRow';
import type { Phase } from '../../model/session';

interface Props {
  phase: Phase;
  privateDrawing: boolean;
  onChange(patch: { phase?: Phase; privateDrawing?: boolean }): void;
}

export function PhaseSection({ phase, privateDrawing, onChange }: Props) {
  const hiding = privateDrawing && phase === 'drawing';
  return (
    <section className="fac-section" aria-labelledby="fac-phase-title">
      <h3 id="fac-phase-title" className="fac-label">
        Drawing phase
      </h3>
      <SwitchRow id="fac-private-label" label="Private drawing" checked={privateDrawing} onChange={(next) => onChange({ privateDrawing: next })} />
      <p className="panel-muted">
        {phase === 'reveal'
          ? 'Revealed: everyone sees every drawing.'
          : hiding
            ? 'Each participant sees only their own drawing (and yours). You see everyone’s. The projector waits for the reveal. Until then, please do not move or change participants’ drawings: their screens would show your next changes only at the reveal.'
            : 'Switch on so nobody sees or copies the others’ drawings until you reveal them.'}
      </p>
      {phase === 'drawing' ? (
        <button type="button" className="panel-button primary-ish" disabled={!privateDrawing} onClick={() => onChange({ phase: 'reveal' })}>
          Reveal drawings
        </button>
      ) : (
        <button type="button" className="panel-button" onClick={() => onChange({ phase: 'drawing' })}>
          Back to drawing
        </button>
      )}
    </section>
  );
}
