/**
 * The WebSocket class handed to y-websocket (its WebSocketPolyfill option): a plain browser socket
 * whose send() sees every message the provider sends, so that document updates can be counted
 * for commit confirmation and held back during the handshake (handshake.ts). Wrapping the socket
 * keeps the provider itself stock.
 */
import { isDocumentUpdate } from '../protocol/confirm';

export interface SocketHooks {
  /** A socket was created (a connection attempt starts). */
  created(): void;
  /** Whether document updates must not leave now (they travel with the handshake's answer). */
  holding(): boolean;
  /** A document update left. */
  updateSent(): void;
}

export function socketClass(hooks: SocketHooks, Base: typeof WebSocket = WebSocket): typeof WebSocket {
  return class SketchroomSocket extends Base {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      hooks.created();
    }

    override send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
      if (data instanceof Uint8Array && isDocumentUpdate(data)) {
        if (hooks.holding()) return;
        if (this.readyState !== this.OPEN) return;
        hooks.updateSent();
      }
      super.send(data);
    }
  };
}
