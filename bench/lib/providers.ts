/** Real y-websocket providers in Node, as the client builds them (contract: /ws/<boardId>?token=). */
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as Y from 'yjs';

export function connect(base: string, boardId: string, token: string, doc = new Y.Doc(), caps?: string): WebsocketProvider {
  const wsBase = base.replace(/^http/, 'ws') + '/ws';
  const provider = new WebsocketProvider(wsBase, boardId, doc, {
    params: caps ? { token, caps } : { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 500,
  });
  sendOnlyOwnAwareness(provider);
  return provider;
}

/**
 * As src/sync/connection.ts does: the stock provider re-broadcasts everyone's awareness changes,
 * which the server refuses (4400); the app sends only its own.
 */
function sendOnlyOwnAwareness(provider: WebsocketProvider): void {
  const awareness = provider.awareness;
  awareness.off('update', provider._awarenessUpdateHandler);
  provider._awarenessUpdateHandler = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
    const own = awareness.clientID;
    if (![...added, ...updated, ...removed].includes(own)) return;
    const ws = provider.ws;
    if (!provider.wsconnected || !ws || ws.readyState !== WebSocket.OPEN) return;
    const enc = encoding.createEncoder();
    encoding.writeVarUint(enc, 1); // awareness
    encoding.writeVarUint8Array(enc, awarenessProtocol.encodeAwarenessUpdate(awareness, [own]));
    ws.send(encoding.toUint8Array(enc));
  };
  awareness.on('update', provider._awarenessUpdateHandler);
}

/** Resolves when the provider has received the server's state (sync step 2). */
export function whenSynced(provider: WebsocketProvider, timeoutMs = 30_000): Promise<void> {
  if (provider.synced) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      provider.off('sync', onSync);
      reject(new Error(`provider not synced within ${timeoutMs} ms (status ${provider.wsconnected ? 'connected' : 'not connected'})`));
    }, timeoutMs);
    const onSync = (synced: boolean): void => {
      if (!synced) return;
      clearTimeout(timer);
      provider.off('sync', onSync);
      resolve();
    };
    provider.on('sync', onSync);
  });
}

/** Resolves when the socket is open (for the echo relay, where nobody answers sync step 1). */
export function whenConnected(provider: WebsocketProvider, timeoutMs = 10_000): Promise<void> {
  if (provider.wsconnected) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('provider did not connect')), timeoutMs);
    const onStatus = ({ status }: { status: string }): void => {
      if (status !== 'connected') return;
      clearTimeout(timer);
      provider.off('status', onStatus);
      resolve();
    };
    provider.on('status', onStatus);
  });
}

/** Destroys the provider and waits until its socket has closed. */
export function disconnect(provider: WebsocketProvider): Promise<void> {
  const ws = provider.ws as unknown as WebSocket | null;
  provider.destroy();
  if (!ws || ws.readyState === WebSocket.CLOSED) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 2000);
    ws.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
