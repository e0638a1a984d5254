/**
 * Validators of the page-detection payloads. Content scripts run in pages that may be hostile (a
 * compromised renderer can send anything), so every field is checked for type and bound, and a
 * fresh object is built from the checked fields only.
 */
import { CODE_SYSTEMS, type CodeSystem } from '../codeset/releases';
import type { ContextTrigger, MentionContext } from '../detect/context';
import { PAGE_LIMITS, type FrameMention } from '../detect/page-types';
import { isSite } from '../detect/page-sites';
import type { CandidateCode, Mention, MentionKind } from '../detect/types';

const KINDS: readonly MentionKind[] = ['term', 'abbreviation', 'code'];
const CODE_STATUSES = ['valid', 'header', 'unknown'] as const;
const TRIGGER_KINDS: readonly ContextTrigger['kind'][] = ['negation', 'uncertainty', 'history', 'experiencer'];
const TRIGGER_SOURCES: readonly ContextTrigger['source'][] = ['phrase', 'heading', 'list'];
/** Ids the content script writes ("m12"); the tab-wide id adds the frame ("3:m12"). */
const FRAME_MENTION_ID = /^[a-z0-9]{1,16}$/;
const PAGE_MENTION_ID = /^\d{1,10}:[a-z0-9]{1,16}$/;
const CODE = /^[A-Z0-9]{1,8}$/;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const isOffset = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const onlyKeys = (o: Obj, allowed: readonly string[]) => Object.keys(o).every((k) => allowed.includes(k));
const oneOf = <T extends string>(v: unknown, set: readonly T[]): v is T => typeof v === 'string' && (set as readonly string[]).includes(v);

export const isTabId = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) < 2 ** 31;
export const isFrameMentionId = (v: unknown): v is string => typeof v === 'string' && FRAME_MENTION_ID.test(v);
export const isPageMentionId = (v: unknown): v is string => typeof v === 'string' && PAGE_MENTION_ID.test(v);
export { isSite };

/** The chunks of a detectText message: 1..chunksPerMessage strings of at most chunkChars. */
export function parseChunks(v: unknown): string[] | null {
  if (!Array.isArray(v) || v.length === 0 || v.length > PAGE_LIMITS.chunksPerMessage) return null;
  return v.every((c) => isStr(c, PAGE_LIMITS.chunkChars)) ? [...(v as string[])] : null;
}

function parseCode(v: unknown): CandidateCode | null {
  if (!isObj(v) || !onlyKeys(v, ['system', 'code', 'display', 'title', 'valid'])) return null;
  const { system, code, display, title, valid } = v;
  if (!oneOf<CodeSystem>(system, CODE_SYSTEMS) || typeof code !== 'string' || !CODE.test(code)) return null;
  if (!isStr(display, 16) || !isStr(title, PAGE_LIMITS.fieldChars) || typeof valid !== 'boolean') return null;
  return { system, code, display, title, valid };
}

function parseTrigger(v: unknown): ContextTrigger | null {
  if (!isObj(v) || !onlyKeys(v, ['kind', 'text', 'start', 'end', 'source'])) return null;
  const { kind, text, start, end, source } = v;
  if (!oneOf(kind, TRIGGER_KINDS) || !isStr(text, PAGE_LIMITS.fieldChars) || !isOffset(start) || !isOffset(end) || !oneOf(source, TRIGGER_SOURCES)) return null;
  return { kind, text, start, end, source };
}

function parseContext(v: unknown): MentionContext | null {
  if (!isObj(v) || !onlyKeys(v, ['negated', 'uncertain', 'historical', 'experiencer', 'triggers'])) return null;
  const { negated, uncertain, historical, experiencer, triggers } = v;
  if (typeof negated !== 'boolean' || typeof uncertain !== 'boolean' || typeof historical !== 'boolean') return null;
  if (experiencer !== 'patient' && experiencer !== 'other') return null;
  if (!Array.isArray(triggers) || triggers.length > PAGE_LIMITS.triggersPerMention) return null;
  const parsed = triggers.map(parseTrigger);
  if (parsed.some((t) => !t)) return null;
  return { negated, uncertain, historical, experiencer, triggers: parsed as ContextTrigger[] };
}

/** A mention as the detector returns it (also what the content script echoes back). */
export function parseMention(v: unknown, extraKeys: readonly string[] = []): Mention | null {
  if (!isObj(v) || !onlyKeys(v, ['start', 'end', 'text', 'kind', 'concept', 'codes', 'codeStatus', 'context', ...extraKeys])) return null;
  const { start, end, text, kind, concept, codes, codeStatus, context } = v;
  if (!isOffset(start) || !isOffset(end) || end < start) return null;
  if (!isStr(text, PAGE_LIMITS.fieldChars) || !oneOf(kind, KINDS) || !isStr(concept, PAGE_LIMITS.fieldChars)) return null;
  if (!Array.isArray(codes) || codes.length > PAGE_LIMITS.codesPerMention) return null;
  const parsedCodes = codes.map(parseCode);
  if (parsedCodes.some((c) => !c)) return null;
  if (codeStatus !== undefined && !oneOf(codeStatus, CODE_STATUSES)) return null;
  const ctx = parseContext(context);
  if (!ctx) return null;
  return { start, end, text, kind, concept, codes: parsedCodes as CandidateCode[], ...(codeStatus === undefined ? {} : { codeStatus }), context: ctx };
}

function parseFrameMention(v: unknown): FrameMention | null {
  const base = parseMention(v, ['id', 'readOnlyField', 'snippet']);
  if (!base) return null;
  const { id, readOnlyField, snippet } = v as Obj;
  if (!isFrameMentionId(id) || typeof readOnlyField !== 'boolean' || !isStr(snippet, PAGE_LIMITS.snippetChars + 2)) return null;
  return { ...base, id, readOnlyField, snippet };
}

/** A frame's whole list of mentions (ids unique), or null when anything in it is malformed. */
export function parseFrameMentions(v: unknown): FrameMention[] | null {
  if (!Array.isArray(v) || v.length > PAGE_LIMITS.frameMentions) return null;
  const out: FrameMention[] = [];
  const ids = new Set<string>();
  for (const raw of v) {
    const m = parseFrameMention(raw);
    if (!m || ids.has(m.id)) return null;
    ids.add(m.id);
    out.push(m);
  }
  return out;
}

/** A page URL as a content script reports its document's location (http or https only). */
export function parseFrameUrl(v: unknown): string | null {
  if (!isStr(v, 4096)) return null;
  try {
    const u = new URL(v);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** Selected text as a search query: whitespace collapsed, control characters dropped, bounded. */
export function cleanLookupText(s: string): string {
  return s
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, PAGE_LIMITS.lookupChars)
    .trim();
}
