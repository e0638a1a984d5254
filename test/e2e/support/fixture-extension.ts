import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runBuild } from '../../../scripts/codeset/run-build';
import { CHROME_EXTENSION_DIR } from './browser';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures');
/** FY2017 excerpt with tabular, index, drug and neoplasm tables (see its README.md). */
export const FIXTURE_WORKSPACE = join(FIXTURES, 'workspace');
/** The same codes from the FY2025 order file: a second, order-only release. */
export const FIXTURE_WORKSPACE_2025 = join(FIXTURES, 'workspace-2025');

let built: { dir: string; ready: Promise<string> } | undefined;

/**
 * A copy of the built Chrome extension whose embedded packs are the fixture releases instead of
 * the real FY2026 ones: ICD-10-CM FY2017 (with notes, index and tables) and FY2025 (order file
 * only), built by the project's own builder, so the background imports them exactly as it imports
 * a real install's packs. Built once per process; `removeFixtureExtension` deletes the copy.
 */
export function fixtureExtension(): Promise<string> {
  if (!built) {
    if (!existsSync(join(CHROME_EXTENSION_DIR, 'manifest.json')))
      return Promise.reject(
        new Error(`The extension is not built (${CHROME_EXTENSION_DIR} has no manifest.json): run \`npm run build\` (or \`npx wxt build\`) first.`),
      );
    const dir = mkdtempSync(join(tmpdir(), 'coder-lens-fixture-ext-'));
    built = { dir, ready: buildInto(dir) };
  }
  return built.ready;
}

/** Deletes the copy made by `fixtureExtension` (call it after the browser using it is closed). */
export function removeFixtureExtension(): void {
  if (built) rmSync(built.dir, { recursive: true, force: true });
  built = undefined;
}

async function buildInto(dir: string): Promise<string> {
  cpSync(CHROME_EXTENSION_DIR, dir, { recursive: true });
  const packs = join(dir, 'packs');
  // Replaced as a whole: the builder would otherwise keep the real packs listed in the old manifest.
  rmSync(packs, { recursive: true, force: true });
  await runBuild({ sources: [FIXTURE_WORKSPACE, FIXTURE_WORKSPACE_2025], outDir: packs, systems: ['icd10cm'] });
  return dir;
}
