import { describe, expect, it } from 'vitest';
import { normalizeJoinCode, looksLikeJoinCode } from './api';
import { plainText, textLength, truncateText } from './text';

describe('plain text', () => {
  it('trims, removes controls and bidi overrides, folds line breaks in one-line fields', () => {
    expect(plainText('  Ada\u0000\u0007 Lovelace\u202E ')).toBe('Ada Lovelace');
    expect(plainText('a\r\nb\tc\u2028d')).toBe('a b c d');
    expect(plainText('\u2066x\u2069\uFEFF')).toBe('x');
    expect(plainText('line 1\r\n\r\n\r\nline 2\u0085', { multiline: true })).toBe('line 1\n\nline 2');
    expect(plainText('bad \uD800 half')).toBe('bad half');
    expect(plainText('👩‍💻 ok')).toBe('👩‍💻 ok'); // ZWJ sequences survive
  });

  it('counts and cuts code points', () => {
    expect(textLength('🙂🙂')).toBe(2);
    expect(truncateText('🙂🙂🙂', 2)).toBe('🙂🙂');
    expect(truncateText('abc', 5)).toBe('abc');
  });

  it('normalises join codes', () => {
    expect(normalizeJoinCode(' ab3-k7 q ')).toBe('AB3K7Q');
    expect(looksLikeJoinCode('AB3K7Q')).toBe(true);
    expect(looksLikeJoinCode('AB3K7O')).toBe(false); // no O
    expect(looksLikeJoinCode('AB3K7')).toBe(false);
  });
});
