/**
 * Every message of the extension, declared once: name → payload and result. Receivers are split
 * by who handles them; senders and handlers are typed from these maps.
 */
import { PAGE_LIMITS, type FrameMention, type TabPageMentions } from '../detect/page-types';
import type { SiteStatus } from '../detect/page-sites';
import {
  isFrameMentionId,
  isPageMentionId,
  isSite,
  isTabId,
  parseChunks,
  parseFrameMentions,
  parseFrameUrl,
} from './page-payloads';

type Ok = { ok: boolean; error?: string };

export interface BackgroundMessages {
  /** Panel asks the worker to (re)run the import of the packs shipped in the extension. */
  importEmbeddedPacks: { payload: Record<string, never>; result: Ok };
  /** Panel chose the installed release to code with (a date of service in an earlier year). */
  setActiveRelease: { payload: { releaseId: string }; result: Ok };

  /**
   * Content script: the mentions in each chunk of page text (offsets into that chunk), as the JSON
   * of a `Mention[][]` (see JSON_NOTE). `ok` is false when no code set is installed yet
   * (`error: 'no-code-set'`) or the detector failed.
   */
  detectText: { payload: { chunks: string[] }; result: { ok: boolean; mentionsJson?: string; error?: string } };
  /**
   * Content script: its frame's current list of mentions, in page order, as the JSON of a
   * `FrameMention[]` (see JSON_NOTE), in parts of at most PAGE_LIMITS.reportPart mentions: the
   * first part (`append: false`) replaces the frame's list, the next ones add to it. The
   * background receives each part decoded and checked. `truncated`: the frame found more than
   * PAGE_LIMITS.frameMentions (it highlights them all, the panel lists the first ones).
   */
  reportPageMentions: {
    payload: { frameUrl: string; mentionsJson: string; append: boolean; truncated: boolean };
    decoded: { frameUrl: string; mentions: FrameMention[]; append: boolean; truncated: boolean };
    result: Ok;
  };
  /** Content script (a card's "Open in panel"): show this mention of its frame in the side panel. */
  openMentionInPanel: { payload: { mentionId: string }; result: Ok };

  /** Panel: "Found on this page" for a tab. */
  getPageMentions: { payload: { tabId: number }; result: TabPageMentions };
  /** Panel: scroll the page to a mention (the id from getPageMentions, `<frameId>:<id>`). */
  scrollToMention: { payload: { tabId: number; mentionId: string }; result: Ok };
  /** Panel: whether scanning is on for the tab's site, and why. `site` is null on pages never scanned (browser pages, file:). */
  getSiteAccess: { payload: { tabId: number }; result: { site: string | null; status?: SiteStatus; policyRejected?: string[] } };
  /**
   * Panel: turn scanning on or off for a site. Turning on needs the host permission, which only
   * the panel can request (permissions.request must run in the user's click): request it first.
   */
  setSiteEnabled: { payload: { site: string; enabled: boolean; tabId?: number }; result: Ok & { status?: SiteStatus } };
  /** Panel: scan the tab's page once (activeTab, or the site's host permission). */
  scanTab: { payload: { tabId: number }; result: Ok & { needsPermission?: boolean } };
}

export type BackgroundMessageName = keyof BackgroundMessages;

/*
 * JSON_NOTE: lists of mentions cross extension messaging as JSON strings, in small parts. Chrome
 * converts a message value by value; 2,000 mentions as objects in one message cost the page a
 * 150 ms long task (measured on a 200,000-character record); as one 1 MB string still about
 * 85 ms; in parts of 100 each send is a few ms, each in its own task.
 */

/** A message on the wire: one member per name, so checking `type` narrows `payload`. */
export type Envelope = { [N in BackgroundMessageName]: { type: N; payload: BackgroundMessages[N]['payload'] } }[BackgroundMessageName];

/** A payload as its handler gets it: decoded (JSON lists parsed and checked) where the wire format differs. */
export type DecodedPayload<N extends BackgroundMessageName> = BackgroundMessages[N] extends { decoded: infer D } ? D : BackgroundMessages[N]['payload'];

