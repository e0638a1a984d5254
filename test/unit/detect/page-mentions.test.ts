import { describe, expect, it } from 'vitest';
import { locateMention, pageUrlOf, tabPageMentions, withFrameMentions } from '../../../lib/detect/page-mentions';
import { PAGE_LIMITS } from '../../../lib/detect/page-types';
import { sampleFrameMention } from './page-fixtures';

const report = (frameId: number, ids: string[], frameUrl = 'https://ehr.example.org/chart?mrn=123#x') => ({
  tabId: 7,
  frameId,
  frameUrl,
  mentions: ids.map((id) => sampleFrameMention(id)),
  now: 1000 + frameId,
});

describe('pageUrlOf', () => {
  it('drops the query and fragment (they often carry patient identifiers)', () => {
    expect(pageUrlOf('https://ehr.example.org/chart?mrn=123#note')).toBe('https://ehr.example.org/chart');
    expect(pageUrlOf('nonsense')).toBe('');
  });
});

describe('a tab’s mentions', () => {
  it('keeps frames apart, top document first, with tab-wide ids', () => {
    let entry = withFrameMentions(undefined, report(3, ['m0']));
    entry = withFrameMentions(entry, report(0, ['m0', 'm1']));
    const view = tabPageMentions(entry, 7);
    expect(view.pageUrl).toBe('https://ehr.example.org/chart');
    expect(view.mentions.map((m) => [m.id, m.frameId])).toEqual([
      ['0:m0', 0],
      ['0:m1', 0],
      ['3:m0', 3],
    ]);
    expect(view.mentions[0].frameUrl).toBe('https://ehr.example.org/chart');
    expect(view.truncated).toBe(false);
  });

  it('replaces a frame’s list with its next report, and an empty report removes the frame', () => {
    let entry = withFrameMentions(undefined, report(0, ['m0', 'm1']));
    entry = withFrameMentions(entry, report(0, ['m2']));
    expect(tabPageMentions(entry, 7).mentions.map((m) => m.id)).toEqual(['0:m2']);
    entry = withFrameMentions(entry, report(0, []));
    expect(entry.frames).toEqual([]);
  });

  it('adds the next parts of a report to the frame’s list, once each', () => {
    let entry = withFrameMentions(undefined, report(0, ['m0', 'm1']));
    entry = withFrameMentions(entry, { ...report(0, ['m1', 'm2']), append: true });
    entry = withFrameMentions(entry, { ...report(2, ['m0']), append: true });
    expect(tabPageMentions(entry, 7).mentions.map((m) => m.id)).toEqual(['0:m0', '0:m1', '0:m2', '2:m0']);
    // A new report (no append) starts the frame over.
    entry = withFrameMentions(entry, report(0, ['m9']));
    expect(tabPageMentions(entry, 7).mentions.map((m) => m.id)).toEqual(['0:m9', '2:m0']);
  });

  it('says when a frame found more than it lists', () => {
    const entry = withFrameMentions(undefined, { ...report(0, ['m0']), truncated: true });
    expect(tabPageMentions(entry, 7).truncated).toBe(true);
  });

  it('is empty for a tab with nothing stored', () => {
    expect(tabPageMentions(null, 4)).toEqual({ tabId: 4, pageUrl: '', mentions: [], truncated: false, updatedAt: 0 });
  });

  it('bounds the frames kept and the mentions listed', () => {
    let entry = withFrameMentions(undefined, report(0, ['m0']));
    for (let f = 1; f <= PAGE_LIMITS.tabFrames + 3; f++) entry = withFrameMentions(entry, report(f, ['m0']));
    expect(entry.frames).toHaveLength(PAGE_LIMITS.tabFrames);
    expect(entry.frames.some((f) => f.frameId === PAGE_LIMITS.tabFrames + 3)).toBe(true);
    expect(entry.frames[0].frameId).toBe(0);

    const many = Array.from({ length: PAGE_LIMITS.frameMentions }, (_, i) => `m${i.toString(36)}`);
    let big = withFrameMentions(undefined, report(0, many));
    for (let f = 1; f <= 3; f++) big = withFrameMentions(big, report(f, many));
    const view = tabPageMentions(big, 7);
    expect(view.mentions).toHaveLength(PAGE_LIMITS.tabMentions);
    expect(view.truncated).toBe(true);
  });

  it('locates a tab-wide id in its frame, and nothing else', () => {
    const entry = withFrameMentions(withFrameMentions(undefined, report(0, ['m0'])), report(5, ['m1']));
    expect(locateMention(entry, '5:m1')).toEqual({ frameId: 5, id: 'm1' });
    expect(locateMention(entry, '0:m1')).toBeNull();
    expect(locateMention(entry, 'm1')).toBeNull();
    expect(locateMention(null, '0:m0')).toBeNull();
  });
});
