/**
 * `npm run bench:web [-- --runs 3] [--compare <git-rev>]`: builds the web app, starts the portal,
 * makes applicants through the real invitation flow, and loads `/signin` and `/conversation` cold
 * in Chromium on a phone profile (390×844, 4× CPU slowdown, slow 4G). Prints, per page, the medians
 * of `--runs` loads: bytes of JS, CSS and HTML (transferred and uncompressed), the largest script,
 * LCP, TBT and the time until the first question can be answered; then the applicant's path in the
 * browser (answer -> next question, "Send this photo" -> acknowledgement). `--compare <rev>` builds
 * that revision in a temporary git worktree and prints its figures beside these, in one run.
 * A script, not a test: it asserts nothing. The machine is shared: figures are noisy.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM } from '../support/browser';
import { startAppProcess } from '../support/app-process';
import { signedInApplicantCookies } from '../support/invited-applicant';
import { measureLoad, PHONE, type PageLoad } from './web-page-load';
import { walkJourney, type JourneyTimes } from './web-journey';

const DEMO_PASSWORD = 'demo passphrase for the web bench';
const NEW_PASSWORD = 'a long passphrase for the web bench';

interface Figures {
  label: string;
  signin: PageLoad[];
  conversation: PageLoad[];
  journeys: JourneyTimes[];
}

const median = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]! : NaN);

function build(cwd: string) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'NODE_ENV'));
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { cwd, stdio: ['ignore', 'ignore', 'inherit'], env });
}

/** A checkout of `rev` beside this one, sharing its node_modules and embedded database binary. */
function checkout(rev: string) {
  const dir = mkdtempSync(join(tmpdir(), 'landing-web-bench-'));
  rmSync(dir, { recursive: true });
  execFileSync('git', ['worktree', 'add', '--detach', dir, rev], { stdio: 'ignore' });
  symlinkSync(resolve('node_modules'), join(dir, 'node_modules'));
  symlinkSync(resolve('.tools'), join(dir, '.tools'));
  return {
    dir,
    remove: () => execFileSync('git', ['worktree', 'remove', '--force', dir], { stdio: 'ignore' }),
  };
}

