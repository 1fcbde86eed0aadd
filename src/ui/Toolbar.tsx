/** The floating toolbar: the Pen, eight ink colours and three widths. Real buttons, plain names. */
import { useSyncExternalStore } from 'react';
import type { Editor } from '../editor/editor';
import { INK_COLOURS, INK_WIDTHS } from '../editor/palette';

function PenIcon() {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.9" strokeLinecap="round" strokeLinejoin="round">
      <path d="M4 20l1.2-4.4L15.6 5.2a2.1 2.1 0 013 0l.2.2a2.1 2.1 0 010 3L8.4 18.8z" />
      <path d="M13.8 7l3.2 3.2" />
    </svg>
  );
}

export function Toolbar({ editor }: { editor: Editor }) {
  const { tool } = useSyncExternalStore(editor.state.subscribe, editor.state.get);
  const style = editor.style;
  return (
    <div className="floating toolbar" role="toolbar" aria-label="Drawing tools">
      <div className="toolbar-group">
        <button type="button" className="tool-button" aria-pressed={tool === 'pen'} onClick={() => editor.setTool('pen')} title="Pen (P)">
          <PenIcon />
          Pen
        </button>
      </div>
      <div className="toolbar-sep" />
      <div className="toolbar-group" role="group" aria-label="Colour">
        {INK_COLOURS.map((c) => (
          <button
            key={c.value}
            type="button"
            className="swatch"
            aria-label={`Colour: ${c.name}`}
            title={c.name}
            aria-pressed={style.color === c.value}
            onClick={() => editor.setColor(c.value)}
            style={{ ['--chip' as string]: c.value }}
          >
            <span className="swatch-chip" style={{ background: c.value }} />
          </button>
        ))}
      </div>
      <div className="toolbar-sep" />
      <div className="toolbar-group" role="group" aria-label="Width">
        {INK_WIDTHS.map((w) => {
          const dot = Math.min(20, 4 + w.value);
          return (
            <button
              key={w.name}
              type="button"
              className="tool-button width-button"
              aria-label={w.name}
              title={w.name}
              aria-pressed={style.width === w.value}
              onClick={() => editor.setWidth(w.value)}
            >
              <span className="width-dot" style={{ width: dot, height: dot, background: style.color }} />
            </button>
          );
        })}
      </div>
    </div>
  );
}
