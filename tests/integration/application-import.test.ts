import { describe, expect, it } from 'vitest';
import { applicationModel, personModel } from '../../server/applications/application.model';
import { userModel } from '../../server/auth/user.model';
import { outboxModel } from '../../server/email/outbox.model';
import type { ImportJobView } from '../../src/lib/shared/application-import';
import { createUser, signIn } from '../fixtures/users';
import type { HttpSession } from '../support/http-session';
import { ManualClock, useTestPortal } from '../support/portal';

const clock = new ManualClock(new Date());
const t = useTestPortal('application-import', { clock });

const HEADER = 'applicationNumber,role,givenName,familyName,dateOfBirth,uci,email,lang';
/** 1,000 applications of two people (2,000 rows); `bad` replaces a row (by 0-based row index) with a broken one. */
function importFile(bad: Record<number, (row: string[]) => string[]> = {}) {
  const lines = [HEADER];
  for (let a = 0; a < 1_000; a++) {
    const number = `E7${String(a).padStart(8, '0')}`;
    const email = `family.${a}@example.com`;
    const rows = [
      [
        number,
        'principal',
        'Zoë',
        `Nguyễn-${a}`.replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!),
        '1980-05-17',
        `71${String(a).padStart(6, '0')}`,
        email,
        a % 2 ? 'fr' : 'en',
      ],
      [number, 'spouse', '', 'Sukarno, Jr', '1982-11-02', `72${String(a).padStart(6, '0')}`, email, 'en'],
    ];
    for (const row of rows) {
      const index = lines.length - 1;
      const cells = bad[index] ? bad[index](row) : row;
      lines.push(cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','));
    }
  }
  return lines.join('\r\n') + '\r\n';
}

async function finished(officer: HttpSession, id: string): Promise<ImportJobView> {
  let job: ImportJobView | undefined;
  await expect
    .poll(async () => (job = (await officer.request(`/api/applications/import/${id}`)).data as ImportJobView).state, {
      timeout: 600_000,
      interval: 500,
    })
    .toBe('done');
  return job!;
}

describe('CSV import of applications', () => {
  it('checks 2,000 rows, reports each of 5 bad rows by line and column, registers and invites the rest once', async () => {
    clock.advance(31_000);
    const user = await createUser(t.db(), 'officer');
    await userModel(t.db()).updateOne({ _id: user.id }, { $set: { lang: 'fr' } });
    const officer = await signIn(t.url(), user, clock);
    // Data rows start on line 2; row index i is on line i + 2.
    const file = importFile({
      10: (r) => [r[0]!, r[1]!, r[2]!, r[3]!, r[4]!, '12-34', r[6]!, r[7]!],
      401: (r) => [r[0]!, r[1]!, r[2]!, r[3]!, r[4]!, r[5]!, 'not an email', r[7]!],
      800: (r) => [r[0]!, r[1]!, r[2]!, r[3]!, '1990-02-30', r[5]!, r[6]!, r[7]!],
      1203: (r) => [r[0]!, 'cousin', r[2]!, r[3]!, r[4]!, r[5]!, r[6]!, r[7]!],
      1998: (r) => [r[0]!, r[1]!, '=HYPERLINK("http://x")', r[3]!, r[4]!, r[5]!, r[6]!, r[7]!],
    });
    expect(file.split('\r\n').length - 2).toBe(2_000);

    const started = Date.now();
    const response = await officer.post('/api/applications/import', { csv: file });
    expect(response.status).toBe(202);
    const report = response.data as ImportJobView;
    expect(report).toMatchObject({ rows: 2_000, applications: 1_000, toRegister: 995, alreadyRegistered: [] });
    expect(report.problems.map((p) => [p.line, p.column])).toEqual([
      [12, 'uci'],
      [403, 'email'],
      [802, 'dateOfBirth'],
      [1205, 'role'],
      [2000, 'givenName'],
    ]);
    // In the officer's language (French here), with the application each belongs to.
    expect(report.problems[0]).toMatchObject({
      applicationNumber: 'E700000005',
      message: 'Saisissez un IUC de 8 ou 10 chiffres, par exemple 1234‑5678 ou 12‑3456‑7890.',
    });
    expect(report.problems[1]!.message).toBe('Saisissez une adresse courriel comme nom@exemple.com.');

    const job = await finished(officer, report.id);
    const seconds = (Date.now() - started) / 1000;
    console.info(`import: 995 applications (1,990 people) registered and invited in ${seconds.toFixed(1)} s`);
    expect(job).toMatchObject({ state: 'done', registered: 995, failed: [] });
    expect(await applicationModel(t.db()).countDocuments()).toBe(995);
    expect(await personModel(t.db()).countDocuments()).toBe(1_990);
    // Nothing from an application with a problem: neither its good row nor its bad one.
    for (const number of ['E700000005', 'E700000200', 'E700000400', 'E700000601', 'E700000999'])
      expect(await applicationModel(t.db()).exists({ applicationNumber: number })).toBeNull();
    // Each person registered is invited, as if typed in: one invitation email each, in the outbox.
    expect(await outboxModel(t.db()).countDocuments({ kind: 'invitation' })).toBe(1_990);
    await t.deliverEmails();
    const mails = (await (await fetch(t.url('/api/dev/mailbox?to=family.1%40example.com'))).json()) as { text: string }[];
    expect(
      mails.length + (await outboxModel(t.db()).countDocuments({ kind: 'invitation', to: 'family.1@example.com' })),
    ).toBeGreaterThanOrEqual(2);

    // The same file again: everything is already registered, nothing is written twice.
    const again = (await officer.post('/api/applications/import', { csv: file })).data as ImportJobView;
    expect(again).toMatchObject({ state: 'done', toRegister: 0, registered: 0 });
    expect(again.alreadyRegistered).toHaveLength(995);
    expect(again.problems).toHaveLength(5);
    expect(await applicationModel(t.db()).countDocuments()).toBe(995);
    expect(await outboxModel(t.db()).countDocuments({ kind: 'invitation' })).toBe(1_990);
  }, 900_000);

  it('reports a missing column and a broken quote on their line, and refuses what is not CSV text', async () => {
    clock.advance(31_000);
    const officer = await signIn(t.url(), await createUser(t.db(), 'officer'), clock);
    const noUci = (
      await officer.post('/api/applications/import', {
        csv: 'applicationNumber,role,givenName,familyName,dateOfBirth,email,lang\nE799999999,principal,A,B,1990-01-01,a@example.com,en\n',
      })
    ).data as ImportJobView;
    expect(noUci.problems).toEqual([
      expect.objectContaining({ line: 1, column: 'uci', code: 'column_missing', message: 'This column is missing from the header row.' }),
    ]);
    const open = (
      await officer.post('/api/applications/import', {
        csv: `${HEADER}\nE799999999,principal,"A,B,1990-01-01,1234-5678,a@example.com,en\n`,
      })
    ).data as ImportJobView;
    expect(open.problems[0]).toMatchObject({ line: 1, code: 'csv_unclosed_quote' });
    expect((await officer.post('/api/applications/import', { csv: 42 })).status).toBe(422);
    expect((await officer.post('/api/applications/import', { csv: 'x'.repeat(4 * 1024 * 1024) })).status).toBe(413);
  });
});
