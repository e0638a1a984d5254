/**
 * The detector's contract, shared by the matcher (lib/detect), the background worker that runs it
 * and the content script and side panel that show its mentions. Plain data only: mentions cross
 * extension messaging, so they must survive structured cloning.
 */
import type { CodeSystem } from '../codeset/releases';
import type { MentionContext } from './context';

/** How a mention was recognised. */
export type MentionKind =
  | 'term' // words of a code title, an Index or inclusion term ("chest pain", "type 2 diabetes")
  | 'abbreviation' // a clinical abbreviation expanded by the lexicon ("HTN", "CHF")
  | 'code'; // a code written on the page ("E11.22", "0DTJ4ZZ", "J1885")

/** A candidate code for a mention, best first. */
export interface CandidateCode {
  system: CodeSystem;
  /** Undotted. */
  code: string;
  /** As a coder reads it ("E11.22"). */
  display: string;
  title: string;
  /** Reportable (a valid code) rather than a header. */
  valid: boolean;
}

export interface Mention {
  /** Character offsets in the text given to the detector: text.slice(start, end). */
  start: number;
  end: number;
  /** The mention as written. */
  text: string;
  kind: MentionKind;
  /** What it was recognised as, in words ("essential hypertension", or the code's title). */
  concept: string;
  /** Ranked candidate codes (at most a few). */
  codes: CandidateCode[];
  /** For a code written on the page: valid, header, or not in the active release. */
  codeStatus?: 'valid' | 'header' | 'unknown';
  /** Negated, uncertain, historical, someone else's; and why. */
  context: MentionContext;
}

/** A prepared detector over the active releases. */
export interface Detector {
  /** Mentions in a text, in order, non-overlapping (longest match wins). */
  detect(text: string): Mention[];
}
