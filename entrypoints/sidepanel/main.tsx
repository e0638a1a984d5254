import { render } from 'preact';
import { App } from './App';
import { getReleasePack } from '../../lib/db/releases';
import { createPackCache } from '../../lib/detail/detail-view';
import { settingsItem } from '../../lib/storage/items';
import { worklistStateItem } from '../../lib/worklist/store';
import { createCodeSetStore } from './state/code-set-store';
import { createDetailStore } from './state/detail-store';
import { createPanelStore } from './state/panel-store';
import { createSearchStore, type SearchWorkerPort } from './state/search-store';
import { createTablesStore } from './state/tables-store';
import { createWorklistStore } from './state/worklist-store';
import './style.css';

const codeSets = createCodeSetStore();
const search = createSearchStore({
  // Vite bundles the worker as its own file of the extension (allowed by the extension's
  // `script-src 'self'` policy); written this way so the bundler sees it.
  createWorker: () => new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' }) as SearchWorkerPort,
  statusesKnown: codeSets.statusesKnown,
  importStatus: codeSets.importStatus,
  indexStatus: codeSets.searchIndexStatus,
});
// One pack cache for the detail and the tables: a release's pack is read from IndexedDB once.
const packs = createPackCache(getReleasePack);
const detail = createDetailStore({ releases: codeSets.releases, loadPack: getReleasePack, packs });
const tables = createTablesStore({ releases: codeSets.releases, loadPack: getReleasePack, packs });
const worklist = createWorklistStore({ storage: worklistStateItem });
const panel = createPanelStore({ writeClipboard: (text) => navigator.clipboard.writeText(text), settings: settingsItem });
// The worker's script loads while the panel renders and reads its statuses.
search.boot();
render(<App panel={panel} codeSets={codeSets} search={search} detail={detail} tables={tables} worklist={worklist} />, document.getElementById('app')!);
search.start();
void codeSets.start();
void worklist.start();
void panel.start();
