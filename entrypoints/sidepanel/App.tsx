import { recordResultsRendered } from '../../lib/search-view/latency';
import { searchStatusText } from '../../lib/search-view/availability';
import { CodeSetStatus } from './components/CodeSetStatus';
import { ImportBanner } from './components/ImportBanner';
import { SearchBox } from './components/SearchBox';
import { SearchResults } from './components/SearchResults';
import type { CodeSetStore } from './state/code-set-store';
import type { SearchStore } from './state/search-store';

interface Props {
  codeSets: CodeSetStore;
  search: SearchStore;
}

export function App({ codeSets, search }: Props) {
  const today = new Date().toISOString().slice(0, 10);
  const answer = search.answer.value;
  const worker = search.worker.value;
  return (
    <main class="cl-app">
      <header class="cl-header">
        <h1>Coder Lens</h1>
      </header>
      <section class="cl-search" aria-label="Code search">
        <SearchBox
          query={search.query.value}
          systems={codeSets.releases.value.map((r) => r.system)}
          system={search.system.value}
          validOnly={search.validOnly.value}
          expanded={answer.results.length > 0}
          activeIndex={search.active.value}
          onQuery={search.setQuery}
          onKey={search.moveActive}
          onSystem={search.setSystem}
          onValidOnly={search.setValidOnly}
        />
        <SearchResults
          answer={answer}
          activeIndex={search.active.value}
          statusText={searchStatusText(worker, codeSets.importStatus.value)}
          isError={worker.phase === 'error'}
          onSelect={search.setActive}
          onRendered={(a) => recordResultsRendered(performance, a.query, a.inputAt, a.results.length, a.searchMs)}
        />
      </section>
      <ImportBanner status={codeSets.importStatus.value} onRetry={() => void codeSets.retryImport()} />
      <CodeSetStatus releases={codeSets.releases.value} today={today} />
    </main>
  );
}
