import { parseTabular, impliedValidCodes, type Notes, type SevenChrDef, type Tabular } from './cm-tabular';
import { CodesetError } from './errors';
import { parseOrderFile, type OrderEntry } from './order-file';
import { PACK_FORMAT, PACK_FORMAT_VERSION, sha256Hex, type CodeRow, type Pack, type PackCounts } from './pack';
import { CODE_PATTERNS, SYSTEM_LABELS, releaseDates, releaseTitle, type CodeSystem } from './releases';
import { baseName, type ClassifiedSource, type SourceKind } from './source-files';
import { decodeText } from './text';
import { buildCmExtraSections, buildHcpcsCodes, buildPcsExtraSections } from './build-sections';

/** The sources of one code system and release, ready to build into a pack. */
export interface BuildGroup {
  system: CodeSystem;
  year: number;
  files: Partial<Record<SourceKind, ClassifiedSource>>;
}

/**
 * Groups classified files by code system and release year. Two different files of the same kind
 * for the same release (e.g. two order files for FY2026 that differ) is an error: the builder
 * never guesses which one the user meant. Identical copies (CMS and CDC publish the same bytes)
 * are accepted.
 */
export async function groupSources(files: ClassifiedSource[]): Promise<BuildGroup[]> {
  const groups = new Map<string, BuildGroup>();
  for (const f of files) {
    const key = `${f.system}@${f.year}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { system: f.system, year: f.year, files: {} }));
    const existing = g.files[f.kind];
    if (existing && (await sha256Hex(existing.bytes)) !== (await sha256Hex(f.bytes)))
      throw new CodesetError(f.path, `conflicts with ${existing.path}: two different ${f.kind} files for ${SYSTEM_LABELS[f.system]} ${f.year}`);
    g.files[f.kind] ??= f;
  }
  return [...groups.values()].sort((a, b) => a.system.localeCompare(b.system) || a.year - b.year);
}

/** Compact tabular section of an ICD-10-CM pack (see docs/code-packs.md). */
export interface PackTabular {
  version: string;
  chapters: Array<{ number: string; title: string; notes?: Notes; sections: string[] }>;
  sections: Array<{ id: string; title: string; notes?: Notes; categories: string[] }>;
  notes: Record<string, Notes>;
  sevenChr: Record<string, SevenChrDef>;
}

/** Builds one pack from the sources of one release. Pure: bytes in, pack out. */
export async function buildPack(group: BuildGroup): Promise<Pack> {
  const { system, year, files } = group;
  const label = `${SYSTEM_LABELS[system]} ${year}`;
  let codes: CodeRow[];
  const sections: Record<string, unknown> = {};
  const counts: Record<string, number> = {};

  if (system === 'icd10cm') {
    const order = files['cm-order'] && readOrder(files['cm-order'], system);
    const tabular = files['cm-tabular'] && parseTabular(text(files['cm-tabular']), files['cm-tabular'].path);
    if (!order && !tabular)
      throw new CodesetError(label, `no order file (icd10cm_order_${year}.txt) or tabular XML (icd10cm_tabular_${year}.xml) among the sources; ${describe(files)}`);
    codes = order ? orderRows(order) : tabularRows(tabular!);
    if (tabular) {
      sections.tabular = compactTabular(tabular);
      counts.tabularDiags = tabular.diags.length;
    }
    Object.assign(counts, buildCmExtraSections(files, sections, text));
  } else if (system === 'icd10pcs') {
    const order = files['pcs-order'] && readOrder(files['pcs-order'], system);
    if (!order) throw new CodesetError(label, `no order file (icd10pcs_order_${year}.txt) among the sources; ${describe(files)}`);
    codes = orderRows(order);
    Object.assign(counts, buildPcsExtraSections(files, sections, text, codes));
  } else {
    const file = files.hcpcs;
    if (!file) throw new CodesetError(label, `no HCPCS annual file (HCPC${year}_ANWEB*.txt) among the sources`);
    codes = buildHcpcsCodes(file, sections, counts, (f) => decodeText(f.bytes, f.path, 'windows-1252'));
  }

  const valid = codes.reduce((n, r) => n + r[1], 0);
  const sources = await Promise.all(
    Object.values(files)
      .sort((a, b) => a.kind.localeCompare(b.kind))
      .map(async (f) => ({ name: baseName(f.path), sha256: await sha256Hex(f.bytes), bytes: f.bytes.length })),
  );
  const packCounts: PackCounts = { validCodes: valid, headers: codes.length - valid, ...counts };
  return {
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    system,
    release: String(year),
    title: releaseTitle(system, String(year)),
    ...releaseDates(system, year),
    sources,
    counts: packCounts,
    codes,
    sections,
  };
}

function text(f: ClassifiedSource): string {
  return decodeText(f.bytes, f.path);
}

function readOrder(f: ClassifiedSource, system: CodeSystem): OrderEntry[] {
  return parseOrderFile(text(f), f.path, system === 'icd10pcs' ? /^[0-9A-HJ-NP-Z]{3,7}$/ : CODE_PATTERNS.icd10cm);
}

function orderRows(entries: OrderEntry[]): CodeRow[] {
  return entries.map((e) => {
    const row: CodeRow = [e.code, e.valid ? 1 : 0, e.longTitle];
    if (e.shortTitle !== e.longTitle) row.push(e.shortTitle);
    return row;
  });
}

/** Without an order file, codes come from the tabular: its diags plus the 7th-character codes. */
function tabularRows(tabular: Tabular): CodeRow[] {
  const implied = impliedValidCodes(tabular);
  const validSet = new Set(implied.map((c) => c.code));
  const rows: CodeRow[] = tabular.diags.filter((d) => !validSet.has(d.code)).map((d) => [d.code, 0, d.title]);
  for (const c of implied) rows.push([c.code, 1, c.title]);
  return rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

function compactTabular(t: Tabular): PackTabular {
  const notes: Record<string, Notes> = {};
  const sevenChr: Record<string, SevenChrDef> = {};
  const categoriesBySection = new Map<string, string[]>();
  for (const d of t.diags) {
    if (Object.keys(d.notes).length) notes[d.code] = d.notes;
    if (d.sevenChrDef) sevenChr[d.code] = d.sevenChrDef;
    if (d.parent === null) {
      const list = categoriesBySection.get(d.section) ?? [];
      list.push(d.code);
      categoriesBySection.set(d.section, list);
    }
  }
  const withNotes = <T extends object>(o: T, n: Notes) => (Object.keys(n).length ? { ...o, notes: n } : o);
  return {
    version: t.version,
    chapters: t.chapters.map((c) =>
      withNotes({ number: c.number, title: c.title, sections: t.sections.filter((s) => s.chapter === c.number).map((s) => s.id) }, c.notes),
    ),
    sections: t.sections.map((s) => withNotes({ id: s.id, title: s.title, categories: categoriesBySection.get(s.id) ?? [] }, s.notes)),
    notes,
    sevenChr,
  };
}

function describe(files: BuildGroup['files']): string {
  const found = Object.values(files).map((f) => f.path);
  return found.length ? `found only: ${found.join(', ')}` : 'found no files for it';
}
