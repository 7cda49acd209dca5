import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import { hasMessage, translateKey } from '../../src/lib/i18n/messages';
import type { ImportJobView, ImportProblem } from '../../src/lib/shared/application-import';
import type { AuditLog } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-types';
import { DomainError } from '../http/domain-error';
import type { Logger } from '../logger';
import type { ApplicationService } from './application.service';
import { checkImport, type CheckedApplication, type FoundProblem } from './import-check';
import { importJobModel } from './import-job.model';

/**
 * Applications written together (each kind of document in one insert) between two progress writes:
 * 1,000 applications move the bar 20 times.
 */
const CHUNK = 50;
/** A running job that has not moved for this long has lost its process (a chunk takes about a second). */
const SILENT_MS = 120_000;

/** A problem in words, in the officer's language: the registration form's field messages where there is one. */
function describe(problem: FoundProblem, lang: 'en' | 'fr'): ImportProblem {
  const { column, code } = problem;
  const keys = [
    column ? `import.problem.${column}.${code}` : null,
    column === 'applicationNumber' ? `field.applicationNumber.${code}` : null,
    column === 'role' ? `field.people.${code}` : null,
    column ? `field.person.${column}.${code}` : null,
    `import.problem.${code}`,
    column ? `field.person.${column}.invalid` : null,
  ];
  const key = keys.find((k): k is string => k !== null && hasMessage(k)) ?? 'import.problem.invalid';
  return {
    line: problem.line,
    column,
    code,
    key,
    ...(problem.params ? { params: problem.params } : {}),
    message: translateKey(lang, key, problem.params),
    applicationNumber: problem.applicationNumber,
  };
}

/**
 * CSV import: the whole file is checked first; applications with a problem are reported and left
 * out; the others are registered and invited exactly as if typed in (`ApplicationService.write`),
 * in the background, with progress kept in an `import_jobs` document the page polls. Importing the
 * same file again registers nothing twice: registered application numbers are skipped, and the
 * application `_id` derived from the number makes a concurrent second import lose cleanly.
 */
export class ApplicationImportService {
  constructor(
    private readonly db: Connection,
    private readonly applications: ApplicationService,
    private readonly audit: AuditLog,
    private readonly logger: Logger,
    private readonly now: () => Date,
  ) {}

  /** Checks `csv` and starts registering what is valid; answers with the job (its report is final). */
  async start(csv: string, by: AuthUser, baseUrl: string, ip: string | null): Promise<ImportJobView> {
    const check = checkImport(csv);
    const registered = await this.applications.registeredNumbers(check.valid.map((a) => a.applicationNumber));
    const fresh = check.valid.filter((a) => !registered.has(a.applicationNumber));
    const clashes = await this.applications.uciClashes(fresh.map((a) => a.body));
    const byNumber = new Map(fresh.map((a) => [a.applicationNumber, a]));
    const problems = [
      ...check.problems,
      ...clashes.map(({ applicationNumber, person }) => ({
        line: byNumber.get(applicationNumber)!.lines[person]!,
        column: 'uci' as const,
        code: 'uci_already_registered',
        applicationNumber,
      })),
    ];
    const clashed = new Set(clashes.map((c) => c.applicationNumber));
    const ready = fresh.filter((a) => !clashed.has(a.applicationNumber));
    const job = await importJobModel(this.db).create({
      _id: randomUUID(),
      by: by.id,
      at: this.now(),
      state: ready.length ? 'running' : 'done',
      rows: check.rows,
      applications: check.applications,
      problems: problems.sort((a, b) => a.line - b.line).map((p) => describe(p, by.lang)),
      alreadyRegistered: [...registered],
      toRegister: ready.length,
    });
    await this.audit.record({
      action: 'applications.imported',
      actor: { id: by.id, role: by.role, name: by.username },
      ip,
      target: job._id,
      details: { rows: check.rows, problems: problems.length, toRegister: ready.length, alreadyRegistered: registered.size },
    });
    if (ready.length) void this.register(job._id, ready, by, baseUrl, ip);
    return view(job.toObject());
  }

  /** The job as its officer sees it; another officer's job is "not found". */
  async get(id: string, by: AuthUser): Promise<ImportJobView> {
    const job = await importJobModel(this.db).findById(id).lean();
    if (!job || job.by !== by.id) throw new DomainError('not_found', 'No such import.');
    // A job whose process stopped (a restart, a crash) never says so itself: silent too long, it is over.
    const lastSign = (job.movedAt ?? job.at).getTime();
    if (job.state === 'running' && this.now().getTime() - lastSign > SILENT_MS)
      return view({
        ...job,
        state: 'done',
        failed: [...job.failed, { applicationNumber: '', message: translateKey(by.lang, 'import.problem.stopped') }],
      });
    return view(job);
  }

  /** Registers `ready` a chunk at a time through the one registration path, moving the job's progress after each. */
  private async register(jobId: string, ready: CheckedApplication[], by: AuthUser, baseUrl: string, ip: string | null) {
    const jobs = importJobModel(this.db);
    let registered = 0;
    let handled = 0;
    const failed: { applicationNumber: string; message: string }[] = [];
    try {
      for (let i = 0; i < ready.length; i += CHUNK) {
        const chunk = ready.slice(i, i + CHUNK);
        const outcome = await this.applications.writeMany(
          chunk.map((a) => a.body),
          by,
          baseUrl,
          ip,
        );
        registered += outcome.registered.length;
        handled += chunk.length;
        const message = translateKey(by.lang, 'import.problem.registeredMeanwhile');
        failed.push(...outcome.clashed.map((applicationNumber) => ({ applicationNumber, message })));
        await jobs.updateOne(
          { _id: jobId },
          { $set: { registered, handled, failed, movedAt: this.now() }, $push: { alreadyRegistered: { $each: outcome.alreadyThere } } },
        );
      }
    } catch (err) {
      this.logger.error({ err, jobId }, 'import stopped');
      failed.push({ applicationNumber: '', message: translateKey(by.lang, 'import.problem.stopped') });
    }
    await jobs
      .updateOne({ _id: jobId }, { $set: { state: 'done', registered, handled: ready.length, failed } })
      .catch((err: unknown) => this.logger.error({ err, jobId }, 'import not closed'));
  }
}

function view(job: {
  _id: string;
  state: string;
  rows: number;
  applications: number;
  problems: unknown[];
  alreadyRegistered: string[];
  toRegister: number;
  registered: number;
  handled?: number;
  failed: unknown[];
}): ImportJobView {
  return {
    id: job._id,
    state: job.state as ImportJobView['state'],
    rows: job.rows,
    applications: job.applications,
    problems: job.problems as ImportProblem[],
    alreadyRegistered: job.alreadyRegistered,
    toRegister: job.toRegister,
    registered: job.registered,
    handled: job.handled ?? job.registered,
    failed: job.failed as ImportJobView['failed'],
  };
}
