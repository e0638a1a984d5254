import { render } from 'preact';
import { App } from './App';
import { getReleasePack } from '../../lib/db/releases';
import { createCodeSetStore } from './state/code-set-store';
import { createDetailStore } from './state/detail-store';
import { createSearchStore, type SearchWorkerPort } from './state/search-store';
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
const detail = createDetailStore({ releases: codeSets.releases, loadPack: getReleasePack });
// The worker's script loads while the panel renders and reads its statuses.
search.boot();
render(<App codeSets={codeSets} search={search} detail={detail} />, document.getElementById('app')!);
search.start();
void codeSets.start();
