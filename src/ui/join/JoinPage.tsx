/**
 * `/join` (and `/join?code=…` from the QR code): the join code and your name, then the board.
 * Forgiving input: any case, spaces and dashes; errors in plain words.
 */
import { useState } from 'react';
import { CardPage } from '../CardPage';
import { useFormSubmit } from '../useFormSubmit';
import { formatJoinCode, isJoinCode, JOIN_CODE_LENGTH, normaliseJoinCode } from './joinCode';

interface Props {
  initialCode: string;
  initialName: string;
  onJoin(code: string, name: string): Promise<void>;
}

export function JoinPage({ initialCode, initialName, onJoin }: Props) {
  const [code, setCode] = useState(() => (initialCode ? formatJoinCode(initialCode) : ''));
  const [name, setName] = useState(initialName);
  const fromLink = initialCode !== '' && isJoinCode(initialCode);
  const { busy, error, onSubmit: submit } = useFormSubmit<{ field: 'code' | 'name' | null; text: string }>(
    () => {
      if (!isJoinCode(code)) {
        return {
          field: 'code',
          text: normaliseJoinCode(code)
            ? `A join code has ${JOIN_CODE_LENGTH} letters and numbers. Check the code on the screen.`
            : 'Please type the join code shown on the screen.',
        };
      }
      return name.trim() ? null : { field: 'name', text: 'Please type your name, so others know who is drawing.' };
    },
    () => onJoin(normaliseJoinCode(code), name.trim()),
    (text) => ({ field: null, text }),
  );

  return (
    <CardPage>
        <h1>Join a workshop</h1>
        <p className="lead">{fromLink ? 'Type your name and you are in.' : 'Type the code shown on the screen, and your name.'}</p>
        <form onSubmit={submit} noValidate>
          <div className="field">
            <label htmlFor="join-code">Join code</label>
            <input
              id="join-code"
              className="code-input"
              value={code}
              maxLength={12}
              onChange={(e) => setCode(e.target.value.toUpperCase())}
              onBlur={() => isJoinCode(code) && setCode(formatJoinCode(code))}
              placeholder="e.g. K7M 2QX"
              autoComplete="off"
              autoCapitalize="characters"
              autoCorrect="off"
              spellCheck={false}
              inputMode="text"
              aria-invalid={error?.field === 'code' || undefined}
              aria-describedby={error ? 'join-error' : undefined}
              autoFocus={!fromLink}
              required
            />
          </div>
          <div className="field">
            <label htmlFor="join-name">Your name</label>
            <input
              id="join-name"
              value={name}
              maxLength={40}
              onChange={(e) => setName(e.target.value)}
              placeholder="e.g. Sam"
              autoComplete="given-name"
              aria-invalid={error?.field === 'name' || undefined}
              aria-describedby={error ? 'join-error' : undefined}
              autoFocus={fromLink}
              required
            />
          </div>
          {error && (
            <p className="form-error" id="join-error" role="alert">
              {error.text}
            </p>
          )}
          <button className="primary" type="submit" disabled={busy}>
            {busy ? 'Joining…' : 'Join'}
          </button>
        </form>
        <p className="card-foot">Your name is shown to the others next to your cursor.</p>
    </CardPage>
  );
}
