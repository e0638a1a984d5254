import { signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { normalizeCodeInput } from '../../../lib/codeset/code-format';
import { getActiveReleases, getCode } from '../../../lib/db/releases';
import type { CodeRecord, ReleaseRecord } from '../../../lib/db/schema';
import type { BackgroundMessages } from '../../../lib/messaging/protocol';
import { importStatusItem, type ImportStatus } from '../../../lib/storage/items';

export interface LookupHit {
  release: ReleaseRecord;
  record: CodeRecord;
}

export interface LookupState {
  query: string;
  hits: LookupHit[];
}

/** State and actions of the code-set view; components only read signals and call actions. */
export function createCodeSetStore() {
  const releases = signal<ReleaseRecord[]>([]);
  const importStatus = signal<ImportStatus>({ phase: 'idle', updatedAt: '' });
  const lookup = signal<LookupState>({ query: '', hits: [] });
  let lookupSeq = 0;

  async function refreshReleases() {
    releases.value = await getActiveReleases();
  }

  async function lookUp(input: string) {
    const seq = ++lookupSeq;
    const code = normalizeCodeInput(input);
    if (!code) {
      lookup.value = { query: '', hits: [] };
      return;
    }
    const hits: LookupHit[] = [];
    for (const release of releases.value) {
      const record = await getCode(release.id, code);
      if (record) hits.push({ release, record });
    }
    // A later keystroke may have finished first: only the newest answer is shown.
    if (seq === lookupSeq) lookup.value = { query: code, hits };
  }

  async function retryImport() {
    const msg: { type: 'importEmbeddedPacks'; payload: BackgroundMessages['importEmbeddedPacks']['payload'] } = { type: 'importEmbeddedPacks', payload: {} };
    await browser.runtime.sendMessage(msg);
  }

  async function start() {
    importStatus.value = await importStatusItem.getValue();
    importStatusItem.watch((status) => {
      importStatus.value = status;
      if (status.phase === 'done') void refreshReleases();
    });
    await refreshReleases();
  }

  return { releases, importStatus, lookup, lookUp, retryImport, start };
}

export type CodeSetStore = ReturnType<typeof createCodeSetStore>;
