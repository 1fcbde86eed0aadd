/** Other people on this board, as the canvas and the UI need them (sync fills it from awareness). */
import type { Vec } from '../geometry/camera';
import { Store } from './store';

export interface Peer {
  /** Awareness client id: unique per tab. */
  clientId: number;
  participantId: string;
  name: string;
  color: string;
  role: string;
  /** Board coordinates, or null when the pointer is off the board. */
  cursor: Vec | null;
  /** Their pen is down right now. */
  drawing: boolean;
}

export function createPeers(): Store<readonly Peer[]> {
  return new Store<readonly Peer[]>([]);
}
