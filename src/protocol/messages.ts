/**
 * Message types on the board WebSocket. 0-3 are the y-websocket protocol (any stock
 * `WebsocketProvider` speaks them); 100+ are Sketchroom's own and are sent only to connections that
 * asked for them with the `caps` URL parameter, because a stock client logs unknown types as errors.
 */
export const MessageType = {
  Sync: 0,
  Awareness: 1,
  Auth: 2,
  QueryAwareness: 3,
  /** Live in-progress strokes (see liveStroke.ts). Ephemeral: relayed, never stored. */
  Live: 100,
  /** Commit confirmation (see confirm.ts): the server to one writer. */
  Confirm: 101,
} as const;

/** Capabilities a client can ask for with `?caps=a,b`. */
export const Capability = {
  Live: 'live',
  /** Receive Confirm messages for this connection's document updates. */
  Confirm: 'confirm',
} as const;

export function parseCaps(value: string | null | undefined): Set<string> {
  return new Set((value ?? '').split(',').map((s) => s.trim()).filter(Boolean));
}
