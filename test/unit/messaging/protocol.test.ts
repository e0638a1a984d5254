import { describe, expect, it } from 'vitest';
import { PAGE_LIMITS } from '../../../lib/detect/page-types';
import { MESSAGE_SENDERS, parseBackgroundMessage, parseContentMessage, senderKind } from '../../../lib/messaging/protocol';
import { cleanLookupText } from '../../../lib/messaging/page-payloads';
import { sampleFrameMention } from '../detect/page-fixtures';

describe('parseBackgroundMessage', () => {
  it('accepts importEmbeddedPacks with an empty payload', () => {
    expect(parseBackgroundMessage({ type: 'importEmbeddedPacks', payload: {} })).toEqual({ type: 'importEmbeddedPacks', payload: {} });
  });

  it('returns a fresh envelope, not the sender’s object', () => {
    const raw = { type: 'importEmbeddedPacks', payload: {}, sender: 'content-script' };
    const parsed = parseBackgroundMessage(raw);
    expect(parsed).toEqual({ type: 'importEmbeddedPacks', payload: {} });
    expect(parsed).not.toBe(raw);
    expect(parsed?.payload).not.toBe(raw.payload);
  });

  it.each([
    ['an unknown type', { type: 'deleteAllData', payload: {} }],
    ['a type differing only in case', { type: 'ImportEmbeddedPacks', payload: {} }],
    ['an inherited property name as type', { type: 'toString', payload: {} }],
    ['a non-string type', { type: 42, payload: {} }],
    ['no type', { payload: {} }],
    ['a missing payload', { type: 'importEmbeddedPacks' }],
    ['a null payload', { type: 'importEmbeddedPacks', payload: null }],
    ['an array payload', { type: 'importEmbeddedPacks', payload: [] }],
    ['a string payload', { type: 'importEmbeddedPacks', payload: '{}' }],
    ['a payload with extra fields', { type: 'importEmbeddedPacks', payload: { force: true } }],
  ])('rejects a message with %s', (_what, raw) => {
    expect(parseBackgroundMessage(raw)).toBeNull();
  });

  it('accepts setActiveRelease with a release id as the database writes it', () => {
    const raw = { type: 'setActiveRelease', payload: { releaseId: 'icd10cm@2017~0123456789ab' } };
    expect(parseBackgroundMessage(raw)).toEqual(raw);
  });

  it.each([
    ['no release id', {}],
    ['a numeric id', { releaseId: 2017 }],
    ['an id of another shape', { releaseId: 'icd10cm@2017' }],
    ['markup in the id', { releaseId: 'icd10cm@<img>~0123456789ab' }],
    ['an extra field', { releaseId: 'icd10cm@2017~0123456789ab', force: true }],
  ])('rejects setActiveRelease with %s', (_what, payload) => {
    expect(parseBackgroundMessage({ type: 'setActiveRelease', payload })).toBeNull();
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'importEmbeddedPacks'],
    ['a number', 1],
    ['an array', [{ type: 'importEmbeddedPacks', payload: {} }]],
  ])('rejects %s', (_what, raw) => {
    expect(parseBackgroundMessage(raw)).toBeNull();
  });
});

