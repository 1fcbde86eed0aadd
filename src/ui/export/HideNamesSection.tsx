/**
 * The Facilitate panel's "Hide names in exports" switch (session `hideNames`): the handout, the
 * pictures' lists of notes and the ZIP's file names say "anonymous" instead of people's names.
 */
import type { Board } from '../../model/board';
import { readHideNames, setHideNames } from '../../model/session';
import { SwitchRow } from '../SwitchRow';
import { useSessionFlag } from '../useSessionFlag';

const read = (board: Board): boolean => readHideNames(board.doc);

export function HideNamesSection({ board }: { board: Board }) {
  const on = useSessionFlag(board, read);
  return (
    <section className="fac-section" aria-labelledby="fac-exports-title">
      <h3 id="fac-exports-title" className="fac-label">
        Exports
      </h3>
      <SwitchRow id="fac-hide-names-label" label="Hide names in exports" checked={on} onChange={(next) => setHideNames(board.doc, next)} />
      <p className="panel-muted">{on ? 'Handouts and pictures say “anonymous” instead of names.' : 'Handouts and pictures show who drew and who said what.'}</p>
    </section>
  );
}
