import { signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { getActiveReleases } from '../../../lib/db/releases';
import type { ReleaseRecord } from '../../../lib/db/schema';
import type { BackgroundMessages } from '../../../lib/messaging/protocol';
import { importStatusItem, searchIndexStatusItem, type ImportStatus, type SearchIndexStatus } from '../../../lib/storage/items';

/** State and actions of the code-set view; components only read signals and call actions. */
export function createCodeSetStore() {
  const releases = signal<ReleaseRecord[]>([]);
  const importStatus = signal<ImportStatus>({ phase: 'idle', updatedAt: '' });
  const searchIndexStatus = signal<SearchIndexStatus>({ phase: 'idle', updatedAt: '' });
  /** Whether the two statuses above have been read (until then they are placeholders). */
  const statusesKnown = signal(false);

  async function refreshReleases() {
    releases.value = await getActiveReleases();
  }

  async function retryImport() {
    const msg: { type: 'importEmbeddedPacks'; payload: BackgroundMessages['importEmbeddedPacks']['payload'] } = { type: 'importEmbeddedPacks', payload: {} };
    await browser.runtime.sendMessage(msg);
  }

  async function start() {
    const [imp, idx] = await Promise.all([importStatusItem.getValue(), searchIndexStatusItem.getValue()]);
    importStatus.value = imp;
    searchIndexStatus.value = idx;
    statusesKnown.value = true;
    importStatusItem.watch((status) => {
      importStatus.value = status;
      if (status.phase === 'done') void refreshReleases();
    });
    searchIndexStatusItem.watch((status) => {
      searchIndexStatus.value = status;
    });
    await refreshReleases();
  }

  return { releases, importStatus, searchIndexStatus, statusesKnown, retryImport, start };
}

export type CodeSetStore = ReturnType<typeof createCodeSetStore>;
