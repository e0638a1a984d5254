import { useEffect, useRef } from 'preact/hooks';
import { searchStatusText } from '../../lib/search-view/availability';
import { recordResultsRendered } from '../../lib/search-view/latency';
import { toCodeRef } from '../../lib/worklist/code-list';
import type { PanelTab } from '../../lib/search-view/tabs';
import { CodeDetailView } from './components/CodeDetailView';
import { CodeSetStatus } from './components/CodeSetStatus';
import { ImportBanner } from './components/ImportBanner';
import { PageMentions } from './components/PageMentions';
import { PanelNotice } from './components/PanelNotice';
import { PanelTabs, tabId, tabPanelId } from './components/PanelTabs';
import { ReleaseChip } from './components/ReleaseChip';
import { SearchBox } from './components/SearchBox';
import { SearchResults } from './components/SearchResults';
import { Settings } from './components/Settings';
import { TablesView } from './components/TablesView';
import { WorklistPanel } from './components/WorklistPanel';
import type { CodeSetStore } from './state/code-set-store';
import type { DetailStore, DetailTarget } from './state/detail-store';
import type { PageStore } from './state/page-store';
import type { PanelStore } from './state/panel-store';
import type { SearchStore } from './state/search-store';
import type { TablesStore } from './state/tables-store';
import type { WorklistStore } from './state/worklist-store';

interface Props {
  panel: PanelStore;
  codeSets: CodeSetStore;
  search: SearchStore;
  detail: DetailStore;
  tables: TablesStore;
  worklist: WorklistStore;
  pageMentions: PageStore;
}

const SEARCH_INPUT_ID = 'cl-search-input';

/** Whether a key event comes from a field the user types in (keys there are text, not commands). */
function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  const tag = el.tagName;
  return tag === 'TEXTAREA' || tag === 'SELECT' || el.isContentEditable || (tag === 'INPUT' && !['radio', 'checkbox', 'button'].includes((el as HTMLInputElement).type));
}

