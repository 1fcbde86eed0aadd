/**
 * Typing in place: a DOM textarea laid exactly over the text item or sticky note being edited
 * (same font, size, wrapping and centring as the canvas draws it, which hides the item's own text
 * meanwhile). Every change goes through Board.setText (a minimal edit that merges with others'
 * typing). Escape, Ctrl/Cmd+Enter or a click elsewhere ends editing.
 */
import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore, type CSSProperties } from 'react';
import type { BoardContext } from '../editor/context';
import { fitStickyText, LINE_HEIGHT, STICKY_TEXT, TEXT_FONT_FAMILY, textBoxSize, type Measure } from '../geometry/textLayout';
import { TEXT_FONT_PX, type Item } from '../model/schema';

/** Ink of sticky-note text (matches the renderer's). */
const STICKY_INK = '#1f2328';

function useItem(ctx: BoardContext, id: string): Item | undefined {
  const board = ctx.board();
  const [item, setItem] = useState(() => board.getItem(id));
  useEffect(() => {
    setItem(board.getItem(id));
    return board.subscribe((change) => {
      if (change.upserted.has(id) || change.removed.has(id)) setItem(board.getItem(id));
    });
  }, [board, id]);
  return item;
}

export function TextEditor({ ctx, measure }: { ctx: BoardContext; measure: Measure }) {
  const { editingId, camera } = useSyncExternalStore(ctx.editor.state.subscribe, ctx.editor.state.get);
  if (!editingId) return null;
  return <EditorBox key={editingId} ctx={ctx} id={editingId} camera={camera} measure={measure} />;
}

function EditorBox({ ctx, id, camera, measure }: { ctx: BoardContext; id: string; camera: { x: number; y: number; zoom: number }; measure: Measure }) {
  const item = useItem(ctx, id);
  const ref = useRef<HTMLTextAreaElement>(null);
  const text = item && (item.kind === 'text' || item.kind === 'sticky') ? item.text : '';
  const [value, setValue] = useState(text);
  const sent = useRef(text);

  // Someone else typed into the same text: take the merged result.
  if (text !== sent.current && text !== value) {
    sent.current = text;
    setValue(text);
  }

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.focus({ preventScroll: true });
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);

  if (!item || (item.kind !== 'text' && item.kind !== 'sticky')) return null;
  const z = camera.zoom;
  const left = (item.x - camera.x) * z;
  const top = (item.y - camera.y) * z;
  let style: CSSProperties;
  if (item.kind === 'text') {
    const fontPx = TEXT_FONT_PX[item.size];
    const box = textBoxSize(value, fontPx, item.w, measure);
    style = {
      left, top,
      width: (item.w > 0 ? item.w : box.w + fontPx) * z,
      height: box.h * z,
      fontSize: fontPx * z,
      color: item.color,
      textAlign: 'left',
      whiteSpace: item.w > 0 ? 'pre-wrap' : 'pre',
    };
  } else {
    const { fontPx, lines } = fitStickyText(value, item.w, item.h, measure);
    const pad = STICKY_TEXT.padding;
    const innerH = item.h - 2 * pad;
    const textH = Math.max(1, lines.length) * fontPx * LINE_HEIGHT;
    const y0 = pad + Math.max(0, (innerH - textH) / 2);
    style = {
      left: left + pad * z,
      top: top + y0 * z,
      width: (item.w - 2 * pad) * z,
      height: Math.min(textH, item.h - y0) * z,
      fontSize: fontPx * z,
      color: STICKY_INK,
      textAlign: 'center',
      whiteSpace: 'pre-wrap',
    };
  }
  const rotation = item.rotation ? `rotate(${item.rotation}deg)` : undefined;
  // Sticky text boxes sit inside the note: rotate around the note's origin, not their own corner.
  const origin = item.kind === 'sticky' ? `${-(style.left as number) + left}px ${-(style.top as number) + top}px` : '0 0';

  return (
    <textarea
      ref={ref}
      className="text-editor"
      aria-label={item.kind === 'sticky' ? 'Sticky note text' : 'Text'}
      value={value}
      spellCheck
      style={{ ...style, fontFamily: TEXT_FONT_FAMILY, lineHeight: LINE_HEIGHT, transform: rotation, transformOrigin: origin }}
      onChange={(e) => {
        const next = e.target.value;
        setValue(next);
        sent.current = next;
        ctx.board().setText(id, next);
      }}
      onBlur={() => ctx.editor.stopEditing()}
      onKeyDown={(e) => {
        if (e.key === 'Escape' || (e.key === 'Enter' && (e.ctrlKey || e.metaKey))) {
          e.preventDefault();
          e.stopPropagation();
          ctx.editor.stopEditing();
        }
      }}
      onPointerDown={(e) => e.stopPropagation()}
    />
  );
}
