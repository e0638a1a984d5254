/**
 * The page scanner of one frame: wires the scanner, the mention set, the highlights, the card and
 * the messages to and from the background. It only reads the page: the one node it adds is its
 * own host element for the card, created when a card is first shown.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { parseContentMessage, type BackgroundMessages, type Envelope } from '../../lib/messaging/protocol';
import { createCard } from './card';
import { createHighlighter } from './highlighter';
import type { Mention } from '../../lib/detect/types';
import { createMentionSet, type LiveMention } from './mentions';
import { anchorOf, startPointer } from './pointer';
import { createReporter } from './reporter';
import { createScanner } from './scanner';
import { createUiHost } from './ui-host';

const FOCUS_MS = 2_500;

async function send<N extends Envelope['type']>(msg: Extract<Envelope, { type: N }>): Promise<BackgroundMessages[N]['result'] | undefined> {
  return (await browser.runtime.sendMessage(msg)) as BackgroundMessages[N]['result'] | undefined;
}

export function startDetector(ctx: ContentScriptContext): void {
  if (!document.documentElement || !(document instanceof HTMLDocument)) return;
  const ui = createUiHost();
  const highlighter = createHighlighter(ui);
  const mentions = createMentionSet(highlighter);
  const shadowRoots = new Set<ShadowRoot>();
  let firstReport = true;
  const reporter = createReporter({
    list: () => mentions.all(),
    send: (part) => send({ type: 'reportPageMentions', payload: part }),
    signal: ctx.signal,
  });

  const scanner = createScanner({
    detect: async (chunks) => {
      const r = await send({ type: 'detectText', payload: { chunks } });
      return r?.ok && r.mentionsJson ? { ok: true, mentions: JSON.parse(r.mentionsJson) as Mention[][] } : { ok: false, error: r?.error ?? 'no-answer' };
    },
    mentions,
    onChange(passDone) {
      // The first report waits for the first full pass (and goes out even when it found nothing).
      if (firstReport && !passDone) return;
      firstReport = false;
      reporter.schedule();
    },
    isOurs: (node) => ui.isOurs(node),
    onShadowRoot(root) {
      shadowRoots.add(root);
    },
    signal: ctx.signal,
  });

  const card = createCard(ui, (m) => {
    // Sent from the click, so the background may open the side panel.
    send({ type: 'openMentionInPanel', payload: { mentionId: m.id } }).catch((err) => console.debug('[Coder Lens] open in panel failed:', err));
  });
  startPointer({ ctx, mentions, card, ui, shadowRoots: () => [...shadowRoots].filter((r) => r.host.isConnected) });

  // An address change without new content (a single-page app's navigation): the background
  // forgot the tab's list when the tab started "loading", so it is reported again.
  const onNavigate = () => {
    if (location.href !== reporter.reportedUrl && !firstReport) reporter.schedule();
  };
  ctx.addEventListener(window, 'popstate', onNavigate);
  ctx.addEventListener(window, 'hashchange', onNavigate);
  // history.pushState fires no event; the Navigation API (where there is one) tells of it.
  const navigation = (window as { navigation?: EventTarget }).navigation;
  if (navigation) ctx.addEventListener(navigation, 'navigatesuccess', onNavigate);

  function scrollTo(m: LiveMention): void {
    const target = m.field ?? (m.range?.startContainer.parentElement as Element | null);
    target?.scrollIntoView({ block: 'center', inline: 'nearest' });
    highlighter.focus(m);
    setTimeout(() => !ctx.isInvalid && highlighter.focus(null), FOCUS_MS);
    const anchor = anchorOf(m);
    if (anchor) card.show([m], anchor, true);
  }

  const onMessage = (raw: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id) return undefined;
    const msg = parseContentMessage(raw);
    if (!msg) return undefined;
    if (msg.type === 'stopScanning') {
      ctx.abort('scanning turned off');
      return Promise.resolve({ ok: true });
    }
    const m = mentions.get(msg.payload.mentionId);
    if (!m) return Promise.resolve({ ok: false, error: 'That mention is no longer on the page.' });
    scrollTo(m);
    return Promise.resolve({ ok: true });
  };
  browser.runtime.onMessage.addListener(onMessage);

  ctx.onInvalidated(() => {
    reporter.stop();
    browser.runtime.onMessage.removeListener(onMessage);
    scanner.stop();
    card.hide();
    highlighter.clear();
    mentions.clear();
    ui.remove();
    // Tell the background this frame has nothing any more (when it still can be reached).
    if (browser.runtime?.id) send({ type: 'reportPageMentions', payload: { frameUrl: location.href, mentionsJson: '[]', append: false, truncated: false } }).catch(() => undefined);
  });
}
