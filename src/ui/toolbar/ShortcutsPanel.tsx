/** The "Keyboard shortcuts" button (bottom right) and its panel; "?" opens it too, Escape closes. */
import { useEffect, useRef } from 'react';
import { ALL_TOOLS } from './tools';
import { Icons } from './icons';

const mod = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';

const SECTIONS: Array<{ title: string; rows: Array<[string, string]> }> = [
  { title: 'Tools', rows: ALL_TOOLS.map((t) => [t.name, t.key === 'Space' ? 'hold Space' : t.key]) },
  {
    title: 'Edit',
    rows: [
      ['Undo', `${mod} Z`],
      ['Redo', `${mod} Shift Z`],
      ['Delete', 'Delete'],
      ['Duplicate', `${mod} D`],
      ['Copy / Cut / Paste', `${mod} C / X / V`],
      ['Select all', `${mod} A`],
      ['Bring forward / Send backward', '] / ['],
      ['Edit text or note', 'Enter'],
      ['Move a little', 'Arrow keys'],
      ['Stop, deselect', 'Esc'],
    ],
  },
  {
    title: 'View',
    rows: [
      ['Move the board', 'Space + drag, wheel, two fingers'],
      ['Zoom', `${mod} + wheel, pinch`],
      ['Zoom in / out', `${mod} + / ${mod} −`],
      ['Zoom to fit', 'Shift 1'],
      ['Zoom to 100 %', 'Shift 0'],
      ['This list', '?'],
    ],
  },
];

export function ShortcutsButton({ open, onToggle }: { open: boolean; onToggle: () => void }) {
  return (
    <button type="button" className="floating tb-help" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" aria-expanded={open} onClick={onToggle}>
      {Icons.keyboard}
    </button>
  );
}

export function ShortcutsPanel({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        onClose();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onClose]);
  return (
    <div className="floating tb-shortcuts" role="dialog" aria-label="Keyboard shortcuts" tabIndex={-1} ref={ref}>
      <div className="tb-shortcuts-head">
        <h2>Keyboard shortcuts</h2>
        <button type="button" className="tb-icon" aria-label="Close" onClick={onClose}>
          {Icons.close}
        </button>
      </div>
      <div className="tb-shortcuts-body">
        {SECTIONS.map((s) => (
          <section key={s.title}>
            <h3>{s.title}</h3>
            <dl>
              {s.rows.map(([what, keys]) => (
                <div key={what} className="tb-row">
                  <dt>{what}</dt>
                  <dd>
                    {keys.split(' / ').map((k, i) => (
                      <span key={k}>
                        {i > 0 && ' / '}
                        <kbd>{k}</kbd>
                      </span>
                    ))}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </div>
  );
}
