import type { PanelNotice as Notice } from '../state/panel-store';

/**
 * Confirmation of the last action ("Copied S13.4XXA"). The live region stays in the page so
 * screen readers announce each new message; the text changes, the region does not.
 */
export function PanelNotice({ notice }: { notice: Notice | null }) {
  return (
    <div class={notice ? `cl-notice cl-notice-${notice.kind}` : 'cl-notice'} role="status" aria-live="polite" data-testid="notice">
      {notice && <span key={notice.seq}>{notice.text}</span>}
    </div>
  );
}
