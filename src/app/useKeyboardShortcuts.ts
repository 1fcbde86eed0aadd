/**
 * Keyboard shortcuts for the board (ignored while typing in a field or the text overlay):
 * tool keys, Escape, Delete, undo/redo, duplicate, select all, z-order, nudge, zoom, "?" for help;
 * copy/cut/paste through the clipboard events, so the system clipboard carries items across boards.
 */
import { useEffect, useRef } from 'react';
import { copyText, cutText, pasteText } from '../actions/clipboard';
import { redo, undo } from '../actions/history';
import { deleteSelected, duplicateSelected, editSelected, nudgeSelected, reorderSelected, selectAll } from '../actions/selection';
import { zoomIn, zoomOut, zoomReset, zoomToFit } from '../actions/zoom';
import type { BoardContext } from '../editor/context';
import { viewportBox } from '../geometry/camera';
import type { Tool } from '../tools/types';
import { TOOL_KEYS } from '../ui/toolbar/tools';

const isTyping = (t: EventTarget | null) => t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
/** Keys pressed inside a dialog or panel belong to it (Escape closes a native dialog, for one). */
const inDialog = (t: EventTarget | null) => t instanceof Element && t.closest('dialog, [role="dialog"]') !== null;

export function useKeyboardShortcuts(ctx: BoardContext | null, tool: Tool | null, onToggleHelp: () => void): void {
  const helpRef = useRef(onToggleHelp);
  useEffect(() => {
    helpRef.current = onToggleHelp;
  }, [onToggleHelp]);

  useEffect(() => {
    if (!ctx) return;
    const { editor } = ctx;
    const canEdit = tool !== null;
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || inDialog(e.target) || e.defaultPrevented) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key;
      const lower = key.length === 1 ? key.toLowerCase() : key;
      const done = () => e.preventDefault();
      // The tool first: Escape in the middle of a drag reverts it.
      if (!mod && tool?.keyDown(key)) return done();
      if (mod && !e.altKey) {
        if (lower === 'z' && canEdit) {
          if (e.shiftKey) redo(ctx);
          else undo(ctx);
          return done();
        }
        if (lower === 'y' && canEdit) {
          redo(ctx);
          return done();
        }
        if (lower === 'd' && canEdit) {
          duplicateSelected(ctx);
          return done();
        }
        if (lower === 'a') {
          selectAll(ctx);
          return done();
        }
        if (key === '=' || key === '+') {
          zoomIn(ctx);
          return done();
        }
        if (key === '-' || key === '_') {
          zoomOut(ctx);
          return done();
        }
        if (key === '0') {
          zoomReset(ctx);
          return done();
        }
        return;
      }
      if (e.altKey) return;
      if (key === '?') {
        helpRef.current();
        return done();
      }
      if (e.shiftKey && (e.code === 'Digit1' || key === '!')) {
        zoomToFit(ctx);
        return done();
      }
      if (e.shiftKey && (e.code === 'Digit0' || key === ')')) {
        zoomReset(ctx);
        return done();
      }
      if (key === 'Escape') {
        if (editor.editingId) editor.stopEditing();
        else if (editor.selection.length > 0) editor.select([]);
        else if (editor.tool !== 'select' && canEdit) editor.setTool('select');
        return done();
      }
      if (!canEdit) return;
      if (key === 'Delete' || key === 'Backspace') {
        if (deleteSelected(ctx) > 0) done();
        return;
      }
      if (key === 'Enter' && editSelected(ctx)) return done();
      if (key === ']' || key === '[') {
        reorderSelected(ctx, key === ']' ? (e.shiftKey ? 'front' : 'forward') : e.shiftKey ? 'back' : 'backward');
        return done();
      }
      if (key === '}' || key === '{') {
        reorderSelected(ctx, key === '}' ? 'front' : 'back');
        return done();
      }
      if (key.startsWith('Arrow') && editor.selection.length > 0) {
        const step = e.shiftKey ? 10 : 1;
        const dx = key === 'ArrowLeft' ? -step : key === 'ArrowRight' ? step : 0;
        const dy = key === 'ArrowUp' ? -step : key === 'ArrowDown' ? step : 0;
        nudgeSelected(ctx, dx, dy);
        return done();
      }
      const toolId = key.length === 1 && !e.shiftKey ? TOOL_KEYS[lower] : undefined;
      if (toolId) {
        editor.setTool(toolId);
        return done();
      }
    };

    // Clipboard events carry clipboardData synchronously and need no permission prompt.
    const onCopy = (e: ClipboardEvent) => {
      if (isTyping(e.target) || !e.clipboardData) return;
      const text = copyText(ctx);
      if (!text) return;
      e.clipboardData.setData('text/plain', text);
      e.preventDefault();
    };
    const onCut = (e: ClipboardEvent) => {
      if (isTyping(e.target) || !e.clipboardData || !canEdit) return;
      const text = cutText(ctx);
      if (!text) return;
      e.clipboardData.setData('text/plain', text);
      e.preventDefault();
    };
    const onPaste = (e: ClipboardEvent) => {
      if (isTyping(e.target) || !e.clipboardData || !canEdit) return;
      const text = e.clipboardData.getData('text/plain');
      const { camera, viewport } = editor.state.get();
      const view = viewportBox(camera, viewport.width, viewport.height);
      const p = editor.pointer;
      const inView = p && p.x >= view.minX && p.x <= view.maxX && p.y >= view.minY && p.y <= view.maxY;
      if (pasteText(ctx, text, inView ? p : null)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCut);
    document.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCut);
      document.removeEventListener('paste', onPaste);
    };
  }, [ctx, tool]);
}
