/**
 * The full-window drawing surface: a react-konva Stage with four layers, bottom to top: every
 * finished item (one cached bitmap), the strokes being drawn, the selection overlay, the cursors.
 * Input goes through useCanvasInput (DOM Pointer Events on the host, never Konva events), so the
 * Stage itself does not listen at all.
 */
import { useEffect, useState, useRef } from 'react';
import { Stage } from 'react-konva';
import type { Editor } from '../editor/editor';
import type { LiveStrokes } from '../editor/liveStrokes';
import type { Peer } from '../editor/presence';
import type { Store } from '../editor/store';
import type { Vec } from '../geometry/camera';
import type { Board } from '../model/board';
import { CursorLayer } from './CursorLayer';
import { InkLayer } from './InkLayer';
import type { InkIndex } from './inkIndex';
import { OverlayLayer } from './OverlayLayer';
import { createRenderStats, publishRenderStats } from './renderStats';
import { LiveLayer } from './LiveLayer';
import { NotesLayer } from './NotesLayer';
import type { NoteScene } from '../editor/noteScene';
import { useBoardBackground } from './useBoardBackground';
import { useCanvasInput, type PointerTarget } from './useCanvasInput';
import { useViewportSize } from './useViewportSize';

export type { PointerTarget };

interface Props {
  board: Board;
  editor: Editor;
  live: LiveStrokes;
  peers: Store<readonly Peer[]>;
  tool: PointerTarget | null;
  onCursor(cursor: Vec | null): void;
  /** The app steers the camera (the projector): no pan or zoom by wheel, keys or pointer. */
  fixedCamera?: boolean;
  /** Notes pinned to regions, drawn above the ink (large on the projector). */
  notes?: NoteScene | null;
}

export function BoardCanvas({ board, editor, live, peers, tool, onCursor, fixedCamera = false, notes = null }: Props) {
  const size = useViewportSize();
  const hostRef = useRef<HTMLDivElement>(null);
  useBoardBackground(hostRef, editor);
  const { cursor, handlers } = useCanvasInput(hostRef, editor, tool, onCursor, fixedCamera);
  const [stats] = useState(createRenderStats);
  const indexRef = useRef<InkIndex | null>(null);
  useEffect(() => publishRenderStats(stats), [stats]);

  return (
    <div ref={hostRef} className="board-canvas" style={{ cursor }} {...(fixedCamera ? {} : handlers)} onContextMenu={(e) => e.preventDefault()}>
      <Stage width={size.width} height={size.height} listening={false}>
        <InkLayer board={board} editor={editor} size={size} stats={stats} index={indexRef} />
        <LiveLayer live={live} editor={editor} stats={stats} />
        {notes && <NotesLayer notes={notes} editor={editor} large={fixedCamera} />}
        <OverlayLayer board={board} editor={editor} index={indexRef} stats={stats} />
        <CursorLayer peers={peers} editor={editor} />
      </Stage>
    </div>
  );
}
