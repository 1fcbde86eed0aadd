/**
 * The floating toolbar at the bottom: every tool as a large button with an icon and its plain
 * name; the style panel for the active tool (or the selection) appears just above it.
 */
import { useSyncExternalStore } from 'react';
import type { BoardContext } from '../editor/context';
import { AnnotateButton } from './notes/AnnotateButton';
import { Icons } from './toolbar/icons';
import { StylePanel } from './toolbar/StylePanel';
import { TOOL_GROUPS } from './toolbar/tools';
import './toolbar/toolbar.css';

export function Toolbar({ ctx }: { ctx: BoardContext }) {
  const { editor } = ctx;
  const { tool } = useSyncExternalStore(editor.state.subscribe, editor.state.get);
  return (
    <div className="tb-dock">
      <StylePanel ctx={ctx} />
      <div className="floating tb-tools" role="toolbar" aria-label="Drawing tools">
        {TOOL_GROUPS.map((group, g) => (
          <div className="tb-group" key={g}>
            {group.map((t) => (
              <button
                key={t.id}
                type="button"
                className="tb-tool"
                aria-pressed={tool === t.id}
                title={t.key === 'Space' ? `${t.name} (hold Space)` : `${t.name} (${t.key})`}
                onClick={() => editor.setTool(t.id)}
              >
                {Icons[t.id]}
                <span className="tb-label">{t.name}</span>
              </button>
            ))}
          </div>
        ))}
        <AnnotateButton ctx={ctx} />
      </div>
    </div>
  );
}
