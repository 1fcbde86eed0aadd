/**
 * What a tool sees and what it may do. Tools get normalised pointer events in board coordinates
 * and act through this context, so they run headless in tests with a real Board over a Y.Doc.
 */
import type { BoardContext } from '../editor/context';
import type { ToolId } from '../editor/editor';
import type { BoardPointer } from '../editor/input';
import type { LaserSink } from '../editor/laser';
import type { LiveSink } from '../editor/live';

export interface ToolContext extends BoardContext {
  live: LiveSink;
  /** The laser pointer's trail (facilitator screens; absent elsewhere, where the tool does nothing). */
  laser?: LaserSink;
  newId(): string;
  /**
   * Runs `fn` before the next paint (requestAnimationFrame in the browser); a later call with the
   * same key replaces an earlier one, so a drag writes to the document at most once per frame.
   */
  frame(key: string, fn: () => void): void;
  /** Runs what is pending now (pointer up: the last position must be written). */
  flushFrames(): void;
  /** Drops what is pending (cancel). */
  dropFrames(): void;
}

export interface Tool {
  readonly id: ToolId | string;
  /** Name of the current state, for tests and the cursor style. */
  readonly state: string;
  pointerDown(e: BoardPointer): void;
  /** Called once per sample (the canvas expands coalesced events), with or without a button down. */
  pointerMove(e: BoardPointer): void;
  pointerUp(e: BoardPointer): void;
  /**
   * The pointer went away without an 'up' we could see (capture lost, window blurred): finish
   * the gesture as it stands rather than lose the work.
   */
  pointerLost(pointerId: number): void;
  /** The gesture was interrupted and must leave no trace (pointercancel, Escape, pinch started). */
  cancel(): void;
  /** Returns true when the key was handled. */
  keyDown(key: string): boolean;
  /** CSS cursor for the canvas. */
  readonly cursor?: string;
}
