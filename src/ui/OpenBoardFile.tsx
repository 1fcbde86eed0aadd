/**
 * "Open a board file": picks a `.sketchroom.json` and opens it as a new board, with the steps
 * shown while it runs and a plain reason when the file cannot be opened.
 */
import { useRef, useState } from 'react';

interface Props {
  onOpen(file: File, onProgress: (fraction: number, step: string) => void): Promise<void>;
}

export function OpenBoardFile({ onOpen }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<{ busy: boolean; step: string; fraction: number; error: string }>({ busy: false, step: '', fraction: 0, error: '' });
  const pick = async (file: File | undefined) => {
    if (!file) return;
    setState({ busy: true, step: 'Checking the file', fraction: 0, error: '' });
    try {
      await onOpen(file, (fraction, step) => setState((s) => ({ ...s, fraction, step })));
    } catch (e) {
      setState({ busy: false, step: '', fraction: 0, error: e instanceof Error ? e.message : 'The board file could not be opened.' });
    } finally {
      if (input.current) input.current.value = '';
    }
  };
  return (
    <div className="open-board-file">
      <input ref={input} id="open-board-file" type="file" accept=".json,application/json" hidden onChange={(e) => void pick(e.target.files?.[0])} />
      <button type="button" className="secondary" disabled={state.busy} onClick={() => input.current?.click()}>
        {state.busy ? 'Opening the board…' : 'Open a board file'}
      </button>
      {state.busy && (
        <p className="card-foot" role="status">
          <progress max={1} value={state.fraction} aria-label="Opening progress" style={{ width: '100%' }} />
          {state.step}…
        </p>
      )}
      {state.error && (
        <p className="form-error" role="alert" style={{ marginTop: 10 }}>
          {state.error}
        </p>
      )}
    </div>
  );
}
