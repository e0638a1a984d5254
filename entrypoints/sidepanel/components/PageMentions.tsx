import { MARK_LABELS } from '../../../lib/detect/page-marks';
import type { SiteStatus } from '../../../lib/detect/page-sites';
import type { FoundConcept } from '../../../lib/search-view/page-mentions-view';

interface Props {
  concepts: FoundConcept[];
  /** The tab's page has been scanned (even when nothing was found). */
  scanned: boolean;
  truncated: boolean;
  site: { site: string | null; status?: SiteStatus } | null;
  message: string;
  /** Searches the words in the panel. */
  onSearch: (text: string) => void;
  /** Opens a suggested code's detail. */
  onOpenCode: (system: FoundConcept['codes'][number]['system'], code: string) => void;
  onScrollTo: (mentionId: string) => void;
  onScan: () => void;
  onSiteEnabled: (enabled: boolean) => void;
}

const STATUS_WORDS = { valid: 'valid code', header: 'header — not reportable', unknown: 'not in this code set' } as const;

/**
 * "Found on this page": what the content script found on the active tab, grouped by concept,
 * current findings first. Page text is hostile input: every piece of it is a text node.
 */
export function PageMentions({ concepts, scanned, truncated, site, message, onSearch, onOpenCode, onScrollTo, onScan, onSiteEnabled }: Props) {
  const status = site?.status;
  return (
    <section class="cl-page" aria-labelledby="cl-page-title">
      <h2 id="cl-page-title" class="cl-page-h2">
        Found on this page
      </h2>
      <div class="cl-page-controls">
        <button type="button" class="cl-wl-button" onClick={onScan} disabled={!site?.site}>
          Scan this page
        </button>
        {site?.site && status && (
          <label class="cl-check">
            <input type="checkbox" checked={status.enabled} disabled={!status.canToggle} onChange={(e) => onSiteEnabled(e.currentTarget.checked)} />
            Scan {site.site} automatically{status.source === 'policy' ? ' (set by your organisation)' : ''}
          </label>
        )}
        {status?.enabled && !status.granted && (
          <button type="button" class="cl-wl-button" onClick={() => onSiteEnabled(true)}>
            Allow Coder Lens to read {site?.site}
          </button>
        )}
      </div>
      {!site?.site && <p class="cl-muted">This tab shows no web page Coder Lens can read (a browser page or an empty tab).</p>}
      {message && (
        <p class="cl-muted" role="status">
          {message}
        </p>
      )}
      {site?.site && !scanned && <p class="cl-muted">Nothing scanned on this page yet. Scanning reads the page on this computer only; nothing is sent anywhere.</p>}
      {scanned && concepts.length === 0 && <p class="cl-muted">No diagnoses, procedures or codes found on this page.</p>}
      {concepts.length > 0 && (
        <ul class="cl-page-list" aria-label="Mentions found on this page">
          {concepts.map((c) => (
            <li key={c.key} class={`cl-page-item cl-page-${c.mark}`} data-mark={c.mark}>
              <div class="cl-page-line">
                <button type="button" class="cl-link cl-page-term" onClick={() => onSearch(c.text)} title={`Search “${c.text}”`}>
                  {c.text}
                </button>
                {c.mark !== 'current' && <span class={`cl-badge cl-page-mark cl-page-mark-${c.mark}`}>{MARK_LABELS[c.mark]}</span>}
                {c.mentionIds.length > 1 && <span class="cl-muted-inline">×{c.mentionIds.length}</span>}
                <button type="button" class="cl-wl-button cl-wl-small cl-page-show" onClick={() => onScrollTo(c.mentionIds[0])} aria-label={`Show “${c.text}” on the page`}>
                  Show
                </button>
              </div>
              {c.concept.toLowerCase() !== c.text.toLowerCase() && <div class="cl-page-concept">{c.concept}</div>}
              {c.codeStatus && <div class="cl-page-concept">Code on the page: {STATUS_WORDS[c.codeStatus]}</div>}
              {c.because.length > 0 && <div class="cl-page-because">because of “{c.because.join('”, “')}”</div>}
              {c.inReadOnlyField && <div class="cl-page-because">in a read-only field</div>}
              {c.codes.length > 0 && (
                <div class="cl-page-codes">
                  {c.codes.slice(0, 3).map((code) => (
                    <button type="button" class="cl-link cl-code-inline" key={`${code.system}:${code.code}`} title={code.title} onClick={() => onOpenCode(code.system, code.code)}>
                      {code.display}
                    </button>
                  ))}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {truncated && <p class="cl-muted">Only the first mentions of this long page are listed.</p>}
    </section>
  );
}
