import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { TOP_RED, beyondLimitPng, cameraPicture, notAnImage, undecodableJpeg } from '../fixtures/phone-photos';
import { applicantAt, phoneContext, toPhotoStep } from '../support/applicant-at-step';
import { useAppProcess } from '../support/use-app-process';
import { useBrowser } from '../support/browser';
import type { ConversationClient } from '../support/conversation-client';
import { fr, log } from '../support/chat-page';

const DEMO_PASSWORD = 'demo passphrase for tests';
const MB = 1024 * 1024;
const app = useAppProcess({ DEMO_PASSWORD });
const b = useBrowser();

type Picked = { name: string; mimeType: string; buffer: Buffer };

/** An applicant at the photo step, on this page, with every request the page makes recorded. */
async function atPhotoStep(context: BrowserContext) {
  const applicant = await applicantAt(app().url, DEMO_PASSWORD, context, toPhotoStep);
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (request) => requests.push(`${request.method()} ${new URL(request.url()).pathname}`));
  // Playwright does not expose a Blob request body: keep a copy of what the page hands to XHR.
  await page.addInitScript(() => {
    // Timing inside the page: from the file's choice to the crop tool on screen, and the longest task meanwhile.
    const w = window as unknown as { pickedAt: number; cropAt: number; longest: number };
    w.longest = 0;
    document.addEventListener('change', () => ((w.pickedAt = performance.now()), (w.cropAt = 0), (w.longest = 0)), true);
    new PerformanceObserver((list) =>
      list.getEntries().forEach((e) => {
        // Only tasks after the choice: Playwright's own file hand-over comes before it.
        if (e.startTime >= w.pickedAt) w.longest = Math.max(w.longest, e.duration);
      }),
    ).observe({ type: 'longtask' });
    new MutationObserver(() => {
      if (!w.cropAt && document.querySelector('.cropper canvas')) w.cropAt = performance.now();
    }).observe(document, { childList: true, subtree: true });
    const send = XMLHttpRequest.prototype.send;
    const sent: Blob[] = ((window as unknown as { sentBlobs: Blob[] }).sentBlobs = []);
    XMLHttpRequest.prototype.send = function (body) {
      if (body instanceof Blob) sent.push(body);
      return send.call(this, body);
    };
  });
  const uploads = async () =>
    (
      await page.evaluate(() =>
        Promise.all(
          (window as unknown as { sentBlobs: Blob[] }).sentBlobs.map(async (blob) => [...new Uint8Array(await blob.arrayBuffer())]),
        ),
      )
    ).map((bytes) => Buffer.from(bytes));
  await page.goto(`${app().url}/conversation`, { waitUntil: 'networkidle' });
  await expect.poll(() => page.locator('label[for="photo-file"]').textContent(), { timeout: 20_000 }).toBe('Choose a photo');
  return { applicant, page, requests, uploads };
}

const pick = (page: Page, file: Picked) => page.locator('#photo-file').setInputFiles(file);
const frameBox = (page: Page) => page.getByRole('application', { name: /Photo frame|Cadre de la photo/ });
const frameStyle = (page: Page) =>
  frameBox(page).evaluate((el: HTMLElement) => ({
    left: parseFloat(el.style.left),
    top: parseFloat(el.style.top),
    width: parseFloat(el.style.width),
  }));
/** Milliseconds from choosing the file to the crop tool on screen, and the longest task in between (ms). */
const openTiming = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { pickedAt: number; cropAt: number; longest: number };
    return { ready: Math.round(w.cropAt - w.pickedAt), longestTask: Math.round(w.longest) };
  });
const said = (page: Page) => page.locator('.cropper [role="status"]').textContent();

/** Switches the page's language and waits until the case has it too (so a quick switch back is not undone by the echo). */
async function switchLanguage(page: Page, to: 'en' | 'fr', client: ConversationClient) {
  await page.getByRole('button', { name: to === 'fr' ? 'Afficher cette page en français' : 'Display this page in English' }).click();
  await expect.poll(() => page.getAttribute('html', 'lang')).toBe(to);
  await expect.poll(() => client.view?.lang).toBe(to);
}

