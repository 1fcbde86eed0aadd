/** The Facilitate panel's switch: participants may pin notes to their own drawings (off by default). */
import type { Board } from '../../model/board';
import { setParticipantNotes } from '../../model/session';
import { SwitchRow } from '../SwitchRow';
import { useSessionFlag } from '../useSessionFlag';

const read = (board: Board) => board.doc.getMap<unknown>('session').get('participantNotes') === true;

export function ParticipantNotesSwitch({ board }: { board: Board }) {
  const on = useSessionFlag(board, read);
  return (
    <>
      <SwitchRow id="fac-notes-label" label="Participants can add notes to their own drawings" checked={on} onChange={(next) => setParticipantNotes(board.doc, next)} />
      <p className="panel-muted">{on ? 'Everyone gets the Annotate tool for their own work.' : 'Only you can pin notes.'}</p>
    </>
  );
}
