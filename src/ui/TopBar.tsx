/**
 * Board title (and prompt) on the left; the shared timer (when one runs) in the middle; who I am,
 * the People, Invite and Facilitate buttons (passed in as children) and the connection on the
 * right. A projector has its own header (ui/projector/ProjectorHeader).
 */
import type { ReactNode } from 'react';
import { BrandMark } from './BrandMark';
import { ConnectionStatus, type ConnectionLabel } from './ConnectionStatus';

interface Props {
  title: string;
  prompt: string;
  /** Omitted on a projector: a screen, not a person. */
  me?: { name: string; color: string };
  connection: ConnectionLabel;
  /** "Retry now" while reconnecting. */
  onRetry?: () => void;
  /** The timer chip, for everyone. */
  timer?: ReactNode;
  children?: ReactNode;
}

export function TopBar({ title, prompt, me, connection, onRetry, timer, children }: Props) {
  return (
    <header className="floating topbar">
      <div className="floating topbar-title" style={{ position: 'static' }}>
        <a href="/" aria-label="Sketchroom home" style={{ display: 'flex' }}>
          <BrandMark />
        </a>
        <h1>{title || 'Untitled board'}</h1>
        {prompt && (
          <span className="topbar-prompt" title={prompt} aria-label={`Prompt: ${prompt}`}>
            {prompt}
          </span>
        )}
      </div>
      <div className="topbar-spacer" />
      {timer}
      <div className="topbar-spacer" />
      <div className="floating topbar-right" style={{ position: 'static' }}>
        {me && (
          <span className="me">
            <span className="me-dot" style={{ background: me.color }} aria-hidden="true" />
            {me.name}
          </span>
        )}
        <ConnectionStatus state={connection} onRetry={onRetry} keepsChanges={!!me} />
        {children}
      </div>
    </header>
  );
}
