import { describe, expect, it } from 'vitest';
import { cmChapterOf } from '../../../lib/codeset/cm-chapters';
import type { CodeRow } from '../../../lib/codeset/pack';
import type { CodeSystem } from '../../../lib/codeset/releases';
import { createSearchEngine } from '../../../lib/search/engine';
import type { MatchKind, SearchOptions, SearchResult } from '../../../lib/search/types';
import { CM_CODES, CM_SECTIONS, HCPCS_CODES, PCS_CODES, searchPack } from '../../support/search-packs';

/**
 * Random input thrown at the engine: a coder pastes anything from a medical record into the
 * search box (emoji, accented names, stray punctuation, a whole paragraph). Every query must give
 * well-formed results quickly. The generator is seeded, so a failure names a reproducible query.
 */

const SEED = 0xc0de1e45;
const QUERIES = 10_000;
/** Generous: the loop takes well under a second today; only a pathological blow-up reaches this. */
const TOTAL_BUDGET_MS = 20_000;

/** mulberry32: small, fast, deterministic. */
function createRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)];
  return { next, int, pick };
}
type Random = ReturnType<typeof createRandom>;

// Synthetic codes (W00-W99 with three children each) so the vocabulary and postings are not tiny.
const WORDS = ['fall', 'from', 'stairs', 'ladder', 'slipping', 'tripping', 'stumbling', 'same', 'level', 'ice', 'snow', 'bed', 'chair', 'wheelchair', 'toilet', 'playground', 'equipment', 'building', 'tree', 'cliff', 'struck', 'object', 'striking', 'against', 'caught', 'crushed', 'jammed', 'pinched', 'machinery', 'firearm', 'discharge', 'contact', 'sharp', 'glass', 'knife', 'animal', 'dog', 'bite', 'exposure', 'noise', 'vibration', 'radiation', 'electric', 'current', 'smoke', 'fire', 'flames', 'hot', 'tap-water', 'steam', 'cold', 'excessive', 'natural', 'man-made', 'initial', 'subsequent', 'sequela', 'encounter', 'unspecified', 'other', 'specified'];
function syntheticCodes(random: Random): CodeRow[] {
  const rows: CodeRow[] = [];
  const title = () => Array.from({ length: 2 + random.int(7) }, () => random.pick(WORDS)).join(' ').replace(/^./, (c) => c.toUpperCase());
  for (let i = 0; i < 100; i++) {
    const category = `W${String(i).padStart(2, '0')}`;
    rows.push([category, 0, title()]);
    for (const last of ['0XXA', '0XXD', '9XXA']) {
      const long = title();
      rows.push(random.next() < 0.3 ? [category + last, 1, long, title()] : [category + last, 1, long]);
    }
  }
  return rows;
}

const random = createRandom(SEED);
const cmCodes = [...CM_CODES, ...syntheticCodes(random)];
// The shipped lexicon: abbreviation expansions are part of what the fuzz must survive.
const engine = createSearchEngine([searchPack('icd10cm', '2099', cmCodes, CM_SECTIONS), searchPack('icd10pcs', '2099', PCS_CODES), searchPack('hcpcs', '2099', HCPCS_CODES)]);

const known = new Map<string, { title: string; valid: boolean }>();
for (const [system, rows] of [['icd10cm', cmCodes], ['icd10pcs', PCS_CODES], ['hcpcs', HCPCS_CODES]] as const)
  for (const [code, valid, title] of rows) known.set(`${system}:${code}`, { title, valid: valid === 1 });

const KINDS: MatchKind[] = ['code', 'title', 'shortTitle', 'inclusion', 'index', 'eindex', 'drug', 'neoplasm'];
const HOWS = ['abbreviation', 'synonym', 'typo', 'prefix', 'compound'];
const SYSTEMS: CodeSystem[] = ['icd10cm', 'icd10pcs', 'hcpcs'];

/** What is wrong with a result list (empty when nothing). */
function problemsOf(results: SearchResult[], options: SearchOptions): string[] {
  const problems: string[] = [];
  if (!Array.isArray(results)) return ['not an array'];
  if (results.length > (options.limit ?? 20)) problems.push(`${results.length} results over the limit`);
  const seen = new Set<string>();
  for (const r of results) {
    const key = `${r.system}:${r.code}`;
    const entry = known.get(key);
    if (typeof r.code !== 'string' || !entry) {
      problems.push(`unknown code ${key}`);
      continue;
    }
    if (seen.has(key)) problems.push(`${key} twice`);
    seen.add(key);
    if (r.title !== entry.title || r.valid !== entry.valid) problems.push(`${key}: title or valid flag differs from the pack`);
    if (!Number.isFinite(r.score)) problems.push(`${key}: score ${r.score}`);
    if (!Array.isArray(r.why) || r.why.length === 0) problems.push(`${key}: no reason`);
    for (const w of r.why ?? []) {
      if (!KINDS.includes(w.kind) || typeof w.text !== 'string' || w.text.trim() === '') problems.push(`${key}: bad reason ${JSON.stringify(w)}`);
      for (const rw of w.rewrites ?? [])
        if (typeof rw.from !== 'string' || typeof rw.to !== 'string' || !rw.to || !HOWS.includes(rw.how)) problems.push(`${key}: bad rewrite ${JSON.stringify(rw)}`);
    }
    if (options.systems && !options.systems.includes(r.system)) problems.push(`${key}: system filter ignored`);
    if (options.validOnly && !r.valid) problems.push(`${key}: validOnly ignored`);
    if (options.chapter && (r.system !== 'icd10cm' || cmChapterOf(r.code) !== options.chapter)) problems.push(`${key}: chapter filter ignored`);
  }
  return problems;
}

