/**
 * The projector's header, made to be read from the back of the room: the prompt (or the title when
 * there is none), the shared timer (the same chip as everywhere, drawn large) and, unless the
 * facilitator hides it, how to join: the address, the code in two big groups and a QR code. In a
 * gallery it is one slim row, so the easels below get the height.
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
  /** One slim row (a gallery of easels needs the height): the prompt on one line, a smaller code and QR. */
  compact?: boolean;
}

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

export function ProjectorHeader({ title, prompt, timer, now, join, pageOrigin, compact = false }: Props) {
  const text = prompt.trim() || title || 'Untitled board';
  const layout = compact ? compactPromptLayout(text, !!join) : promptLayout(text, !!join);
  return (
    <header className="proj-head" data-wide={layout.wide} data-compact={compact}>
      <div className="proj-prompt-box">
        {prompt.trim() && !compact && <p className="proj-title">{title}</p>}
        <h1 className="proj-prompt" style={{ fontSize: `${layout.fontSize}px`, WebkitLineClamp: layout.lines, lineClamp: layout.lines }} aria-label={prompt.trim() ? `Prompt: ${prompt}` : undefined}>
          {text}
        </h1>
      </div>
      <div className="proj-timer">
        <TimerChip timer={timer} now={now} />
      </div>
      {join && <JoinBlock join={join} pageOrigin={pageOrigin} />}
    </header>
  );
}
