/**
 * Mentions found on a web page, as the content script, the background worker and the side panel
 * exchange them. Plain data (structured-clonable); every field is bounded by the limits below,
 * which the message validators enforce.
 */
import type { Mention } from './types';

/** A mention as one frame's content script reports it. */
export interface FrameMention extends Mention {
  /** Unique within the frame's document (the content script numbers them). */
  id: string;
  /**
   * Found in the value of a disabled or read-only input or textarea: listed in the card and the
   * panel but not highlighted (a field's value is not page text a Range can cover).
   */
  readOnlyField: boolean;
  /** The words around the mention (at most SNIPPET_MAX_CHARS), for the panel's list. */
  snippet: string;
}

/** A mention on the page of a tab, as the background keeps it and the panel lists it. */
export interface PageMention extends FrameMention {
  /** Unique within the tab: `<frameId>:<id in the frame>`. */
  id: string;
  /** 0 is the top document; other numbers are iframes (runtime.MessageSender.frameId). */
  frameId: number;
  /** Origin and path of the frame's document (no query or fragment). */
  frameUrl: string;
}

/** Everything found on one tab's page, for "Found on this page". */
export interface TabPageMentions {
  tabId: number;
  /** Top-level page (origin and path). */
  pageUrl: string;
  mentions: PageMention[];
  /** More were found than are listed (PAGE_LIMITS.frameMentions per frame, tabMentions per tab). */
  truncated: boolean;
  /** Date.now() of the last change. */
  updatedAt: number;
}

/** A piece of page text sent to the background for detection. */
export interface TextChunk {
  text: string;
}

/** Limits of the page messages: a hostile page cannot make the worker do unbounded work. */
export const PAGE_LIMITS = {
  /** Characters of one chunk. */
  chunkChars: 16_000,
  /** Chunks in one detectText message. */
  chunksPerMessage: 16,
  /** Mentions one frame highlights (a very long record page). */
  pageMentions: 20_000,
  /** Mentions one frame reports for the panel (the first ones in page order). */
  frameMentions: 2_000,
  /** Mentions in one part of a frame's report, and characters of that part's JSON. */
  reportPart: 100,
  reportPartChars: 400_000,
  /** Mentions kept for a tab (all frames). */
  tabMentions: 5_000,
  /** Frames kept for a tab. */
  tabFrames: 64,
  /** Characters of text fields in a mention (text, concept, titles). */
  fieldChars: 400,
  snippetChars: 200,
  codesPerMention: 8,
  triggersPerMention: 8,
  /** Characters of a selection lookup. */
  lookupChars: 200,
} as const;

/** The mark a mention's context gives it on the page: one highlight name each. */
export type MentionMark = 'current' | 'negated' | 'uncertain' | 'historical' | 'other';
