/**
 * Calls `use` with the element `find` returns, now or as soon as it is rendered (parts of a page
 * load lazily, see `routes/conversation/later-widgets.ts`). Gives up after 30 s.
 */
export function whenRendered<T extends HTMLElement>(root: HTMLElement, find: () => T | null | undefined, use: (element: T) => void) {
  const found = find();
  if (found) return use(found);
  const appeared = new MutationObserver(() => {
    const element = find();
    if (!element) return;
    appeared.disconnect();
    use(element);
  });
  appeared.observe(root, { childList: true, subtree: true });
  setTimeout(() => appeared.disconnect(), 30_000);
}
