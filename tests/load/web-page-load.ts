import type { BrowserContext, CDPSession, Page } from 'playwright-core';

/**
 * One cold load of a page on a phone profile, measured from inside Chromium: bytes through CDP's
 * network events, LCP and long tasks through PerformanceObservers, and the moment the first answer
 * became usable through a MutationObserver. Nothing here asserts: it reports.
 */

/** A mid-range phone on slow 4G, as Lighthouse's mobile preset models it. */
export const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 3,
  isMobile: true,
  hasTouch: true,
  userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  locale: 'en-CA',
} as const;
export const CPU_SLOWDOWN = 4;
export const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

/** An enabled control in the answer area: the question can be answered now. */
export const ANSWERABLE = 'section.answer button:not([aria-disabled="true"]):not([disabled]), section.answer input:not([disabled])';

export interface Transfer {
  transferred: number;
  uncompressed: number;
}

export interface PageLoad {
  /** Scripts requested before the first question was answerable (or all, on other pages). */
  js: Transfer;
  /** Scripts fetched after that: widgets prefetched for later steps while the person reads. */
  laterJs: Transfer;
  css: Transfer;
  html: Transfer;
  scripts: number;
  largestScript: Transfer & { name: string };
  lcpMs: number;
  tbtMs: number;
  /** Navigation start to the first enabled answer control (null on pages without one). */
  answerableMs: number | null;
  /** Every script's URL, for checks on what the page loaded. */
  scriptUrls: string[];
}

/** Runs in the page before any of its scripts. */
function observePerformance(answerable: string) {
  const perf = { lcp: 0, longTasks: [] as [number, number][], answerable: null as number | null, lastAction: 0 };
  Object.assign(window, { __perf: perf });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) perf.lcp = entry.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) perf.longTasks.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask', buffered: true });
  // What the person did last (a click or Enter), for "answer -> next question" timings.
  addEventListener('click', () => (perf.lastAction = performance.now()), true);
  addEventListener('keydown', (event) => event.key === 'Enter' && (perf.lastAction = performance.now()), true);
  const watch = () => {
    const check = () => {
      if (perf.answerable === null && document.querySelector(answerable)) {
        perf.answerable = performance.now();
        observer.disconnect();
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true });
    check();
  };
  if (document.readyState === 'loading') addEventListener('DOMContentLoaded', watch);
  else watch();
}

/** Puts the phone profile on a fresh page and starts counting bytes. */
export async function phonePage(context: BrowserContext) {
  // tsx keeps function names with a `__name` helper that the page does not have.
  await context.addInitScript('globalThis.__name = (fn) => fn;');
  await context.addInitScript(observePerformance, ANSWERABLE);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  return { page, bytes: countBytes(cdp) };
}

type Kind = 'js' | 'css' | 'html' | 'other';
interface Resource extends Transfer {
  kind: Kind;
  url: string;
  /** When it was requested, ms after the document was (CDP's monotonic clock). */
  requestedMs: number;
  /** Response header bytes, left out of `transferred` so that it counts bodies as compressed. */
  headerBytes: number;
}

function countBytes(cdp: CDPSession) {
  const resources = new Map<string, Resource>();
  const requested = new Map<string, number>();
  let documentAt: number | null = null;
  cdp.on('Network.requestWillBeSent', ({ requestId, timestamp, type }) => {
    if (type === 'Document' && documentAt === null) documentAt = timestamp;
    requested.set(requestId, timestamp);
  });
  cdp.on('Network.responseReceived', ({ requestId, type, response }) => {
    const kind: Kind = type === 'Script' ? 'js' : type === 'Stylesheet' ? 'css' : type === 'Document' ? 'html' : 'other';
    const requestedMs = ((requested.get(requestId) ?? 0) - (documentAt ?? 0)) * 1000;
    resources.set(requestId, {
      kind,
      url: response.url,
      transferred: 0,
      uncompressed: 0,
      requestedMs,
      headerBytes: response.encodedDataLength ?? 0,
    });
  });
  cdp.on('Network.dataReceived', ({ requestId, dataLength }) => {
    const resource = resources.get(requestId);
    if (resource) resource.uncompressed += dataLength;
  });
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    const resource = resources.get(requestId);
    if (resource) resource.transferred = Math.max(0, encodedDataLength - resource.headerBytes);
  });
  return () => [...resources.values()];
}

const sum = (resources: Resource[]): Transfer => ({
  transferred: resources.reduce((n, r) => n + r.transferred, 0),
  uncompressed: resources.reduce((n, r) => n + r.uncompressed, 0),
});

/** Loads `url` cold and waits until it is answerable (or idle), then lets LCP and long tasks settle. */
export async function measureLoad(
  context: BrowserContext,
  url: string,
  { answerable }: { answerable: boolean },
): Promise<{ load: PageLoad; page: Page }> {
  const { page, bytes } = await phonePage(context);
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  if (answerable) await page.waitForSelector(ANSWERABLE, { timeout: 120_000 });
  await page.waitForLoadState('networkidle', { timeout: 120_000 }).catch(() => undefined);
  await page.waitForTimeout(1500);
  const perf = await page.evaluate(
    () => (window as unknown as { __perf: { lcp: number; longTasks: [number, number][]; answerable: number | null } }).__perf,
  );
  const resources = bytes();
  const firstLoad = (r: Resource) => perf.answerable === null || !answerable || r.requestedMs <= perf.answerable;
  const scripts = resources.filter((r) => r.kind === 'js' && firstLoad(r));
  const largest = scripts.reduce((a, b) => (b.transferred > a.transferred ? b : a), {
    kind: 'js',
    url: '-',
    transferred: 0,
    uncompressed: 0,
  } as Resource);
  return {
    page,
    load: {
      js: sum(scripts),
      laterJs: sum(resources.filter((r) => r.kind === 'js' && !firstLoad(r))),
      css: sum(resources.filter((r) => r.kind === 'css')),
      html: sum(resources.filter((r) => r.kind === 'html')),
      scripts: scripts.length,
      largestScript: {
        name: largest.url.split('/').slice(-2).join('/'),
        transferred: largest.transferred,
        uncompressed: largest.uncompressed,
      },
      lcpMs: perf.lcp,
      tbtMs: perf.longTasks.reduce((total, [, duration]) => total + Math.max(0, duration - 50), 0),
      answerableMs: answerable ? perf.answerable : null,
      scriptUrls: scripts.map((r) => r.url),
    },
  };
}
