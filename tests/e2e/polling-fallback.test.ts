import { describe, expect, it } from 'vitest';
import { applicantAt } from '../support/applicant-at-step';
import { useAppProcess } from '../support/use-app-process';
import { useBrowser } from '../support/browser';
import { log } from '../support/chat-page';

const DEMO_PASSWORD = 'demo passphrase for tests';
const app = useAppProcess({ DEMO_PASSWORD });
const b = useBrowser();

describe('behind a proxy that refuses WebSocket', () => {
  it('the conversation connects over HTTP long-polling and the applicant can answer', async () => {
    const context = await b.browser().newContext();
    const applicant = await applicantAt(app().url, DEMO_PASSWORD, context, []);
    // Every WebSocket fails before it opens, as behind a proxy that refuses the upgrade.
    await context.addInitScript(() => {
      class RefusedWebSocket {
        readyState = 3;
        onerror: ((event: Event) => void) | null = null;
        onclose: ((event: { code: number; reason: string }) => void) | null = null;
        constructor() {
          setTimeout(() => {
            this.onerror?.(new Event('error'));
            this.onclose?.({ code: 1006, reason: '' });
          }, 10);
        }
        close() {}
        send() {}
      }
      Object.defineProperty(window, 'WebSocket', { value: RefusedWebSocket, configurable: true });
    });
    const page = await context.newPage();
    const polls: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/socket.io/') && request.url().includes('transport=polling')) polls.push(request.method());
    });
    await page.goto(`${app().url}/conversation`);
    await expect.poll(() => log(page).textContent(), { timeout: 20_000 }).toContain('Shall we start?');
    await page.getByRole('button', { name: 'I understand, let’s start' }).click();
    await expect.poll(() => log(page).textContent(), { timeout: 20_000 }).toContain('First, is this you');
    // The answer went over polling: its POST, besides the GETs that wait for the server.
    expect(polls).toContain('POST');
    expect(polls).toContain('GET');
    applicant.close();
    await context.close();
  }, 90_000);
});
