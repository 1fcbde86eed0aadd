/** Bottom-left: Undo and Redo, then Zoom out, the zoom percentage (click: 100 %), Zoom in, Zoom to fit. */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { redo, undo } from '../../actions/history';
import { zoomIn, zoomOut, zoomReset, zoomToFit } from '../../actions/zoom';
import type { BoardContext } from '../../editor/context';
import { Icons } from './icons';

function useHistory(ctx: BoardContext): { canUndo: boolean; canRedo: boolean } {
  const board = ctx.board();
  const read = () => ({ canUndo: board.history.canUndo, canRedo: board.history.canRedo });
  const [state, setState] = useState(read);
  useEffect(() => {
    const update = () => setState({ canUndo: board.history.canUndo, canRedo: board.history.canRedo });
    update();
    return board.history.subscribe(update);
  }, [board]);
  return state;
}

export function ViewControls({ ctx, canEdit }: { ctx: BoardContext; canEdit: boolean }) {
  const { camera } = useSyncExternalStore(ctx.editor.state.subscribe, ctx.editor.state.get);
  const { canUndo, canRedo } = useHistory(ctx);
  const mod = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';
  return (
    <div className="tb-corner">
      {canEdit && (
        <div className="floating tb-bar" role="group" aria-label="History">
          <button type="button" className="tb-icon" aria-label="Undo" title={`Undo (${mod}+Z)`} disabled={!canUndo} onClick={() => undo(ctx)}>
            {Icons.undo}
          </button>
          <button type="button" className="tb-icon" aria-label="Redo" title={`Redo (${mod}+Shift+Z)`} disabled={!canRedo} onClick={() => redo(ctx)}>
            {Icons.redo}
          </button>
        </div>
      )}
      <div className="floating tb-bar" role="group" aria-label="Zoom">
        <button type="button" className="tb-icon" aria-label="Zoom out" title={`Zoom out (${mod}+−)`} onClick={() => zoomOut(ctx)}>
          {Icons.zoomOut}
        </button>
        <button type="button" className="tb-zoom" aria-label={`Zoom ${Math.round(camera.zoom * 100)} %, reset to 100 %`} title="Reset to 100 %" onClick={() => zoomReset(ctx)}>
          {Math.round(camera.zoom * 100)}%
        </button>
        <button type="button" className="tb-icon" aria-label="Zoom in" title={`Zoom in (${mod}++)`} onClick={() => zoomIn(ctx)}>
          {Icons.zoomIn}
        </button>
        <button type="button" className="tb-icon" aria-label="Zoom to fit" title="Zoom to fit (Shift+1)" onClick={() => zoomToFit(ctx)}>
          {Icons.fit}
        </button>
      </div>
    </div>
  );
}