/** A validated message, its payload decoded. */
export type ParsedEnvelope = { [N in BackgroundMessageName]: { type: N; payload: DecodedPayload<N> } }[BackgroundMessageName];

/**
 * Who may send each message: an extension page (the side panel, the options page), or our content
 * script in a web page's tab. The background rejects a message from the other kind of sender.
 */
export const MESSAGE_SENDERS: Record<BackgroundMessageName, 'extension-page' | 'content-script'> = {
  importEmbeddedPacks: 'extension-page',
  setActiveRelease: 'extension-page',
  detectText: 'content-script',
  reportPageMentions: 'content-script',
  openMentionInPanel: 'content-script',
  getPageMentions: 'extension-page',
  scrollToMention: 'extension-page',
  getSiteAccess: 'extension-page',
  setSiteEnabled: 'extension-page',
  scanTab: 'extension-page',
};

const NAMES = Object.keys(MESSAGE_SENDERS) as readonly BackgroundMessageName[];

/** Release ids as `releaseId` writes them: `icd10cm@2026~<12 hex>` (bounded, no odd characters). */
const RELEASE_ID = /^[a-z0-9]{2,12}@[0-9A-Za-z.-]{1,16}~[0-9a-f]{12}$/;

type Fields = Record<string, unknown>;
/** The payload's fields when it has exactly the required keys (and only allowed optional ones). */
function fields(payload: object, required: readonly string[], optional: readonly string[] = []): Fields | null {
  const keys = Object.keys(payload);
  if (!required.every((k) => Object.hasOwn(payload, k))) return null;
  if (!keys.every((k) => required.includes(k) || optional.includes(k))) return null;
  return payload as Fields;
}

/** Validates an incoming message (messages are untrusted input, even from our own pages). */
export function parseBackgroundMessage(raw: unknown): ParsedEnvelope | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { type, payload } = raw as { type?: unknown; payload?: unknown };
  if (typeof type !== 'string' || !(NAMES as readonly string[]).includes(type)) return null;
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return null;
  switch (type as BackgroundMessageName) {
    case 'importEmbeddedPacks':
      return Object.keys(payload).length === 0 ? { type: 'importEmbeddedPacks', payload: {} } : null;
    case 'setActiveRelease': {
      const { releaseId, ...rest } = payload as { releaseId?: unknown };
      if (Object.keys(rest).length || typeof releaseId !== 'string' || !RELEASE_ID.test(releaseId)) return null;
      return { type: 'setActiveRelease', payload: { releaseId } };
    }
    case 'detectText': {
      const f = fields(payload, ['chunks']);
      const chunks = f && parseChunks(f.chunks);
      return chunks ? { type: 'detectText', payload: { chunks } } : null;
    }
    case 'reportPageMentions': {
      const f = fields(payload, ['frameUrl', 'mentionsJson', 'append', 'truncated']);
      const frameUrl = f && typeof f.append === 'boolean' && typeof f.truncated === 'boolean' && parseFrameUrl(f.frameUrl);
      const json = frameUrl && typeof f.mentionsJson === 'string' && f.mentionsJson.length <= PAGE_LIMITS.reportPartChars ? parseJson(f.mentionsJson) : null;
      const mentions = Array.isArray(json) && json.length <= PAGE_LIMITS.reportPart ? parseFrameMentions(json) : null;
      return frameUrl && mentions ? { type: 'reportPageMentions', payload: { frameUrl, mentions, append: f.append as boolean, truncated: f.truncated as boolean } } : null;
    }
    case 'openMentionInPanel': {
      const f = fields(payload, ['mentionId']);
      return f && isFrameMentionId(f.mentionId) ? { type: 'openMentionInPanel', payload: { mentionId: f.mentionId } } : null;
    }
    case 'getPageMentions':
    case 'getSiteAccess':
    case 'scanTab': {
      const f = fields(payload, ['tabId']);
      return f && isTabId(f.tabId) ? ({ type, payload: { tabId: f.tabId } } as ParsedEnvelope) : null;
    }
    case 'scrollToMention': {
      const f = fields(payload, ['tabId', 'mentionId']);
      return f && isTabId(f.tabId) && isPageMentionId(f.mentionId) ? { type: 'scrollToMention', payload: { tabId: f.tabId, mentionId: f.mentionId } } : null;
    }
    case 'setSiteEnabled': {
      const f = fields(payload, ['site', 'enabled'], ['tabId']);
      if (!f || !isSite(f.site) || typeof f.enabled !== 'boolean') return null;
      if (f.tabId !== undefined && !isTabId(f.tabId)) return null;
      return { type: 'setSiteEnabled', payload: { site: f.site, enabled: f.enabled, ...(f.tabId === undefined ? {} : { tabId: f.tabId as number }) } };
    }
  }
}

