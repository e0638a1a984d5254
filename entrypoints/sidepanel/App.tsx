import { CodeLookup } from './components/CodeLookup';
import { CodeSetStatus } from './components/CodeSetStatus';
import { ImportBanner } from './components/ImportBanner';
import type { CodeSetStore } from './state/code-set-store';

interface Props {
  store: CodeSetStore;
}

export function App({ store }: Props) {
  const today = new Date().toISOString().slice(0, 10);
  return (
    <main class="cl-app">
      <header class="cl-header">
        <h1>Coder Lens</h1>
      </header>
      <CodeLookup lookup={store.lookup.value} hasData={store.releases.value.length > 0} onInput={(v) => void store.lookUp(v)} />
      <ImportBanner status={store.importStatus.value} onRetry={() => void store.retryImport()} />
      <CodeSetStatus releases={store.releases.value} today={today} />
    </main>
  );
}