export function App({ panel, codeSets, search, detail, tables, worklist, pageMentions }: Props) {
  const today = new Date().toISOString().slice(0, 10);
  const tab = panel.tab.value;
  const answer = search.answer.value;
  const worker = search.worker.value;
  const detailState = detail.state.value;
  const detailOpen = detailState.phase !== 'closed';
  const lists = worklist.state.value;

  const openCode = (target: DetailTarget) => void detail.open(target);
  const openResult = (index: number) => {
    const r = answer.results[index];
    if (!r) return;
    search.setActive(index);
    openCode({ system: r.system, code: r.code });
  };
  const selectTab = (next: PanelTab) => {
    if (next !== tab) detail.close();
    // The tables' first query prepares thousands of rows: start while the coder reaches for the keys.
    if (next === 'tables') void tables.warm();
    if (next === 'page') void pageMentions.refresh();
    panel.setTab(next);
  };
  /** Opens a code from any view: the detail shows over the search. */
  const openFromElsewhere = (target: DetailTarget) => {
    panel.setTab('search');
    openCode(target);
  };

  // Every opened code is a recent lookup.
  const shown = detailState.phase === 'ready' ? detailState.view.detail : undefined;
  const shownRef = shown && toCodeRef(shown);
  useEffect(() => {
    if (shownRef) void worklist.noteRecent(shownRef);
  }, [shown?.system, shown?.code]);

  // Back from a detail: the caret returns to the search box (the results were only hidden).
  const wasOpen = useRef(false);
  useEffect(() => {
    if (wasOpen.current && !detailOpen && tab === 'search') document.getElementById(SEARCH_INPUT_ID)?.focus();
    wasOpen.current = detailOpen;
  }, [detailOpen]);

  // "/" anywhere outside a text field goes back to the search box, as in most search UIs.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      e.preventDefault();
      detail.close();
      panel.setTab('search');
      requestAnimationFrame(() => document.getElementById(SEARCH_INPUT_ID)?.focus());
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const copyActiveResult = (): boolean => {
    const r = answer.results[search.active.value];
    const input = document.getElementById(SEARCH_INPUT_ID) as HTMLInputElement | null;
    // A selection in the box is the user's own copy; only an empty selection copies the code.
    if (!r || (input && input.selectionStart !== input.selectionEnd)) return false;
    void panel.copyCode(r, false);
    return true;
  };

  return (
    <main class="cl-app">
      <header class="cl-header">
        <h1>Coder Lens</h1>
        <ReleaseChip releases={codeSets.releases.value} today={today} onOpen={() => selectTab('codesets')} />
      </header>
      <PanelTabs current={tab} counts={{ worklist: lists.worklist.length, page: pageMentions.concepts.value.length }} onSelect={selectTab} />
      <ImportBanner status={codeSets.importStatus.value} onRetry={() => void codeSets.retryImport()} />

      <div class="cl-tabpanel" role="tabpanel" id={tabPanelId(tab)} aria-labelledby={tabId(tab)}>
        {detailOpen && (
          <CodeDetailView
            state={detailState}
            onOpen={(code) => openCode({ system: detailState.target.system, code })}
            onBack={detail.close}
            onCopy={(withTitle) => shown && void panel.copyCode(shown, withTitle)}
            onAddToWorklist={() =>
              shownRef &&
              void worklist.add(shownRef).then((r) => {
                // Not added (already there, or storage refused): the worklist store says why.
                if (r.changed) panel.show(`Added ${shown!.display} to the worklist`, 'ok');
              })
            }
            onToggleFavorite={() => shownRef && void worklist.toggleFavorite(shownRef)}
            isFavorite={shown ? worklist.isFavorite(shown.code, shown.system) : false}
            inWorklist={shown ? lists.worklist.some((e) => e.code === shown.code && e.system === shown.system) : false}
          />
        )}
        {tab === 'search' && (
          <section class="cl-search" aria-label="Code search" hidden={detailOpen}>
            <SearchBox
              query={search.query.value}
              systems={codeSets.releases.value.map((r) => r.system)}
              system={search.system.value}
              validOnly={search.validOnly.value}
              expanded={answer.results.length > 0}
              activeIndex={search.active.value}
              onQuery={search.setQuery}
              onKey={(key, mods) => {
                if (mods.ctrl && key.toLowerCase() === 'c') return copyActiveResult();
                if (mods.ctrl) return false;
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
        )}
        {tab === 'tables' && !detailOpen && (
          <TablesView
            kind={tables.kind.value}
            query={tables.query.value}
            answer={tables.answer.value}
            status={tables.status.value}
            onKind={tables.setKind}
            onQuery={tables.setQuery}
            onOpen={(code) => openFromElsewhere({ system: 'icd10cm', code })}
          />
        )}
        {tab === 'worklist' && !detailOpen && (
          <WorklistPanel
            state={lists}
            loaded={worklist.loaded.value}
            onOpen={(system, code) => openFromElsewhere({ system, code })}
            onMoveUp={(code, system) => void worklist.moveUp(code, system)}
            onMoveDown={(code, system) => void worklist.moveDown(code, system)}
            onRemove={(code, system) => void worklist.remove(code, system)}
            onClear={() => void worklist.clear()}
            onCopyAll={({ withTitles }) => {
              const n = lists.worklist.length;
              void panel.copyText(worklist.copyAllText({ withDots: panel.settings.value.copyWithDots, withTitles }), `${n} code${n === 1 ? '' : 's'}${withTitles ? ' with titles' : ''}`);
            }}
            onUnpin={(ref) => void worklist.toggleFavorite(ref)}
          />
        )}
        {tab === 'page' && !detailOpen && (
          <PageMentions
            concepts={pageMentions.concepts.value}
            scanned={(pageMentions.page.value?.updatedAt ?? 0) > 0}
            truncated={pageMentions.page.value?.truncated ?? false}
            site={pageMentions.site.value}
            message={pageMentions.message.value}
            onSearch={(text) => {
              panel.setTab('search');
              search.setQuery(text);
            }}
            onOpenCode={(system, code) => openFromElsewhere({ system, code })}
            onScrollTo={(id) => void pageMentions.scrollTo(id)}
            onScan={() => void pageMentions.scanNow()}
            onSiteEnabled={(on) => void pageMentions.setSiteEnabled(on)}
          />
        )}
        {tab === 'codesets' && !detailOpen && (
          <>
            <CodeSetStatus
              releases={codeSets.releases.value}
              installed={codeSets.installed.value}
              today={today}
              dateOfService={codeSets.dateOfService.value}
              switchError={codeSets.switchError.value}
              onDateOfService={(d) => void codeSets.setDateOfService(d)}
              onUseRelease={(id) => void codeSets.useRelease(id)}
            />
            <Settings settings={panel.settings.value} onCopyWithDots={(v) => void panel.setCopyWithDots(v)} />
          </>
        )}
      </div>
      <PanelNotice notice={panel.notice.value ?? (worklist.message.value ? { text: worklist.message.value, kind: 'error', seq: 0 } : null)} />
    </main>
  );
}
