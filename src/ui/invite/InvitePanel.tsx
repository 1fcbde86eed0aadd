/**
 * The Invite panel (facilitator): made to be shown on the projector. The join code huge and spaced,
 * the join address, a QR code big enough to scan from the back of the room, copy buttons, a new
 * code. Facilitator and projector links carry secrets: they are never shown, only copied, and sit
 * apart under "Only for you".
 */
import { useEffect, useRef, useState } from 'react';
import type { InviteResponse, RenewJoinCodeResponse } from '../../protocol/api';
import { copyText } from '../copyText';
import { JoinCodeDisplay } from './JoinCodeDisplay';
import { absoluteUrl, chooseInviteOrigin, displayUrl } from './inviteLinks';
import { useQrDataUrl } from './useQrDataUrl';

export type InviteInfo = InviteResponse;

interface Props {
  load(): Promise<InviteInfo>;
  renew(): Promise<RenewJoinCodeResponse>;
  /** This page's origin (location.origin). */
  pageOrigin: string;
  onClose(): void;
}

type Loaded = { state: 'loading' } | { state: 'ready'; info: InviteInfo } | { state: 'error'; message: string };

export function InvitePanel({ load, renew, pageOrigin, onClose }: Props) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [told, setTold] = useState('');
  const [renewing, setRenewing] = useState(false);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  useEffect(() => {
    let live = true;
    load().then(
      (info) => live && setLoaded({ state: 'ready', info }),
      (err: Error) => live && setLoaded({ state: 'error', message: err.message }),
    );
    return () => {
      live = false;
    };
  }, [load]);

  const info = loaded.state === 'ready' ? loaded.info : null;
  const where = info ? chooseInviteOrigin(pageOrigin, info.lanOrigins) : null;
  const joinLink = info && where ? absoluteUrl(where.origin, info.joinUrl) : null;
  const qr = useQrDataUrl(joinLink);

  const copy = async (text: string, what: string) => {
    setTold((await copyText(text)) ? `${what} copied.` : `Could not copy. Select the link and copy it by hand.`);
  };

  const newCode = async () => {
    if (!info) return;
    setRenewing(true);
    try {
      const r = await renew();
      setLoaded({ state: 'ready', info: { ...info, joinCode: r.joinCode, joinUrl: r.joinUrl } });
      setTold('New code ready. The old code no longer works.');
    } catch (err) {
      setTold(err instanceof Error ? err.message : 'Could not make a new code. Please try again.');
    } finally {
      setRenewing(false);
    }
  };

  return (
    <dialog
      ref={dialogRef}
      className="invite"
      aria-labelledby="invite-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        // A click on the dimmed backdrop (the dialog element itself, outside its content) closes it.
        if (e.target === dialogRef.current) onClose();
      }}
    >
      <div className="invite-body">
        <header className="panel-head">
          <h2 id="invite-title">Invite people</h2>
          <button type="button" className="panel-close" onClick={onClose}>
            Close
          </button>
        </header>

        {loaded.state === 'loading' && <p className="panel-muted">Getting the join code…</p>}
        {loaded.state === 'error' && (
          <p className="form-error" role="alert">
            {loaded.message}
          </p>
        )}

        {info && where && joinLink && (
          <>
            <div className="invite-main">
              <div className="invite-steps">
                <p className="invite-step">
                  <span className="invite-num" aria-hidden="true">1</span>
                  <span>
                    Go to <strong className="invite-host">{displayUrl(where.origin)}/join</strong>
                  </span>
                </p>
                <p className="invite-step">
                  <span className="invite-num" aria-hidden="true">2</span>
                  <span>Type this code:</span>
                </p>
                <JoinCodeDisplay code={info.joinCode} className="invite-code" />
                <div className="invite-row">
                  <button type="button" className="panel-button" onClick={newCode} disabled={renewing}>
                    {renewing ? 'Making a new code…' : 'New code'}
                  </button>
                  <span className="panel-muted">The old code stops working; people already here stay.</span>
                </div>
              </div>
              <figure className="invite-qr">
                {qr ? <img src={qr} alt={`QR code of the join link ${joinLink}`} /> : <div className="invite-qr-wait" aria-hidden="true" />}
                <figcaption>Or scan with a phone camera</figcaption>
              </figure>
            </div>

            {where.swapped && (
              <p className="invite-note">
                This computer is open as <em>localhost</em>, which nobody else can reach, so the links use its network address
                {where.alternatives.length > 0 ? (
                  <>
                    . If that does not work, try <strong>{where.alternatives.map(displayUrl).join(' or ')}</strong>.
                  </>
                ) : (
                  '.'
                )}
              </p>
            )}
            {where.unreachable && (
              <p className="invite-note" data-tone="warn">
                This computer has no network address that others can reach. Connect it to the room’s Wi-Fi, then open this panel again.
              </p>
            )}

            <div className="invite-link">
              <label htmlFor="invite-join-link">Join link</label>
              <div className="invite-row">
                <input id="invite-join-link" readOnly value={joinLink} onFocus={(e) => e.currentTarget.select()} />
                <button type="button" className="panel-button primary-ish" onClick={() => copy(joinLink, 'Join link')}>
                  Copy link
                </button>
              </div>
            </div>

            <section className="invite-private" aria-labelledby="invite-private-title">
              <h3 id="invite-private-title">Only for you</h3>
              <div className="invite-row">
                <button type="button" className="panel-button" onClick={() => copy(absoluteUrl(where.origin, info.facilitatorUrl), 'Facilitator link')}>
                  Copy facilitator link (keep private)
                </button>
                <button type="button" className="panel-button" onClick={() => copy(absoluteUrl(where.origin, info.projectorUrl), 'Projector link')}>
                  Copy projector link
                </button>
              </div>
              <p className="panel-muted">
                The facilitator link gives full control of this board: share it only with a co-facilitator. The projector link shows the board without
                drawing tools.
              </p>
            </section>
          </>
        )}
        <p className="invite-told" role="status" aria-live="polite">
          {told}
        </p>
      </div>
    </dialog>
  );
}
