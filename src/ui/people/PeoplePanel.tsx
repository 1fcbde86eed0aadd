/**
 * The People panel: everyone here with their colour and name (always text, never markup), who is
 * drawing now, the facilitator marked. I can change my name and hide others' cursors; the
 * facilitator can remove a participant, after a confirmation.
 */
import { SwitchRow } from '../SwitchRow';
import { useState, type FormEvent } from 'react';
import { SidePanel } from '../SidePanel';
import type { Person } from './peopleList';

interface Props {
  people: readonly Person[];
  /** Show "Remove" for participants (facilitator only). */
  canRemove: boolean;
  showCursors: boolean;
  onShowCursors(show: boolean): void;
  /** Board setting, shown to the facilitator only (when given): participants may erase others' work. */
  allowEditOthers?: boolean;
  onAllowEditOthers?(allow: boolean): void;
  onRename(name: string): Promise<void>;
  onRemove(person: Person): Promise<void>;
  onClose(): void;
}

function PenMark() {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d="M4 20l1.2-4.4L15.6 5.2a2.1 2.1 0 013 0l.2.2a2.1 2.1 0 010 3L8.4 18.8z" />
    </svg>
  );
}

function RenameForm({ current, onRename, onDone }: { current: string; onRename(name: string): Promise<void>; onDone(): void }) {
  const [name, setName] = useState(current);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) {
      setError('Please type a name.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onRename(name.trim());
      onDone();
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Could not change your name. Please try again.');
      setBusy(false);
    }
  };
  return (
    <form className="rename" onSubmit={submit} noValidate>
      <label htmlFor="rename-input">New name</label>
      <div className="panel-row">
        <input id="rename-input" value={name} maxLength={40} onChange={(e) => setName(e.target.value)} autoFocus autoComplete="given-name" />
        <button type="submit" className="panel-button primary-ish" disabled={busy}>
          {busy ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="panel-button" onClick={onDone}>
          Cancel
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

export function PeoplePanel({ people, canRemove, showCursors, onShowCursors, allowEditOthers, onAllowEditOthers, onRename, onRemove, onClose }: Props) {
  const [renaming, setRenaming] = useState(false);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const remove = async (person: Person) => {
    setRemoving(person.participantId);
    setError(null);
    try {
      await onRemove(person);
      setConfirming(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Could not remove them. Please try again.');
    } finally {
      setRemoving(null);
    }
  };

  const me = people.find((p) => p.isMe);

  return (
    <SidePanel titleId="people-title" title={
        <>
          People here <span className="panel-count">{people.length}</span>
        </>
      } onClose={onClose}>

      <ul className="people-list" aria-label="People here">
        {people.map((p) => (
          <li key={p.participantId} className="person" data-me={p.isMe || undefined}>
            <div className="person-line">
              <span className="person-dot" style={{ background: p.color }} aria-hidden="true" />
              <span className="person-main">
                <span className="person-name">{p.name}</span>
                {p.isMe && <span className="person-tag">You</span>}
                {p.role === 'facilitator' && <span className="person-tag" data-tone="accent">Facilitator</span>}
                {p.drawing && (
                  <span className="person-drawing" style={{ color: p.color }}>
                    <PenMark />
                    drawing now
                  </span>
                )}
              </span>
              {canRemove && !p.isMe && p.role === 'participant' && confirming !== p.participantId && (
                <button type="button" className="panel-button quiet" aria-label={`Remove ${p.name}`} onClick={() => setConfirming(p.participantId)}>
                  Remove
                </button>
              )}
            </div>
            {confirming === p.participantId && (
              <div className="person-confirm" role="group" aria-label={`Remove ${p.name}?`}>
                <p>
                  Remove <strong>{p.name}</strong> from this workshop? They leave the board at once and cannot come back with their link. Their drawings stay.
                </p>
                <div className="panel-row">
                  <button type="button" className="panel-button danger" disabled={removing === p.participantId} onClick={() => remove(p)}>
                    {removing === p.participantId ? 'Removing…' : 'Yes, remove'}
                  </button>
                  <button type="button" className="panel-button" onClick={() => setConfirming(null)}>
                    Cancel
                  </button>
                </div>
              </div>
            )}
          </li>
        ))}
      </ul>
      {people.length <= 1 && <p className="panel-muted">Nobody else is here yet.</p>}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}

      <div className="panel-section">
        {me &&
          (renaming ? (
            <RenameForm current={me.name} onRename={onRename} onDone={() => setRenaming(false)} />
          ) : (
            <button type="button" className="panel-button" onClick={() => setRenaming(true)}>
              Change my name
            </button>
          ))}
        <SwitchRow id="cursors-label" label="Show others’ cursors" checked={showCursors} onChange={onShowCursors} />
        {onAllowEditOthers && (
          <SwitchRow id="edit-others-label" label="Let everyone move and erase others’ drawings" checked={allowEditOthers === true} onChange={onAllowEditOthers} />
        )}
      </div>
    </SidePanel>
  );
}
