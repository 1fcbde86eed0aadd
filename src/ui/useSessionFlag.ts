/** A value read from the board's session map, kept current as anyone changes the session. */
import { useEffect, useState } from 'react';
import type { Board } from '../model/board';
import { observeSessionState } from '../model/session';

export function useSessionFlag<T>(board: Board, read: (board: Board) => T): T {
  const [value, setValue] = useState(() => read(board));
  useEffect(() => {
    setValue(read(board));
    return observeSessionState(board.doc, () => setValue(read(board)));
    // `read` is a module-level reader in every caller.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [board]);
  return value;
}
