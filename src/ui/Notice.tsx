/** A calm banner for something the person should know (why the board reloaded, a dead link). */
interface Props {
  text: string;
  tone: 'info' | 'error';
  onDismiss?: () => void;
  action?: { label: string; run: () => void };
}

export function Notice({ text, tone, onDismiss, action }: Props) {
  return (
    <div className="floating notice" data-tone={tone} role={tone === 'error' ? 'alert' : 'status'}>
      <span>{text}</span>
      {action && (
        <button type="button" onClick={action.run}>
          {action.label}
        </button>
      )}
      {onDismiss && (
        <button type="button" onClick={onDismiss}>
          OK
        </button>
      )}
    </div>
  );
}
