/**
 * The projector's header, made to be read from the back of the room: the prompt (or the title when
 * there is none), the shared timer (the same chip as everywhere, drawn large) and, unless the
 * facilitator hides it, how to join: the address, the code in two big groups and a QR code. In a
 * gallery it is one slim row (the prompt on one line, "Gallery · 12 easels" under it, both within the
 * QR code's height), so the easels below get the height: no caption under them.
 */
import type { TimerState } from '../../model/session';
import { TimerChip } from '../facilitate/TimerChip';
import { JoinCodeDisplay } from '../invite/JoinCodeDisplay';
import { absoluteUrl, chooseInviteOrigin, displayUrl } from '../invite/inviteLinks';
import { useQrDataUrl } from '../invite/useQrDataUrl';
import { compactPromptLayout, promptLayout } from './promptSize';
import './projector.css';

export interface ProjectorJoin {
  joinCode: string;
  /** "/join?code=…" */
  joinUrl: string;
  lanOrigins: string[];
}

interface Props {
  title: string;
  prompt: string;
  timer: TimerState;
  now: () => number;
  /** null: hidden by the facilitator, or not known yet. */
  join: ProjectorJoin | null;
  pageOrigin: string;
  /**
   * A gallery of this many easels: one slim row (the easels need the height), with the prompt on
   * one line, a smaller code and QR, and the gallery's caption.
   */
  gallery?: number | null;
}

const easelCount = (count: number): string => (count === 1 ? 'One easel' : `${count} easels`);

function JoinBlock({ join, pageOrigin }: { join: ProjectorJoin; pageOrigin: string }) {
  const where = chooseInviteOrigin(pageOrigin, join.lanOrigins);
  const link = absoluteUrl(where.origin, join.joinUrl);
  const qr = useQrDataUrl(link);
  return (
    <section className="proj-join" aria-label="How to join">
      <div className="proj-join-text">
        <p className="proj-join-where">
          Join at <strong>{displayUrl(where.origin)}/join</strong>
        </p>
        <JoinCodeDisplay code={join.joinCode} className="proj-code" />
      </div>
      <div className="proj-qr">{qr ? <img src={qr} alt={`QR code of the join link ${link}`} /> : null}</div>
    </section>
  );
}

export function ProjectorHeader({ title, prompt, timer, now, join, pageOrigin, gallery = null }: Props) {
  const compact = gallery !== null;
  const text = prompt.trim() || title || 'Untitled board';
  const layout = compact ? compactPromptLayout(text, !!join) : promptLayout(text, !!join);
  return (
    <header className="proj-head" data-wide={layout.wide} data-compact={compact}>
      <div className="proj-prompt-box">
        {prompt.trim() && !compact && <p className="proj-title">{title}</p>}
        <h1 className="proj-prompt" style={{ fontSize: `${layout.fontSize}px`, WebkitLineClamp: layout.lines, lineClamp: layout.lines }} aria-label={prompt.trim() ? `Prompt: ${prompt}` : undefined}>
          {text}
        </h1>
        {compact && (
          <p className="proj-gallery" role="status">
            <span className="proj-gallery-tag">Gallery</span>
            <span className="proj-gallery-count">{easelCount(gallery)}</span>
          </p>
        )}
      </div>
      <div className="proj-timer">
        <TimerChip timer={timer} now={now} />
      </div>
      {join && <JoinBlock join={join} pageOrigin={pageOrigin} />}
    </header>
  );
}
