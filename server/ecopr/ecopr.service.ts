import type { Connection } from 'mongoose';
import { isDuplicateKey } from '../db/claim';
import { DomainError } from '../http/domain-error';
import { fieldErrors } from '../http/validate';
import { documentNumberSchema, newDocumentNumber } from './document-number';
import { canDownload, downloadUntilFor } from './download-window';
import { renderEcoprPdf } from './ecopr-pdf';
import { ecoprModel, type EcoprDoc } from './ecopr.model';
import { initialsOf } from './holder-initials';
import { issueEcoprInput, type IssueEcoprInput } from './issue-input';
import { dateInCanada } from './pr-date';

export type Ecopr = EcoprDoc & { _id: string };

/** What the public verification answers: the holder's initials and date of PR, nothing else. */
export type EcoprVerification = { genuine: true; initials: string; prDate: string } | { genuine: false };

/** Document numbers tried before giving up; a collision is already a one-in-10¹⁷ event. */
const NUMBER_ATTEMPTS = 5;

/** The public address that the QR code and the printed line point to. */
export const verifyUrlFor = (baseUrl: string, documentNumber: string): string => new URL(`/verify/${documentNumber}`, baseUrl).href;

/** Issues, serves and verifies eCOPRs. One per case: issuing twice returns the first. */
export class EcoprService {
  constructor(
    private readonly db: Connection,
    private readonly newNumber: () => string = newDocumentNumber,
  ) {}

  /**
   * Records the eCOPR of a confirmed case under a new document number. Inserting with a unique
   * `_id` is the atomic step (on MongoDB and FerretDB); a taken number is retried with another,
   * and a case that already has an eCOPR (also one issued concurrently) gets that one back,
   * with `created: false`, so the caller notifies the applicant only once.
   */
  async issue(input: IssueEcoprInput, now: Date): Promise<{ ecopr: Ecopr; created: boolean }> {
    const parsed = issueEcoprInput.safeParse(input);
    if (!parsed.success) throw new DomainError('validation_failed', 'The eCOPR details are not valid.', fieldErrors(parsed.error));
    const { prDate, ...details } = parsed.data;
    const existing = await this.forCase(details.caseId);
    if (existing) return { ecopr: existing, created: false };

    const model = ecoprModel(this.db);
    // Rare and cheap: makes sure the one-per-case unique index exists, even on a fresh database.
    await model.createIndexes();
    for (let attempt = 0; attempt < NUMBER_ATTEMPTS; attempt++) {
      const ecopr: Ecopr = {
        _id: this.newNumber(),
        ...details,
        initials: initialsOf(details.givenName, details.familyName),
        prDate: prDate ?? dateInCanada(now),
        issuedAt: now,
        downloadUntil: downloadUntilFor(now),
      };
      try {
        await model.create(ecopr);
        return { ecopr, created: true };
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
        const winner = await this.forCase(details.caseId);
        if (winner) return { ecopr: winner, created: false };
      }
    }
    throw new Error(`no free eCOPR document number after ${NUMBER_ATTEMPTS} attempts`);
  }

  /** Removes an eCOPR issued for a confirmation that did not go through (see StaffCaseService.confirm). */
  async withdraw(documentNumber: string): Promise<void> {
    await ecoprModel(this.db).deleteOne({ _id: documentNumber });
  }

  /** The case's eCOPR, or null before PR is confirmed. */
  async forCase(caseId: string): Promise<Ecopr | null> {
    return ecoprModel(this.db).findOne({ caseId }).lean<Ecopr>();
  }

  /**
   * The case's eCOPR as a PDF whose QR code points to `baseUrl`/verify/<number>. Refused with
   * `not_found` before it is issued and with `conflict` (`fields.reason: ecopr_expired`) once
   * the 30-day download window is over.
   */
  async pdfFor(caseId: string, baseUrl: string, now: Date): Promise<{ documentNumber: string; bytes: Uint8Array }> {
    const ecopr = await this.forCase(caseId);
    if (!ecopr) throw new DomainError('not_found', 'No eCOPR has been issued for this case.');
    if (!canDownload(ecopr.downloadUntil, now)) {
      throw new DomainError('conflict', 'The 30-day download period of this eCOPR is over.', {
        reason: 'ecopr_expired',
        downloadUntil: ecopr.downloadUntil.toISOString(),
      });
    }
    const bytes = await renderEcoprPdf({ ...ecopr, documentNumber: ecopr._id }, { verifyUrl: verifyUrlFor(baseUrl, ecopr._id) });
    return { documentNumber: ecopr._id, bytes };
  }

  /** Whether `documentNumber` (as typed or scanned) was issued here; never more than initials and date of PR. */
  async verify(documentNumber: string): Promise<EcoprVerification> {
    const parsed = documentNumberSchema.safeParse(documentNumber);
    if (!parsed.success) return { genuine: false };
    const found = await ecoprModel(this.db).findById(parsed.data, { initials: 1, prDate: 1 }).lean<Pick<Ecopr, 'initials' | 'prDate'>>();
    return found ? { genuine: true, initials: found.initials, prDate: found.prDate } : { genuine: false };
  }
}
