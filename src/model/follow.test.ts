import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { NO_FOLLOW, observeFollow, parseFollow, readFollow, setFollow } from './follow';

describe('session.follow', () => {
  it('reads leniently', () => {
    expect(parseFollow(undefined)).toEqual(NO_FOLLOW);
    expect(parseFollow('yes')).toEqual(NO_FOLLOW);
    expect(parseFollow({ on: 'true', since: 5 })).toEqual({ on: false, since: 5 });
    expect(parseFollow({ on: true, since: Number.NaN })).toEqual({ on: true, since: 0 });
    expect(parseFollow({ on: true, since: 42 })).toEqual({ on: true, since: 42 });
  });

  it('each press is a new one, roaming keeps the last press, observers hear each change once', () => {
    const doc = new Y.Doc();
    const heard: unknown[] = [];
    const off = observeFollow(doc, (r) => heard.push(r));
    setFollow(doc, true, 1000);
    setFollow(doc, true, 1000); // pressed again within the same millisecond
    expect(readFollow(doc)).toEqual({ on: true, since: 1001 });
    setFollow(doc, false, 2000);
    expect(readFollow(doc)).toEqual({ on: false, since: 1001 });
    doc.getMap('session').set('locked', true); // another key: not a follow change
    off();
    expect(heard).toEqual([{ on: true, since: 1000 }, { on: true, since: 1001 }, { on: false, since: 1001 }]);
  });
});