async function measure(browser: Browser, label: string, cwd: string, runs: number): Promise<Figures> {
  console.error(`[${label}] building…`);
  build(cwd);
  const app = await startAppProcess({ DEMO_PASSWORD, LOG_LEVEL: 'warn' }, undefined, cwd);
  const figures: Figures = { label, signin: [], conversation: [], journeys: [] };
  try {
    for (let run = 1; run <= runs; run++) {
      console.error(`[${label}] load ${run} of ${runs}`);
      const signinContext = await browser.newContext(PHONE);
      figures.signin.push((await measureLoad(signinContext, `${app.url}/signin`, { answerable: false })).load);
      await signinContext.close();

      const context = await browser.newContext(PHONE);
      await context.addCookies(await signedInApplicantCookies(app.url, DEMO_PASSWORD, NEW_PASSWORD));
      const { load, page } = await measureLoad(context, `${app.url}/conversation`, { answerable: true });
      figures.conversation.push(load);
      figures.journeys.push(await walkJourney(page));
      await context.close();
    }
  } finally {
    await app.stop();
  }
  return figures;
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const ms = (value: number) => (Number.isNaN(value) ? '-' : `${Math.round(value)}`);

function rows(loads: PageLoad[]): [string, string][] {
  const m = (pick: (load: PageLoad) => number) => median(loads.map(pick));
  const largest = [...loads].sort((a, b) => a.largestScript.transferred - b.largestScript.transferred)[Math.floor(loads.length / 2)]!
    .largestScript;
  return [
    ['JS transferred / uncompressed (KB)', `${kb(m((l) => l.js.transferred))} / ${kb(m((l) => l.js.uncompressed))}`],
    ['  JS prefetched after (KB)', `${kb(m((l) => l.laterJs.transferred))} / ${kb(m((l) => l.laterJs.uncompressed))}`],
    ['  script files', `${m((l) => l.scripts)}`],
    ['CSS transferred / uncompressed (KB)', `${kb(m((l) => l.css.transferred))} / ${kb(m((l) => l.css.uncompressed))}`],
    ['HTML transferred / uncompressed (KB)', `${kb(m((l) => l.html.transferred))} / ${kb(m((l) => l.html.uncompressed))}`],
    ['largest script (KB transferred / raw)', `${kb(largest.transferred)} / ${kb(largest.uncompressed)} ${largest.name}`],
    ['LCP (ms)', ms(m((l) => l.lcpMs))],
    ['TBT (ms, long tasks > 50 ms)', ms(m((l) => l.tbtMs))],
    ['first question answerable (ms)', loads[0]?.answerableMs === null ? '-' : ms(m((l) => l.answerableMs ?? NaN))],
  ];
}

function journeyRows(journeys: JourneyTimes[]): [string, string][] {
  const answers = journeys.flatMap((j) => j.answers);
  const photos = journeys.flatMap((j) => j.photo);
  const stopped = journeys.map((j) => j.stoppedAt).filter(Boolean);
  return [
    [`answer -> next question (ms, median of ${answers.length})`, ms(median(answers))],
    [`  slowest answer (ms)`, ms(answers.length ? Math.max(...answers) : NaN)],
    [`"Send this photo" -> acknowledged (ms, median of ${photos.length})`, ms(median(photos))],
    ...(stopped.length ? ([['  journey stopped at', stopped[0]!]] as [string, string][]) : []),
  ];
}

function print(all: Figures[], runs: number) {
  console.log(
    `\nWeb bench: Chromium, phone profile (390×844, CPU ÷4, 150 ms RTT, 1.6 Mbps down / 750 kbps up), cold cache; medians of ${runs} loads.`,
  );
  console.log('Transferred = response bodies as sent (compressed), without headers. JS counts scripts requested before the first');
  console.log(
    'question was answerable; scripts fetched after (widgets for later steps) are shown apart. The machine is shared: timings are noisy.\n',
  );
  const sections: [string, (f: Figures) => [string, string][]][] = [
    ['/signin', (f) => rows(f.signin)],
    ['/conversation (applicant, first visit)', (f) => rows(f.conversation)],
    ['applicant path in the browser', (f) => journeyRows(f.journeys)],
  ];
  for (const [title, table] of sections) {
    const columns = all.map(table);
    const width = Math.max(title.length, ...columns[0]!.map(([name]) => name.length)) + 2;
    console.log(`${title.padEnd(width)}${all.map((f) => f.label.padEnd(34)).join('')}`);
    columns[0]!.forEach(([name], i) => console.log(`${name.padEnd(width)}${columns.map((c) => (c[i]?.[1] ?? '-').padEnd(34)).join('')}`));
    console.log('');
  }
}

async function main() {
  const { values } = parseArgs({ options: { compare: { type: 'string' }, runs: { type: 'string', default: '3' } } });
  const runs = Math.max(1, Number(values.runs) || 3);
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const head = execFileSync('git', ['rev-parse', '--short', 'HEAD']).toString().trim();
  const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no']).toString().trim() ? '+changes' : '';
  const all: Figures[] = [];
  try {
    // This tree first: its build/ must not change under the running portal, so nothing else builds meanwhile.
    all.push(await measure(browser, `this tree (${head}${dirty})`, process.cwd(), runs));
    if (values.compare) {
      const other = checkout(values.compare);
      try {
        all.unshift(
          await measure(
            browser,
            `${values.compare} (${execFileSync('git', ['rev-parse', '--short', values.compare]).toString().trim()})`,
            other.dir,
            runs,
          ),
        );
      } finally {
        other.remove();
      }
    }
  } finally {
    await browser.close();
  }
  print(all, runs);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
