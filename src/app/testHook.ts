/**
 * `window.__sketchroom` (contract): the live Board, connection status and identity, for e2e tests
 * and debugging. Always on: it exposes nothing the page does not already hold.
 */
import type { Camera } from '../geometry/camera';
import type { Board } from '../model/board';
import type { Identity } from './identity';

export interface SketchroomHook {
  board: Board | null;
  status: 'connecting' | 'connected' | 'disconnected';
  synced: boolean;
  /** Every change made on this screen is committed by the server. */
  saved?: boolean;
  identity: Identity | null;
  /** This screen's camera now (board point at the top-left, zoom). */
  camera?: () => Camera;
}

// Not a `declare global`: e2e/helpers.ts declares its own (narrower) view of the same property.
const host = window as unknown as { __sketchroom?: SketchroomHook };

export function setTestHook(patch: Partial<SketchroomHook>): void {
  const current: SketchroomHook = host.__sketchroom ?? { board: null, status: 'disconnected', synced: false, identity: null };
  host.__sketchroom = Object.assign(current, patch);
}
