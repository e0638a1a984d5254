/**
 * How an official title or term becomes the phrases a note would write. A whole ICD-10-CM title
 * ("Type 2 diabetes mellitus with diabetic chronic kidney disease") rarely appears verbatim in a
 * record; its head ("type 2 diabetes mellitus"), the words without laterality ("knee pain" from
 * "Pain in right knee") and the body part first ("thyroid disorder") do. Each phrase carries a
 * score: how well it names the code it came from, used to rank a phrase's candidate codes.
 */
export interface ScoredPhrase {
  text: string;
  score: number;
  /** The wording it was derived from ("Pain in right knee" for "right knee pain"): the concept's name. */
  label: string;
}

/** The code's own name: a whole title, an Index entry with its code. */
export const EXACT = 10;
/** A Tabular inclusion term (another name of the code). */
export const INCLUSION = 9;
/** The head of a longer title: it names the category more than this code. */
export const HEAD = 6;
/**
 * The head of a title that names a cause or circumstance ("Diabetes mellitus due to underlying
 * condition", "Arthritis due to Lyme disease"): the head alone is a different, plainer concept.
 */
export const CAUSED_HEAD = 4;
/** Dropping "right"/"left"/"bilateral" makes a phrase fit the unspecified-side code better. */
const LATERALITY_PENALTY = 3;

/**
 * Where a title's head ends: a comma (", unspecified", ", initial encounter"), or a linking word
 * that adds a complication, a cause or a circumstance ("with", "without", "due to"…).
 */
const HEAD_END = /,\s|\s(?:with|without|due to|following|complicating|associated with)\s|\sin diseases classified elsewhere$/i;
/** Words of a tail that only say "nothing more specific": the head alone names this code. */
const DEFAULT_TAIL_WORDS = new Set(['unspecified', 'unsp', 'without', 'complication', 'complications', 'site', 'organism', 'not', 'specified', 'elsewhere', 'classified', 'nos', 'nec', 'type', 'cause', 'uncomplicated']);
const LATERALITY = /\b(?:right|left|bilateral|unilateral)\s+/gi;
/** "Pain in knee" → "knee pain": only short parts on either side reorder naturally. */
const REORDER_MAX_WORDS = 4;

/** Title words the Alphabetic Index prints as nonessential modifiers of their main term. */
const NONESSENTIAL = /\bmellitus\b/i;
const NEEDS_CLEANING = /\[|\bNOS\b|\bNEC\b|\s\s|\s,|[,\s]$/;
const OTHER_FIRST = /^other\b/i;
const UNSPECIFIED = /\bunsp/i;
const HAS_LATERALITY = /\b(?:right|left|bilateral|unilateral)\s/i;
/** "Bronchitis, not specified as acute or chronic" is what a plain "bronchitis" is coded to. */
const NOT_ACUTE_OR_CHRONIC = /^,\s*not specified as acute or chronic$/i;
const DANGLING = /(?:^|\s)(?:of|in|and|or|to|with|right|left)$/i;
const SIDE_ONLY = /^(?:right|left|bilateral|unilateral)$/i;
/** "…, unspecified whether with hypoxia or hypercapnia" ("unspecified" already dropped). */
const UNSPECIFIED_WHETHER = /^,\s*whether\b/i;
const HAS_LINK = /\s(?:of|in)\s/i;
const CAUSE_TAIL = /^\s(?:due to|following|complicating)\s|^\sin diseases classified elsewhere$/i;

/** The phrases of a code title (or of an inclusion term, with `base` INCLUSION). */
export function titlePhrases(title: string, base = EXACT): ScoredPhrase[] {
  const out = new Map<string, ScoredPhrase>();
  const push = (text: string, score: number, label: string) => {
    const t = text.trim();
    if (t && (out.get(t)?.score ?? -1) < score) out.set(t, { text: t, score, label });
  };
  const cleaned = NEEDS_CLEANING.test(title) ? cleanTitle(title) : title;
  // "Other specified…" titles are catch-alls: their words name a residual class, not a concept.
  if (cleaned === '' || OTHER_FIRST.test(cleaned)) return [];
  const variants = cleaned.includes('(') ? parenthesisVariants(cleaned) : [cleaned];
  // The Index prints "Diabetes, diabetic (mellitus)": notes write "type 2 diabetes" as often.
  for (const v of [...variants]) if (NONESSENTIAL.test(v)) variants.push(v.replace(/\s*\bmellitus\b/gi, '').trim());
  // The concept's name: the head as the title writes it, parentheses included.
  const named = UNSPECIFIED.test(cleaned) ? dropUnspecified(cleaned) : cleaned;
  const namedAt = named.search(HEAD_END);
  const label = namedAt < 0 ? named : named.slice(0, namedAt);
  for (const variant of variants) {
    const v = UNSPECIFIED.test(variant) ? dropUnspecified(variant) : variant;
    const at = v.search(HEAD_END);
    const head = at < 0 ? v : v.slice(0, at);
    const tail = at < 0 ? '' : v.slice(at);
    const headScore = at < 0 || isDefaultTail(tail) ? base : base - (EXACT - (CAUSE_TAIL.test(tail) ? CAUSED_HEAD : HEAD));
    // One word before a title's qualifying tail ("Obstruction due to foreign body…", "Blood,
    // injection, injury type phobia", "Endocrine, nutritional and metabolic diseases…") is a
    // fragment of a longer name or a list, not the name of the code.
    if (!(at >= 0 && headScore < base && !head.includes(' '))) addForms(head, headScore, push, label);
    // The whole title, when a note could write it without a comma (a comma ends a phrase in text).
    if (at >= 0 && !v.includes(',')) addForms(v, base, push, named);
  }
  return [...out.values()];
}

/** A phrase, its reordered and side-free forms, all named by `label`. */
function addForms(phrase: string, score: number, push: (text: string, score: number, label: string) => void, label: string): void {
  const forms = [phrase];
  if (HAS_LINK.test(phrase)) forms.push(...reordered(phrase));
  if (phrase.includes(' and ')) forms.push(...andAlternatives(phrase));
  for (const form of forms) {
    push(form, score, label);
    if (!HAS_LATERALITY.test(form)) continue;
    // "Pain in right knee" → "Pain in knee"; never a fragment ending in a linking word ("Imaging of").
    const sideless = form.replace(LATERALITY, '').trim();
    if (!DANGLING.test(sideless)) push(sideless, score - LATERALITY_PENALTY, label);
  }
}

/** Square brackets hold alternatives or abbreviations ("[HIV]"); NOS and NEC are conventions, not words. */
export function cleanTitle(title: string): string {
  return title
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(?:NOS|NEC)\b/g, ' ')
    .replace(/\s+,/g, ',')
    .replace(/\s+/g, ' ')
    .replace(/[,\s]+$/, '')
    .trim();
}

