/**
 * Code-set builder CLI.
 *   npm run codeset -- build [--source <folder|zip|file|URL>]... --out <folder> [--system icd10cm,icd10pcs] [--year 2026] [--newest] [--json]
 *   npm run codeset -- catalog [--year 2027]
 * Sources: --source flags, else $CODER_LENS_SOURCE (paths separated by ':'), else the official CMS
 * URLs of the fiscal year in force today (needs internet).
 */
import { parseArgs } from 'node:util';
import { catalogFor, fiscalYearOf } from '../lib/codeset/catalog';
import { isCodeSystem, type CodeSystem } from '../lib/codeset/releases';
import { runBuild } from './codeset/run-build';
import { fail, runCli } from './cli';

const USAGE = `usage:
  npm run codeset -- build [--source <folder|zip|file|URL>]... --out <folder> [--system icd10cm,icd10pcs,hcpcs] [--year YYYY] [--newest] [--json]
  npm run codeset -- catalog [--year YYYY]`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      source: { type: 'string', multiple: true },
      out: { type: 'string' },
      system: { type: 'string' },
      year: { type: 'string' },
      newest: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const year = values.year ? Number(values.year) : undefined;
  if (values.year && !/^\d{4}$/.test(values.year)) return fail(`--year must be a four-digit year, got "${values.year}"`);
  const systems = values.system?.split(',').map((s) => s.trim());
  if (systems && !systems.every(isCodeSystem)) return fail(`--system must be a list of icd10cm, icd10pcs, hcpcs; got "${values.system}"`);

  if (command === 'catalog') {
    for (const e of catalogFor(year ?? fiscalYearOf(today()), ['icd10cm', 'icd10pcs', 'hcpcs'])) console.log(`${e.system}\t${e.year}\t${e.label}\t${e.url}`);
    return 0;
  }
  if (command !== 'build') return fail(USAGE);
  if (!values.out) return fail('--out <folder> is required');

  let sources = values.source ?? process.env.CODER_LENS_SOURCE?.split(':').filter(Boolean);
  if (!sources?.length) {
    const fy = year ?? fiscalYearOf(today());
    sources = catalogFor(fy, (systems as CodeSystem[] | undefined) ?? ['icd10cm', 'icd10pcs']).map((e) => e.url);
    console.error(`No --source and no CODER_LENS_SOURCE: using the official CMS release files for FY${fy}.`);
  }
  const reports = await runBuild({
    sources,
    outDir: values.out,
    systems: systems as CodeSystem[] | undefined,
    year,
    newest: values.newest,
    log: values.json ? undefined : (m) => console.error(m),
  });
  if (values.json) console.log(JSON.stringify(reports, null, 2));
  else
    for (const r of reports)
      console.log(
        `${r.file}: ${r.validCodes} valid codes, ${r.headers} headers; ${(r.rawBytes / 1e6).toFixed(1)} MB raw, ${(r.gzipBytes / 1e6).toFixed(2)} MB gzip; built in ${r.buildMs} ms`,
      );
  return 0;
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

runCli(main);
