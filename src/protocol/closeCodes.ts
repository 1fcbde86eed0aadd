/**
 * WebSocket close codes the server uses, with the plain-words reason the UI shows. 1xxx are the
 * standard ones; 44xx mirror the HTTP status they resemble.
 */
export const CloseCode = {
  /** Server restarting (graceful shutdown): reconnect soon. */
  ServiceRestart: 1012,
  /** Frame larger than the server accepts. */
  MessageTooBig: 1009,
  BadMessage: 4400,
  Unauthorized: 4401,
  Forbidden: 4403,
  UnknownBoard: 4404,
  /** The connection did not finish its handshake (sync step 1) in time. */
  HandshakeTimeout: 4408,
  RoomFull: 4409,
  DocumentTooLarge: 4413,
  TooManyMessages: 4429,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Codes after which reconnecting with the same token cannot help. */
export const TERMINAL_CLOSE_CODES: ReadonlySet<number> = new Set([
  CloseCode.Unauthorized,
  CloseCode.UnknownBoard,
]);

export function describeClose(code: number): string {
  switch (code) {
    case CloseCode.ServiceRestart:
      return 'The server is restarting. Reconnecting…';
    case CloseCode.MessageTooBig:
      return 'Something you sent was too large for the server.';
    case CloseCode.BadMessage:
      return 'The server could not read a message from this device. Reloading the board…';
    case CloseCode.Unauthorized:
      return 'Your link to this board is no longer valid. Ask the facilitator for a new one.';
    case CloseCode.Forbidden:
      return 'That change is not allowed right now, so the board was reloaded.';
    case CloseCode.UnknownBoard:
      return 'This board does not exist. Check the link.';
    case CloseCode.HandshakeTimeout:
      return 'The connection took too long to start. Reconnecting…';
    case CloseCode.RoomFull:
      return 'This board is full right now. We will keep trying to get you in; ask the facilitator if it takes long.';
    case CloseCode.DocumentTooLarge:
      return 'The board is too large to add more. You can still delete things.';
    case CloseCode.TooManyMessages:
      return 'This device sent too much at once, so the server paused it. Reconnecting…';
    default:
      return 'The connection was lost. Reconnecting…';
  }
}
