import type { MatchReason } from '../search/types';

/** How each kind of match is introduced; a title match needs no words (the title is shown). */
const KIND_LABELS: Partial<Record<string, string>> = {
  shortTitle: 'Short title',
  inclusion: 'Inclusion term',
  index: 'Index',
  eindex: 'External cause index',
  drug: 'Drug table',
  neoplasm: 'Neoplasm table',
};

/** How a rewritten query word is named. Completions of the word being typed are not worth a mention. */
const REWRITE_LABELS: Partial<Record<string, string>> = {
  abbreviation: 'abbreviation',
  synonym: 'Index synonym',
  typo: 'typo',
  compound: 'read as',
};
const SILENT_REWRITES = new Set(['prefix']);

/**
 * The short line saying why a result matched: "Index: Fracture › femur › neck · abbreviation
 * htn → hypertension". Empty when the code or title shown beside it already says it all (a line
 * repeating "title match" under every result would drown the informative ones). Kinds or rewrite
 * kinds added to the engine later still read sensibly.
 */
export function whyText(reason: MatchReason | undefined): string {
  if (!reason) return '';
  const parts: string[] = [];
  if (reason.kind !== 'code' && reason.kind !== 'title') parts.push(`${KIND_LABELS[reason.kind] ?? reason.kind}: ${reason.text}`);
  for (const r of reason.rewrites ?? []) {
    if (SILENT_REWRITES.has(r.how)) continue;
    parts.push(`${REWRITE_LABELS[r.how] ?? r.how} ${r.from} → ${r.to}`);
  }
  return parts.join(' · ');
}
