import { describe, expect, it } from 'vitest';
import type { MentionContext } from '../../../lib/detect/context';
import type { PageMention, TabPageMentions } from '../../../lib/detect/page-types';
import { createPageStore, type PageStoreDeps } from '../../../entrypoints/sidepanel/state/page-store';

const plain: MentionContext = { negated: false, uncertain: false, historical: false, experiencer: 'patient', triggers: [] };
const mention = (id: string, text: string, negated = false): PageMention => ({
  id,
  frameId: 0,
  frameUrl: 'http://127.0.0.1/',
  start: 0,
  end: text.length,
  text,
  kind: 'term',
  concept: text,
  codes: [],
  context: { ...plain, negated },
  readOnlyField: false,
  snippet: text,
});

/** A store over a fake background holding mentions per tab. */
function harness() {
  const tabs = new Map<number, PageMention[]>([
    [1, [mention('0:1', 'chest pain', true), mention('0:2', 'hypertension')]],
    [2, [mention('0:1', 'asthma')]],
  ]);
  let active = 1;
  const sent: Array<[string, unknown]> = [];
  let tabChange: () => void = () => undefined;
  let mentionsChange: (tabId: number) => void = () => undefined;
  const deps: PageStoreDeps = {
    send: (async (type: string, payload: { tabId: number; mentionId?: string }) => {
      sent.push([type, payload]);
      if (type === 'getPageMentions') return { tabId: payload.tabId, pageUrl: 'http://127.0.0.1/', mentions: tabs.get(payload.tabId) ?? [], truncated: false, updatedAt: 1 } satisfies TabPageMentions;
      if (type === 'getSiteAccess') return { site: 'http://127.0.0.1', status: { site: 'http://127.0.0.1', enabled: false, source: 'none', canToggle: true, granted: false } };
      if (type === 'setSiteEnabled') return { ok: true };
      if (type === 'scanTab') return { ok: false, needsPermission: true };
      return { ok: true };
    }) as PageStoreDeps['send'],
    activeTabId: async () => active,
    onTabChange: (cb) => (tabChange = cb),
    onMentionsChange: (cb) => (mentionsChange = cb),
    requestSite: async () => false,
  };
  return { store: createPageStore(deps), sent, tabs, setActive: (id: number) => (active = id), tabChange: () => tabChange(), mentionsChange: (id: number) => mentionsChange(id) };
}

describe('page store ("Found on this page")', () => {
  it('lists the active tab’s mentions, current first, and follows tab switches and new mentions', async () => {
    const h = harness();
    await h.store.start();
    expect(h.store.concepts.value.map((c) => [c.text, c.mark])).toEqual([
      ['hypertension', 'current'],
      ['chest pain', 'negated'],
    ]);
    h.setActive(2);
    h.tabChange();
    await new Promise((r) => setTimeout(r, 0));
    expect(h.store.concepts.value.map((c) => c.text)).toEqual(['asthma']);
    h.tabs.set(2, [mention('0:1', 'asthma'), mention('0:2', 'COPD')]);
    h.mentionsChange(1); // another tab: no refresh needed
    h.mentionsChange(2);
    await new Promise((r) => setTimeout(r, 0));
    expect(h.store.concepts.value.map((c) => c.text)).toEqual(['asthma', 'COPD']);
  });

  it('asks the background to scroll the page of the active tab', async () => {
    const h = harness();
    await h.store.start();
    await h.store.scrollTo('0:2');
    expect(h.sent.at(-1)).toEqual(['scrollToMention', { tabId: 1, mentionId: '0:2' }]);
  });

  it('says plainly when the page may not be read, and does not turn a site on without the browser’s permission', async () => {
    const h = harness();
    await h.store.start();
    await h.store.scanNow();
    expect(h.store.message.value).toContain('turn scanning on for this site');
    await h.store.setSiteEnabled(true);
    expect(h.store.message.value).toBe('The browser did not allow reading http://127.0.0.1.');
    expect(h.sent.some(([type]) => type === 'setSiteEnabled')).toBe(false);
  });
});
