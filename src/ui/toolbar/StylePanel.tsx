/**
 * Style options for what is in hand: the active tool's remembered style, or the selected items'
 * style with the select tool. Only the controls that apply are shown (a pen has no fill, a note has
 * paper colours); with nothing to style, the panel is not there at all.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { applyStyle, styleOfItems, type StyleTarget } from '../../actions/style';
import { selectedItems } from '../../actions/selection';
import type { BoardContext } from '../../editor/context';
import { isStyledTool } from '../../editor/editor';
import { FILL_OPTIONS, INK_COLOURS, STICKY_COLOURS, TEXT_SIZE_OPTIONS, widthsFor } from '../../editor/palette';
import { Icons } from './icons';

function useBoardVersion(ctx: BoardContext): number {
  const [version, setVersion] = useState(0);
  const board = ctx.board();
  useEffect(() => board.subscribe(() => setVersion((v) => v + 1)), [board]);
  return version;
}

function targetFor(ctx: BoardContext): StyleTarget | null {
  const { editor } = ctx;
  const tool = editor.tool;
  if (tool === 'select') return styleOfItems(selectedItems(ctx));
  if (!isStyledTool(tool)) return null;
  const s = editor.styleFor(tool);
  const widths = widthsFor(tool);
  const index = Math.max(0, widths.findIndex((w) => w.value === s.width));
  return {
    color: s.color,
    paper: tool === 'sticky',
    width: tool === 'pen' || tool === 'highlighter' || tool === 'line' || tool === 'arrow' || tool === 'rect' || tool === 'ellipse' ? { index, highlighter: tool === 'highlighter' } : null,
    fill: tool === 'rect' || tool === 'ellipse' ? s.fill : null,
    size: tool === 'text' ? s.size : null,
  };
}

const FILL_ICONS = { none: Icons.fillNone, semi: Icons.fillSemi, solid: Icons.fillSolid } as const;

export function StylePanel({ ctx }: { ctx: BoardContext }) {
  useSyncExternalStore(ctx.editor.state.subscribe, ctx.editor.state.get);
  useBoardVersion(ctx); // restyled or deleted items re-render the panel
  const target = targetFor(ctx);
  if (!target) return null;
  const colours = target.paper ? STICKY_COLOURS : INK_COLOURS;
  const preset = colours.some((c) => c.value === target.color);
  const widths = widthsFor(target.width?.highlighter ? 'highlighter' : 'pen');
  return (
    <div className="floating tb-style" role="group" aria-label="Style">
      {target.color !== null && (
        <div className="tb-group" role="group" aria-label={target.paper ? 'Note colour' : 'Colour'}>
          {colours.map((c) => (
            <button
              key={c.value}
              type="button"
              className="tb-swatch"
              aria-label={target.paper ? `Note colour: ${c.name}` : `Colour: ${c.name}`}
              title={c.name}
              aria-pressed={target.color === c.value}
              onClick={() => applyStyle(ctx, { color: c.value })}
              style={{ ['--chip' as string]: c.value }}
            >
              <span className="tb-chip" style={{ background: c.value }} />
            </button>
          ))}
          {!target.paper && (
            <label className="tb-swatch tb-custom" title="Custom colour" data-active={!preset}>
              <span className="tb-chip tb-chip-custom" style={!preset && target.color ? { background: target.color } : undefined} />
              <input
                type="color"
                aria-label="Custom colour"
                value={target.color ?? '#000000'}
                onChange={(e) => applyStyle(ctx, { color: e.target.value })}
              />
            </label>
          )}
        </div>
      )}
      {target.width && (
        <div className="tb-group" role="group" aria-label="Width">
          {widths.map((w, i) => (
            <button
              key={w.name}
              type="button"
              className="tb-option"
              aria-label={w.name}
              title={w.name}
              aria-pressed={target.width?.index === i}
              onClick={() => applyStyle(ctx, { widthIndex: i })}
            >
              <span className="tb-width" style={{ height: [2, 5, 9][i], background: target.color ?? 'currentColor' }} />
            </button>
          ))}
        </div>
      )}
      {target.fill && (
        <div className="tb-group" role="group" aria-label="Fill">
          {FILL_OPTIONS.map((f) => (
            <button
              key={f.value}
              type="button"
              className="tb-option"
              aria-label={f.name}
              title={f.name}
              aria-pressed={target.fill === f.value}
              onClick={() => applyStyle(ctx, { fill: f.value })}
              style={{ color: target.color ?? undefined }}
            >
              {FILL_ICONS[f.value]}
            </button>
          ))}
        </div>
      )}
      {target.size && (
        <div className="tb-group" role="group" aria-label="Text size">
          {TEXT_SIZE_OPTIONS.map((s) => (
            <button
              key={s.value}
              type="button"
              className="tb-option tb-size"
              aria-label={s.name}
              title={`${s.name} text`}
              aria-pressed={target.size === s.value}
              onClick={() => applyStyle(ctx, { size: s.value })}
            >
              <span style={{ fontSize: { s: 13, m: 17, l: 22 }[s.value] }}>A</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
