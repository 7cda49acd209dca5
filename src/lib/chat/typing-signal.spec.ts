import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TYPING_IDLE_MS, TYPING_REPEAT_MS, TypingSignal } from './typing-signal';

describe('the typing signal', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('says "typing" once per few seconds while keys come, and "stopped" once when they stop', () => {
    const sent: boolean[] = [];
    const signal = new TypingSignal(
      (typing) => sent.push(typing),
      () => Date.now(),
    );
    for (let i = 0; i < 10; i++) {
      signal.input(true);
      vi.advanceTimersByTime(200);
    }
    expect(sent).toEqual([true]);
    vi.advanceTimersByTime(TYPING_REPEAT_MS);
    signal.input(true);
    expect(sent).toEqual([true, true]);
    vi.advanceTimersByTime(TYPING_IDLE_MS);
    expect(sent).toEqual([true, true, false]);
    signal.stop();
    expect(sent).toEqual([true, true, false]);
  });

  it('stops at once when the box is emptied or the message sent, and starts again on the next key', () => {
    const sent: boolean[] = [];
    const signal = new TypingSignal((typing) => sent.push(typing));
    signal.input(true);
    signal.input(false);
    signal.input(true);
    signal.stop();
    vi.advanceTimersByTime(TYPING_IDLE_MS * 2);
    expect(sent).toEqual([true, false, true, false]);
  });
});
