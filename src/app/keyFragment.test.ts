import { describe, expect, it } from 'vitest';
import { parseKeyFragment, withoutFragment } from './keyFragment';

const KEY = 'abcDEF123_-abcDEF123_-abcDEF123_-abcDEF1234';

describe('parseKeyFragment', () => {
  it('reads #key= and ignores other parameters', () => {
    expect(parseKeyFragment(`#key=${KEY}`)).toBe(KEY);
    expect(parseKeyFragment(`key=${KEY}`)).toBe(KEY);
    expect(parseKeyFragment(`#view=1&key=${KEY}`)).toBe(KEY);
  });

  it('returns null without a usable key', () => {
    expect(parseKeyFragment('')).toBeNull();
    expect(parseKeyFragment('#')).toBeNull();
    expect(parseKeyFragment('#section-2')).toBeNull();
    expect(parseKeyFragment('#key=')).toBeNull();
    expect(parseKeyFragment('#key=short')).toBeNull();
    expect(parseKeyFragment('#key=has spaces in it and more')).toBeNull();
  });

  it('strips the fragment but keeps path and query', () => {
    expect(withoutFragment('/b/abc', '?x=1')).toBe('/b/abc?x=1');
    expect(withoutFragment('/b/abc', '')).toBe('/b/abc');
  });
});
