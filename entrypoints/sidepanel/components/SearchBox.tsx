import type { CodeSystem } from '../../../lib/codeset/releases';
import { SYSTEM_LABELS } from '../../../lib/codeset/releases';
import { SEARCH_RESULTS_ID, searchOptionId } from '../../../lib/search-view/listbox';
import type { SystemFilter } from '../state/search-store';

interface Props {
  query: string;
  systems: CodeSystem[];
  system: SystemFilter;
  validOnly: boolean;
  expanded: boolean;
  activeIndex: number;
  onQuery: (value: string, inputAt: number) => void;
  /** A key press (`ctrl` is Ctrl or Cmd); returns true when it was handled. */
  onKey: (key: string, mods: { ctrl: boolean }) => boolean;
  onSystem: (value: SystemFilter) => void;
  onValidOnly: (value: boolean) => void;
}

/** The search input (an ARIA combobox over the results list) and its filters. */
export function SearchBox({ query, systems, system, validOnly, expanded, activeIndex, onQuery, onKey, onSystem, onValidOnly }: Props) {
  return (
    <div class="cl-search-box">
      <label class="cl-label" for="cl-search-input">
        Search codes
      </label>
      <input
        id="cl-search-input"
        class="cl-input"
        type="search"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={SEARCH_RESULTS_ID}
        aria-activedescendant={activeIndex >= 0 ? searchOptionId(activeIndex) : undefined}
        autoComplete="off"
        spellcheck={false}
        placeholder="Code or words: E11.22, htn, fracture femur neck"
        autoFocus
        value={query}
        onInput={(e) => onQuery(e.currentTarget.value, e.timeStamp)}
        onKeyDown={(e) => {
          if (onKey(e.key, { ctrl: e.ctrlKey || e.metaKey })) e.preventDefault();
        }}
      />
      <div class="cl-search-filters">
        <div class="cl-segmented" role="radiogroup" aria-label="Code system">
          {(['all', ...systems] as SystemFilter[]).map((value) => (
            <label class="cl-segment" key={value}>
              <input type="radio" name="cl-system" value={value} checked={system === value} onChange={() => onSystem(value)} />
              <span>{value === 'all' ? 'All' : SYSTEM_LABELS[value]}</span>
            </label>
          ))}
        </div>
        <label class="cl-check">
          <input type="checkbox" checked={validOnly} onChange={(e) => onValidOnly(e.currentTarget.checked)} />
          Valid codes only
        </label>
      </div>
    </div>
  );
}
