import { describe, expect, it } from 'vitest';
import { parseRoute } from './router';

describe('parseRoute', () => {
  it('knows home, boards and everything else', () => {
    expect(parseRoute('/')).toEqual({ name: 'home' });
    expect(parseRoute('/b/abcdefghijklmnopqrstuv')).toEqual({ name: 'board', boardId: 'abcdefghijklmnopqrstuv' });
    expect(parseRoute('/b/abcdefghijklmnopqrstuv/')).toEqual({ name: 'board', boardId: 'abcdefghijklmnopqrstuv' });
    expect(parseRoute('/join')).toEqual({ name: 'join' });
    expect(parseRoute('/join/')).toEqual({ name: 'join' });
    expect(parseRoute('/x')).toEqual({ name: 'notFound' });
    expect(parseRoute('/b/')).toEqual({ name: 'notFound' });
  });
});
