/**
 * The Facilitate panel's "Hide names in exports" switch (session `hideNames`): the handout, the
 * pictures' lists of notes and the ZIP's file names say "anonymous" instead of people's names.
 */
import { useEffect, useState } from 'react';
import type { Board } from '../../model/board';
import { observeSessionState, readHideNames, setHideNames } from '../../model/session';

export function HideNamesSection({ board }: { board: Board }) {
  const [on, setOn] = useState(() => readHideNames(board.doc));
  useEffect(() => {
    setOn(readHideNames(board.doc));
    return observeSessionState(board.doc, () => setOn(readHideNames(board.doc)));
  }, [board]);
  return (
    <section className="fac-section" aria-labelledby="fac-exports-title">
      <h3 id="fac-exports-title" className="fac-label">
        Exports
      </h3>
      <div className="switch-row">
        <span id="fac-hide-names-label">Hide names in exports</span>
        <button type="button" className="switch" role="switch" aria-checked={on} aria-labelledby="fac-hide-names-label" onClick={() => setHideNames(board.doc, !on)}>
          <span className="switch-knob" aria-hidden="true" />
        </button>
      </div>
      <p className="panel-muted">{on ? 'Handouts and pictures say “anonymous” instead of names.' : 'Handouts and pictures show who drew and who said what.'}</p>
    </section>
  );
}