describe('page messages', () => {
  const mention = () => ({ ...sampleFrameMention('m0') });

  it('accepts detectText with bounded chunks, as a fresh copy', () => {
    const chunks = ['Denies chest pain.', 'HTN'];
    const parsed = parseBackgroundMessage({ type: 'detectText', payload: { chunks } });
    expect(parsed).toEqual({ type: 'detectText', payload: { chunks } });
    expect((parsed?.payload as { chunks: string[] }).chunks).not.toBe(chunks);
  });

  it.each([
    ['no chunks', { chunks: [] }],
    ['a string instead of chunks', { chunks: 'Denies chest pain.' }],
    ['a non-string chunk', { chunks: ['ok', 42] }],
    ['an object chunk', { chunks: [{ toString: () => 'x' }] }],
    ['too many chunks', { chunks: Array.from({ length: PAGE_LIMITS.chunksPerMessage + 1 }, () => 'x') }],
    ['an oversized chunk', { chunks: ['x'.repeat(PAGE_LIMITS.chunkChars + 1)] }],
    ['an extra field', { chunks: ['x'], tabId: 3 }],
  ])('rejects detectText with %s', (_what, payload) => {
    expect(parseBackgroundMessage({ type: 'detectText', payload })).toBeNull();
  });

  const report = (mentions: unknown, more: object = {}) => ({
    type: 'reportPageMentions',
    payload: { frameUrl: 'https://ehr.example.org/chart', mentionsJson: JSON.stringify(mentions), append: false, truncated: false, ...more },
  });

  it('accepts a part of a frame’s mention list, decoded from its JSON, dropping nothing it needs', () => {
    const mentions = [mention(), sampleFrameMention('m1', { readOnlyField: true, codeStatus: 'valid', kind: 'code' })];
    expect(parseBackgroundMessage(report(mentions, { append: true }))).toEqual({
      type: 'reportPageMentions',
      payload: { frameUrl: 'https://ehr.example.org/chart', mentions, append: true, truncated: false },
    });
  });

  it.each([
    ['JSON that does not parse', { mentionsJson: '[{"id":' }],
    ['JSON that is not a list', { mentionsJson: '{"0":{}}' }],
    ['a list instead of JSON', { mentionsJson: [] }],
    ['no append flag', { append: undefined }],
    ['an append flag that is not a boolean', { append: 'yes' }],
    ['no truncated flag', { truncated: undefined }],
    ['an oversized part', { mentionsJson: `[${' '.repeat(PAGE_LIMITS.reportPartChars)}]` }],
  ])('rejects a report with %s', (_what, more) => {
    expect(parseBackgroundMessage(report([mention()], more))).toBeNull();
  });

  it('rejects a part with more mentions than a part may carry', () => {
    const mentions = Array.from({ length: PAGE_LIMITS.reportPart + 1 }, (_, i) => sampleFrameMention(`m${i.toString(36)}`));
    expect(parseBackgroundMessage(report(mentions))).toBeNull();
  });

  it.each<[string, (m: Record<string, unknown>) => unknown]>([
    ['a duplicate id', (m) => m],
    ['an id with odd characters', (m) => ({ ...m, id: '<b>' })],
    ['a negative offset', (m) => ({ ...m, start: -1 })],
    ['an end before the start', (m) => ({ ...m, start: 5, end: 2 })],
    ['an unknown kind', (m) => ({ ...m, kind: 'html' })],
    ['an oversized text', (m) => ({ ...m, text: 'x'.repeat(PAGE_LIMITS.fieldChars + 1) })],
    ['an unknown code system', (m) => ({ ...m, codes: [{ system: 'cpt', code: '99213', display: '99213', title: 't', valid: true }] })],
    ['a code with markup', (m) => ({ ...m, codes: [{ system: 'icd10cm', code: '<I10>', display: 'I10', title: 't', valid: true }] })],
    ['too many codes', (m) => ({ ...m, codes: Array.from({ length: PAGE_LIMITS.codesPerMention + 1 }, () => (m.codes as unknown[])[0]) })],
    ['a context that is not booleans', (m) => ({ ...m, context: { ...(m.context as object), negated: 'yes' } })],
    ['an unknown experiencer', (m) => ({ ...m, context: { ...(m.context as object), experiencer: 'neighbour' } })],
    ['an extra field', (m) => ({ ...m, html: '<script>' })],
    ['an id only on the prototype', (m) => ({ ...m, __proto__: { id: 'm9' }, id: undefined })],
  ])('rejects a mention list with %s', (what, change) => {
    const first = mention();
    const second = what === 'a duplicate id' ? mention() : change({ ...sampleFrameMention('m1') });
    expect(parseBackgroundMessage(report([first, second]))).toBeNull();
  });

  it.each([
    ['a javascript: URL', 'javascript:alert(1)'],
    ['an extension URL', 'chrome-extension://abc/sidepanel.html'],
    ['a non-string', 42],
  ])('rejects a mention list whose frame URL is %s', (_what, frameUrl) => {
    expect(parseBackgroundMessage(report([], { frameUrl }))).toBeNull();
  });

  it('accepts the panel’s tab and mention ids, and rejects others', () => {
    expect(parseBackgroundMessage({ type: 'getPageMentions', payload: { tabId: 12 } })).toEqual({ type: 'getPageMentions', payload: { tabId: 12 } });
    expect(parseBackgroundMessage({ type: 'scrollToMention', payload: { tabId: 12, mentionId: '3:m1a' } })).toEqual({
      type: 'scrollToMention',
      payload: { tabId: 12, mentionId: '3:m1a' },
    });
    for (const payload of [{ tabId: -1 }, { tabId: 1.5 }, { tabId: '12' }, {}, { tabId: 1, extra: true }])
      expect(parseBackgroundMessage({ type: 'getPageMentions', payload })).toBeNull();
    for (const mentionId of ['m1', '3:', ':m1', '3:m1;alert(1)', 'x:m1', 42])
      expect(parseBackgroundMessage({ type: 'scrollToMention', payload: { tabId: 1, mentionId } })).toBeNull();
    expect(parseBackgroundMessage({ type: 'openMentionInPanel', payload: { mentionId: 'm4' } })).toEqual({ type: 'openMentionInPanel', payload: { mentionId: 'm4' } });
    expect(parseBackgroundMessage({ type: 'openMentionInPanel', payload: { mentionId: '0:m4' } })).toBeNull();
  });

  it('accepts setSiteEnabled for a site as siteOf writes it', () => {
    const payload = { site: 'https://ehr.example.org', enabled: true, tabId: 4 };
    expect(parseBackgroundMessage({ type: 'setSiteEnabled', payload })).toEqual({ type: 'setSiteEnabled', payload });
    for (const bad of [
      { site: '<all_urls>', enabled: true },
      { site: 'https://*.example.org', enabled: true },
      { site: 'https://ehr.example.org/chart', enabled: true },
      { site: 'https://ehr.example.org', enabled: 'yes' },
      { site: 'https://ehr.example.org', enabled: true, tabId: 'x' },
    ])
      expect(parseBackgroundMessage({ type: 'setSiteEnabled', payload: bad })).toBeNull();
  });

  it('declares one kind of sender for every message', () => {
    expect(MESSAGE_SENDERS.detectText).toBe('content-script');
    expect(MESSAGE_SENDERS.reportPageMentions).toBe('content-script');
    expect(MESSAGE_SENDERS.getPageMentions).toBe('extension-page');
    expect(MESSAGE_SENDERS.setSiteEnabled).toBe('extension-page');
    expect(MESSAGE_SENDERS.importEmbeddedPacks).toBe('extension-page');
  });
});

