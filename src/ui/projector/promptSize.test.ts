import { describe, expect, it } from 'vitest';
import { compactPromptLayout, promptLayout } from './promptSize';

describe('projector prompt layout', () => {
  it('short prompts are huge and share the row; long ones take the whole row; never below 40 px', () => {
    expect(promptLayout('Draw your ideal workspace', false)).toEqual({ fontSize: 68, wide: false, lines: 3 });
    expect(promptLayout('Draw the way you came here today', true)).toEqual({ fontSize: 56, wide: false, lines: 3 });
    expect(promptLayout('x'.repeat(20), true).fontSize).toBe(68);
    expect(promptLayout('x'.repeat(80), true)).toEqual({ fontSize: 56, wide: true, lines: 3 });
    expect(promptLayout('x'.repeat(80), false)).toEqual({ fontSize: 56, wide: false, lines: 3 });
    expect(promptLayout('x'.repeat(200), true)).toEqual({ fontSize: 46, wide: true, lines: 3 });
    expect(promptLayout('x'.repeat(500), true)).toEqual({ fontSize: 40, wide: true, lines: 4 });
    // Code points, not UTF-16 units: 24 emoji are 24 characters.
    expect(promptLayout('🙂'.repeat(24), true).fontSize).toBe(68);
  });
});

describe('compactPromptLayout', () => {
  it('keeps the prompt to one line of at most 48 px in a gallery', () => {
    expect(compactPromptLayout('Draw your ideal workspace', true)).toEqual({ fontSize: 48, wide: false, lines: 1 });
    expect(compactPromptLayout('x'.repeat(300), false)).toEqual({ fontSize: 40, wide: false, lines: 1 });
  });
});
