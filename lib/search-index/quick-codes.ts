import { cmChapterOf } from '../codeset/cm-chapters';
import { normalizeCodeInput } from '../codeset/code-format';
import { getActiveReleases, getCode } from '../db/releases';
import type { SearchOptions, SearchResult } from '../search/types';

/**
 * The exact code a coder typed, read from the stored code set while the search index is still
 * loading: the first query of a freshly opened panel is often a code, and this answers it in a
 * few milliseconds instead of waiting for the index (the full answer, with the code's children,
 * follows when the index is ready).
 */
export async function quickCodeResults(query: string, options: SearchOptions = {}): Promise<SearchResult[]> {
  const code = normalizeCodeInput(query);
  if (!code) return [];
  const out: SearchResult[] = [];
  for (const release of await getActiveReleases()) {
    if (options.systems?.length && !options.systems.includes(release.system)) continue;
    const record = await getCode(release.id, code);
    if (!record || (options.validOnly && record.valid !== 1)) continue;
    if (options.chapter && (release.system !== 'icd10cm' || cmChapterOf(record.code) !== options.chapter)) continue;
    out.push({ system: release.system, code: record.code, title: record.title, valid: record.valid === 1, score: 1000, why: [{ kind: 'code', text: record.code }] });
  }
  return out;
}
