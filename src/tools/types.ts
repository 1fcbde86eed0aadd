/**
 * What a tool sees and what it may do. Tools get normalised pointer events in board coordinates
 * and act through this context, so they run headless in tests with plain fakes.
 */
import type { InkStyle } from '../editor/editor';
import type { BoardPointer } from '../editor/input';
import type { LiveSink } from '../editor/live';
import type { NewStroke } from '../model/board';

export interface ToolContext {
  /** Commits a finished stroke (Board.addStroke). */
  addStroke(stroke: NewStroke): string;
  /** Current ink style, read at the start of each gesture. */
  style(): InkStyle;
  /** Current zoom: tolerances are in screen pixels, points in board pixels. */
  zoom(): number;
  live: LiveSink;
  newId(): string;
}

export interface Tool {
  readonly id: string;
  /** Name of the current state, for tests and the cursor style. */
  readonly state: string;
  pointerDown(e: BoardPointer): void;
  /** Called once per sample: the canvas expands coalesced events into several calls. */
  pointerMove(e: BoardPointer): void;
  pointerUp(e: BoardPointer): void;
  /**
   * The pointer went away without an 'up' we could see (capture lost, window blurred): finish
   * the gesture as it stands rather than lose the ink.
   */
  pointerLost(pointerId: number): void;
  /** The gesture was interrupted and must leave no trace (pointercancel, Escape, pinch started). */
  cancel(): void;
  /** Returns true when the key was handled. */
  keyDown(key: string): boolean;
}
