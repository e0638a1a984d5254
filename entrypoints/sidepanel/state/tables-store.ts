import { effect, signal, type ReadonlySignal } from '@preact/signals';
import type { Pack } from '../../../lib/codeset/pack';
import { createPackCache, type PackCache } from '../../../lib/detail/detail-view';
import { findTableRows, packTable, prepareTables, type TableKind, type TableRowsAnswer } from '../../../lib/detail/table-rows';
import type { DetailRelease } from './detail-store';

const TABLE_NAMES: Record<TableKind, string> = { drug: 'Table of Drugs and Chemicals', neoplasm: 'Neoplasm table' };

/**
 * State and actions of the Tables tab (Drug and Neoplasm tables of the installed ICD-10-CM
 * release). The pack comes from `packs` when given, so the detail view and the tables read it from
 * IndexedDB once; while it loads, only the newest query is answered.
 */
export function createTablesStore<R extends DetailRelease>(deps: {
  releases: ReadonlySignal<R[]>;
  loadPack: (release: R) => Promise<Pack>;
  packs?: PackCache<R>;
}) {
  const packs = deps.packs ?? createPackCache(deps.loadPack);
  const kind = signal<TableKind>('drug');
  const query = signal('');
  const answer = signal<TableRowsAnswer | null>(null);
  /** What the panel says instead of a count: loading, no code set, no such table, a failed read. */
  const status = signal<string | undefined>(undefined);
  let asked = 0;
  /** Releases whose pack has been read: no "opening" flash on every keystroke after the first. */
  const opened = new Set<string>();

  async function run(): Promise<void> {
    const ticket = ++asked;
    const text = query.peek();
    const table = kind.peek();
    const release = deps.releases.peek().find((r) => r.system === 'icd10cm');
    let next: { answer: TableRowsAnswer | null; status?: string };
    if (!text.trim()) next = { answer: null };
    else if (!release) next = { answer: null, status: 'The tables come with ICD-10-CM, which is not installed.' };
    else {
      if (!opened.has(release.id)) status.value = 'Opening the tables…';
      try {
        const pack = await packs.get(release);
        opened.add(release.id);
        next = packTable(pack, table)
          ? { answer: findTableRows(pack, table, text) }
          : { answer: null, status: `This ICD-10-CM release has no ${TABLE_NAMES[table]}.` };
      } catch (err) {
        next = { answer: null, status: `The tables could not be read: ${err instanceof Error ? err.message : String(err)}` };
      }
    }
    if (ticket !== asked) return;
    answer.value = next.answer;
    status.value = next.status;
  }

  // A release installed or switched while a query is on screen: answer it from the new pack.
  let releaseId: string | undefined;
  effect(() => {
    const id = deps.releases.value.find((r) => r.system === 'icd10cm')?.id;
    if (id === releaseId) return;
    releaseId = id;
    if (query.peek().trim()) void run();
  });

  return {
    kind,
    query,
    answer,
    status,
    setKind(value: TableKind): Promise<void> {
      kind.value = value;
      return run();
    },
    setQuery(value: string): Promise<void> {
      query.value = value;
      return run();
    },
    /**
     * Reads the pack and prepares the tables ahead of the first keystroke (call it when the tab
     * opens). A failed read is not reported here: the next query tries again and says so.
     */
    async warm(): Promise<void> {
      const release = deps.releases.peek().find((r) => r.system === 'icd10cm');
      if (!release) return;
      try {
        const pack = await packs.get(release);
        opened.add(release.id);
        prepareTables(pack);
      } catch {
        // Reported by the next query, which reads the pack again (a failed read is not cached).
      }
    },
  };
}

export type TablesStore = ReturnType<typeof createTablesStore>;
