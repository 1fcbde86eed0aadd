/**
 * Board ids: 22 URL-safe base64 characters = 132 bits, of which at least 128 are random. Knowing a
 * board id is not enough to write to it: every connection needs a token.
 */
export const BOARD_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;

export function isBoardId(value: unknown): value is string {
  return typeof value === 'string' && BOARD_ID_PATTERN.test(value);
}

/** Item, frame and annotation ids: short random strings made by clients. */
export const ITEM_ID_PATTERN = /^[A-Za-z0-9_-]{8,32}$/;

export function isItemId(value: unknown): value is string {
  return typeof value === 'string' && ITEM_ID_PATTERN.test(value);
}
