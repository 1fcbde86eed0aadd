import { useEffect } from 'react';
import type { Editor } from '../editor/editor';
import type { Tool } from '../tools/types';

/** Escape cancels the stroke in progress; P picks the pen. Ignored while typing in a field. */
export function useKeyboardShortcuts(editor: Editor, tool: Tool | null): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target;
      if (t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (tool?.keyDown(e.key)) {
        e.preventDefault();
        return;
      }
      if (e.key === 'p' || e.key === 'P') editor.setTool('pen');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [editor, tool]);
}
