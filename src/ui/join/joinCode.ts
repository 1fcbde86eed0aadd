/**
 * Join codes (contract): 6 characters from an alphabet without look-alikes (no 0/O, 1/I/L).
 * People type them from a projector, so input is forgiving: any case, spaces and dashes ignored.
 */
import { looksLikeJoinCode, normalizeJoinCode } from '../../protocol/api';

export { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '../../protocol/api';

/** What the server compares (upper case, no spaces or dashes), forgiving dots and underscores too. */
export function normaliseJoinCode(input: string): string {
  return normalizeJoinCode(input.replace(/[_.·]+/g, ''));
}

export function isJoinCode(input: string): boolean {
  return looksLikeJoinCode(normaliseJoinCode(input));
}

/** "K7M2QX" -> "K7M 2QX": two groups of three are easier to read out and to type. */
export function formatJoinCode(code: string): string {
  const c = normaliseJoinCode(code);
  return c.length > 3 ? `${c.slice(0, 3)} ${c.slice(3)}` : c;
}

/** The code from a `?code=` query string, normalised, or '' when there is none. */
export function codeFromSearch(search: string): string {
  const raw = new URLSearchParams(search).get('code');
  return raw ? normaliseJoinCode(raw).slice(0, 12) : '';
}
