/** The landing page: one calm form that starts a workshop, and the way in for attendees. */
import { useState } from 'react';
import { CardPage } from './CardPage';
import { useFormSubmit } from './useFormSubmit';
import { OpenBoardFile } from './OpenBoardFile';

interface Props {
  onStart(title: string, prompt: string): Promise<void>;
  /** Opens a board file as a new board (see OpenBoardFile). */
  onOpenFile?: (file: File, onProgress: (fraction: number, step: string) => void) => Promise<void>;
}

export function HomePage({ onStart, onOpenFile }: Props) {
  const [title, setTitle] = useState('');
  const [prompt, setPrompt] = useState('');
  const { busy, error, onSubmit: submit } = useFormSubmit(
    () => (title.trim() ? null : 'Please give the workshop a title.'),
    () => onStart(title.trim(), prompt.trim()),
    (message) => message,
  );

  return (
    <CardPage>
        <h1>Draw together, live.</h1>
        <p className="lead">Start a board for your workshop, share the link, and everyone sketches on it at the same time.</p>
        <form onSubmit={submit} noValidate>
          <div className="field">
            <label htmlFor="title">Workshop title</label>
            <input id="title" value={title} maxLength={120} onChange={(e) => setTitle(e.target.value)} placeholder="e.g. Team retro, March" autoFocus required />
          </div>
          <div className="field">
            <label htmlFor="prompt">
              Prompt <span className="optional">(optional)</span>
            </label>
            <textarea id="prompt" value={prompt} maxLength={500} onChange={(e) => setPrompt(e.target.value)} placeholder="What should people draw?" />
          </div>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <button className="primary" type="submit" disabled={busy}>
            {busy ? 'Starting…' : 'Start a workshop'}
          </button>
        </form>
        <p className="card-foot">No sign-up needed. You will be the facilitator of the new board.</p>
        <div className="card-or" aria-hidden="true">
          <span>or</span>
        </div>
        <a className="secondary" href="/join">
          Join a workshop
        </a>
        <p className="card-foot" style={{ marginTop: 10, textAlign: 'center' }}>
          Have a join code from the screen? Join with it here.
        </p>
        {onOpenFile && (
          <>
            <div className="card-or" aria-hidden="true">
              <span>or</span>
            </div>
            <OpenBoardFile onOpen={onOpenFile} />
            <p className="card-foot" style={{ marginTop: 10, textAlign: 'center' }}>
              A board saved with Export › Board file opens as a new board.
            </p>
          </>
        )}
    </CardPage>
  );
}
