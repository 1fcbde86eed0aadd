/** Shown when this browser has no identity for the board yet: one name field and a Join button. */
import { useState } from 'react';
import { CardPage } from './CardPage';
import { useFormSubmit } from './useFormSubmit';

interface Props {
  title: string | null;
  onJoin(name: string): Promise<void>;
}

export function JoinCard({ title, onJoin }: Props) {
  const [name, setName] = useState('');
  const { busy, error, onSubmit: submit } = useFormSubmit(
    () => (name.trim() ? null : 'Please type your name, so others know who is drawing.'),
    () => onJoin(name.trim()),
    (message) => message,
  );

  return (
    <CardPage>
        <p className="lead" style={{ marginBottom: 4 }}>You are invited to</p>
        <h1>{title ?? '…'}</h1>
        <form onSubmit={submit} noValidate style={{ marginTop: 22 }}>
          <div className="field">
            <label htmlFor="name">Your name</label>
            <input id="name" value={name} maxLength={40} onChange={(e) => setName(e.target.value)} placeholder="e.g. Sam" autoComplete="given-name" autoFocus required />
          </div>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <button className="primary" type="submit" disabled={busy}>
            {busy ? 'Joining…' : 'Join'}
          </button>
        </form>
        <p className="card-foot">Your name is shown next to your cursor.</p>
    </CardPage>
  );
}
