/**
 * Loads the context rules (`context-rules.json`, see README.md) into token tries, checking the
 * file's shape and refusing contradictions (a phrase both a trigger and a pseudo-trigger, the
 * same phrase listed twice for one role) so a bad edit fails loudly, not silently.
 */
import shipped from './context-rules.json';
import { createPhraseTrie, expandPattern, phraseKeys, type PhraseTrie } from './phrases';

export type ContextCategory = 'negated' | 'uncertain' | 'historical' | 'other';
export type TriggerDirection = 'pre' | 'post' | 'both';
/** What a section heading does to the mentions under it. */
export type SectionEffect = 'historical' | 'other' | 'none';

export const CONTEXT_CATEGORIES: readonly ContextCategory[] = ['negated', 'uncertain', 'historical', 'other'];
const DIRECTIONS: readonly TriggerDirection[] = ['pre', 'post', 'both'];
const SECTION_EFFECTS: readonly SectionEffect[] = ['historical', 'other', 'none'];

export type PhraseRole =
  /** A "both" trigger is compiled into one "pre" and one "post" role. */
  | { kind: 'trigger'; category: ContextCategory; direction: 'pre' | 'post'; window: number }
  | { kind: 'terminator'; categories: readonly ContextCategory[] }
  | { kind: 'pseudo' };

export interface ContextRules {
  /** Triggers, terminators and pseudo-triggers, matched longest-first. */
  phrases: PhraseTrie<PhraseRole>;
  /** Section heading wordings. */
  sections: PhraseTrie<SectionEffect>;
  /** Words not counted in a trigger's window ("no cyanosis, clubbing or edema"). */
  windowSkips: ReadonlySet<string>;
}

type Json = Record<string, unknown>;

/** Validates and compiles rules in the format of `context-rules.json`. */
export function compileContextRules(data: unknown): ContextRules {
  const root = asObject(data, 'rules');
  if (root.version !== 1) throw new Error(`context rules: unsupported version ${String(root.version)}`);
  const window = asObject(root.window, 'window');
  const defaults = { pre: asWindow(window.pre, 'window.pre'), post: asWindow(window.post, 'window.post') };
  const macros = asObject(root.macros ?? {}, 'macros');
  for (const [name, value] of Object.entries(macros)) if (typeof value !== 'string') throw new Error(`context rules: macro @${name} is not a string`);
  const expand = (pattern: unknown, where: string): string[][] => {
    if (typeof pattern !== 'string' || pattern.trim() === '') throw new Error(`context rules: ${where} has an empty or non-string phrase`);
    return expandPattern(pattern, macros as Record<string, string>).map((p) => {
      const keys = phraseKeys(p);
      if (keys.length === 0) throw new Error(`context rules: "${pattern}" (${where}) has no words`);
      return keys;
    });
  };

  const phrases = createPhraseTrie<PhraseRole>();
  const seen = new Map<string, string[]>();
  const addPhrase = (keys: string[], role: PhraseRole, signature: string) => {
    const key = keys.join(' ');
    const roles = seen.get(key) ?? [];
    if (roles.includes(signature)) throw new Error(`context rules: "${key}" is listed twice as ${signature}`);
    if ((signature === 'pseudo' && roles.some((r) => r.startsWith('trigger'))) || (signature.startsWith('trigger') && roles.includes('pseudo')))
      throw new Error(`context rules: "${key}" is both a trigger and a pseudo-trigger`);
    seen.set(key, [...roles, signature]);
    phrases.add(keys, role);
  };

  asArray(root.triggers, 'triggers').forEach((g, i) => {
    const group = asObject(g, `triggers[${i}]`);
    const category = oneOf(group.category, CONTEXT_CATEGORIES, `triggers[${i}].category`);
    const direction = oneOf(group.direction, DIRECTIONS, `triggers[${i}].direction`);
    const own = group.window === undefined ? undefined : asWindow(group.window, `triggers[${i}].window`);
    const role = (w: number) => ({ kind: 'trigger' as const, category, direction, window: w });
    for (const pattern of asArray(group.phrases, `triggers[${i}].phrases`)) {
      for (const keys of expand(pattern, `triggers[${i}]`)) {
        // A "both" trigger uses each side's default window unless the group sets its own.
        if (direction !== 'post') addPhrase(keys, { ...role(own ?? defaults.pre), direction: 'pre' }, `trigger ${category} pre`);
        if (direction !== 'pre') addPhrase(keys, { ...role(own ?? defaults.post), direction: 'post' }, `trigger ${category} post`);
      }
    }
  });
  for (const pattern of asArray(root.pseudo, 'pseudo')) for (const keys of expand(pattern, 'pseudo')) addPhrase(keys, { kind: 'pseudo' }, 'pseudo');
  asArray(root.terminators, 'terminators').forEach((g, i) => {
    const group = asObject(g, `terminators[${i}]`);
    const categories = asArray(group.categories, `terminators[${i}].categories`).map((c) => oneOf(c, CONTEXT_CATEGORIES, `terminators[${i}].categories`));
    for (const pattern of asArray(group.phrases, `terminators[${i}].phrases`))
      for (const keys of expand(pattern, `terminators[${i}]`)) addPhrase(keys, { kind: 'terminator', categories }, `terminator ${i}`);
  });

  const sections = createPhraseTrie<SectionEffect>();
  const sectionSeen = new Set<string>();
  for (const [effect, list] of Object.entries(asObject(root.sections, 'sections'))) {
    const value = oneOf(effect, SECTION_EFFECTS, 'sections');
    for (const pattern of asArray(list, `sections.${effect}`))
      for (const keys of expand(pattern, `sections.${effect}`)) {
        const key = keys.join(' ');
        if (sectionSeen.has(key)) throw new Error(`context rules: section heading "${key}" is listed twice`);
        sectionSeen.add(key);
        sections.add(keys, value);
      }
  }
  const windowSkips = new Set(asArray(root.windowSkips ?? [], 'windowSkips').map((w) => String(w).toLowerCase()));
  return { phrases, sections, windowSkips };
}

let defaults: ContextRules | undefined;

/** The shipped rules, compiled once. */
export function defaultContextRules(): ContextRules {
  return (defaults ??= compileContextRules(shipped));
}

function asObject(v: unknown, where: string): Json {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error(`context rules: ${where} must be an object`);
  return v as Json;
}

function asArray(v: unknown, where: string): unknown[] {
  if (!Array.isArray(v)) throw new Error(`context rules: ${where} must be a list`);
  return v;
}

function asWindow(v: unknown, where: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new Error(`context rules: ${where} must be a whole number ≥ 0`);
  return v;
}

function oneOf<T extends string>(v: unknown, allowed: readonly T[], where: string): T {
  if (!allowed.includes(v as T)) throw new Error(`context rules: ${where} must be one of ${allowed.join(', ')}, got ${JSON.stringify(v)}`);
  return v as T;
}
