import { describe, expect, it } from 'vitest';
import { applicationModel, personModel } from '../../server/applications/application.model';
import { invitationModel } from '../../server/applications/invitation.model';
import { importJobModel } from '../../server/applications/import-job.model';
import { auditModel } from '../../server/audit/audit.model';
import { caseModel } from '../../server/cases/case.model';
import { userModel } from '../../server/auth/user.model';
import { outboxModel } from '../../server/email/outbox.model';
import type { ImportJobView } from '../../src/lib/shared/application-import';
import { FIVE_BAD_ROWS, IMPORT_HEADER, importFile } from '../fixtures/import-file';
import { createUser, signIn } from '../fixtures/users';
import type { HttpSession } from '../support/http-session';
import { ManualClock, useTestPortal } from '../support/portal';

const clock = new ManualClock(new Date());
const t = useTestPortal('application-import', { clock });

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
    const file = importFile(1_000, FIVE_BAD_ROWS);
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
        csv: `${IMPORT_HEADER}\nE799999999,principal,"A,B,1990-01-01,1234-5678,a@example.com,en\n`,
      })
    ).data as ImportJobView;
    expect(open.problems[0]).toMatchObject({ line: 2, code: 'csv_unclosed_quote' });
    // Data with no header row; a workbook sent as text; a cell the file's encoding could not give.
    const headless = (
      await officer.post('/api/applications/import', { csv: 'E799999999,principal,A,B,1990-01-01,1234-5678,a@example.com,en\n' })
    ).data as ImportJobView;
    expect(headless.problems).toEqual([expect.objectContaining({ line: 1, column: null, code: 'header_missing' })]);
    expect(headless.problems[0]!.message).toContain('applicationNumber, role, givenName');
    const workbook = (await officer.post('/api/applications/import', { csv: 'PK\u0003\u0004\u0000\u0000[Content_Types].xml' }))
      .data as ImportJobView;
    expect(workbook.problems).toEqual([expect.objectContaining({ line: 1, code: 'not_text' })]);
    const mangled = (
      await officer.post('/api/applications/import', {
        csv: `${IMPORT_HEADER}\nE799999999,principal,Ren\uFFFDe,B\uFFFDlanger,1990-01-01,1234-5678,a@example.com,fr\n`,
      })
    ).data as ImportJobView;
    expect(mangled.problems.map((p) => [p.line, p.column, p.code])).toEqual([
      [2, 'givenName', 'encoding'],
      [2, 'familyName', 'encoding'],
    ]);
    expect(mangled.problems[0]!.message).toContain('CSV UTF-8');
    // 5,001 rows: refused as a whole before anything is written, on the first row past the limit.
    const tooMany = (await officer.post('/api/applications/import', { csv: importFile(2_501, {}, '3') })).data as ImportJobView;
    expect(tooMany).toMatchObject({
      state: 'done',
      toRegister: 0,
      problems: [expect.objectContaining({ line: 5_002, code: 'too_many_rows' })],
    });
    expect(tooMany.problems[0]!.message).toBe('The file has more than 5000 rows. Split it into smaller files.');
    expect(await personModel(t.db()).countDocuments()).toBe(0);
    expect((await officer.post('/api/applications/import', { csv: 42 })).status).toBe(422);
    expect((await officer.post('/api/applications/import', { csv: 'x'.repeat(4 * 1024 * 1024) })).status).toBe(413);
  });

  it('resumes an import interrupted half-way without writing anything twice, and every invitation link it sent works', async () => {
    clock.advance(31_000);
    const officer = await signIn(t.url(), await createUser(t.db(), 'officer'), clock);
    const file = importFile(120, {}, '5');
    // The process "dies" in the second chunk of 50 applications: its people, cases and invitations
    // are stored, their emails, audit entries and application documents are not.
    const outbox = t.services().outbox;
    const enqueueMany = outbox.enqueueMany.bind(outbox);
    let calls = 0;
    outbox.enqueueMany = async (messages) => {
      if (++calls === 2) throw new Error('the process stopped here');
      return enqueueMany(messages);
    };
    const first = (await officer.post('/api/applications/import', { csv: file })).data as ImportJobView;
    const stopped = await finished(officer, first.id);
    outbox.enqueueMany = enqueueMany;
    expect(stopped).toMatchObject({ registered: 50, failed: [expect.objectContaining({ applicationNumber: '' })] });
    expect(await personModel(t.db()).countDocuments()).toBe(200);
    expect(await invitationModel(t.db()).countDocuments()).toBe(200);
    expect(await outboxModel(t.db()).countDocuments({ kind: 'invitation' })).toBe(100);

    // The same file again completes the half-written applications and registers the rest, once.
    const again = await finished(officer, ((await officer.post('/api/applications/import', { csv: file })).data as ImportJobView).id);
    expect(again).toMatchObject({ problems: [], toRegister: 70, registered: 70, failed: [] });
    expect(again.alreadyRegistered).toHaveLength(50);
    for (const [model, count] of [
      [applicationModel, 120],
      [personModel, 240],
      [caseModel, 240],
      [invitationModel, 240],
    ] as const)
      expect(await (model as typeof personModel)(t.db()).countDocuments()).toBe(count);
    expect(await outboxModel(t.db()).countDocuments({ kind: 'invitation' })).toBe(240);
    expect(await auditModel(t.db()).countDocuments({ action: 'application.registered' })).toBe(120);
    expect(await auditModel(t.db()).countDocuments({ action: 'invitation.sent' })).toBe(240);
    // Each email's link opens its person's invitation, also where the invitation was stored by the
    // interrupted run and the email by the second one.
    const emails = await outboxModel(t.db()).find({ kind: 'invitation' }).lean();
    const opened = await Promise.all(
      emails.map(async (email) => {
        const token = /\/invitations\/([^?]+)\?answer=accept/.exec(email.links.join(' '))![1]!;
        return (await t.services().invitations.lookup(token)).status;
      }),
    );
    expect(opened.filter((status) => status === 'open')).toHaveLength(240);

    // A third time: nothing.
    const third = (await officer.post('/api/applications/import', { csv: file })).data as ImportJobView;
    expect(third).toMatchObject({ state: 'done', toRegister: 0 });
    expect(await outboxModel(t.db()).countDocuments({ kind: 'invitation' })).toBe(240);

    // A job whose process died stays "running" in the database; silent for over 2 minutes, it reads as stopped.
    const orphan = (await officer.post('/api/applications/import', { csv: importFile(60, {}, '6') })).data as ImportJobView;
    await finished(officer, orphan.id);
    await importJobModel(t.db()).updateOne({ _id: orphan.id }, { $set: { state: 'running' } });
    expect(((await officer.request(`/api/applications/import/${orphan.id}`)).data as ImportJobView).state).toBe('running');
    clock.advance(121_000);
    const gone = (await officer.request(`/api/applications/import/${orphan.id}`)).data as ImportJobView;
    expect(gone).toMatchObject({
      state: 'done',
      failed: [expect.objectContaining({ message: expect.stringContaining('Import the same file again') })],
    });
  }, 300_000);
});
