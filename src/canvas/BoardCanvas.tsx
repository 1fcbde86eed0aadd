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
import type { Easel } from '../model/schema';
import { EaselLayer } from './EaselLayer';
import { EaselNamesLayer } from './EaselNamesLayer';
import { CursorLayer } from './CursorLayer';
import { InkLayer } from './InkLayer';
import { LaserLayer } from './LaserLayer';
import type { LaserTrails } from '../editor/laser';
import type { InkIndex } from './inkIndex';
import { OverlayLayer } from './OverlayLayer';
import { createRenderStats, publishRenderStats } from './renderStats';
import { LiveLayer } from './LiveLayer';
import { NotesLayer } from './NotesLayer';
import type { NoteScene } from '../editor/noteScene';
import { useBoardBackground } from './useBoardBackground';
import { useCanvasInput, type PointerTarget } from './useCanvasInput';
import { useViewportSize } from './useViewportSize';
import type { ImageSource } from './images/imageCache';

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
  /**
   * Easels to draw under the ink (when the facilitator has turned them on), and the spotlighted one;
   * `namesOnTop`: far out, their names above the ink (the projector: easelNames.ts).
   */
  easels?: { list: readonly Easel[]; spotlight?: string; namesOnTop?: boolean };
  /** Decoded pictures of this board (src/canvas/images/imageCache.ts). */
  images?: ImageSource;
  /** The facilitator's laser trails: shown even where cursors are hidden (the projector). */
  lasers?: LaserTrails;
  /** Notes pinned to regions, drawn above the ink (large on the projector). */
  notes?: NoteScene | null;
  /** Thinnest ink on screen, CSS px (the projector: scene/minInk.ts); absent: true widths. */
  minInkPx?: number;
}

export function BoardCanvas({ board, editor, live, peers, tool, onCursor, fixedCamera = false, easels, images, lasers, notes = null, minInkPx }: Props) {
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
        {easels && <EaselLayer easels={easels.list} editor={editor} spotlight={easels.spotlight} namesOnTop={easels.namesOnTop} />}
        <InkLayer board={board} editor={editor} size={size} stats={stats} index={indexRef} images={images} minInkPx={minInkPx} />
        <LiveLayer live={live} editor={editor} stats={stats} minInkPx={minInkPx} />
        {easels?.namesOnTop && <EaselNamesLayer easels={easels.list} editor={editor} />}
        {notes && <NotesLayer notes={notes} editor={editor} large={fixedCamera} />}
        <OverlayLayer board={board} editor={editor} index={indexRef} stats={stats} />
        <CursorLayer peers={peers} editor={editor} />
        {lasers && <LaserLayer lasers={lasers} editor={editor} />}
      </Stage>
    </div>
  );
}
