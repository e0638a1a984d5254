import { describe, expect, it } from 'vitest';
import type { CodeRef } from '../../../lib/worklist/code-list';
import { FAVORITES_LIMIT, RECENT_LIMIT } from '../../../lib/worklist/favorites';
import type { WorklistState } from '../../../lib/worklist/state';
import type { worklistStateItem } from '../../../lib/worklist/store';
import {
  createLocalLock,
  createWorklistStore,
  type WorklistLock,
  type WorklistStorage,
} from '../../../entrypoints/sidepanel/state/worklist-store';

// The real WXT item must fit the injected interface, so the panel can pass it as it is.
const fits: (item: typeof worklistStateItem) => WorklistStorage = (item) => item;
void fits;

const cm = (code: string, title = `CM ${code}`, valid = true): CodeRef => ({ system: 'icd10cm', code, title, valid });
const pcs = (code: string, title = `PCS ${code}`): CodeRef => ({ system: 'icd10pcs', code, title, valid: true });
const codes = (list: readonly CodeRef[]) => list.map((e) => e.code);
const at = new Date('2026-03-02T10:15:00.000Z');

/** Lets every pending read and write of the fake storage finish. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

/**
 * `storage.local` as every page of the extension sees it: values are copied (structured clone),
 * reads and writes finish on a later task so concurrent actions really interleave, and watchers
 * are told of every change made through any handle, their own included (like `onChanged`).
 */
function memoryStorage(initial?: unknown) {
  let stored: unknown = initial === undefined ? undefined : structuredClone(initial);
  const watchers = new Set<(v: unknown) => void>();
  const log = { reads: 0, writes: 0 };
  const later = () => new Promise((resolve) => setTimeout(resolve, 0));
  let failNext: { read?: Error; write?: Error } = {};
  return {
    log,
    raw: () => stored,
    failNext(f: { read?: Error; write?: Error }) {
      failNext = f;
    },
    /** A change from outside any store (another extension version, a profile edit). */
    setRaw(value: unknown) {
      stored = structuredClone(value);
      for (const w of watchers) w(structuredClone(value));
    },
    handle(): WorklistStorage {
      return {
        async getValue() {
          log.reads++;
          // The value is the one stored when the read was asked for.
          const value = structuredClone(stored);
          await later();
          if (failNext.read) {
            const err = failNext.read;
            failNext = { ...failNext, read: undefined };
            throw err;
          }
          return value;
        },
        async setValue(value: WorklistState) {
          await later();
          if (failNext.write) {
            const err = failNext.write;
            failNext = { ...failNext, write: undefined };
            throw err;
          }
          log.writes++;
          stored = structuredClone(value);
          // onChanged fires on a later task, after the write's own promise.
          setTimeout(() => {
            for (const w of watchers) w(structuredClone(value));
          }, 0);
        },
        watch(callback) {
          watchers.add(callback);
          return () => watchers.delete(callback);
        },
      };
    },
  };
}

/** A panel: a started store over its own handle of the shared storage. */
async function openPanel(storage: ReturnType<typeof memoryStorage>, lock: WorklistLock = createLocalLock()) {
  const store = createWorklistStore({ storage: storage.handle(), lock, now: () => at });
  await store.start();
  return store;
}

