/**
 * The browser's hints about the network: `online`, `offline`, and the tab becoming visible again
 * (a laptop waking up, a phone unlocked). And a probe for the socket that looks open after a sleep
 * but may be dead: ask the server for something small and give up on the socket if nothing at all
 * comes back in time.
 */
import type { WebsocketProvider } from 'y-websocket';
import { MessageType } from '../protocol/messages';

const PROBE_MS = 3_000;
const QUERY_AWARENESS = new Uint8Array([MessageType.QueryAwareness]);

/** Calls `back` on `online` and when the tab becomes visible, `gone` on `offline`. Returns the stop. */
export function watchNetwork(back: () => void, gone: () => void): () => void {
  const visible = () => {
    if (document.visibilityState === 'visible') back();
  };
  window.addEventListener('online', back);
  window.addEventListener('offline', gone);
  document.addEventListener('visibilitychange', visible);
  return () => {
    window.removeEventListener('online', back);
    window.removeEventListener('offline', gone);
    document.removeEventListener('visibilitychange', visible);
  };
}

export class SocketProbe {
  private timer: ReturnType<typeof setTimeout> | null = null;

  /** Probes an open socket; `dead` runs if no message at all arrives within PROBE_MS. */
  start(provider: WebsocketProvider, dead: () => void): void {
    const ws = provider.ws;
    if (!provider.wsconnected || !ws || ws.readyState !== WebSocket.OPEN || this.timer !== null) return;
    const before = provider.wsLastMessageReceived;
    ws.send(QUERY_AWARENESS);
    this.timer = setTimeout(() => {
      this.timer = null;
      if (provider.ws === ws && provider.wsLastMessageReceived === before) dead();
    }, PROBE_MS);
  }

  cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
