/**
 * The side panel's search worker: loads the prepared index from IndexedDB (or builds it) and
 * answers queries off the panel's main thread, so typing never waits for a search.
 */
import { defaultLexicon } from '../../lib/search/default-lexicon';
import { engineFromData } from '../../lib/search/engine';
import { defaultWordParts } from '../../lib/search/word-parts';
import { loadSearchIndex, rebuildUnreadableIndex } from '../../lib/search-index/prepare';
import { quickCodeResults } from '../../lib/search-index/quick-codes';
import { startSearchWorkerHost, type SearchWorkerScope } from '../../lib/search-index/worker-host';

// The lexicon and word parts do not depend on the index: prepare them while the panel starts and
// the index is read, so they are not part of the wait once it arrives.
setTimeout(() => {
  defaultLexicon();
  defaultWordParts();
}, 0);

startSearchWorkerHost(self as unknown as SearchWorkerScope, {
  load: loadSearchIndex,
  rebuild: rebuildUnreadableIndex,
  createEngine: (data) => engineFromData(data),
  quickCodes: quickCodeResults,
  schedule: (task) => setTimeout(task, 0),
  now: () => performance.now(),
});
