import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applicantAt, NEW_PASSWORD, toPhotoStep } from '../support/applicant-at-step';
import { useAppProcess } from '../support/use-app-process';
import { useBrowser } from '../support/browser';
import { log, typeInto } from '../support/chat-page';

const DEMO_PASSWORD = 'demo passphrase for tests';
const app = useAppProcess({ DEMO_PASSWORD });
const b = useBrowser();

interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  links: string[];
}

describe('the eCOPR in the applicant’s hands', () => {
  it('is downloaded from the confirmation card, reads right, is audited, and the email leads through sign-in to it', async () => {
    const context = await b.browser().newContext({ viewport: { width: 1280, height: 720 } });
    const applicant = await applicantAt(app().url, DEMO_PASSWORD, context, toPhotoStep);
    const photo = readFileSync(new URL('../fixtures/photo-valid.jpg', import.meta.url));
    const upload = await applicant.http.request('/api/photos', {
      method: 'PUT',
      body: new Uint8Array(photo),
      headers: { 'content-type': 'image/jpeg' },
    });
    expect(upload.status).toBe(201);
    await applicant.client.must({ type: 'PHOTO_UPLOADED', photoId: upload.data.photoId });
    await applicant.client.must({ type: 'SIGN', signature: 'Zoë Lévesque-Tremblay' });

    // The officer approves the photo and confirms permanent residence.
    const caseId = `case-${applicant.personId}`;
    expect((await applicant.officer.post(`/api/staff/cases/${caseId}/photo/approve`)).status).toBe(200);
    expect((await applicant.officer.post(`/api/staff/cases/${caseId}/confirm`)).status).toBe(200);
    await expect.poll(() => applicant.client.view?.confirmation?.documentNumber ?? null).not.toBeNull();
    const { documentNumber } = applicant.client.view!.confirmation!;

    // The applicant's card: the button, the days left, what to do with it, where the card goes.
    const page = await context.newPage();
    await page.goto(`${app().url}/conversation`, { waitUntil: 'networkidle' });
    const card = page.locator('#ecopr');
    await expect.poll(() => card.count(), { timeout: 20_000 }).toBe(1);
    const text = (await card.textContent())!;
    expect(text).toContain(documentNumber);
    expect(text).toMatch(/30 days left to download it, until \w+ \d+, \d{4} at .+ E[SD]T\./);
    expect(text).toContain('For a child under 14, a parent signs it.');
    expect(text).toContain('will be mailed to this address once it is made: 24 Sussex Dr, Ottawa ON K1M 1M4');
    // The assistant's message carries the same button.
    expect(await log(page).getByRole('link', { name: 'Download your eCOPR (PDF)' }).count()).toBe(1);
    await card.scrollIntoViewIfNeeded();
    await b.screenshot('ecopr-card-en', page);
    await page.getByRole('button', { name: 'Afficher cette page en français' }).click();
    await expect.poll(() => card.textContent()).toContain('Télécharger votre CRPe (PDF)');
    await b.screenshot('ecopr-card-fr', page);
    await page.getByRole('button', { name: 'Display this page in English' }).click();
    await expect.poll(() => applicant.client.view?.lang).toBe('en');

    const download = page.waitForEvent('download');
    await card.getByRole('link', { name: 'Download your eCOPR (PDF)' }).click();
    const file = await (await download).path();
    const pdfText = execFileSync('/usr/bin/pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (const expected of ['Zoë', 'Lévesque-Tremblay', applicant.uci, documentNumber]) expect(pdfText).toContain(expected);

    // The download is audited, for the officer to see on the case.
    const detail = await applicant.officer.request(`/api/staff/cases/${caseId}`);
    expect(detail.data.audit.filter((entry: { action: string }) => entry.action === 'ecopr.downloaded')).toHaveLength(1);

    // The email: a link to sign in, nothing that opens the document by itself.
    let mail: Mail | undefined;
    await expect
      .poll(
        async () => {
          const mails = (await (await fetch(`${app().url}/api/dev/mailbox?to=${encodeURIComponent(applicant.email)}`)).json()) as Mail[];
          mail = mails.find((m) => m.links.some((l) => l.includes('/signin?next=')));
          return mail !== undefined;
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    const link = mail!.links.find((l) => l.includes('/signin?next='))!;
    expect(new URL(link).pathname).toBe('/signin');
    expect(new URL(link).searchParams.get('next')).toBe('/conversation#ecopr');
    expect(mail!.links.every((l) => !l.includes('/api/') && !/token/i.test(l))).toBe(true);
    expect(mail!.text).not.toMatch(/\d{4}-\d{2}-\d{2}T/); // dates written for people, not ISO

    // A fresh browser (signed out) follows the link, signs in, and lands on the eCOPR.
    const other = await b.browser().newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const phone = await other.newPage();
    await phone.goto(link.replace('localhost', '127.0.0.1'), { waitUntil: 'networkidle' });
    await typeInto(phone, 'Username', applicant.username);
    await typeInto(phone, 'Password', NEW_PASSWORD);
    await phone.keyboard.press('Enter');
    await phone.waitForURL('**/conversation#ecopr');
    await expect.poll(() => phone.evaluate(() => document.activeElement?.id), { timeout: 20_000 }).toBe('outcome-title');
    const box = (await phone.locator('#ecopr').getByRole('link', { name: 'Download your eCOPR (PDF)' }).boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(844);
    await phone.screenshot({ path: 'test-results/screens/ecopr-from-email-phone.png' });
    applicant.close();
    await other.close();
    await context.close();
  }, 180_000);
});
