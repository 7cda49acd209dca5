/** Letters with no decomposition into a base letter and accents, and spaces WinAnsi lacks. */
const substitutes: Record<string, string> = {
  ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ı: 'i', İ: 'I', ħ: 'h', Ħ: 'H', ŋ: 'n', Ŋ: 'N', ŀ: 'l', Ŀ: 'L',
  ə: 'e', Ə: 'E', ĸ: 'k', ʼ: '’', ʻ: '‘', '\u2010': '-', '\u2011': '-', '\u202f': '\u00a0',
};

/**
 * Makes text printable with a PDF standard font, whose WinAnsi encoding has only ~220
 * characters (pdf-lib throws on any other). French accents are kept as they are; other letters
 * keep every accent WinAnsi has and lose the rest (`ệ` → `ê`, `ạ` → `a`), a few are
 * substituted (`ł` → `l`), spaces become spaces and anything else becomes `?`.
 */
export function toWinAnsi(text: string, encodable: ReadonlySet<number>): string {
  const fits = (ch: string) => encodable.has(ch.codePointAt(0)!);
  let out = '';
  for (const ch of text.normalize('NFC')) {
    if (fits(ch)) out += ch;
    else if (substitutes[ch] !== undefined && fits(substitutes[ch])) out += substitutes[ch];
    else if (/\s/u.test(ch)) out += ' ';
    else out += withAccentsThatFit(ch, fits);
  }
  return out;
}

/** The base letter plus, one by one, each accent that still gives an encodable character. */
function withAccentsThatFit(ch: string, fits: (ch: string) => boolean): string {
  const [base = '', ...marks] = [...ch.normalize('NFD')];
  const start = fits(base) ? base : substitutes[base];
  if (start === undefined || !fits(start)) return '?';
  return marks.reduce((current, mark) => {
    const composed = (current + mark).normalize('NFC');
    return [...composed].length === 1 && fits(composed) ? composed : current;
  }, start);
}
