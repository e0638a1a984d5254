/**
 * The side panel's search worker: loads the prepared index from IndexedDB (or builds it) and
 * answers queries off the panel's main thread, so typing never waits for a search.
 */
import { engineFromData } from '../../lib/search/engine';
import { loadSearchIndex, rebuildUnreadableIndex } from '../../lib/search-index/prepare';
import { quickCodeResults } from '../../lib/search-index/quick-codes';
import { startSearchWorkerHost, type SearchWorkerScope } from '../../lib/search-index/worker-host';

startSearchWorkerHost(self as unknown as SearchWorkerScope, {
  load: loadSearchIndex,
  rebuild: rebuildUnreadableIndex,
  createEngine: (data) => engineFromData(data),
  quickCodes: quickCodeResults,
  schedule: (task) => setTimeout(task, 0),
  now: () => performance.now(),
});
