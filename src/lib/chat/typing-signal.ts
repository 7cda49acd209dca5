/** Resend "typing" at most this often while someone keeps typing. */
export const TYPING_REPEAT_MS = 3_000;
/** Say "stopped" after this long without a keystroke. */
export const TYPING_IDLE_MS = 4_000;

/**
 * The "is typing…" signal one side sends while writing in a chat box: `true` at the first keystroke,
 * again at most every few seconds while the typing goes on, and `false` once when it stops (sent,
 * emptied, left, or idle for a moment). Throttled so a fast typist does not flood the socket.
 */
export class TypingSignal {
  #typing = false;
  #lastSent = 0;
  #idle: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly send: (typing: boolean) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** A keystroke; `hasText` says whether the box still holds anything. */
  input(hasText: boolean) {
    if (!hasText) return this.stop();
    if (!this.#typing || this.now() - this.#lastSent >= TYPING_REPEAT_MS) {
      this.#typing = true;
      this.#lastSent = this.now();
      this.send(true);
    }
    clearTimeout(this.#idle);
    this.#idle = setTimeout(() => this.stop(), TYPING_IDLE_MS);
  }

  /** Typing is over (the message was sent, the box emptied or left). */
  stop() {
    clearTimeout(this.#idle);
    if (!this.#typing) return;
    this.#typing = false;
    this.send(false);
  }
}
