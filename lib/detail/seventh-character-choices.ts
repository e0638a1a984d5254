import type { SevenChrDef } from '../codeset/cm-tabular';
import { displayCode } from '../codeset/code-format';
import type { Pack } from '../codeset/pack';
import { ancestorsOf, packHierarchy, type PackHierarchy } from './hierarchy';
import { buildSeventhCharacter, packTabular, sevenChrFor, type SeventhCharacterResult } from './seventh-character';

/** One 7th character a coder can pick, with the full code it makes. */
export interface SeventhCharacterChoice {
  char: string;
  /** Its meaning: "initial encounter". */
  label: string;
  result: SeventhCharacterResult;
}

/** What the 7th-character builder of a code offers. */
export interface SeventhCharacterChoices {
  /** Code (undotted) the 7th character is added to: the code itself, or a 7-character code's stem (S13.4XXA → S134). */
  base: string;
  baseDisplay: string;
  /** Code (undotted) holding the definition, and as printed. */
  from: string;
  fromDisplay: string;
  /**
   * 'tabular': the Tabular List's 7th-character definition. 'codes': read from the code list
   * (a release without the Tabular List), so only characters the release actually uses are offered.
   */
  source: 'tabular' | 'codes';
  /** The code's own 7th character, for a 7-character code. */
  current?: string;
  /**
   * Some choice makes a code of the release (S13.4 → S13.4XXA): the base itself takes the 7th
   * character. False on a category or header whose 7th character goes on more specific codes.
   */
  completes: boolean;
  choices: SeventhCharacterChoice[];
}

/**
 * The 7th characters that apply to an ICD-10-CM code, each with the full code it makes
 * (placeholder X filled in) and whether that code may be reported. Offered on a category, a
 * subcategory or a header under a 7th-character definition, and on a 7-character code to switch
 * its character; not on a complete code shorter than 7 characters, which takes none.
 */
export function seventhCharacterChoices(pack: Pack, code: string): SeventhCharacterChoices | undefined {
  if (pack.system !== 'icd10cm') return undefined;
  const h = packHierarchy(pack);
  const row = h.rows.get(code);
  if (!row || code.length > 7 || (code.length < 7 && row[1] === 1)) return undefined;
  const tabular = packTabular(pack) !== undefined;
  const def = tabular ? sevenChrFor(pack, code) : sevenChrFromCodes(pack, code);
  if (!def || def.chars.length === 0) return undefined;
  const base = code.length === 7 ? stemOf(h, code) : code;
  const choices = def.chars.map((c) => ({ char: c.char, label: c.label, result: buildSeventhCharacter(pack, base, c.char) }));
  const out: SeventhCharacterChoices = {
    base,
    baseDisplay: displayCode(pack.system, base),
    from: def.from,
    fromDisplay: displayCode(pack.system, def.from),
    source: tabular ? 'tabular' : 'codes',
    completes: choices.some((c) => h.rows.has(c.result.code)),
    choices,
  };
  if (code.length === 7) out.current = code[6];
  return out;
}

/**
 * A 7th-character definition read from the code list alone, for releases shipped without the
 * Tabular List (the order file has every code but no `sevenChrDef`). A 7th-character code is
 * titled as its parent plus ", " and the character's meaning (S13.4XXA "Sprain of ligaments of
 * cervical spine, initial encounter" under S13.4): that is how the meanings are recovered. Codes
 * that merely have 7 characters (C44.1021 "…of right upper eyelid, including canthus") do not
 * follow the pattern and are not taken for 7th characters. The definition is placed on the
 * highest ancestor whose reportable codes all carry the same set of 7th characters, as the
 * Tabular List places it (S13.4 → S13).
 */
export function sevenChrFromCodes(pack: Pack, code: string): (SevenChrDef & { from: string }) | undefined {
  if (pack.system !== 'icd10cm') return undefined;
  const h = packHierarchy(pack);
  if (!h.rows.has(code)) return undefined;
  const stem = code.length === 7 ? h.parent.get(code) : code;
  if (stem === undefined) return undefined;
  const own = extensionsBelow(h, stem);
  if (!own) return undefined;
  let from = stem;
  for (const a of ancestorsOf(h, stem)) {
    const up = extensionsBelow(h, a);
    if (!up || !sameKeys(up, own)) break;
    from = a;
  }
  const chars = [...own.entries()]
    .map(([char, labels]) => ({ char, label: mostCommon(labels) }))
    .sort((a, b) => (a.char < b.char ? -1 : a.char > b.char ? 1 : 0));
  return { chars, from };
}

/** The code a 7-character code was built from: its parent when padding it gives the code's first six characters. */
function stemOf(h: PackHierarchy, code: string): string {
  const parent = h.parent.get(code);
  return parent !== undefined && parent.padEnd(6, 'X') === code.slice(0, 6) ? parent : code.slice(0, 6);
}

/**
 * 7th character → meanings (with counts) over the reportable codes below `code`; undefined when
 * there are none or when some reportable code below is not a 7th-character code.
 */
function extensionsBelow(h: PackHierarchy, code: string): Map<string, Map<string, number>> | undefined {
  const found = new Map<string, Map<string, number>>();
  const stack = [...(h.children.get(code) ?? [])];
  while (stack.length) {
    const c = stack.pop()!;
    const row = h.rows.get(c)!;
    const kids = h.children.get(c);
    if (kids) stack.push(...kids);
    if (row[1] !== 1) continue;
    const label = c.length === 7 ? meaningOf(h, c) : undefined;
    if (label === undefined) return undefined;
    const labels = found.get(c[6]) ?? new Map<string, number>();
    labels.set(label, (labels.get(label) ?? 0) + 1);
    found.set(c[6], labels);
  }
  return found.size ? found : undefined;
}

/** The meaning of a 7-character code's last character, from its title and its parent's. */
function meaningOf(h: PackHierarchy, code: string): string | undefined {
  const parent = h.parent.get(code);
  if (parent === undefined || parent.padEnd(6, 'X') !== code.slice(0, 6)) return undefined;
  const head = `${h.rows.get(parent)![2]}, `;
  const title = h.rows.get(code)![2];
  return title.startsWith(head) && title.length > head.length ? title.slice(head.length) : undefined;
}

function sameKeys(a: ReadonlyMap<string, unknown>, b: ReadonlyMap<string, unknown>): boolean {
  return a.size === b.size && [...a.keys()].every((k) => b.has(k));
}

function mostCommon(counts: ReadonlyMap<string, number>): string {
  let best = '';
  let n = -1;
  for (const [label, count] of counts) if (count > n) [best, n] = [label, count];
  return best;
}
