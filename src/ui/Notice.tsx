/** A calm banner for something the person should know (why the board reloaded, a dead link). */
export function Notice({ text, tone, onDismiss }: { text: string; tone: 'info' | 'error'; onDismiss?: () => void }) {
  return (
    <div className="floating notice" data-tone={tone} role={tone === 'error' ? 'alert' : 'status'}>
      <span>{text}</span>
      {onDismiss && (
        <button type="button" onClick={onDismiss}>
          OK
        </button>
      )}
    </div>
  );
}
