import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { encodePack, sha256Hex, type CodeRow } from '../../../lib/codeset/pack';
import { resetDbForTests } from '../../../lib/db/open';
import { importPack } from '../../../lib/db/releases';
import { prepareSearchIndex, serialized } from '../../../lib/background/search-index';
import type { SearchIndexStatus } from '../../../lib/storage/items';
import { cmPackBuilder } from '../../support/packs';

const CODES: CodeRow[] = [
  ['I10', 1, 'Essential (primary) hypertension'],
  ['E119', 1, 'Type 2 diabetes mellitus without complications'],
];
const cmPack = cmPackBuilder({ codes: CODES });

/** The status item as the background worker writes it. */
function statusItem() {
  let value: SearchIndexStatus = { phase: 'idle', updatedAt: '' };
  const history: SearchIndexStatus[] = [];
  return {
    history,
    get: async () => value,
    report: async (s: SearchIndexStatus) => {
      value = s;
      history.push(s);
    },
  };
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  resetDbForTests();
});

describe('prepareSearchIndex', () => {
  it('reports idle when no code set is installed', async () => {
    const status = statusItem();
    await prepareSearchIndex(status);
    expect(status.history.map((s) => s.phase)).toEqual(['idle']);
  });

  it('reports building then ready with the build time, and on the next start ready again keeping that time', async () => {
    const pack = cmPack('2099');
    await importPack(pack, await sha256Hex(encodePack(pack)), { activate: 'if-newer' });
    const status = statusItem();
    await prepareSearchIndex(status);
    expect(status.history.map((s) => s.phase)).toEqual(['building', 'ready']);
    const ready = status.history[1];
    expect(ready.key).toMatch(/^v\d+\|icd10cm@2099~/);
    expect(ready.buildMs).toBeTypeOf('number');

    await prepareSearchIndex(status);
    expect(status.history.map((s) => s.phase)).toEqual(['building', 'ready', 'ready']);
    expect(status.history[2]).toMatchObject({ key: ready.key, buildMs: ready.buildMs });
  });

  it('reports a failure in plain words and rethrows it', async () => {
    const status = statusItem();
    globalThis.indexedDB = undefined as unknown as IDBFactory;
    resetDbForTests();
    await expect(prepareSearchIndex(status)).rejects.toThrow();
    expect(status.history.at(-1)?.phase).toBe('error');
    expect(status.history.at(-1)?.error).toMatch(/^Preparing search failed: /);
  });
});

describe('serialized', () => {
  it('never overlaps runs, and a call during a run makes exactly one more run after it', async () => {
    const log: string[] = [];
    let n = 0;
    const gates: Array<() => void> = [];
    const task = serialized(async () => {
      const i = ++n;
      log.push(`start ${i}`);
      await new Promise<void>((r) => gates.push(r));
      log.push(`end ${i}`);
    });
    const a = task();
    const b = task();
    const c = task();
    expect(b).toBe(c);
    gates.shift()!();
    await a;
    await new Promise((r) => setTimeout(r, 0));
    gates.shift()!();
    await b;
    expect(log).toEqual(['start 1', 'end 1', 'start 2', 'end 2']);
  });

  it('runs again after a failed run', async () => {
    let calls = 0;
    const task = serialized(async () => {
      calls++;
      if (calls === 1) throw new Error('first fails');
    });
    const first = task();
    const second = task();
    await expect(first).rejects.toThrow('first fails');
    await expect(second).resolves.toBeUndefined();
    expect(calls).toBe(2);
  });
});
