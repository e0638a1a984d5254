import { printedCodeStem } from '../codeset/printed-code';
import { parseIndexCode } from '../codeset/cm-index';
import { normalizeCodeInput } from '../codeset/code-format';
import type { Pack } from '../codeset/pack';
import type { PackIndex, PackIndexTerm } from '../codeset/pack-sections';

/** One Index entry that leads to a code. */
export interface IndexEntryView {
  /** Which index: the Alphabetic Index or the External Cause Index. */
  source: 'index' | 'eindex';
  /** Titles from the main term down: ["Sprain", "neck", "cervical spine"] (shown "Sprain › neck › …"). */
  path: string[];
  /** The code as the index prints it: "S13.4", "M20.5X-". */
  printed: string;
  /**
   * `exact`: the entry names this code. `ancestor`: it names a category or subcategory above it
   * (S13.4 for S13.4XXA, M20.5X- for M20.5X1): the rest is chosen in the Tabular.
   */
  match: 'exact' | 'ancestor';
  /** The code is the entry's manifestation code (printed in brackets, sequenced second). */
  manifestation?: true;
}

export interface IndexEntriesResult {
  entries: IndexEntryView[];
  /** How many entries lead to the code in all (more than `entries.length` when capped). */
  total: number;
}

interface CodedTerm {
  source: IndexEntryView['source'];
  path: string[];
  printed: string;
  /** Undotted, without the dash and trailing placeholder X: the code the entry reaches for sure. */
  key: string;
  manifestation: boolean;
}

const cache = new WeakMap<Pack, CodedTerm[]>();

/**
 * The Index entries whose code leads to `code`, in index order, at most `limit`. An entry leads to
 * a code when it prints the code itself or one of its ancestors: the FY2017 index prints "S13.4"
 * for whiplash although only S13.4XXA/D/S are reportable, and "M20.5X-" (more characters needed)
 * for hallux limitus. Trailing placeholder X are not significant (M20.5X- reaches M20.5X1).
 */
export function indexEntriesFor(pack: Pack, code: string, limit = 20): IndexEntriesResult {
  const target = normalizeCodeInput(code);
  const entries: IndexEntryView[] = [];
  let total = 0;
  const targetKey = printedCodeStem(target);
  for (const t of codedTerms(pack)) {
    if (!target.startsWith(t.key)) continue;
    total++;
    if (entries.length >= limit) continue;
    const entry: IndexEntryView = { source: t.source, path: t.path, printed: t.printed, match: t.key === targetKey ? 'exact' : 'ancestor' };
    if (t.manifestation) entry.manifestation = true;
    entries.push(entry);
  }
  return { entries, total };
}

function codedTerms(pack: Pack): CodedTerm[] {
  let terms = cache.get(pack);
  if (terms) return terms;
  terms = [];
  for (const source of ['index', 'eindex'] as const) {
    const index = pack.sections[source] as PackIndex | undefined;
    if (!index) continue;
    const visit = (term: PackIndexTerm, above: string[]) => {
      const path = [...above, term.t];
      for (const [printed, manifestation] of [[term.c, false], [term.mf, true]] as const) {
        const parsed = printed === undefined ? undefined : parseIndexCode(printed);
        if (parsed && printed) terms!.push({ source, path, printed, key: printedCodeStem(parsed.code.replace('.', '')), manifestation });
      }
      for (const sub of term.k ?? []) visit(sub, path);
    };
    for (const term of index.terms) visit(term, []);
  }
  cache.set(pack, terms);
  return terms;
}