describe('senderKind', () => {
  const self = { id: 'ext', baseUrl: 'chrome-extension://ext/' };

  it('tells our pages from our content scripts', () => {
    expect(senderKind({ id: 'ext', url: 'chrome-extension://ext/sidepanel.html' }, self)).toBe('extension-page');
    expect(senderKind({ id: 'ext', url: 'chrome-extension://ext/sidepanel.html', tab: { id: 3 }, frameId: 0 }, self)).toBe('extension-page');
    expect(senderKind({ id: 'ext', url: 'https://ehr.example.org/', tab: { id: 3 }, frameId: 2 }, self)).toBe('content-script');
  });

  it('refuses other extensions, pages without a tab and odd URLs', () => {
    expect(senderKind({ id: 'other', url: 'chrome-extension://other/x.html' }, self)).toBeNull();
    expect(senderKind({ id: 'ext', url: 'https://ehr.example.org/' }, self)).toBeNull();
    expect(senderKind({ id: 'ext', url: 'file:///tmp/x.html', tab: { id: 3 }, frameId: 0 }, self)).toBeNull();
    expect(senderKind({ id: 'ext', url: 'chrome-extension://other/x.html', tab: { id: 3 }, frameId: 0 }, self)).toBeNull();
  });
});

describe('parseContentMessage', () => {
  it('accepts scrollToMention and stopScanning only', () => {
    expect(parseContentMessage({ type: 'scrollToMention', payload: { mentionId: 'm3' } })).toEqual({ type: 'scrollToMention', payload: { mentionId: 'm3' } });
    expect(parseContentMessage({ type: 'stopScanning', payload: {} })).toEqual({ type: 'stopScanning', payload: {} });
    expect(parseContentMessage({ type: 'stopScanning', payload: { now: true } })).toBeNull();
    expect(parseContentMessage({ type: 'scrollToMention', payload: { mentionId: '0:m3' } })).toBeNull();
    expect(parseContentMessage({ type: 'detectText', payload: { chunks: ['x'] } })).toBeNull();
    expect(parseContentMessage(null)).toBeNull();
  });
});

describe('cleanLookupText', () => {
  it('makes selected page text one bounded line of plain characters', () => {
    expect(cleanLookupText('  Type 2\n\tdiabetes\u0000 mellitus  ')).toBe('Type 2 diabetes mellitus');
    expect(cleanLookupText('x'.repeat(PAGE_LIMITS.lookupChars + 50))).toHaveLength(PAGE_LIMITS.lookupChars);
    expect(cleanLookupText(' \n ')).toBe('');
  });
});