// ——— query generators ———

const CODE_POINT_RANGES: Array<[number, number]> = [
  [0x20, 0x7e], // ASCII
  [0x00, 0x1f], // control characters, NUL
  [0xa0, 0xff], // Latin-1
  [0x300, 0x36f], // combining marks
  [0x370, 0x3ff], // Greek
  [0x400, 0x4ff], // Cyrillic
  [0x590, 0x6ff], // Hebrew, Arabic (right to left)
  [0x200b, 0x200f], // zero-width and direction marks
  [0x2000, 0x206f], // punctuation, ellipsis, dashes
  [0x4e00, 0x4fff], // CJK
  [0xd800, 0xdfff], // lone surrogates
  [0xfe00, 0xfe0f], // variation selectors
  [0xff01, 0xff5e], // full-width ASCII (NFKD folds it to ASCII)
  [0x1d400, 0x1d7ff], // mathematical letters (astral; NFKD folds them to ASCII)
  [0x1f300, 0x1faff], // emoji (astral)
  [0x10000, 0x10ffff], // anything astral
];

function unicodeString(r: Random, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) {
    const [lo, hi] = r.pick(CODE_POINT_RANGES);
    const cp = lo + r.int(hi - lo + 1);
    s += cp >= 0xd800 && cp <= 0xdfff ? String.fromCharCode(cp) : String.fromCodePoint(cp);
    if (r.next() < 0.05) s += '\u200d'; // zero-width joiner, as in emoji sequences
  }
  return s;
}

const META = ['.', '*', '+', '?', '^', '$', '{', '}', '(', ')', '|', '[', ']', '\\', '/', '-', ',', ';', ':', "'", '"', '`', '~', '!', '@', '#', '%', '&', '=', '<', '>', ' ', '\t', '\n'];
const metaString = (r: Random, length: number) => Array.from({ length }, () => r.pick(META)).join('');

const CODE_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789XXXX....  -';
const REAL_CODES = [...known.keys()].map((k) => k.split(':')[1]);
function codeLike(r: Random): string {
  switch (r.int(4)) {
    case 0:
      return Array.from({ length: 1 + r.int(9) }, () => r.pick([...CODE_CHARS])).join('');
    case 1: {
      // A real code, cut, dotted, cased or with its 7th character moved (S13.4A).
      const code = r.pick(REAL_CODES);
      const cut = code.slice(0, 1 + r.int(code.length));
      const dotted = cut.length > 3 && r.next() < 0.5 ? `${cut.slice(0, 3)}.${cut.slice(3)}` : cut;
      return r.next() < 0.5 ? dotted.toLowerCase() : dotted + (r.next() < 0.3 ? r.pick(['A', 'D', 'S', '-', '.', ' ']) : '');
    }
    case 2:
      return `${r.pick(['E11', 'S13', '0DT', 'J1', 'T39', 'M20', 'W0', 'QA0', 'Z99'])}${r.pick(['', '.', ' ', '..', '.X', '.XX', '-', '.4A', '*', '(', '\\'])}${r.int(100)}`;
    default:
      return `${r.pick(['E', 'J', '0', 'S', 'T', 'W'])}${r.int(10)}${r.int(10)}`.repeat(1 + r.int(3));
  }
}

const VOCAB = [...new Set([...known.values()].flatMap((v) => v.title.split(/[^A-Za-z0-9-]+/)).filter(Boolean))];
const ABBREVIATIONS = ['htn', 'HTN', 'afib', 'chf', 'ckd', 'CKD 3b', 'c diff', 's/p', 'w/o', 'n/v', 'dm2', 't2dm', 'copd', 'unsp', 'oth'];
function wordSoup(r: Random): string {
  const n = 1 + r.int(14);
  const words: string[] = [];
  for (let i = 0; i < n; i++) {
    let w = r.next() < 0.15 ? r.pick(ABBREVIATIONS) : r.pick(VOCAB);
    const chars = [...w];
    const edit = r.int(6);
    const at = r.int(chars.length + 1);
    if (edit === 0) chars.splice(at, 1); // deletion
    else if (edit === 1) chars.splice(at, 0, r.pick([...'abcdefghijklmnopqrstuvwxyz'])); // insertion
    else if (edit === 2 && at + 1 < chars.length) [chars[at], chars[at + 1]] = [chars[at + 1], chars[at]]; // swap
    else if (edit === 3) chars.length = Math.max(1, at); // unfinished word
    w = chars.join('');
    words.push(r.next() < 0.3 ? w.toUpperCase() : r.next() < 0.5 ? w.toLowerCase() : w);
  }
  return words.join(r.pick([' ', '  ', ', ', '-', '/', ' & ', '\t'])) + (r.next() < 0.3 ? ' ' : '');
}

