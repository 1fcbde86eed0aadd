/**
 * The floating toolbar at the bottom: every tool as a large button with an icon and its plain
 * name; the style panel for the active tool (or the selection) appears just above it.
 */
import { useSyncExternalStore, type ReactNode } from 'react';
import type { BoardContext } from '../editor/context';
import { AnnotateButton } from './notes/AnnotateButton';
import { Icons } from './toolbar/icons';
import { StylePanel } from './toolbar/StylePanel';
import { FACILITATOR_TOOLS, TOOL_GROUPS } from './toolbar/tools';
import './toolbar/toolbar.css';

/** `extra`: more buttons in a last group (adding pictures). */
export function Toolbar({ ctx, facilitator = false, extra }: { ctx: BoardContext; facilitator?: boolean; extra?: ReactNode }) {
  const { editor } = ctx;
  const { tool } = useSyncExternalStore(editor.state.subscribe, editor.state.get);
  const groups = facilitator ? [...TOOL_GROUPS, FACILITATOR_TOOLS] : TOOL_GROUPS;
  return (
    <div className="tb-dock">
      <StylePanel ctx={ctx} />
      <div className="floating tb-tools" role="toolbar" aria-label="Drawing tools">
        {groups.map((group, g) => (
          <div className="tb-group" key={g}>
            {group.map((t) => (
              <button
                key={t.id}
                type="button"
                className="tb-tool"
                aria-pressed={tool === t.id}
                title={t.key === 'Space' ? `${t.name} (hold Space)` : t.key ? `${t.name} (${t.key})` : t.name}
                onClick={() => editor.setTool(t.id)}
              >
                {Icons[t.id]}
                <span className="tb-label">{t.name}</span>
              </button>
            ))}
          </div>
        ))}
        <AnnotateButton ctx={ctx} />
        {extra && <div className="tb-group">{extra}</div>}
      </div>
    </div>
  );
}
