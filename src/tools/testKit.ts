/**
 * Headless harness for tool and action tests: a real Board over an in-memory doc, a real Editor
 * and SceneIndex, manual animation frames, and a pointer factory.
 */
import { permissions } from '../editor/context';
import { Editor, type ToolId } from '../editor/editor';
import type { BoardPointer } from '../editor/input';
import type { LiveStrokeStart } from '../editor/live';
import { SceneIndex } from '../editor/sceneIndex';
import type { Board } from '../model/board';
import { memoryBoard } from '../model/memoryBoard';
import type { Role } from '../protocol/roles';
import { createTools, ToolManager } from './manager';
import type { ToolContext } from './types';

export type LiveEvent = { type: 'start'; stroke: LiveStrokeStart } | { type: 'points'; points: number[] } | { type: 'end' };

export interface Kit {
  board: Board;
  editor: Editor;
  ctx: ToolContext;
  live: LiveEvent[];
  tools: ToolManager;
  /** Runs pending frame callbacks (what requestAnimationFrame would do). */
  frame(): void;
  pendingFrames(): number;
}

export function makeKit(options: { board?: Board; role?: Role; participantId?: string; tool?: ToolId; hint?: (text: string) => void } = {}): Kit {
  const board = options.board ?? memoryBoard(options.participantId ?? 'me');
  const editor = new Editor({ tool: options.tool ?? 'pen', viewport: { width: 1000, height: 800 } });
  const scene = new SceneIndex(board);
  const live: LiveEvent[] = [];
  const pending = new Map<string, () => void>();
  let n = 0;
  const run = (): void => {
    const fns = [...pending.values()];
    pending.clear();
    for (const fn of fns) fn();
  };
  const ctx: ToolContext = {
    board: () => board,
    editor,
    scene: () => scene,
    ...permissions(() => board, options.role ?? 'participant', options.participantId ?? board.author, options.hint),
    live: {
      start: (stroke) => live.push({ type: 'start', stroke }),
      points: (points) => live.push({ type: 'points', points: [...points] }),
      end: () => live.push({ type: 'end' }),
    },
    newId: () => `item${String(++n).padStart(6, '0')}`,
    frame: (key, fn) => pending.set(key, fn),
    flushFrames: run,
    dropFrames: () => pending.clear(),
  };
  const tools = new ToolManager(editor, createTools(ctx));
  return { board, editor, ctx, live, tools, frame: run, pendingFrames: () => pending.size };
}

export const at = (x: number, y: number, extra: Partial<BoardPointer> = {}): BoardPointer => ({
  x, y, pressure: 0.5, kind: 'mouse', pointerId: 1, time: 0, sx: x, sy: y, buttons: 1, ...extra,
});

/** Press, move through the points, release: one whole gesture on the current tool. */
export function drag(kit: Kit, points: Array<[number, number]>, extra: Partial<BoardPointer> = {}): void {
  const [first, ...rest] = points;
  if (!first) return;
  kit.tools.pointerDown(at(first[0], first[1], extra));
  for (const [x, y] of rest) kit.tools.pointerMove(at(x, y, extra));
  const last = points[points.length - 1]!;
  kit.tools.pointerUp(at(last[0], last[1], { ...extra, buttons: 0 }));
}