/** Real touch input through Chromium's DevTools protocol: what a finger on a phone sends. */
async function touch(cdp: CDPSession, from: { x: number; y: number }[], to: { x: number; y: number }[], steps = 8) {
  const points = (t: number) =>
    from.map((start, id) => ({ id, x: start.x + (to[id]!.x - start.x) * t, y: start.y + (to[id]!.y - start.y) * t }));
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: points(0) });
  for (let i = 1; i <= steps; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: points(i / steps) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

/** Checks one JPEG as the rules want it: 5:7, 715 × 1000 to 2000 × 2800, under 4 MB, no metadata, red on top. */
async function expectCardPhoto(bytes: Buffer) {
  const meta = await sharp(bytes).metadata();
  expect(meta.format).toBe('jpeg');
  expect(bytes.length).toBeLessThan(4 * MB);
  expect(meta.width).toBeGreaterThanOrEqual(715);
  expect(meta.width).toBeLessThanOrEqual(2000);
  expect(meta.height).toBeGreaterThanOrEqual(1000);
  expect(meta.height).toBeLessThanOrEqual(2800);
  expect(Math.abs(meta.width! / meta.height! / (5 / 7) - 1)).toBeLessThan(0.01);
  expect([meta.exif, meta.icc, meta.xmp, meta.iptc, meta.orientation]).toEqual([undefined, undefined, undefined, undefined, undefined]);
  const { data } = await sharp(bytes)
    .extract({ left: 0, top: 0, width: meta.width!, height: 8 })
    .resize(1, 1)
    .raw()
    .toBuffer({ resolveWithObject: true });
  const bottom = await sharp(bytes)
    .extract({ left: 0, top: meta.height! - 8, width: meta.width!, height: 8 })
    .resize(1, 1)
    .raw()
    .toBuffer();
  expect(Math.abs(data[0]! - TOP_RED.r) + Math.abs(data[1]! - TOP_RED.g) + Math.abs(data[2]! - TOP_RED.b)).toBeLessThan(60); // red on top
  expect(Math.abs(bottom[0]! - TOP_RED.r) + Math.abs(bottom[1]! - TOP_RED.g)).toBeGreaterThan(60); // and not at the bottom
}

/** Frames (top edge on the picture's top), makes, checks and sends the photo; then checks what the server stored. */
async function frameAndSend(page: Page, applicant: Awaited<ReturnType<typeof atPhotoStep>>['applicant'], uploads: () => Promise<Buffer[]>) {
  await frameBox(page).focus();
  for (let i = 0; i < 12; i++) await page.keyboard.press('Shift+ArrowUp');
  await page.getByRole('button', { name: 'Use this frame' }).click();
  await expect.poll(() => page.getByRole('button', { name: 'Send this photo' }).count(), { timeout: 20_000 }).toBe(1);
  expect(await page.locator('.preview .size').textContent()).toMatch(/^\d[\d,]* × \d[\d,]* pixels$/);
  await page.getByRole('button', { name: 'Send this photo' }).click();
  await expect.poll(() => log(page).textContent(), { timeout: 20_000 }).toContain('Here is my photo.');
  const sent = await uploads();
  expect(sent).toHaveLength(1);
  await expectCardPhoto(sent[0]!);
  await expect.poll(() => applicant.client.view?.photo.id ?? null).not.toBeNull();
  const stored = await applicant.http.request(`/api/photos/${applicant.client.view!.photo.id}`);
  expect(stored.status).toBe(200);
  await expectCardPhoto(
    Buffer.from(
      await (
        await fetch(`${app().url}/api/photos/${applicant.client.view!.photo.id}`, { headers: { cookie: applicant.http.cookieHeader } })
      ).arrayBuffer(),
    ),
  );
}

describe('the photo fixer on a phone', () => {
  it('frames a 3024 × 4032 phone JPEG turned by EXIF with touch and keyboard, and the server stores a 5:7 photo the right way up', async () => {
    const picture = await cameraPicture({ width: 3024, height: 4032, noise: 30, orientation: 6 });
    expect(picture.length).toBeGreaterThan(4 * MB);
    expect(picture.length).toBeLessThan(6 * MB);
    const stored = await sharp(picture).metadata();
    expect([stored.width, stored.height, stored.orientation]).toEqual([4032, 3024, 6]);

    const context = await phoneContext(b.browser());
    const { applicant, page, uploads } = await atPhotoStep(context);
    const cdp = await context.newCDPSession(page);
    const started = Date.now();
    await pick(page, { name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: picture });
    await expect.poll(() => frameBox(page).count(), { timeout: 20_000 }).toBe(1);
    const openMs = Date.now() - started;
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('application');
    // Upright: the stage has the picture's 3:4 portrait shape, not the stored 4:3.
    const stage = (await page.locator('.stage').boundingBox())!;
    expect(stage.height / stage.width).toBeCloseTo(4 / 3, 1);
    // Starts centred across, on the upper part.
    const first = await frameStyle(page);
    expect(Math.abs(first.left + first.width / 2 - 50)).toBeLessThan(1);
    expect(first.top).toBeLessThan(10);
    await page.evaluate(() => window.scrollTo(0, document.querySelector('.cropper')!.getBoundingClientRect().top + scrollY - 8));
    await b.screenshot('photo-crop-phone-en', page);
    await page.screenshot({ path: 'test-results/screens/photo-crop-phone-en-screen.png' });
    await switchLanguage(page, 'fr', applicant.client);
    await expect.poll(() => page.getByRole('heading', { name: 'Cadrez votre photo' }).count()).toBe(1);
    await b.screenshot('photo-crop-phone-fr', page);
    await switchLanguage(page, 'en', applicant.client);
    await frameBox(page).focus();

    // Keyboard: arrows move, + and − zoom, and the live region says what changed.
    await page.keyboard.press('+');
    await expect.poll(() => said(page)).toMatch(/^Zoom \d+%\.$/);
    const zoomed = await frameStyle(page);
    expect(zoomed.width).toBeLessThan(first.width);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => said(page)).toBe('Frame moved down.');
    expect((await frameStyle(page)).top).toBeGreaterThan(zoomed.top);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => said(page)).toBe('Frame moved left.');
    await page.keyboard.press('-');
    await expect.poll(() => said(page)).toMatch(/^Zoom \d+%\.$/);

    // Touch: one finger drags the frame, two fingers pinch it.
    const box = (await frameBox(page).boundingBox())!;
    const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    const before = await frameStyle(page);
    await touch(cdp, [centre], [{ x: centre.x + 30, y: centre.y - 20 }]);
    const dragged = await frameStyle(page);
    expect(dragged.left).toBeGreaterThan(before.left);
    expect(dragged.top).toBeLessThan(before.top);
    await expect.poll(() => said(page)).toBe('Frame moved.');
    await touch(
      cdp,
      [
        { x: centre.x - 20, y: centre.y },
        { x: centre.x + 20, y: centre.y },
      ],
      [
        { x: centre.x - 80, y: centre.y },
        { x: centre.x + 80, y: centre.y },
      ],
    );
    const pinched = await frameStyle(page);
    expect(pinched.width).toBeLessThan(dragged.width); // spreading the fingers zooms in: a smaller frame
    await expect.poll(() => said(page)).toMatch(/^Zoom \d+%\.$/);

    await frameAndSend(page, applicant, uploads);
    console.info(`phone JPEG 3024×4032 (${(picture.length / MB).toFixed(1)} MB): crop tool ready in ${openMs} ms with the file transfer`);
    applicant.close();
    await context.close();
  }, 180_000);

  it('refuses a file beyond the limit, a non-image and an undecodable JPEG on the page, in English and French, sending nothing', async () => {
    const context = await phoneContext(b.browser());
    const { applicant, page, requests } = await atPhotoStep(context);
    const cases: [Picked, string, string][] = [
      [{ name: 'huge.png', mimeType: 'image/png', buffer: await beyondLimitPng() }, 'more than 60 megapixels', 'plus de 60 mégapixels'],
      [
        { name: 'letter.jpg', mimeType: 'image/jpeg', buffer: notAnImage() },
        'This file is not a photo.',
        'Ce fichier n’est pas une photo.',
      ],
      [
        { name: 'broken.jpg', mimeType: 'image/jpeg', buffer: await undecodableJpeg() },
        'We could not read this photo',
        'Nous n’avons pas pu lire cette photo',
      ],
    ];
    const alert = page.getByRole('alert').filter({ hasText: /./ });
    for (const [file, english, french] of cases) {
      const sent = requests.length;
      await pick(page, file);
      await expect.poll(() => alert.textContent(), { timeout: 15_000 }).toContain(english);
      await switchLanguage(page, 'fr', applicant.client);
      await expect.poll(() => alert.textContent()).toContain(fr(french));
      if (file.name === 'broken.jpg') await b.screenshot('photo-refused-before-upload-fr', page);
      await switchLanguage(page, 'en', applicant.client);
      if (file.name === 'broken.jpg') await b.screenshot('photo-refused-before-upload-en', page);
      // Nothing about the file reaches the server (the page may still fetch its own code and strings).
      expect(
        requests.slice(sent).filter((r) => !r.startsWith('GET /_app/')),
        file.name,
      ).toEqual([]);
      expect(await frameBox(page).count()).toBe(0);
    }
    applicant.close();
    await context.close();
  }, 120_000);

  it('shrinks a 6 MB phone JPEG and a 20 MB JPEG on a phone, and a 7000 × 7000 PNG on a desktop', async () => {
    const sixMb = await cameraPicture({ width: 3024, height: 4032, noise: 36 });
    const twentyMb = await cameraPicture({ width: 3456, height: 4608, noise: 45, quality: 98 });
    const square = await cameraPicture({ width: 7000, height: 7000, noise: 0, format: 'png' });
    expect(sixMb.length).toBeGreaterThan(5.5 * MB);
    expect(twentyMb.length).toBeGreaterThan(18 * MB);
    for (const [name, buffer, desktop] of [
      ['phone.jpg', sixMb, false],
      ['camera.jpg', twentyMb, false],
      ['square.png', square, true],
    ] as const) {
      const context = desktop ? await b.browser().newContext({ viewport: { width: 1280, height: 720 } }) : await phoneContext(b.browser());
      const { applicant, page, uploads } = await atPhotoStep(context);
      const started = Date.now();
      await pick(page, { name, mimeType: name.endsWith('png') ? 'image/png' : 'image/jpeg', buffer });
      await expect.poll(() => frameBox(page).count(), { timeout: 30_000 }).toBe(1);
      const timing = await openTiming(page);
      console.info(
        `${name} (${(buffer.length / MB).toFixed(1)} MB): crop tool ready ${timing.ready} ms after the choice (longest task ${timing.longestTask} ms); ${Date.now() - started} ms with the file transfer`,
      );
      expect(timing.ready).toBeLessThan(8_000); // decoded at a reduced size: seconds at worst on this loaded 2-core machine
      if (desktop) {
        await b.screenshot('photo-crop-desktop-en', page);
        await switchLanguage(page, 'fr', applicant.client);
        await b.screenshot('photo-crop-desktop-fr', page);
        await switchLanguage(page, 'en', applicant.client);
      }
      await frameAndSend(page, applicant, uploads);
      applicant.close();
      await context.close();
    }
  }, 240_000);
});
