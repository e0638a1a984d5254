import { signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { isIsoDate, releaseForDate, type CodeSystem } from '../../../lib/codeset/releases';
import { getActiveReleases, listReadyReleases } from '../../../lib/db/releases';
import type { ReleaseRecord } from '../../../lib/db/schema';
import type { BackgroundMessages } from '../../../lib/messaging/protocol';
import { dateOfServiceItem, importStatusItem, searchIndexStatusItem, type ImportStatus, type SearchIndexStatus } from '../../../lib/storage/items';

/** State and actions of the code-set view; components only read signals and call actions. */
export function createCodeSetStore() {
  /** The active release of each system: what search and detail use. */
  const releases = signal<ReleaseRecord[]>([]);
  /** Every installed (ready) release: the choices for a date of service. */
  const installed = signal<ReleaseRecord[]>([]);
  /** The encounter's date of service (yyyy-mm-dd), or '' when the coder has not set one. */
  const dateOfService = signal('');
  /** Outcome of the last release switch, in words (an error, or nothing). */
  const switchError = signal('');
  const importStatus = signal<ImportStatus>({ phase: 'idle', updatedAt: '' });
  const searchIndexStatus = signal<SearchIndexStatus>({ phase: 'idle', updatedAt: '' });
  /** Whether the two statuses above have been read (until then they are placeholders). */
  const statusesKnown = signal(false);

  async function refreshReleases() {
    [releases.value, installed.value] = await Promise.all([getActiveReleases(), listReadyReleases()]);
  }

  /** Asks the background (the only writer) to code with another installed release. */
  async function useRelease(releaseId: string): Promise<void> {
    const msg: { type: 'setActiveRelease'; payload: BackgroundMessages['setActiveRelease']['payload'] } = { type: 'setActiveRelease', payload: { releaseId } };
    const result = (await browser.runtime.sendMessage(msg)) as BackgroundMessages['setActiveRelease']['result'] | undefined;
    switchError.value = result?.ok ? '' : (result?.error ?? 'The release could not be switched.');
    await refreshReleases();
  }

  /**
   * Sets the date of service and switches each code system to the installed release in force on
   * that date (when one is). An empty date clears it and changes nothing.
   */
  async function setDateOfService(date: string): Promise<void> {
    if (date !== '' && !isIsoDate(date)) return;
    dateOfService.value = date;
    await dateOfServiceItem.setValue(date);
    if (!date) return;
    const systems = new Set<CodeSystem>(installed.peek().map((r) => r.system));
    for (const system of systems) {
      const found = releaseForDate(installed.peek().filter((r) => r.system === system), date);
      const active = releases.peek().find((r) => r.system === system);
      if (found.kind === 'inForce' && found.release.id !== active?.id) await useRelease(found.release.id);
    }
  }

  async function retryImport() {
    const msg: { type: 'importEmbeddedPacks'; payload: BackgroundMessages['importEmbeddedPacks']['payload'] } = { type: 'importEmbeddedPacks', payload: {} };
    await browser.runtime.sendMessage(msg);
  }

  async function start() {
    const [imp, idx, dos] = await Promise.all([importStatusItem.getValue(), searchIndexStatusItem.getValue(), dateOfServiceItem.getValue()]);
    dateOfService.value = isIsoDate(dos) ? dos : '';
    importStatus.value = imp;
    searchIndexStatus.value = idx;
    statusesKnown.value = true;
    importStatusItem.watch((status) => {
      importStatus.value = status;
      if (status.phase === 'done') void refreshReleases();
    });
    searchIndexStatusItem.watch((status) => {
      searchIndexStatus.value = status;
      // A new index follows a change of active release (here or in another panel).
      if (status.phase === 'building' || status.phase === 'ready') void refreshReleases();
    });
    await refreshReleases();
  }

  return { releases, installed, dateOfService, switchError, importStatus, searchIndexStatus, statusesKnown, retryImport, useRelease, setDateOfService, start };
}

export type CodeSetStore = ReturnType<typeof createCodeSetStore>;