/** Who sent a message, as the background learned it from the browser (never from the payload). */
export interface MessageSenderInfo {
  /** The tab of a content script (absent for extension pages outside tabs). */
  tabId?: number;
  /** The frame of a content script (0: the top document). */
  frameId?: number;
  /** The sending document's URL. */
  url?: string;
}

export type BackgroundHandlers = {
  [N in BackgroundMessageName]: (payload: DecodedPayload<N>, sender: MessageSenderInfo) => Promise<BackgroundMessages[N]['result']>;
};

/** Calls the handler of a validated message (the map's types guarantee payload and handler agree). */
export function dispatchBackgroundMessage(handlers: BackgroundHandlers, msg: ParsedEnvelope, sender: MessageSenderInfo = {}): Promise<unknown> {
  const handler = handlers[msg.type] as (payload: ParsedEnvelope['payload'], sender: MessageSenderInfo) => Promise<unknown>;
  return handler(msg.payload, sender);
}

function parseJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}

/**
 * Which kind of sender a runtime message came from, from what the browser says about it:
 * `extension-page` when its URL is inside this extension, `content-script` when it is our script
 * in a web page's tab, null for anything else (another extension, a page without a tab).
 */
export function senderKind(
  sender: { id?: string; url?: string; tab?: { id?: number }; frameId?: number },
  self: { id: string; baseUrl: string },
): 'extension-page' | 'content-script' | null {
  if (sender.id !== self.id) return null;
  if (sender.url?.startsWith(self.baseUrl)) return 'extension-page';
  if (sender.tab?.id !== undefined && sender.tab.id >= 0 && typeof sender.frameId === 'number' && sender.url && /^https?:/.test(sender.url)) return 'content-script';
  // A page that was never given a URL (an extension page in Firefox's sidebar) is still ours.
  if (!sender.url && !sender.tab) return 'extension-page';
  return null;
}

/** Messages the background sends to a content script (tabs.sendMessage), by name. */
export interface ContentMessages {
  /** Scroll the page to one of this frame's mentions and flash its card. */
  scrollToMention: { payload: { mentionId: string }; result: Ok };
  /** Stop scanning and remove every highlight (the site was turned off). */
  stopScanning: { payload: Record<string, never>; result: Ok };
}

export type ContentEnvelope = { [N in keyof ContentMessages]: { type: N; payload: ContentMessages[N]['payload'] } }[keyof ContentMessages];

/** Validates a message arriving in the content script (only the background may send them). */
export function parseContentMessage(raw: unknown): ContentEnvelope | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { type, payload } = raw as { type?: unknown; payload?: unknown };
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return null;
  if (type === 'stopScanning') return Object.keys(payload).length === 0 ? { type: 'stopScanning', payload: {} } : null;
  if (type !== 'scrollToMention') return null;
  const f = fields(payload, ['mentionId']);
  return f && isFrameMentionId(f.mentionId) ? { type: 'scrollToMention', payload: { mentionId: f.mentionId } } : null;
}
