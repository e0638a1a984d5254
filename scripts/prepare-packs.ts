/**
 * Builds the packs the extension embeds (newest ICD-10-CM and ICD-10-PCS release found) into
 * public/packs/, where `wxt build` picks them up.
 * Source, in order: --source flags, $CODER_LENS_SOURCE, ../shared/codesets beside the checkout,
 * else the official CMS URLs of the fiscal year in force (needs internet).
 */
import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { catalogFor, fiscalYearOf } from '../lib/codeset/catalog';
import { runBuild } from './codeset/run-build';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = resolve(ROOT, 'public/packs');

export function defaultSources(): { sources: string[]; from: string } {
  const env = process.env.CODER_LENS_SOURCE?.split(':').filter(Boolean);
  if (env?.length) return { sources: env, from: '$CODER_LENS_SOURCE' };
  const shared = resolve(ROOT, '../shared/codesets');
  if (existsSync(shared)) return { sources: [shared], from: shared };
  const fy = fiscalYearOf(new Date().toISOString().slice(0, 10));
  return { sources: catalogFor(fy).map((e) => e.url), from: `the official CMS release files for FY${fy}` };
}

async function main() {
  const { values } = parseArgs({ options: { source: { type: 'string', multiple: true } } });
  const { sources, from } = values.source?.length ? { sources: values.source, from: '--source' } : defaultSources();
  console.log(`Building embedded code packs from ${from}`);
  rmSync(OUT, { recursive: true, force: true });
  const reports = await runBuild({ sources, outDir: OUT, systems: ['icd10cm', 'icd10pcs'], newest: true, log: (m) => console.log(`  ${m}`) });
  for (const r of reports)
    console.log(`  ${r.file}: ${r.validCodes} valid, ${r.headers} headers, ${(r.gzipBytes / 1e6).toFixed(2)} MB (${(r.rawBytes / 1e6).toFixed(1)} MB raw), ${r.buildMs} ms`);
}

main().catch((err: unknown) => {
  console.error(`\nCould not build the embedded code packs: ${err instanceof Error ? err.message : String(err)}`);
  console.error('Point the build at the official CMS/CDC release files: CODER_LENS_SOURCE=<folder or zip> npm run build');
  process.exit(1);
});
