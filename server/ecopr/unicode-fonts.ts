import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';

/**
 * Fonts for every name a person can be registered with. Each script family is a Noto font from an
 * npm package (SIL Open Font License), embedded only when the document uses that script, and
 * subset to the glyphs drawn, so the PDF stays small (the CJK files are 6-10 MB each).
 */
export const scriptFamilies = ['latin', 'arabic', 'han', 'hangul'] as const;
export type ScriptFamily = (typeof scriptFamilies)[number];
export type Weight = 'regular' | 'bold';

const fontFiles: Record<ScriptFamily, Record<Weight, string>> = {
  /** Latin (with every extension and Vietnamese), Greek and Cyrillic. */
  latin: {
    regular: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  },
  arabic: {
    regular: '@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf',
  },
  /** Chinese ideographs and Japanese kana. */
  han: {
    regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
  },
  hangul: {
    regular: '@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans-kr/700Bold/NotoSansKR_700Bold.ttf',
  },
};

const scriptPatterns: [ScriptFamily, RegExp][] = [
  ['latin', /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]/u],
  ['arabic', /\p{Script=Arabic}/u],
  ['han', /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc]/u],
  ['hangul', /\p{Script=Hangul}/u],
];

/** The family that draws `ch`, or null for characters every script shares (spaces, digits, punctuation, marks). */
export function familyOf(ch: string): ScriptFamily | null {
  return scriptPatterns.find(([, pattern]) => pattern.test(ch))?.[0] ?? null;
}

/** One run of text in one script; shared characters join the run they sit in (or the next one, at the start). */
export interface ScriptRun {
  family: ScriptFamily;
  text: string;
}

export function scriptRuns(text: string): ScriptRun[] {
  const runs: ScriptRun[] = [];
  let pending = '';
  for (const ch of text) {
    const family = familyOf(ch);
    const last = runs.at(-1);
    if (family === null) {
      if (last) last.text += ch;
      else pending += ch;
    } else if (last && last.family === family) last.text += ch;
    else {
      runs.push({ family, text: pending + ch });
      pending = '';
    }
  }
  if (pending) runs.push({ family: 'latin', text: pending });
  return runs;
}

const require = createRequire(import.meta.url);
const bytes = new Map<string, Uint8Array>();
/** Font files are read once per process, and only when a document first needs them. */
function fontBytes(file: string): Uint8Array {
  let data = bytes.get(file);
  if (!data) bytes.set(file, (data = readFileSync(require.resolve(file))));
  return data;
}

export type UnicodeFonts = Partial<Record<ScriptFamily, Record<Weight, PDFFont>>>;

/** Embeds (subset) the regular and bold fonts of each script family found in `texts`. */
export async function embedUnicodeFonts(pdf: PDFDocument, texts: string[]): Promise<UnicodeFonts> {
  const needed = new Set(texts.flatMap((text) => scriptRuns(text).map((run) => run.family)));
  if (needed.size === 0) return {};
  pdf.registerFontkit(fontkit);
  const fonts: UnicodeFonts = {};
  for (const family of scriptFamilies.filter((f) => needed.has(f))) {
    const files = fontFiles[family];
    fonts[family] = {
      regular: await pdf.embedFont(fontBytes(files.regular), { subset: true }),
      bold: await pdf.embedFont(fontBytes(files.bold), { subset: true }),
    };
  }
  return fonts;
}