/**
 * Parentheses hold supplementary words ("Essential (primary) hypertension"): the phrase without
 * them, and, when short, with them read inline ("diabetes mellitus" from "Diabetes (mellitus)").
 */
function parenthesisVariants(title: string): string[] {
  if (!title.includes('(')) return [title];
  const without = title.replace(/\([^)]*\)/g, ' ').replace(/\s+/g, ' ').trim();
  const inner = [...title.matchAll(/\(([^)]*)\)/g)].map((m) => m[1]);
  if (inner.some((w) => w.split(' ').length > 2 || w.includes(','))) return [without];
  const inline = title.replace(/[()]/g, ' ').replace(/\s+/g, ' ').trim();
  return [without, inline];
}

/** "Pain in unspecified knee" → "Pain in knee": unspecified names no concept of its own. */
function dropUnspecified(title: string): string {
  return title
    .replace(/\b(?:unspecified|unsp)\b\s*/gi, '')
    .replace(/\s+,/g, ',')
    .replace(/,(?:\s*,)+/g, ',')
    .replace(/^[,\s]+|[,\s]+$/g, '');
}

function isDefaultTail(tail: string): boolean {
  if (NOT_ACUTE_OR_CHRONIC.test(tail) || UNSPECIFIED_WHETHER.test(tail)) return true;
  const words = tail.toLowerCase().match(/[a-z0-9]+/g);
  return words !== null && words.every((w) => DEFAULT_TAIL_WORDS.has(w));
}

/** "Pain in right knee" → "right knee pain"; "Malignant neoplasm of bronchus and lung" → "lung malignant neoplasm"… */
export function reordered(phrase: string): string[] {
  const m = /^(.+?)\s+(?:of|in)\s+(.+)$/i.exec(phrase);
  if (!m) return [];
  const [, a, b] = m;
  if (wordCount(a) > REORDER_MAX_WORDS || wordCount(b) > REORDER_MAX_WORDS || /\s(?:of|in)\s/i.test(b)) return [];
  const parts = b.split(/\s+(?:and|or)\s+/i).filter((part) => !SIDE_ONLY.test(part));
  const out = [`${b} ${a}`];
  if (parts.length > 1) for (const part of parts) out.push(`${part} ${a}`, `${a} of ${part}`);
  return out;
}

/**
 * "Dizziness and giddiness" → "dizziness", "giddiness": two one-word names of one code; "Rash and
 * other nonspecific skin eruption" → "rash": the named condition before its residual class.
 */
function andAlternatives(phrase: string): string[] {
  const m = /^(\S+)\s+and\s+(\S+)$/i.exec(phrase);
  if (m) return [m[1], m[2]];
  // Only when the residual class is short: "Pain and other conditions associated with female
  // genital organs…" qualifies the pain itself.
  const other = /^(\S+(?:\s\S+)?)\s+and other(?:\s\S+){1,3}$/i.exec(phrase);
  return other ? [other[1]] : [];
}

function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}
