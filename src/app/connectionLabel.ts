/** What the connection indicator says, from the sync state and the browser's online flag. */
import type { ConnectionState } from '../sync/connection';
import type { ConnectionLabel } from '../ui/ConnectionStatus';

/** `showSaving`: a screen where people draw (a projector never has changes of its own to save). */
export function connectionLabel(state: ConnectionState | null, online: boolean, showSaving = true): ConnectionLabel {
  if (!state) return 'connecting';
  if (state.stopped || !online) return 'offline';
  if (state.status === 'connected' && state.synced) return state.saved || !showSaving ? 'connected' : 'saving';
  return state.everSynced ? 'reconnecting' : 'connecting';
}
