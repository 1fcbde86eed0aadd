/** The Facilitate panel's switch: participants may pin notes to their own drawings (off by default). */
import { useEffect, useState } from 'react';
import type { Board } from '../../model/board';
import { observeSessionState, setParticipantNotes } from '../../model/session';

const read = (board: Board) => board.doc.getMap<unknown>('session').get('participantNotes') === true;

export function ParticipantNotesSwitch({ board }: { board: Board }) {
  const [on, setOn] = useState(() => read(board));
  useEffect(() => {
    setOn(read(board));
    return observeSessionState(board.doc, () => setOn(read(board)));
  }, [board]);
  return (
    <>
      <div className="switch-row">
        <span id="fac-notes-label">Participants can add notes to their own drawings</span>
        <button type="button" className="switch" role="switch" aria-checked={on} aria-labelledby="fac-notes-label" onClick={() => setParticipantNotes(board.doc, !on)}>
          <span className="switch-knob" aria-hidden="true" />
        </button>
      </div>
      <p className="panel-muted">{on ? 'Everyone gets the Annotate tool for their own work.' : 'Only you can pin notes.'}</p>
    </>
  );
}
