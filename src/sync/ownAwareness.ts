import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { WebsocketProvider } from 'y-websocket';
import { MessageType } from '../protocol/messages';

/** WebSocket.OPEN, the same for the browser's socket and Node's `ws` (benchmarks and tests use both). */
const OPEN = 1;

/**
 * The stock provider re-broadcasts every awareness change it sees, other people's included (and
 * their removal when they time out). Our server accepts presence only for a connection's own client
 * ids and closes with 4400 otherwise, so send only ours.
 */
export function sendOnlyOwnAwareness(provider: WebsocketProvider): void {
  const awareness = provider.awareness;
  awareness.off('update', provider._awarenessUpdateHandler);
  provider._awarenessUpdateHandler = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
    const own = awareness.clientID;
    if (![...added, ...updated, ...removed].includes(own)) return;
    const ws = provider.ws;
    if (!provider.wsconnected || !ws || ws.readyState !== OPEN) return;
    const enc = encoding.createEncoder();
    encoding.writeVarUint(enc, MessageType.Awareness);
    encoding.writeVarUint8Array(enc, awarenessProtocol.encodeAwarenessUpdate(awareness, [own]));
    ws.send(encoding.toUint8Array(enc));
  };
  awareness.on('update', provider._awarenessUpdateHandler);
}
