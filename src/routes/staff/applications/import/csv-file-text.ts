/** A chosen file's text, and the encoding it was read with; or why it cannot be read as CSV. */
export type CsvFileText = { text: string; encoding: 'utf-8' | 'windows-1252' } | { problem: 'not_text' };

/**
 * Reads a CSV file as spreadsheets save it. Excel's "CSV UTF-8" is UTF-8 with a byte order mark
 * (dropped here); its plain "CSV" on a French-Canadian Windows is Windows-1252 with semicolons
 * (the list separator there), which is not valid UTF-8 as soon as it holds an accent: it is read as
 * Windows-1252 then, and the page says so. A NUL byte means a workbook, UTF-16 "Unicode text" or
 * another binary file: refused with a message saying how to save a CSV instead.
 */
export function csvFileText(bytes: Uint8Array): CsvFileText {
  if (bytes.includes(0)) return { problem: 'not_text' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}
