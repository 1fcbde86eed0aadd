import { describe, expect, it } from 'vitest';
import { DEFAULT_TIMER, pauseTimer, startTimer } from '../../model/session';
import { chipView, formatClock, secondsLeft, spokenClock } from './timerText';

describe('timer text', () => {
  it('rounds up to whole seconds and reads mm:ss', () => {
    expect(secondsLeft(59_200)).toBe(60);
    expect(formatClock(60_000)).toBe('01:00');
    expect(formatClock(59_001)).toBe('01:00');
    expect(formatClock(59_000)).toBe('00:59');
    expect(formatClock(605_000)).toBe('10:05');
    expect(formatClock(0)).toBe('00:00');
    expect(formatClock(-5)).toBe('00:00');
    expect(spokenClock(65_000)).toBe('1 minute 5 seconds left');
    expect(spokenClock(120_000)).toBe('2 minutes left');
    expect(spokenClock(1_000)).toBe('1 second left');
  });

  it('is hidden when idle, amber in the last 30 s, "Time’s up" at zero, marked when paused', () => {
    const t = startTimer(DEFAULT_TIMER, 60_000, 0);
    expect(chipView(DEFAULT_TIMER, 0).visible).toBe(false);
    expect(chipView(t, 0)).toMatchObject({ visible: true, text: '01:00', tone: 'calm' });
    expect(chipView(t, 29_500).tone).toBe('calm'); // 31 s left
    expect(chipView(t, 30_000)).toMatchObject({ text: '00:30', tone: 'soon' });
    expect(chipView(t, 60_000)).toMatchObject({ text: 'Time’s up', tone: 'up' });
    expect(chipView(pauseTimer(t, 50_000), 99_000)).toMatchObject({ text: '00:10', tone: 'paused' });
  });
});