describe('worklist store', () => {
  it('starts empty when nothing is stored, and says when it has read storage', async () => {
    const storage = memoryStorage();
    const store = createWorklistStore({ storage: storage.handle(), lock: createLocalLock() });
    expect(store.loaded.value).toBe(false);
    const starting = store.start();
    expect(store.loaded.value).toBe(false);
    await starting;
    expect(store.loaded.value).toBe(true);
    expect(store.state.value).toEqual({ worklist: [], favorites: [], recent: [] });
    expect(store.message.value).toBeUndefined();
  });

  it('writes every add, move, remove and clear at once, and a new panel reads them back', async () => {
    const storage = memoryStorage();
    const store = await openPanel(storage);
    const stored = () => codes((storage.raw() as WorklistState).worklist);

    expect(await store.add(cm('S134XXA', 'Sprain of ligaments of cervical spine, initial encounter'))).toEqual({ changed: true });
    await store.add(cm('E1122'));
    await store.add(pcs('0DTJ4ZZ'));
    expect(stored()).toEqual(['S134XXA', 'E1122', '0DTJ4ZZ']);
    expect((storage.raw() as WorklistState).worklist[0]).toEqual({
      system: 'icd10cm',
      code: 'S134XXA',
      title: 'Sprain of ligaments of cervical spine, initial encounter',
      valid: true,
      addedAt: at.toISOString(),
    });

    await store.moveUp('0DTJ4ZZ', 'icd10pcs');
    expect(stored()).toEqual(['S134XXA', '0DTJ4ZZ', 'E1122']);
    await store.moveDown('S134XXA', 'icd10cm');
    expect(stored()).toEqual(['0DTJ4ZZ', 'S134XXA', 'E1122']);
    await store.move('E1122', 'icd10cm', 0);
    expect(stored()).toEqual(['E1122', '0DTJ4ZZ', 'S134XXA']);
    await store.remove('0DTJ4ZZ', 'icd10pcs');
    expect(stored()).toEqual(['E1122', 'S134XXA']);
    expect(codes(store.state.value.worklist)).toEqual(['E1122', 'S134XXA']);

    // The browser restarts: a new panel shows the same list.
    const reopened = await openPanel(storage);
    expect(reopened.state.value).toEqual(store.state.value);

    await store.toggleFavorite(cm('I10'));
    expect(await store.clear()).toEqual({ changed: true });
    expect(storage.raw()).toMatchObject({ worklist: [], favorites: [cm('I10')] });
    reopened.stop();
  });

  it('refuses a duplicate with a message and writes nothing for a change that changes nothing', async () => {
    const storage = memoryStorage();
    const store = await openPanel(storage);
    await store.add(cm('E1122'));
    const writes = storage.log.writes;
    expect(await store.add(cm('E1122'))).toEqual({ changed: false, message: 'E11.22 is already in the worklist.' });
    expect(store.message.value).toBe('E11.22 is already in the worklist.');
    await store.moveUp('E1122', 'icd10cm');
    await store.remove('I10', 'icd10cm');
    await store.clear();
    await store.clear();
    expect(storage.log.writes).toBe(writes + 1);
    store.dismissMessage();
    expect(store.message.value).toBeUndefined();
  });

  it('keeps both codes when two panels add at the same moment', async () => {
    const storage = memoryStorage();
    const lock = createLocalLock(); // one lock for both, as the Web Lock is for all extension pages
    const a = await openPanel(storage, lock);
    const b = await openPanel(storage, lock);
    await Promise.all([a.add(cm('E1122')), b.add(cm('I10')), a.toggleFavorite(cm('J449')), b.noteRecent(cm('N184'))]);
    await settle();
    const expected = { worklist: ['E1122', 'I10'], favorites: ['J449'], recent: ['N184'] };
    for (const s of [storage.raw() as WorklistState, a.state.value, b.state.value]) {
      expect({ worklist: codes(s.worklist), favorites: codes(s.favorites), recent: codes(s.recent) }).toEqual(expected);
    }
  });

  it('(the fake storage really interleaves: without a shared lock one of two adds is lost)', async () => {
    const storage = memoryStorage();
    const a = await openPanel(storage, createLocalLock());
    const b = await openPanel(storage, createLocalLock());
    await Promise.all([a.add(cm('E1122')), b.add(cm('I10'))]);
    expect((storage.raw() as WorklistState).worklist).toHaveLength(1);
  });

  it('changes the stored value, not a stale copy, and shows changes made in another panel', async () => {
    const storage = memoryStorage();
    const a = await openPanel(storage);
    const b = await openPanel(storage);
    a.stop(); // a no longer hears about b's changes: its copy goes stale
    await b.add(cm('E1122'));
    await b.add(cm('I10'));
    expect(a.state.value.worklist).toEqual([]);
    await a.moveUp('I10', 'icd10cm');
    expect(codes(a.state.value.worklist)).toEqual(['I10', 'E1122']);
    await settle();
    expect(codes(b.state.value.worklist)).toEqual(['I10', 'E1122']);
  });

  it('does not let a slow first read replace a newer change', async () => {
    const storage = memoryStorage({ worklist: [], favorites: [], recent: [] });
    const store = createWorklistStore({ storage: storage.handle(), lock: createLocalLock() });
    const starting = store.start();
    storage.setRaw({ worklist: [], favorites: [cm('I10')], recent: [] }); // while the read is pending
    await starting;
    expect(codes(store.state.value.favorites)).toEqual(['I10']);
  });

  it('starts clean with a message when the stored value is corrupt, and the next change writes clean state', async () => {
    const storage = memoryStorage('{"worklist": [oops');
    const store = await openPanel(storage);
    expect(store.loaded.value).toBe(true);
    expect(store.state.value).toEqual({ worklist: [], favorites: [], recent: [] });
    expect(store.message.value).toBe('1 saved worklist item could not be read and was left out.');
    await store.add(cm('E1122'));
    expect(codes((storage.raw() as WorklistState).worklist)).toEqual(['E1122']);

    const partly = memoryStorage({
      worklist: [{ system: 'icd10cm', code: 'E11.22', title: 'dotted', addedAt: at.toISOString() }, { code: 7 }],
      favorites: [cm('I10'), { ...cm('E119'), valid: 'yes' }],
      recent: 'none',
    });
    const second = await openPanel(partly);
    expect(second.state.value).toEqual({ worklist: [], favorites: [cm('I10')], recent: [] });
    expect(second.message.value).toBe('4 saved worklist items could not be read and were left out.');
  });

  it('reports a failed read or write in plain words and keeps what it showed', async () => {
    const storage = memoryStorage();
    storage.failNext({ read: new Error('IO error') });
    const store = await openPanel(storage);
    expect(store.loaded.value).toBe(true);
    expect(store.message.value).toBe('The saved worklist could not be read: IO error');

    await store.add(cm('E1122'));
    storage.failNext({ write: new Error('QUOTA_BYTES quota exceeded') });
    expect(await store.add(cm('I10'))).toEqual({ changed: false, message: 'The worklist could not be saved: QUOTA_BYTES quota exceeded' });
    expect(codes(store.state.value.worklist)).toEqual(['E1122']);
    expect(codes((storage.raw() as WorklistState).worklist)).toEqual(['E1122']);
  });

  it('pins and unpins a favorite, and says so when favorites are full', async () => {
    const storage = memoryStorage();
    const store = await openPanel(storage);
    expect(store.isFavorite('I10', 'icd10cm')).toBe(false);
    await store.toggleFavorite(cm('I10'));
    await store.toggleFavorite({ system: 'hcpcs', code: 'A0100', title: 'Nonemergency transport; taxi' });
    expect(store.isFavorite('I10', 'icd10cm')).toBe(true);
    expect(store.isFavorite('A0100', 'icd10cm')).toBe(false); // same characters, other code system
    expect(store.isFavorite('A0100', 'hcpcs')).toBe(true);
    await store.toggleFavorite(cm('I10'));
    expect(store.isFavorite('I10', 'icd10cm')).toBe(false);
    expect((storage.raw() as WorklistState).favorites).toEqual([{ system: 'hcpcs', code: 'A0100', title: 'Nonemergency transport; taxi' }]);

    const full = Array.from({ length: FAVORITES_LIMIT }, (_, i) => cm(`Z${String(i).padStart(3, '0')}`));
    const fullStorage = memoryStorage({ worklist: [], favorites: full, recent: [] });
    const fullStore = await openPanel(fullStorage);
    expect(fullStore.state.value.favorites).toHaveLength(FAVORITES_LIMIT);
    const r = await fullStore.toggleFavorite(cm('E1122'));
    expect(r).toEqual({ changed: false, message: `Favorites are full (${FAVORITES_LIMIT} codes). Unpin one to pin E11.22.` });
    expect(fullStore.message.value).toBe(r.changed ? undefined : r.message);
  });

  it('keeps recent lookups newest first, without repeats, up to the limit', async () => {
    const storage = memoryStorage();
    const store = await openPanel(storage);
    await store.noteRecent(cm('E1122'));
    await store.noteRecent(cm('I10'));
    await store.noteRecent(cm('E1122'));
    expect(codes(store.state.value.recent)).toEqual(['E1122', 'I10']);
    const writes = storage.log.writes;
    await store.noteRecent(cm('E1122')); // reopening the code on top writes nothing
    expect(storage.log.writes).toBe(writes);
    await store.noteRecent(cm('not a code'));
    expect(codes(store.state.value.recent)).toEqual(['E1122', 'I10']);

    for (let i = 0; i < RECENT_LIMIT + 5; i++) await store.noteRecent(cm(`S${String(i).padStart(2, '0')}`));
    const recent = codes(store.state.value.recent);
    expect(recent).toHaveLength(RECENT_LIMIT);
    expect(recent[0]).toBe(`S${RECENT_LIMIT + 4}`);
    expect(recent.at(-1)).toBe('S05');
    expect(codes((storage.raw() as WorklistState).recent)).toEqual(recent);
  });

  it('copies the worklist in its current order, with dots, and with titles when asked', async () => {
    const store = await openPanel(memoryStorage());
    await store.add(cm('E1122', 'Type 2 diabetes mellitus with diabetic chronic kidney disease'));
    await store.add(pcs('0DTJ4ZZ', 'Resection of Appendix, Percutaneous Endoscopic Approach'));
    await store.add(cm('S134XXA', 'Sprain of ligaments of cervical spine,\tinitial encounter'));
    await store.moveUp('S134XXA', 'icd10cm');
    expect(store.copyAllText({ withDots: true, withTitles: false })).toBe('E11.22\nS13.4XXA\n0DTJ4ZZ');
    expect(store.copyAllText({ withDots: true, withTitles: true }).split('\n')[1]).toBe(
      'S13.4XXA\tSprain of ligaments of cervical spine, initial encounter',
    );
  });

  it('keeps whether a code is valid for reporting', async () => {
    const storage = memoryStorage();
    const store = await openPanel(storage);
    await store.add(cm('S134', 'Sprain of ligaments of cervical spine', false));
    await store.add({ system: 'icd10cm', code: 'I10', title: 'Essential (primary) hypertension' });
    const reopened = await openPanel(storage);
    expect(reopened.state.value.worklist.map((e) => e.valid)).toEqual([false, undefined]);
  });
});

describe('createLocalLock', () => {
  it('runs tasks one at a time in the order asked, and goes on after a failed one', async () => {
    const lock = createLocalLock();
    const events: string[] = [];
    const task = (name: string, fail = false) => async () => {
      events.push(`${name} start`);
      await settle();
      events.push(`${name} end`);
      if (fail) throw new Error(name);
      return name;
    };
    const results = await Promise.allSettled([lock(task('a')), lock(task('b', true)), lock(task('c'))]);
    expect(events).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });
});
