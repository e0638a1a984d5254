import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROME_EXTENSION_DIR = resolve(import.meta.dirname, '../../../.output/chrome-mv3');

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  userDataDir: string;
  /** Closes the browser; the profile is kept when `keepProfile` (to test surviving a restart). */
  close(opts?: { keepProfile?: boolean }): Promise<void>;
}

/**
 * Starts real Chromium with the built extension in a fresh (or given) profile. Flags keep the
 * browser off the network: no background services, and no host name resolves except loopback.
 */
export async function launchExtension(
  opts: { userDataDir?: string; extensionDir?: string; proxy?: string; /** Loopback (the tests' own page servers) goes straight, not through the proxy. */ proxyBypassLoopback?: boolean } = {},
): Promise<ExtensionSession> {
  const extensionDir = opts.extensionDir ?? CHROME_EXTENSION_DIR;
  const userDataDir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'coder-lens-e2e-'));
  const args = [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--no-first-run',
    '--disable-sync',
    '--disable-background-networking',
    '--disable-component-update',
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE *.localhost, EXCLUDE 127.0.0.1, EXCLUDE [::1]',
  ];
  if (opts.proxy)
    args.push(`--proxy-server=${opts.proxy}`, `--proxy-bypass-list=${opts.proxyBypassLoopback ? '<-loopback>;localhost;*.localhost;127.0.0.1/8;[::1]' : '<-loopback>'}`);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args,
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 30_000 });
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    userDataDir,
    async close({ keepProfile = false } = {}) {
      await context.close();
      if (!keepProfile) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
