/**
 * Plain names that the titles always qualify. Without an Alphabetic Index, "hypertension"
 * appears only as "Essential (primary) hypertension" and "myocardial infarction" as the head of
 * "Myocardial infarction with coronary microvascular dysfunction", while the code a coder reports
 * for the plain name is the one the Index gives it with its default, nonessential modifier:
 * "Hypertension (essential)" I10, "Infarction, myocardial (acute)" I21.9.
 *
 * So, after ranking:
 *  - a phrase named only as the head of longer titles takes first the codes of the same phrase
 *    preceded by a default modifier (essential, primary, idiopathic, acute, chronic) when that
 *    phrase names its code exactly;
 *  - a lexicon wording that is no phrase at all ("hypertension", the expansion of "HBP") becomes
 *    one, with those codes;
 *  - a plain name of two words or more after "essential", "idiopathic" or "acute" becomes a
 *    phrase ("respiratory failure" from "Acute respiratory failure");
 *  - diabetes of unstated type is type 2 (the guideline below).
 *
 * A wording made only of body-site words (the sites of the Neoplasm table: "abdomen", "kidney")
 * is left alone: "acute abdomen" is not what "abd" means.
 */
import type { Pack } from '../codeset/pack';
import type { PackTable } from '../codeset/pack-sections';
import type { ReadingGroup } from './lexicon-readings';
import { MAX_CODES, type RankedPhrases } from './phrase-collector';
import { isQualifier, isUsablePhrase } from './phrase-filter';
import { EXACT } from './phrase-text';
import { phraseKeys } from './term-keys';

const DEFAULT_MODIFIERS = new Set(['essential', 'primary', 'idiopathic', 'acute', 'chronic']);

/**
 * Defaults the coding guidelines set for a plain name: "If the type of diabetes mellitus is not
 * documented in the medical record the default is E11.-, Type 2 diabetes mellitus" (ICD-10-CM
 * Official Guidelines I.C.4.a.2).
 */
const GUIDELINE_DEFAULTS: ReadonlyArray<{ plain: string; as: string }> = [
  { plain: 'diabetes mellitus', as: 'type 2 diabetes mellitus' },
  { plain: 'diabetes', as: 'type 2 diabetes mellitus' },
];
const MAX_MODIFIERS = 2;
/**
 * Modifiers whose plain form names the same condition ("chronic kidney disease" is no "kidney
 * disease", and "abnormal bowel sounds" no "bowel sounds").
 */
const PLAIN_MODIFIERS = new Set(['essential', 'idiopathic', 'acute']);

/**
 * Completes the ranked phrases in place (see above); returns how many lexicon wordings became
 * phrases and how many phrases took the codes of their default-modifier form.
 */
export function completeWithDefaults(ranked: RankedPhrases, groups: readonly ReadingGroup[], packs: readonly Pack[]): { added: number; completed: number } {
  // The exactly named phrase behind each plain name: "hypertension" → "essential hypertension".
  const qualified = qualifiedForms(ranked, DEFAULT_MODIFIERS);
  const known = new Map<string, number>();
  let completed = 0;
  ranked.keys.forEach((keys, phrase) => {
    const joined = keys.join(' ');
    known.set(joined, phrase);
    const q = qualified.get(joined);
    if (!q || ranked.scores[phrase] >= EXACT) return;
    ranked.codes[phrase] = [...new Set([...ranked.codes[q.phrase], ...ranked.codes[phrase]])].slice(0, MAX_CODES);
    completed++;
  });

  for (const d of GUIDELINE_DEFAULTS) {
    const target = known.get(phraseKeys(d.as).join(' '));
    const keys = phraseKeys(d.plain);
    if (target === undefined) continue;
    const phrase = known.get(keys.join(' '));
    if (phrase === undefined) {
      known.set(keys.join(' '), ranked.keys.length);
      ranked.keys.push(keys);
      ranked.labels.push(d.plain);
      ranked.scores.push(EXACT - 1);
      ranked.codes.push(ranked.codes[target]);
    } else ranked.codes[phrase] = [...new Set([...ranked.codes[target], ...ranked.codes[phrase]])].slice(0, MAX_CODES);
  }

  const sites = siteWords(packs);
  let added = 0;
  // "Acute respiratory failure" → "respiratory failure", "Idiopathic pulmonary fibrosis" → "pulmonary fibrosis":
  // a plain name of two words or more that no title gives, named by its qualified phrase.
  for (const [plain, q] of qualifiedForms(ranked, PLAIN_MODIFIERS)) {
    const keys = ranked.keys[q.phrase].slice(q.extra);
    if (known.has(plain) || keys.length < 2) continue;
    if (!isUsablePhrase(keys) || keys.every((k) => sites.has(k) || isQualifier(k))) continue;
    known.set(plain, ranked.keys.length);
    ranked.keys.push(keys);
    ranked.labels.push(ranked.labels[q.phrase]);
    ranked.scores.push(EXACT - 1);
    ranked.codes.push(ranked.codes[q.phrase]);
    added++;
  }
  for (const g of groups)
    for (const x of g.expansions) {
      const joined = x.keys.join(' ');
      const q = qualified.get(joined);
      if (!q || known.has(joined) || !isUsablePhrase(x.keys) || x.keys.every((k) => sites.has(k) || isQualifier(k))) continue;
      known.set(joined, ranked.keys.length);
      ranked.keys.push(x.keys);
      ranked.labels.push(x.text);
      ranked.scores.push(EXACT - 1);
      ranked.codes.push(ranked.codes[q.phrase]);
      added++;
    }
  return { added, completed };
}

/** For each plain name, the exactly named phrase that is it after one or two of `modifiers`: "hypertension" → "essential hypertension". */
function qualifiedForms(ranked: RankedPhrases, modifiers: ReadonlySet<string>): Map<string, { phrase: number; extra: number }> {
  const qualified = new Map<string, { phrase: number; extra: number }>();
  ranked.keys.forEach((keys, phrase) => {
    if (ranked.scores[phrase] < EXACT || ranked.codes[phrase].length === 0) return;
    for (let extra = 1; extra <= MAX_MODIFIERS && extra < keys.length; extra++) {
      if (!modifiers.has(keys[extra - 1])) break;
      const plain = keys.slice(extra).join(' ');
      const cur = qualified.get(plain);
      if (!cur || extra < cur.extra) qualified.set(plain, { phrase, extra });
    }
  });
  return qualified;
}

/** Words of the Neoplasm table's sites ("abdomen, abdominal", "breast", "cord, spinal"). */
function siteWords(packs: readonly Pack[]): Set<string> {
  const words = new Set<string>();
  for (const pack of packs) {
    const table = pack.sections.neoplasms as PackTable | undefined;
    for (const row of table?.rows ?? []) if (row.p.length >= 2) for (const k of phraseKeys(row.p[row.p.length - 1].replace(/\([^)]*\)/g, ' '))) words.add(k);
  }
  return words;
}
