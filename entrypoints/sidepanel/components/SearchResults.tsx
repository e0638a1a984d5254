import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { displayCode } from '../../../lib/codeset/code-format';
import { SYSTEM_LABELS } from '../../../lib/codeset/releases';
import { SEARCH_RESULTS_ID, searchOptionId } from '../../../lib/search-view/listbox';
import { whyText } from '../../../lib/search-view/why-text';
import type { SearchAnswer } from '../state/search-store';

interface Props {
  answer: SearchAnswer;
  activeIndex: number;
  /** "Preparing search…", an error, or nothing when search is ready. */
  statusText?: string;
  isError: boolean;
  onSelect: (index: number) => void;
  /** Called right after the DOM shows `answer` (for the keystroke-to-render measure). */
  onRendered: (answer: SearchAnswer) => void;
}

/**
 * The results listbox. Titles and index text come from the code data and are rendered as text
 * nodes only, never as markup.
 */
export function SearchResults({ answer, activeIndex, statusText, isError, onSelect, onRendered }: Props) {
  const list = useRef<HTMLUListElement>(null);
  // Layout effect: runs once the DOM holds these results, before the browser paints them.
  useLayoutEffect(() => onRendered(answer), [answer]);
  useEffect(() => {
    if (activeIndex >= 0) list.current?.querySelector(`#${searchOptionId(activeIndex)}`)?.scrollIntoView({ block: 'nearest' });
  }, [activeIndex]);

  const { query, results } = answer;
  const line = statusText ?? (!query.trim() ? 'Type a code or words to search.' : results.length === 0 ? `No results for “${query.trim()}”.` : results.length === 1 ? '1 result' : `${results.length} results`);
  return (
    <div class="cl-search-results">
      <p class={isError ? 'cl-search-status cl-search-error' : 'cl-search-status'} role={isError ? 'alert' : 'status'} data-testid="search-status">
        {line}
      </p>
      <ul ref={list} id={SEARCH_RESULTS_ID} class="cl-results" role="listbox" aria-label="Search results" data-query={query}>
        {results.map((r, i) => (
          <li
            id={searchOptionId(i)}
            key={`${r.system}:${r.code}`}
            class="cl-result"
            role="option"
            aria-selected={i === activeIndex}
            data-code={r.code}
            onMouseDown={(e) => e.preventDefault() /* keep focus in the search box */}
            onClick={() => onSelect(i)}
          >
            <div class="cl-result-line">
              <span class="cl-code-value">{displayCode(r.system, r.code)}</span>
              <span class={r.valid ? 'cl-badge cl-badge-valid' : 'cl-badge cl-badge-header'} title={r.valid ? 'Valid for reporting' : 'Header: not valid for reporting'}>
                {r.valid ? 'Valid' : 'Header'}
              </span>
              <span class="cl-result-system">{SYSTEM_LABELS[r.system]}</span>
            </div>
            <div class="cl-result-title">{r.title}</div>
            <WhyLine text={whyText(r.why[0])} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function WhyLine({ text }: { text: string }) {
  // Cut to one line on screen; the full text on hover.
  return text ? (
    <div class="cl-result-why" title={text}>
      {text}
    </div>
  ) : null;
}
