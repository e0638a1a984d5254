/** The panel's views, in tab order. */
export const PANEL_TABS = ['search', 'tables', 'worklist', 'page', 'codesets'] as const;
export type PanelTab = (typeof PANEL_TABS)[number];

export const TAB_LABELS: Record<PanelTab, string> = {
  search: 'Search',
  tables: 'Tables',
  worklist: 'Worklist',
  page: 'This page',
  codesets: 'Code sets',
};

/**
 * The tab a key moves to in the tab list (WAI-ARIA tabs pattern: arrows wrap, Home/End go to the
 * ends), or null when the key is not for the tab list.
 */
export function tabForKey(current: PanelTab, key: string): PanelTab | null {
  const at = PANEL_TABS.indexOf(current);
  const n = PANEL_TABS.length;
  switch (key) {
    case 'ArrowRight':
      return PANEL_TABS[(at + 1) % n];
    case 'ArrowLeft':
      return PANEL_TABS[(at - 1 + n) % n];
    case 'Home':
      return PANEL_TABS[0];
    case 'End':
      return PANEL_TABS[n - 1];
    default:
      return null;
  }
}
