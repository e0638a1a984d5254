import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROME_EXTENSION_DIR } from './browser';

/**
 * A copy of the built Chrome extension in which the host permission for `origins` is already
 * granted — the state after the coder accepted Chrome's "Allow Coder Lens to read this site?"
 * prompt. That prompt is browser UI a test cannot click (permissions.request needs it), so the
 * grant is moved into the copy's manifest; nothing else changes, and turning the site on, the
 * registration and the scan run the product's own code.
 */
export function extensionWithGrantedHosts(origins: string[]): { dir: string; remove(): void } {
  if (!existsSync(join(CHROME_EXTENSION_DIR, 'manifest.json')))
    throw new Error(`The extension is not built (${CHROME_EXTENSION_DIR} has no manifest.json): run \`npx wxt build\` first.`);
  const dir = mkdtempSync(join(tmpdir(), 'coder-lens-granted-'));
  cpSync(CHROME_EXTENSION_DIR, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { host_permissions?: string[]; optional_host_permissions?: string[] };
  if (!manifest.optional_host_permissions?.some((p) => origins.every((o) => o.startsWith(p.split('*')[0]))))
    throw new Error('The manifest no longer offers these sites as optional host permissions.');
  manifest.host_permissions = origins;
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
