import { PANEL_TABS, TAB_LABELS, tabForKey, type PanelTab } from '../../../lib/search-view/tabs';

interface Props {
  current: PanelTab;
  /** Small counts shown beside a tab's name (worklist length, mentions found). */
  counts: Partial<Record<PanelTab, number>>;
  onSelect: (tab: PanelTab) => void;
}

export const tabId = (tab: PanelTab) => `cl-tab-${tab}`;
export const tabPanelId = (tab: PanelTab) => `cl-tabpanel-${tab}`;

/** The panel's views as an ARIA tab list: arrows move between tabs (roving tabindex). */
export function PanelTabs({ current, counts, onSelect }: Props) {
  return (
    <div
      class="cl-tabs"
      role="tablist"
      aria-label="Coder Lens views"
      onKeyDown={(e) => {
        const next = tabForKey(current, e.key);
        if (!next) return;
        e.preventDefault();
        onSelect(next);
        document.getElementById(tabId(next))?.focus();
      }}
    >
      {PANEL_TABS.map((tab) => {
        const count = counts[tab];
        return (
          <button
            key={tab}
            id={tabId(tab)}
            type="button"
            role="tab"
            class="cl-tab"
            aria-selected={tab === current}
            aria-controls={tabPanelId(tab)}
            tabIndex={tab === current ? 0 : -1}
            onClick={() => onSelect(tab)}
          >
            {TAB_LABELS[tab]}
            {count ? <span class="cl-tab-count"> {count}</span> : null}
          </button>
        );
      })}
    </div>
  );
}
