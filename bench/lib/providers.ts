/** Real y-websocket providers in Node, as the client builds them (contract: /ws/<boardId>?token=). */
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { sendOnlyOwnAwareness } from '../../src/sync/ownAwareness';

export function connect(base: string, boardId: string, token: string, doc = new Y.Doc(), caps?: string): WebsocketProvider {
  const wsBase = base.replace(/^http/, 'ws') + '/ws';
  const provider = new WebsocketProvider(wsBase, boardId, doc, {
    params: caps ? { token, caps } : { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 500,
  });
  // As the app does: the stock provider re-broadcasts everyone's awareness, which the server refuses (4400).
  sendOnlyOwnAwareness(provider);
  return provider;
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

/** A fresh client joining: from `new WebsocketProvider` to its 'sync' event, and the items it then holds. */
export async function timedJoin(base: string, boardId: string, token: string): Promise<{ ms: number; items: number }> {
  const doc = new Y.Doc();
  const t0 = performance.now();
  const provider = connect(base, boardId, token, doc);
  await whenSynced(provider, 60_000);
  const ms = performance.now() - t0;
  const items = doc.getMap('items').size;
  await disconnect(provider);
  doc.destroy();
  return { ms, items };
}
