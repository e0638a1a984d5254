/**
 * `npm start`: builds the extension with its default code set, then opens Chromium with it loaded
 * on a sample record page. Where there is no display, it says so and prints the folder to load.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const EXT = resolve(ROOT, '.output/chrome-mv3');
const SAMPLE = resolve(ROOT, 'test/fixtures/pages/sample-record.html');
const CHROMIUM = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(existsSync);

execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });

const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
if (!hasDisplay || !CHROMIUM) {
  console.log(`\n${!hasDisplay ? 'No display found (DISPLAY/WAYLAND_DISPLAY unset)' : 'No Chromium found (set CHROMIUM_PATH)'}, so no browser was opened.`);
  console.log(`The built extension is in:\n  ${EXT}            (Chrome/Edge: chrome://extensions → Developer mode → Load unpacked)`);
  console.log(`  ${resolve(ROOT, '.output/firefox-mv2')}   (Firefox: about:debugging → This Firefox → Load Temporary Add-on → manifest.json)`);
  process.exit(0);
}

// Serve the sample record on loopback: content scripts do not run on file:// pages by default.
const server = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(SAMPLE));
});
server.listen(0, '127.0.0.1', async () => {
  const { port } = server.address() as AddressInfo;
  const { chromium } = await import('playwright-core');
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'coder-lens-start-')), {
    executablePath: CHROMIUM,
    headless: false,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [`--disable-extensions-except=${EXT}`, `--load-extension=${EXT}`, '--no-first-run', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    viewport: null,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`http://127.0.0.1:${port}/`);
  console.log(`Chromium is open with Coder Lens on the sample record http://127.0.0.1:${port}/ — click the toolbar icon for the panel. Close the browser to stop.`);
  context.on('close', () => {
    server.close();
    process.exit(0);
  });
});