function randomQuery(r: Random): string {
  switch (r.int(6)) {
    case 0:
      return unicodeString(r, r.int(40));
    case 1:
      return metaString(r, 1 + r.int(20));
    case 2:
      return codeLike(r);
    case 3:
      return wordSoup(r);
    case 4:
      // Mixed: words, code fragments, metacharacters and unicode interleaved.
      return Array.from({ length: 1 + r.int(6) }, () => r.pick([wordSoup, codeLike, (x: Random) => metaString(x, 1 + x.int(4)), (x: Random) => unicodeString(x, 1 + x.int(6))])(r)).join(r.pick(['', ' ']));
    default:
      // Long pasted text (up to ~2,000 characters).
      return Array.from({ length: 1 + r.int(150) }, () => wordSoup(r)).join(' ').slice(0, 1 + r.int(2000));
  }
}

function randomOptions(r: Random): SearchOptions {
  const options: SearchOptions = {};
  if (r.next() < 0.3) options.limit = r.pick([1, 2, 5, 50, 200]);
  if (r.next() < 0.15) {
    const systems = SYSTEMS.filter(() => r.next() < 0.5);
    options.systems = systems.length ? systems : [r.pick(SYSTEMS)];
  }
  if (r.next() < 0.15) options.validOnly = true;
  if (r.next() < 0.1) options.chapter = r.pick(['1', '2', '4', '9', '14', '19', '20', '22']);
  return options;
}

describe('search fuzz', () => {
  const SPECIAL = [
    '',
    ' ',
    '\u0000',
    '\ud800',
    '\udfff\ud800',
    '.',
    '.*',
    '(((((((',
    '[^]$',
    '\\',
    '?+*{2,}',
    '🩺💉🫀',
    '👩‍⚕️ diabetes',
    'dia\u0301betes',
    'ＤＩＡＢＥＴＥＳ',
    '𝐝𝐢𝐚𝐛𝐞𝐭𝐞𝐬', // mathematical bold: NFKD folds it to "diabetes"
    '.'.repeat(300),
    'E11.'.repeat(100),
    'a'.repeat(10_000),
    '\u0301'.repeat(10_000),
    'diabetes '.repeat(2_000),
  ];

  it(`${QUERIES} seeded random queries give well-formed results within ${TOTAL_BUDGET_MS / 1000} s`, () => {
    const r = createRandom(SEED ^ 0x5eed);
    const failures: string[] = [];
    let nonEmpty = 0;
    const t0 = performance.now();
    for (let i = 0; i < QUERIES; i++) {
      const query = i < SPECIAL.length ? SPECIAL[i] : randomQuery(r);
      const options = i < SPECIAL.length ? {} : randomOptions(r);
      let problems: string[];
      try {
        const results = engine.search(query, options);
        if (results.length) nonEmpty++;
        problems = problemsOf(results, options);
      } catch (error) {
        problems = [`threw ${String(error)}`];
      }
      if (problems.length && failures.length < 10) failures.push(`#${i} ${JSON.stringify(query.slice(0, 120))} ${JSON.stringify(options)}: ${problems.join('; ')}`);
    }
    const ms = performance.now() - t0;
    expect(failures).toEqual([]);
    expect(ms).toBeLessThan(TOTAL_BUDGET_MS);
    // The generator must reach the engine's matching paths, not only its early exits.
    expect(nonEmpty).toBeGreaterThan(QUERIES / 4);
  });

  it('a 10,000-character query completes, and a code before long padding is still found', () => {
    const r = createRandom(SEED + 1);
    const long = unicodeString(r, 10_000);
    const t0 = performance.now();
    const results = engine.search(long);
    expect(performance.now() - t0).toBeLessThan(2_000);
    expect(problemsOf(results, {})).toEqual([]);

    expect(engine.search(`E11.22${' '.repeat(9_994)}`)[0].code).toBe('E1122');
    const words = engine.search('type 2 diabetes mellitus with diabetic nephropathy '.repeat(200));
    expect(words[0].code).toBe('E1121');
  });

  it('the same query gives the same results every time (no state leaks between queries)', () => {
    const r = createRandom(SEED + 2);
    const queries = Array.from({ length: 200 }, () => randomQuery(r));
    const first = queries.map((q) => engine.search(q));
    // Interleave other searches, then repeat in reverse order.
    for (const q of queries) engine.search(`${q} heart`);
    const again = [...queries].reverse().map((q) => engine.search(q)).reverse();
    expect(again).toEqual(first);
  });
});
