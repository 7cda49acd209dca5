import { z } from 'zod';

/**
 * CSV import of approved applications (`/staff/applications/import`, `POST /api/applications/import`):
 * one row per person, rows grouped into applications by application number.
 */

/** The columns, in the order of the template; the header row names them (any order, any case). */
export const importColumns = ['applicationNumber', 'role', 'givenName', 'familyName', 'dateOfBirth', 'uci', 'email', 'lang'] as const;
export type ImportColumn = (typeof importColumns)[number];

export const MAX_IMPORT_ROWS = 5_000;
/** 5,000 rows of long names and addresses stay well under this. */
export const MAX_IMPORT_BYTES = 3 * 1024 * 1024;

export const importBody = z.strictObject({
  csv: z.string().min(1, 'file_empty').max(MAX_IMPORT_BYTES, 'file_too_large'),
});
export type ImportBody = z.infer<typeof importBody>;

export const importJobParam = z.strictObject({ id: z.uuid() });

/** One problem in the file: the line (1 is the header), the column, a stable code and its message in the officer's language. */
export interface ImportProblem {
  line: number;
  column: ImportColumn | null;
  code: string;
  /** The message's key and parameters, so the page can show it in whichever language the officer switches to. */
  key: string;
  params?: Record<string, string | number>;
  message: string;
  applicationNumber: string | null;
}

/** `GET /api/applications/import/:id`: the check's report, then the registration's progress. */
export interface ImportJobView {
  id: string;
  state: 'running' | 'done';
  rows: number;
  /** Applications in the file, grouped by application number. */
  applications: number;
  problems: ImportProblem[];
  /** Applications registered earlier (this file imported before): left as they are. */
  alreadyRegistered: string[];
  /** Valid new applications to register, and how far the registration is. */
  toRegister: number;
  registered: number;
  /** Of `toRegister`, how many are dealt with (registered, found registered meanwhile, or failed): the progress. */
  handled: number;
  /** Applications that failed while registering (e.g. registered by someone else at the same moment). */
  failed: { applicationNumber: string; message: string }[];
}
