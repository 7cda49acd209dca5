import { describe, expect, it } from 'vitest';
import { csvFileText } from './csv-file-text';

const header = 'applicationNumber;role;givenName;familyName;dateOfBirth;uci;email;lang\r\n';
const row = 'E001234567;principal;Hélène;Bélanger;1988-04-12;1100-0001;helene@example.com;fr\r\n';

describe('csvFileText', () => {
  it('reads UTF-8 with the byte order mark Excel\'s "CSV UTF-8" writes, and drops the mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(header + row)]);
    expect(csvFileText(bytes)).toEqual({ text: header + row, encoding: 'utf-8' });
  });

  it('reads the Windows-1252 of Excel\'s plain "CSV" on a French-Canadian Windows, accents included', () => {
    // Hélène Bélanger in Windows-1252: é is the single byte 0xE9, which is not valid UTF-8.
    const bytes = Uint8Array.from([...(header + row)].map((c) => c.charCodeAt(0)));
    expect(bytes).toContain(0xe9);
    expect(csvFileText(bytes)).toEqual({ text: header + row, encoding: 'windows-1252' });
  });

  it('refuses a workbook or UTF-16 text (NUL bytes)', () => {
    expect(csvFileText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]))).toEqual({ problem: 'not_text' });
    expect(csvFileText(new Uint8Array([0xff, 0xfe, 0x61, 0x00]))).toEqual({ problem: 'not_text' });
  });
});
