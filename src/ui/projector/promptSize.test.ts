import { describe, expect, it } from 'vitest';
import { promptFontSize } from './promptSize';

describe('projector prompt size', () => {
  it('short prompts are huge, long ones shrink but never below 40 px', () => {
    expect(promptFontSize('Draw your ideal workspace', false)).toBe(68);
    expect(promptFontSize('x'.repeat(70), false)).toBe(56);
    expect(promptFontSize('x'.repeat(70), true)).toBe(68);
    expect(promptFontSize('x'.repeat(120), false)).toBe(46);
    expect(promptFontSize('x'.repeat(500), false)).toBe(40);
    // Code points, not UTF-16 units: 40 emoji are 40 characters.
    expect(promptFontSize('🙂'.repeat(40), false)).toBe(68);
  });
});
