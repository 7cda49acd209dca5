import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { makePhoto } from '../fixtures/photos';
import { useAppProcess } from '../support/use-app-process';
import { useBrowser } from '../support/browser';
import { asked, fileChooser, focusedName, fr, log, outboxSize, tabTo, typeInto, unreliableLink } from '../support/chat-page';
import { applicantByInvitation } from '../support/applicant-invitation';

const DEMO_PASSWORD = 'demo passphrase for tests';
const NEW_PASSWORD = 'maple syrup on a snowy morning';
const app = useAppProcess({ DEMO_PASSWORD });

const b = useBrowser();

/**
 * Full-page screenshot with the page scrolled to the end, so the sticky answer bar rests in its
 * place under the last answer instead of floating over the transcript.
 */
async function shoot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await b.screenshot(`conversation-${name}`);
}

/** Screenshot of just the screen, as the person sees it now (scroll position and focus as they are). */
async function look(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screens/conversation-${name}-screen.png` });
}

/** Screenshots the current step in the current language and in the other one, then puts language and focus back. */
async function shootBoth(page: Page, name: string) {
  const lang = (await page.getAttribute('html', 'lang'))!;
  const other = lang === 'en' ? 'fr' : 'en';
  const switchTo = (to: string) =>
    page.getByRole('button', { name: to === 'fr' ? 'Afficher cette page en français' : 'Display this page in English' });
  const focused = await page.evaluateHandle(() => document.activeElement as HTMLElement);
  await shoot(page, `${name}-${lang}`);
  await switchTo(other).press('Enter');
  await expect.poll(() => page.getAttribute('html', 'lang')).toBe(other);
  await shoot(page, `${name}-${other}`);
  await switchTo(lang).press('Enter');
  await expect.poll(() => page.getAttribute('html', 'lang')).toBe(lang);
  await focused.evaluate((el) => {
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: 'nearest' });
  });
}

describe('the applicant’s conversation', () => {
  it('goes from invitation to a signed submission with the keyboard alone, in English then French, and survives a reload', async () => {
    const { username, password, officer, personId } = await applicantByInvitation(app().url, DEMO_PASSWORD);
    const page = b.page();
    const link = await unreliableLink(page);
    const choosePhoto = fileChooser(page);

    // First sign-in: temporary password, then a new one, then straight into the conversation.
    await page.goto(`${app().url}/signin`, { waitUntil: 'networkidle' });
    await typeInto(page, 'Username', username);
    await typeInto(page, 'Password', password);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/account/password');
    await typeInto(page, 'Current password', password);
    await typeInto(page, 'New password', NEW_PASSWORD);
    await typeInto(page, 'Type the new password again', NEW_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/conversation');
    expect(await page.title()).toBe('Your landing conversation – Landing Portal');

    // A first visit starts at the top of the welcome; the first answer is a few Tabs away, after the page header.
    await expect.poll(() => log(page).textContent()).toContain('Shall we start?');
    expect(await page.locator('.badge').textContent()).toContain('Connected');
    expect(await page.getByRole('progressbar').getAttribute('aria-valuetext')).toBe('Step 1 of 8: Welcome');
    await shootBoth(page, '00-welcome');
    await tabTo(page, 'I understand, let’s start');

    await asked(page, 'First, is this you? Zoë Lévesque-Tremblay, date of birth April 12, 1990', 'Yes, this is me');
    await look(page, '01-identity-en');
    await shootBoth(page, '01-identity');
    await page.keyboard.press('Enter');

    await asked(page, 'Are you in Canada right now?', 'Yes');
    await page.keyboard.press('Enter');

    await asked(page, 'On what date did you last enter Canada?', 'Date of entry into Canada');
    await page.keyboard.type('03052024');
    await shootBoth(page, '02-entry-date');
    await page.keyboard.press('Enter');

    await asked(page, 'I am physically in Canada today.', 'I am physically in Canada');
    expect(await log(page).textContent()).toContain('Date of entry into Canada: March 5, 2024');
    // The server applies this answer but its reply is lost with the connection: sent again on
    // reconnect, it is recognised by its id and shows once.
    link.loseReplies = true;
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-pending]').textContent()).toContain('Sending…');
    link.cut();
    link.loseReplies = false;

    await asked(page, 'Has your marital status changed?', 'Yes');
    await look(page, '03-changes-en');
    expect(await log(page).getByText('I am physically in Canada.', { exact: true }).count()).toBe(1);
    expect(await page.locator('[data-pending]').count()).toBe(0);
    await shootBoth(page, '03-changes');
    await tabTo(page, 'No');
    await asked(page, 'Do you have a new dependant?', 'Yes');
    await tabTo(page, 'No');

    // Free text is always there: a question about the application's status, then a typed answer.
    await asked(page, 'Have you been charged with or convicted of a crime', 'Yes');
    await typeInto(page, 'Type a message', 'What is the status of my application?');
    await page.keyboard.press('Enter');
    await expect.poll(() => log(page).textContent()).toContain('This portal doesn’t show the status of your application.');
    await page.keyboard.type('no');
    await page.keyboard.press('Enter');
    await asked(page, 'Has your health changed in a serious way?', 'Yes');

    // "Talk to a person" is there at every step: waiting for an agent can be called off, and the focus stays close.
    await tabTo(page, 'Help: talk to a person');
    await expect.poll(() => focusedName(page)).toBe('A support agent will join you soon. You can keep answering in the meantime.');
    expect(await log(page).textContent()).toContain('I have asked a support agent to join.');
    await shootBoth(page, '04-help-waiting');
    await tabTo(page, 'I no longer need help');
    await expect.poll(() => focusedName(page)).toBe('Help: talk to a person');
    expect(await log(page).textContent()).toContain('I don’t need help anymore.');
    await tabTo(page, 'No', { backwards: true });

    // Halfway, French: everything said so far re-renders in French.
    await asked(page, 'What is your home address in Canada?', 'Street address');
    await page.getByRole('button', { name: 'Afficher cette page en français' }).press('Enter');
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('fr');
    await expect.poll(() => log(page).textContent()).toContain('Bonjour Zoë. Je suis l’assistant d’établissement.');
    const transcript = (await log(page).textContent())!;
    expect(transcript).toContain(fr('Êtes-vous au Canada en ce moment ?'));
    expect(transcript).toContain(fr('Date d’entrée au Canada : 5 mars 2024'));
    expect(transcript).not.toContain('Are you in Canada right now?');
    expect(await page.getByRole('progressbar').getAttribute('aria-valuetext')).toBe(fr('Étape 5 sur 8 : Adresse résidentielle'));

    await page.setViewportSize({ width: 360, height: 740 });
    await page.getByLabel('Numéro et rue', { exact: true }).focus();
    await look(page, '05-address-phone-fr');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(360);
    await page.setViewportSize({ width: 1280, height: 860 });

    // A postal code that does not exist is caught on the spot, tied to its field.
    await typeInto(page, 'Numéro et rue', '24 Sussex Dr');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Ottawa');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Ont');
    await page.keyboard.press('Tab');
    await page.keyboard.type('D1M 1M4');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedName(page)).toBe('Code postal');
    const postal = page.getByLabel('Code postal', { exact: true });
    expect(await postal.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#residential-postalCode-error').textContent()).toContain(
      'n’utilisent jamais les lettres D, F, I, O, Q ou U',
    );
    await shootBoth(page, '05-address-error');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('k1m1m4');
    await page.keyboard.press('Enter');
    await expect.poll(() => log(page).textContent()).toContain('24 Sussex Dr, Ottawa (ON) K1M 1M4');

    // This answer never reaches the server, the connection drops, and the page is reloaded while
    // offline: the answer waits in the tab and is sent when the connection is back.
    await asked(page, fr('Devons-nous poster votre carte RP à cette même adresse ?'), 'Oui, la même adresse');
    link.loseRequests = true;
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-pending]').textContent()).toContain('Envoi en cours…');
    link.refuse = true;
    link.cut();
    link.loseRequests = false;
    await expect.poll(() => page.locator('.badge').textContent()).toContain('Reconnexion…');
    expect(await page.locator('[data-pending]').textContent()).toContain('En attente d’envoi');
    expect(await page.getByRole('status').filter({ hasText: 'Votre réponse est conservée sur cet appareil' }).count()).toBe(1);
    expect(await outboxSize(page)).toBe(1);
    await shootBoth(page, '06-waiting-to-send');
    await page.reload();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Votre réponse est conservée sur cet appareil' }).count()).toBe(1);
    link.refuse = false;
    await expect.poll(() => log(page).textContent(), { timeout: 20_000 }).toContain('veuillez téléverser une photo de vous');
    await expect.poll(() => outboxSize(page)).toBe(0);
    expect(await log(page).getByText('Oui, la même adresse.', { exact: true }).count()).toBe(1);

    // The photo: a too-small one is refused on the page with its reason; a good one is framed with the keyboard, then sent.
    await asked(page, 'veuillez téléverser une photo de vous', 'Choisir une photo');
    const small = await makePhoto({ width: 600, height: 840, background: '#5a5f66' });
    await choosePhoto({ name: 'small.jpg', mimeType: 'image/jpeg', buffer: small });
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Cette photo est trop petite.' }).count()).toBe(1);
    await expect.poll(() => focusedName(page)).toBe('Choisir une photo');
    await shootBoth(page, '07-photo-refused');
    await choosePhoto({
      name: 'portrait.jpg',
      mimeType: 'image/jpeg',
      buffer: readFileSync(new URL('../fixtures/photo-valid.jpg', import.meta.url)),
    });
    await expect.poll(() => focusedName(page)).toBe('Cadre de la photo');
    await page.keyboard.press('+');
    await expect.poll(() => page.locator('.cropper [role="status"]').textContent()).toMatch(/^Zoom à \d+\u00a0%\.$/);
    await page.keyboard.press('ArrowUp');
    await shootBoth(page, '08-photo-crop');
    await tabTo(page, 'Utiliser ce cadre');
    await expect.poll(() => focusedName(page)).toBe('Envoyer cette photo');
    expect(await page.locator('.preview').textContent()).toMatch(/\d+ × \d+ pixels/);
    await shootBoth(page, '08-photo-preview');
    await page.keyboard.press('Enter');

    // Review: change the mailing address, and come back to the review.
    await asked(page, 'tapez votre nom complet pour signer', 'Votre nom complet');
    expect(await page.locator('.summary').textContent()).toContain('Identique à l’adresse résidentielle');
    await shootBoth(page, '09-review');
    await tabTo(page, fr('Modifier : Adresse postale'), { backwards: true });
    await asked(page, 'Je veux modifier mon adresse postale.', 'Oui, la même adresse');
    await tabTo(page, 'Non, une autre adresse');
    await asked(page, fr('Quelle est votre adresse postale au Canada ?'), 'Numéro et rue');
    await page.keyboard.type('1001 rue Sherbrooke');
    await page.keyboard.press('Tab');
    await page.keyboard.type('12');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Montréal');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Q');
    await page.keyboard.press('Tab');
    await page.keyboard.type('H3A 1G5');
    await shootBoth(page, '10-mailing-address');
    await page.keyboard.press('Enter');
    await expect.poll(() => log(page).textContent()).toContain('1001 rue Sherbrooke, app. 12, Montréal (QC) H3A 1G5');
    await asked(page, 'Si tout est exact', 'Votre nom complet');
    await look(page, '10-back-to-review-fr');
    expect(await page.locator('.summary').textContent()).toContain('1001 rue Sherbrooke, app. 12, Montréal (QC) H3A 1G5');

    // Signing: a name that is not the applicant's is refused on the field; the right one is accepted.
    await page.keyboard.type('Zoé Tremblay');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#signature-error').textContent()).toContain('ne correspond pas à nos dossiers');
    expect(await focusedName(page)).toBe('Votre nom complet');
    await shootBoth(page, '11-signature-refused');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Zoë Lévesque-Tremblay');
    await page.keyboard.press('Enter');
    await asked(page, 'Vos réponses sont envoyées.', 'La suite');
    expect(await page.getByRole('progressbar').count()).toBe(0);
    await shootBoth(page, '12-submitted');
    const entriesBefore = await log(page).locator('[id^="entry-"]').count();

    // Closing and coming back: the whole transcript, the photo and the current step are still there.
    await page.reload({ waitUntil: 'networkidle' });
    await expect.poll(() => log(page).locator('[id^="entry-"]').count()).toBe(entriesBefore);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await expect
      .poll(() =>
        log(page)
          .locator('img')
          .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth),
      )
      .toBeGreaterThan(0);
    expect(await page.getByRole('heading', { name: 'La suite' }).count()).toBe(1);
    expect(await log(page).textContent()).toContain(fr('Signature : Zoë Lévesque-Tremblay'));

    // An officer approves the photo and confirms: the page follows live, and shows the eCOPR details.
    const caseId = `case-${personId}`;
    expect((await officer.post(`/api/staff/cases/${caseId}/photo/approve`)).status).toBe(200);
    await expect.poll(() => log(page).textContent()).toContain(fr('Bonne nouvelle : votre photo a été acceptée.'));
    expect((await officer.post(`/api/staff/cases/${caseId}/confirm`)).status).toBe(200);
    await asked(page, fr('Félicitations, Zoë !'), 'Votre confirmation de résidence permanente');
    expect(await page.locator('.confirmed').textContent()).toMatch(/Numéro de la CRPe\s*\S+/);
    expect(await page.getByRole('button', { name: 'Aide : parler à une personne' }).count()).toBe(0);
    await shootBoth(page, '13-confirmed');

    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(360);
    await shootBoth(page, '14-phone');
    await page.screenshot({ path: 'test-results/screens/conversation-14-phone-viewport.png' });
  }, 300_000);
});
