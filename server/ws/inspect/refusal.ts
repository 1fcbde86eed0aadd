/**
 * A refused message: the connection is closed with `code` and a short `reason` (close reasons
 * are limited to 123 bytes). Thrown by validators, caught once by the connection's dispatcher.
 */
import { CloseCode } from '../../../src/protocol/closeCodes';

export class Refusal extends Error {
  constructor(readonly code: number, readonly reason: string) {
    super(reason);
  }
}

export function malformed(reason: string): Refusal {
  return new Refusal(CloseCode.BadMessage, reason);
}

export function forbidden(reason: string): Refusal {
  return new Refusal(CloseCode.Forbidden, reason);
}
