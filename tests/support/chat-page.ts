import { expect } from 'vitest';
import type { Page, WebSocketRoute } from 'playwright-core';

/** Keyboard-only helpers for the applicant's chat page in Chromium. */

/** What a screen reader would call the focused element. */
export const focusedName = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    return (el?.getAttribute('aria-label') ?? el?.labels?.[0]?.textContent ?? el?.textContent ?? '').trim();
  });

export const log = (page: Page) => page.getByRole('log');

/** French as the catalogs write it: no-break spaces before : and inside « », narrow ones before ? ; !. */
export const fr = (text: string) =>
  text
    .replace(/ ([:»])/g, '\u00a0$1')
    .replace(/« /g, '«\u00a0')
    .replace(/ ([?;!])/g, '\u202f$1');

/** Waits until the assistant has asked `question` and the focus moved to the answer `focused`. */
export async function asked(page: Page, question: string | RegExp, focused: string) {
  await expect.poll(() => log(page).textContent(), { timeout: 15_000 }).toMatch(question);
  await expect.poll(() => focusedName(page)).toBe(focused);
}

/** Tabs (forward, or backward) to the control named `name`, as a keyboard user does, then presses Enter. */
export async function tabTo(page: Page, name: string, { backwards = false, press = 'Enter' } = {}) {
  for (let i = 0; i < 30 && (await focusedName(page)) !== name; i++) await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  expect(await focusedName(page)).toBe(name);
  if (press) await page.keyboard.press(press);
}

/** Focuses an input by its label and types, as the sign-in test does. */
export async function typeInto(page: Page, label: string, text: string) {
  await page.getByLabel(label, { exact: true }).focus();
  await page.keyboard.type(text);
}

/**
 * The page's Socket.IO connection, relayed through Playwright so that a test can lose what the
 * server sends, cut the connection, and refuse new ones for a while.
 */
export async function unreliableLink(page: Page) {
  const link = { loseRequests: false, loseReplies: false, refuse: false, cut: () => {} };
  const open: WebSocketRoute[] = [];
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    if (link.refuse) return void ws.close();
    const server = ws.connectToServer();
    open.push(ws);
    ws.onMessage((message) => {
      if (!link.loseRequests) server.send(message);
    });
    server.onMessage((message) => {
      if (!link.loseReplies) ws.send(message);
    });
  });
  link.cut = () => open.splice(0).forEach((ws) => void ws.close());
  return link;
}

export const outboxSize = (page: Page) =>
  page.evaluate(
    () =>
      Object.keys(sessionStorage)
        .filter((key) => key.startsWith('landing.outbox.'))
        .map((key) => JSON.parse(sessionStorage.getItem(key)!).length)[0] ?? 0,
  );

export type ChosenFile = { name: string; mimeType: string; buffer: Buffer };

/** Answers the page's file choosers; kept on for the whole test so none is missed while it starts up. */
export function fileChooser(page: Page) {
  let next: { file: ChosenFile; chosen: () => void } | null = null;
  page.on('filechooser', (chooser) => {
    const wanted = next;
    next = null;
    if (wanted) void chooser.setFiles(wanted.file).then(wanted.chosen);
  });
  /** Opens the focused photo picker with the keyboard and picks `file`. */
  return async (file: ChosenFile) => {
    expect(await focusedName(page)).toMatch(/^(Choose a photo|Choisir une photo|Choose another photo|Choisir une autre photo)$/);
    const chosen = new Promise<void>((resolve) => (next = { file, chosen: resolve }));
    await page.keyboard.press('Enter');
    await chosen;
  };
}
