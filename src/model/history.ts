/**
 * Undo and redo of this person's own changes only. The Y.UndoManager tracks the LocalUser origin,
 * so undo never removes anybody else's work, and one undo step is one gesture: commands open and
 * close steps explicitly instead of relying on a capture timeout.
 */
import * as Y from 'yjs';
import { Origin } from './origins';

export class BoardHistory {
  private readonly manager: Y.UndoManager;
  private depth = 0;
  /** Undo stack length when the outermost step began (to tell whether the step changed anything). */
  private stepBase = 0;
  private readonly listeners = new Set<() => void>();

  constructor(doc: Y.Doc) {
    this.manager = new Y.UndoManager([doc.getMap('items'), doc.getMap('frames'), doc.getMap('annotations')], {
      trackedOrigins: new Set([Origin.LocalUser]),
      // Steps are cut by beginStep/endStep; a timeout would merge two quick separate gestures.
      captureTimeout: 2 ** 31 - 1,
    });
    const notify = (): void => this.listeners.forEach((l) => l());
    this.manager.on('stack-item-added', notify);
    this.manager.on('stack-item-popped', notify);
    this.manager.on('stack-cleared', notify);
  }

  /** Starts a gesture (pointer down, a shortcut): changes until endStep form one undo step. */
  beginStep(): void {
    if (this.depth++ === 0) {
      this.manager.stopCapturing();
      this.stepBase = this.manager.undoStack.length;
    }
  }

  /**
   * Ends the open step and reverts what it changed, leaving no undo or redo entry behind (Escape
   * during a drag). Other people's changes made meanwhile stay.
   */
  cancelStep(): void {
    if (this.depth === 0) return;
    this.depth = 0;
    this.manager.stopCapturing();
    if (this.manager.undoStack.length > this.stepBase) {
      this.manager.undo();
      this.manager.redoStack.pop();
    }
  }

  /** True while a gesture's step is open. */
  get inStep(): boolean {
    return this.depth > 0;
  }

  endStep(): void {
    if (this.depth > 0 && --this.depth === 0) this.manager.stopCapturing();
  }

  /** Runs `fn` as one undo step (or as part of the step already open). */
  step<T>(fn: () => T): T {
    this.beginStep();
    try {
      return fn();
    } finally {
      this.endStep();
    }
  }

  /** Transactions made by undo and redo carry this origin. */
  get origin(): unknown {
    return this.manager;
  }

  undo(): boolean {
    this.manager.stopCapturing();
    return this.manager.undo() !== null;
  }

  redo(): boolean {
    this.manager.stopCapturing();
    return this.manager.redo() !== null;
  }

  get canUndo(): boolean {
    return this.manager.canUndo();
  }

  get canRedo(): boolean {
    return this.manager.canRedo();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    this.listeners.clear();
    this.manager.destroy();
  }
}
