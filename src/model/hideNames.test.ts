import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readHideNames, setHideNames } from './session';

describe('session.hideNames', () => {
  it('is off unless exactly true, and switches both ways', () => {
    const doc = new Y.Doc();
    expect(readHideNames(doc)).toBe(false);
    doc.getMap<unknown>('session').set('hideNames', 'yes');
    expect(readHideNames(doc)).toBe(false);
    setHideNames(doc, true);
    expect(readHideNames(doc)).toBe(true);
    setHideNames(doc, false);
    expect(doc.getMap<unknown>('session').get('hideNames')).toBe(false);
  });
});
