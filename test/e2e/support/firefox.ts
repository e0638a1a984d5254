import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import puppeteer, { TimeoutError, type Browser, type EvaluateFunc, type Page } from 'puppeteer-core';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '../../../.output/firefox-mv2');
/** `browser_specific_settings.gecko.id` in wxt.config.ts. */
export const GECKO_ID = 'coder-lens@coderlens.local';
/**
 * Firefox gives every install a random moz-extension:// UUID; the `extensions.webextensions.uuids`
 * pref, set before the add-on is installed, makes it this one so the tests know the page URLs.
 */
export const EXTENSION_UUID = 'c0de1e45-f1ef-4f0c-8d3a-5e7a1c0de000';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

/** An error or warning of the extension, as Firefox printed it. */
export interface ExtensionProblem {
  kind: 'error' | 'warning';
  line: string;
}

export interface FirefoxSession {
  browser: Browser;
  /** Uncaught errors in the extension's documents and its `[Coder Lens]` console errors and warnings. */
  problems: ExtensionProblem[];
  close(): Promise<void>;
}

/**
 * Picks the extension's own lines out of Firefox's output: uncaught errors name the
 * moz-extension:// file, and the product prefixes everything it logs with `[Coder Lens]`
 * (Firefox's own modules and built-in add-ons log there too).
 */
export function extensionProblem(line: string): ExtensionProblem | undefined {
  const uncaught = /^JavaScript (error|warning): (.*)$/.exec(line);
  if (uncaught && uncaught[2].startsWith(EXTENSION_ORIGIN)) return { kind: uncaught[1] as 'error' | 'warning', line };
  const logged = /^console\.(error|warn): "\[Coder Lens\]/.exec(line);
  if (logged) return { kind: logged[1] === 'warn' ? 'warning' : 'error', line };
  return undefined;
}

/**
 * Starts headless Firefox ESR over WebDriver BiDi and installs the built Firefox extension as a
 * temporary add-on (a fresh profile each time; puppeteer deletes it on close).
 */
export async function launchFirefoxExtension(opts: { extensionDir?: string; viewport?: { width: number; height: number } } = {}): Promise<FirefoxSession> {
  const extensionDir = opts.extensionDir ?? FIREFOX_EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json')))
    throw new Error(`The Firefox extension is not built (${extensionDir} has no manifest.json): run \`npx wxt build -b firefox\` (or \`npm run build\`) first.`);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    // Applied by newPage(), which tolerates what ESR 140 lacks: a later page.setViewport() fails
    // there, since puppeteer 25 also sends emulation.setScreenOrientationOverride (unknown to 140).
    defaultViewport: opts.viewport ?? { width: 420, height: 860 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      // Light theme for the screenshots, whatever the machine prefers (0 dark, 1 light).
      'layout.css.prefers-color-scheme.content-override': 1,
      // Console calls and uncaught errors of content (extension pages included) go to stdout:
      // WebDriver BiDi sends no log.entryAdded for moz-extension:// documents (ESR 140), so
      // puppeteer's page.on('console') / 'pageerror' never fire there.
      'devtools.console.stdout.content': true,
      // Off the network: Firefox's own services (remote settings, top sites) go to a closed
      // local port instead of looking up outside hosts. Extension pages are not proxied.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': 9,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': 9,
    },
  });
  const problems: ExtensionProblem[] = [];
  const child = browser.process();
  for (const stream of [child?.stdout, child?.stderr]) {
    if (!stream) continue;
    createInterface(stream).on('line', (line) => {
      const problem = extensionProblem(line);
      if (problem) problems.push(problem);
    });
  }
  try {
    const id = await browser.installExtension(extensionDir);
    if (id !== GECKO_ID) throw new Error(`Installed add-on has id ${id}, expected ${GECKO_ID}`);
  } catch (err) {
    await browser.close();
    throw err;
  }
  return { browser, problems, close: () => browser.close() };
}

/**
 * Opens an extension page (e.g. `sidepanel.html`) in a new tab and waits until it has loaded.
 *
 * page.goto() never resolves for moz-extension:// pages (puppeteer#14314: Firefox's BiDi
 * navigate command gets no load event for them), so the navigation is started without waiting
 * for it and the document is polled instead; a navigation that really fails (unknown UUID:
 * NS_ERROR_NOT_AVAILABLE at once) still fails the call.
 */
export async function openExtensionPage(session: FirefoxSession, path: string, timeout = 30_000): Promise<Page> {
  const page = await session.browser.newPage();
  const url = `${EXTENSION_ORIGIN}/${path}`;
  const navigationFailed = new Promise<never>((_, reject) => {
    page.goto(url, { timeout }).catch((err: unknown) => {
      // The expected timeout of the bug above, or the tab closing before it: not failures.
      if (err instanceof TimeoutError || (err instanceof Error && /detached|closed/i.test(err.message))) return;
      reject(err);
    });
  });
  await Promise.race([poll(page, { timeout }, (u: string) => location.href === u && document.readyState === 'complete', url), navigationFailed]);
  return page;
}

/**
 * Polls `fn` in the page (like page.evaluate) until it returns a truthy value, which it returns.
 * page.waitForFunction() cannot be used on extension pages: it builds its predicate with
 * `new Function`, which their CSP blocks. Errors while the page is still navigating are retried.
 */
export async function poll<Params extends unknown[], Func extends EvaluateFunc<Params> = EvaluateFunc<Params>>(
  page: Page,
  opts: { timeout: number; interval?: number },
  fn: Func,
  ...args: Params
): Promise<NonNullable<Awaited<ReturnType<Func>>>> {
  const deadline = Date.now() + opts.timeout;
  let last: unknown;
  for (;;) {
    try {
      last = await page.evaluate(fn, ...args);
      if (last) return last as NonNullable<Awaited<ReturnType<Func>>>;
    } catch (err) {
      last = err;
    }
    if (Date.now() >= deadline)
      throw new Error(`Timed out after ${opts.timeout} ms polling ${fn.toString().slice(0, 120)} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, opts.interval ?? 200));
  }
}

/** Waits until the listbox shows the results of exactly `query` (it says which query they answer). */
export async function resultsFor(page: Page, query: string, timeout = 60_000): Promise<string[]> {
  await poll(page, { timeout }, (q: string) => document.getElementById('cl-search-results')?.dataset.query === q, query);
  return page.$$eval('[role="option"]', (els) => els.map((e) => e.getAttribute('data-code') ?? ''));
}
