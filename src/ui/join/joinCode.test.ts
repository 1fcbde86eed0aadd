import { describe, expect, it } from 'vitest';
import { codeFromSearch, formatJoinCode, isJoinCode, normaliseJoinCode } from './joinCode';

describe('join codes', () => {
  it('normalise case, spaces and dashes', () => {
    expect(normaliseJoinCode(' k7m-2qx ')).toBe('K7M2QX');
    expect(normaliseJoinCode('k7m 2q x')).toBe('K7M2QX');
  });

  it('accept only six characters from the alphabet', () => {
    expect(isJoinCode('k7m 2qx')).toBe(true);
    expect(isJoinCode('K7M2Q')).toBe(false);
    expect(isJoinCode('K7M2QXA')).toBe(false);
    expect(isJoinCode('K0M2QX')).toBe(false); // zero is not in the alphabet
    expect(isJoinCode('KIM2QX')).toBe(false); // nor I
  });

  it('format as two groups of three', () => {
    expect(formatJoinCode('k7m2qx')).toBe('K7M 2QX');
    expect(formatJoinCode('K7')).toBe('K7');
  });

  it('read ?code= from the address', () => {
    expect(codeFromSearch('?code=k7m-2qx')).toBe('K7M2QX');
    expect(codeFromSearch('?other=1')).toBe('');
    expect(codeFromSearch('')).toBe('');
  });
});
