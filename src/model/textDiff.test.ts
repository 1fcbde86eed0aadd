import { describe, expect, it } from 'vitest';
import { diffText } from './textDiff';

const apply = (s: string, e: ReturnType<typeof diffText>): string => (e ? s.slice(0, e.index) + e.insert + s.slice(e.index + e.remove) : s);

describe('diffText', () => {
  it.each([
    ['', 'abc'], ['abc', ''], ['hello world', 'hello brave world'], ['aaa', 'aa'], ['abc', 'xbz'], ['same', 'same'],
    ['smile 😀 ok', 'smile 😃 ok'], ['😀', '😀😀'],
  ])('%j -> %j', (a, b) => {
    const e = diffText(a, b);
    expect(apply(a, e)).toBe(b);
    if (e) expect(e.insert).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
  });

  it('keeps the common prefix and suffix', () => {
    expect(diffText('hello world', 'hello brave world')).toEqual({ index: 6, remove: 0, insert: 'brave ' });
  });
});
