/** Board title (and prompt) on the left; who I am, how many are here and the connection on the right. */
import { BrandMark } from './BrandMark';
import { ConnectionStatus, type ConnectionLabel } from './ConnectionStatus';

interface Props {
  title: string;
  prompt: string;
  me: { name: string; color: string };
  others: number;
  connection: ConnectionLabel;
}

export function TopBar({ title, prompt, me, others, connection }: Props) {
  return (
    <header className="floating topbar">
      <div className="floating topbar-title" style={{ position: 'static' }}>
        <a href="/" aria-label="Sketchroom home" style={{ display: 'flex' }}>
          <BrandMark />
        </a>
        <h1>{title || 'Untitled board'}</h1>
        {prompt && <span className="topbar-prompt">{prompt}</span>}
      </div>
      <div className="topbar-spacer" />
      <div className="floating topbar-right" style={{ position: 'static' }}>
        <span className="me">
          <span className="me-dot" style={{ background: me.color }} aria-hidden="true" />
          {me.name}
        </span>
        {others > 0 && <span className="people">+{others} {others === 1 ? 'other' : 'others'}</span>}
        <ConnectionStatus state={connection} />
      </div>
    </header>
  );
}
