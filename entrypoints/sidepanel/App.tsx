import { recordResultsRendered } from '../../lib/search-view/latency';
import { searchStatusText } from '../../lib/search-view/availability';
import { useEffect, useRef } from 'preact/hooks';
import { CodeDetailView } from './components/CodeDetailView';
import { CodeSetStatus } from './components/CodeSetStatus';
import { ImportBanner } from './components/ImportBanner';
import { SearchBox } from './components/SearchBox';
import { SearchResults } from './components/SearchResults';
import type { CodeSetStore } from './state/code-set-store';
import type { DetailStore } from './state/detail-store';
import type { SearchStore } from './state/search-store';

interface Props {
  codeSets: CodeSetStore;
  search: SearchStore;
  detail: DetailStore;
}

export function App({ codeSets, search, detail }: Props) {
  const today = new Date().toISOString().slice(0, 10);
  const answer = search.answer.value;
  const worker = search.worker.value;
  const detailState = detail.state.value;
  const open = detailState.phase !== 'closed';
  const openResult = (index: number) => {
    const r = answer.results[index];
    if (!r) return;
    search.setActive(index);
    void detail.open({ system: r.system, code: r.code });
  };
  // Back from a detail: the caret returns to the search box (the results were only hidden).
  const wasOpen = useRef(false);
  useEffect(() => {
    if (wasOpen.current && !open) document.getElementById('cl-search-input')?.focus();
    wasOpen.current = open;
  }, [open]);
  return (
    <main class="cl-app">
      <header class="cl-header">
        <h1>Coder Lens</h1>
      </header>
      {detailState.phase !== 'closed' && (
        <CodeDetailView state={detailState} onOpen={(code) => void detail.open({ system: detailState.target.system, code })} onBack={detail.close} />
      )}
      <section class="cl-search" aria-label="Code search" hidden={open}>
        <SearchBox
          query={search.query.value}
          systems={codeSets.releases.value.map((r) => r.system)}
          system={search.system.value}
          validOnly={search.validOnly.value}
          expanded={answer.results.length > 0}
          activeIndex={search.active.value}
          onQuery={search.setQuery}
          onKey={(key) => {
            if (key !== 'Enter') return search.moveActive(key);
            if (search.active.value < 0) return false;
            openResult(search.active.value);
            return true;
          }}
          onSystem={search.setSystem}
          onValidOnly={search.setValidOnly}
        />
        <SearchResults
          answer={answer}
          activeIndex={search.active.value}
          statusText={searchStatusText(worker, codeSets.importStatus.value)}
          isError={worker.phase === 'error'}
          onSelect={openResult}
          onRendered={(a) => recordResultsRendered(performance, a.query, a.inputAt, a.results.length, a.searchMs)}
        />
      </section>
      {!open && <ImportBanner status={codeSets.importStatus.value} onRetry={() => void codeSets.retryImport()} />}
      {!open && <CodeSetStatus releases={codeSets.releases.value} today={today} />}
    </main>
  );
}
