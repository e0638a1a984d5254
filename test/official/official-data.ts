import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Where the official CMS/CDC release files are on this machine: `CODER_LENS_SOURCE` if set,
 * else `../shared/codesets` beside the checkout (the CI layout). The files are never committed.
 */
export const officialDir: string | undefined = (() => {
  const candidate = process.env.CODER_LENS_SOURCE ?? resolve(import.meta.dirname, '../../../shared/codesets');
  return existsSync(candidate) ? candidate : undefined;
})();

export function officialFile(rel: string): string {
  if (!officialDir) throw new Error('official data folder not present');
  return resolve(officialDir, rel);
}

if (!officialDir)
  console.warn(
    '[official-data] Official code-set folder not found (set CODER_LENS_SOURCE or provide ../shared/codesets): ' +
      'the tests that check counts on the real CMS/CDC files are SKIPPED in this run.',
  );
