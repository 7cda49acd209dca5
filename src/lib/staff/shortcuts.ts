/** A keyboard shortcut of a staff screen: the key, and the message key of what it does. */
export interface Shortcut {
  key: string;
  label: string;
  run: () => void;
}

/** True while the person is typing: shortcuts must never steal a letter from a field. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * A keydown listener for `shortcuts` (plain keys only: no Ctrl, Alt or Meta, so the browser's and
 * the screen reader's own keys keep working). Ignored while typing in a field or inside an open dialog.
 */
export function shortcutListener(shortcuts: () => Shortcut[]) {
  return (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey || isTyping(event.target)) return;
    if (event.target instanceof Element && event.target.closest('dialog[open]')) return;
    const shortcut = shortcuts().find((s) => s.key === event.key);
    if (!shortcut) return;
    event.preventDefault();
    shortcut.run();
  };
}
