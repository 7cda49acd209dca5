import { applicationNumberSchema, registerApplicationBody, type RegisterApplicationBody } from '../../src/lib/shared/application.schemas';
import { importColumns, MAX_IMPORT_ROWS, type ImportColumn } from '../../src/lib/shared/application-import';
import { parseCsv } from './csv';

/** A problem found in the file, before it is put in words. */
export interface FoundProblem {
  line: number;
  column: ImportColumn | null;
  code: string;
  applicationNumber: string | null;
  params?: Record<string, string | number>;
}

/** An application of the file with no problem: what `register` takes, and the lines it came from. */
export interface CheckedApplication {
  applicationNumber: string;
  body: RegisterApplicationBody;
  lines: number[];
}

export interface ImportCheck {
  rows: number;
  applications: number;
  valid: CheckedApplication[];
  problems: FoundProblem[];
}

interface Row {
  line: number;
  values: Record<ImportColumn, string>;
}

/**
 * Checks a whole CSV file before anything is written: the header, then every row, grouped into
 * applications by application number and checked with the same schema as a typed registration.
 * An application with any problem is left out of `valid`, and each problem names its line and column.
 */
export function checkImport(text: string): ImportCheck {
  // A workbook or another binary file sent as text: NUL characters never occur in a CSV export.
  if (text.includes('\u0000')) return fail({ line: 1, column: null, code: 'not_text', applicationNumber: null });
  const parsed = parseCsv(text);
  if ('unclosedQuoteLine' in parsed)
    return fail({ line: parsed.unclosedQuoteLine, column: null, code: 'csv_unclosed_quote', applicationNumber: null });
  const [header, ...data] = parsed.records;
  if (!header) return fail({ line: 1, column: null, code: 'file_empty', applicationNumber: null });
  const names = header.cells.map((cell) => cell.trim().toLowerCase());
  const index = Object.fromEntries(importColumns.map((column) => [column, names.indexOf(column.toLowerCase())])) as Record<
    ImportColumn,
    number
  >;
  const missing = importColumns.filter((column) => index[column] < 0);
  // No column named at all: the file has no header row (or it is not this kind of file).
  if (missing.length === importColumns.length)
    return fail({
      line: header.line,
      column: null,
      code: 'header_missing',
      applicationNumber: null,
      params: { columns: importColumns.join(', ') },
    });
  if (data.length === 0) return fail({ line: 1, column: null, code: 'file_empty', applicationNumber: null });
  if (data.length > MAX_IMPORT_ROWS)
    return fail({
      line: data[MAX_IMPORT_ROWS]!.line,
      column: null,
      code: 'too_many_rows',
      applicationNumber: null,
      params: { max: MAX_IMPORT_ROWS },
    });

  if (missing.length)
    return {
      rows: data.length,
      applications: 0,
      valid: [],
      problems: missing.map((column) => ({ line: header.line, column, code: 'column_missing', applicationNumber: null })),
    };

  const rows: Row[] = data.map((record) => ({
    line: record.line,
    values: Object.fromEntries(importColumns.map((column) => [column, (record.cells[index[column]] ?? '').trim()])) as Record<
      ImportColumn,
      string
    >,
  }));
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const key = row.values.applicationNumber.toUpperCase();
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }

  const problems: FoundProblem[] = [];
  const valid: CheckedApplication[] = [];
  const bad = new Set<string>();
  for (const [key, group] of groups) {
    const found = checkApplication(key, group);
    problems.push(...found.problems);
    if (found.body) valid.push({ applicationNumber: found.body.applicationNumber, body: found.body, lines: group.map((r) => r.line) });
    else bad.add(key);
  }
  // A UCI is one person: on two applications of the same file, both are refused.
  const byUci = new Map<string, CheckedApplication[]>();
  for (const application of valid)
    for (const person of application.body.people) byUci.set(person.uci, [...(byUci.get(person.uci) ?? []), application]);
  for (const [uci, holders] of byUci) {
    if (holders.length < 2) continue;
    for (const holder of holders) {
      const i = holder.body.people.findIndex((p) => p.uci === uci);
      problems.push({ line: holder.lines[i]!, column: 'uci', code: 'uci_duplicate', applicationNumber: holder.applicationNumber });
      bad.add(holder.applicationNumber);
    }
  }
  return {
    rows: rows.length,
    applications: groups.size,
    valid: valid.filter((a) => !bad.has(a.applicationNumber)),
    problems: problems.sort((a, b) => a.line - b.line),
  };
}

function fail(problem: FoundProblem): ImportCheck {
  return { rows: 0, applications: 0, valid: [], problems: [problem] };
}

/** One application's rows through the registration schema; each issue mapped back to its row and column. */
function checkApplication(key: string, group: Row[]): { body: RegisterApplicationBody | null; problems: FoundProblem[] } {
  const applicationNumber = applicationNumberSchema.safeParse(key).success ? key : null;
  const people = group.map(({ values }) => ({
    role: values.role.toLowerCase(),
    givenName: values.givenName,
    familyName: values.familyName,
    dateOfBirth: values.dateOfBirth,
    uci: values.uci,
    email: values.email,
    lang: values.lang.toLowerCase(),
  }));
  // A cell the file's encoding could not give (U+FFFD, the replacement character): that is the problem to report there.
  const unreadable = group.flatMap(({ line, values }) =>
    importColumns
      .filter((column) => values[column].includes('\uFFFD'))
      .map((column) => ({ line, column, code: 'encoding', applicationNumber })),
  );
  const parsed = registerApplicationBody.safeParse({ applicationNumber: key, people });
  if (parsed.success && !unreadable.length) return { body: parsed.data, problems: [] };
  const issues = parsed.success ? [] : parsed.error.issues;
  const problems = issues.map((issue): FoundProblem => {
    const [top, i, field] = issue.path;
    const code = /^[a-z_]+$/.test(issue.message) ? issue.message : 'invalid';
    if (top === 'people' && typeof i === 'number') {
      const column = importColumns.includes(field as ImportColumn) ? (field as ImportColumn) : null;
      return { line: group[i]!.line, column, code, applicationNumber };
    }
    if (top === 'applicationNumber') return { line: group[0]!.line, column: 'applicationNumber', code, applicationNumber };
    return { line: group[0]!.line, column: 'role', code, applicationNumber };
  });
  const spotted = new Set(unreadable.map((u) => `${u.line}:${u.column}`));
  return { body: null, problems: [...unreadable, ...problems.filter((p) => !spotted.has(`${p.line}:${p.column}`))] };
}
