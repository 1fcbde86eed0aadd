/**
 * A side panel (People, Notes, Facilitate): a non-modal dialog on the right that takes the focus
 * when it opens, gives it back to whatever opened it (the top-bar button) when it closes, and
 * closes on Escape unless something inside it (a confirmation) is using Escape itself.
 */
import { useEffect, useRef, type ReactNode } from 'react';

interface Props {
  /** Id of the heading, which names the dialog. */
  titleId: string;
  title: ReactNode;
  /** More classes after `floating side-panel`. */
  className?: string;
  onClose(): void;
  /** Escape closes the panel (false while an inner confirmation is open). */
  escapeCloses?: boolean;
  children: ReactNode;
}

export function SidePanel({ titleId, title, className, onClose, escapeCloses = true, children }: Props) {
  const panelRef = useRef<HTMLElement>(null);

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    panelRef.current?.focus();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <section
      ref={panelRef}
      className={className ? `floating side-panel ${className}` : 'floating side-panel'}
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && escapeCloses) {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <header className="panel-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="panel-close" onClick={onClose}>
          Close
        </button>
      </header>
      {children}
    </section>
  );
}
