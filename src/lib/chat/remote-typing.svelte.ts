/** A "typing" signal that is not renewed within this time has stopped (the sender may be gone). */
export const TYPING_EXPIRES_MS = 7_000;

/** Who on the other side of the chat is typing now, from their `chat:typing` signals. */
export class RemoteTyping {
  /** The name of the person typing, or null. */
  name = $state<string | null>(null);
  #expiry: ReturnType<typeof setTimeout> | undefined;

  signal(name: string, typing: boolean) {
    clearTimeout(this.#expiry);
    this.name = typing ? name : null;
    if (typing) this.#expiry = setTimeout(() => (this.name = null), TYPING_EXPIRES_MS);
  }

  clear() {
    clearTimeout(this.#expiry);
    this.name = null;
  }
}
