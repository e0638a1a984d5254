import { describe, expect, it } from 'vitest';
import { createPageMentionsStore } from '../../../lib/background/page-mentions';
import type { TabEntry } from '../../../lib/detect/page-mentions';
import { sampleFrameMention } from '../detect/page-fixtures';

function storage(initial: Record<number, TabEntry> = {}) {
  const data = new Map<number, TabEntry>(Object.entries(initial).map(([k, v]) => [Number(k), v]));
  const writes: Array<[number, TabEntry | null]> = [];
  return {
    data,
    writes,
    read: async (tabId: number) => {
      await Promise.resolve();
      return data.get(tabId) ?? null;
    },
    write: async (tabId: number, entry: TabEntry | null) => {
      await new Promise((r) => setTimeout(r, 1));
      writes.push([tabId, entry]);
      if (entry) data.set(tabId, structuredClone(entry));
      else data.delete(tabId);
    },
  };
}

describe('page mentions store', () => {
  it('keeps concurrent reports of two frames (one writer per tab at a time)', async () => {
    const s = storage();
    const store = createPageMentionsStore(s, () => 5, 0);
    await Promise.all([
      store.report(1, 0, 'https://ehr.example.org/a', [sampleFrameMention('m0')]),
      store.report(1, 2, 'https://ehr.example.org/frame', [sampleFrameMention('m0'), sampleFrameMention('m1')]),
    ]);
    const view = await store.get(1);
    expect(view.mentions.map((m) => m.id)).toEqual(['0:m0', '2:m0', '2:m1']);
    await new Promise((r) => setTimeout(r, 20));
    expect(s.data.get(1)?.frames).toHaveLength(2);
  });

  it('reads what a previous worker stored (the worker was stopped and started again)', async () => {
    const s = storage();
    const first = createPageMentionsStore(s, Date.now, 0);
    await first.report(9, 0, 'https://ehr.example.org/a', [sampleFrameMention('m0')]);
    await new Promise((r) => setTimeout(r, 20));
    const restarted = createPageMentionsStore(s, Date.now, 0);
    expect((await restarted.get(9)).mentions.map((m) => m.id)).toEqual(['0:m0']);
    expect(await restarted.locate(9, '0:m0')).toEqual({ frameId: 0, id: 'm0' });
  });

  it('forgets a tab that closed or navigated, in memory and in storage', async () => {
    const s = storage();
    const store = createPageMentionsStore(s, Date.now, 0);
    await store.report(3, 0, 'https://ehr.example.org/a', [sampleFrameMention('m0')]);
    await new Promise((r) => setTimeout(r, 20));
    expect(s.data.has(3)).toBe(true);
    await store.drop(3);
    expect((await store.get(3)).mentions).toEqual([]);
    expect(s.data.has(3)).toBe(false);
    // Dropping again writes nothing more.
    const writes = s.writes.length;
    await store.drop(3);
    expect(s.writes.length).toBe(writes);
  });

  it('writes the session copy once the parts of a report settle', async () => {
    const s = storage();
    const store = createPageMentionsStore(s, Date.now, 30);
    await store.report(5, 0, 'https://ehr.example.org/a', [sampleFrameMention('m0')]);
    await store.report(5, 0, 'https://ehr.example.org/a', [sampleFrameMention('m1')], { append: true });
    expect(s.writes).toEqual([]);
    expect((await store.get(5)).mentions.map((m) => m.id)).toEqual(['0:m0', '0:m1']);
    await new Promise((r) => setTimeout(r, 80));
    expect(s.writes).toHaveLength(1);
    expect(s.data.get(5)?.frames[0].mentions.map((m) => m.id)).toEqual(['m0', 'm1']);
  });

  it('a report after a drop starts the tab afresh', async () => {
    const s = storage();
    const store = createPageMentionsStore(s, Date.now, 0);
    await store.report(3, 0, 'https://ehr.example.org/a', [sampleFrameMention('m0')]);
    await store.report(3, 4, 'https://ehr.example.org/f', [sampleFrameMention('m0')]);
    await store.drop(3);
    await store.report(3, 0, 'https://ehr.example.org/b', [sampleFrameMention('m5')]);
    const view = await store.get(3);
    expect(view.pageUrl).toBe('https://ehr.example.org/b');
    expect(view.mentions.map((m) => m.id)).toEqual(['0:m5']);
  });
});
