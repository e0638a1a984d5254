import { useEffect, useRef } from 'preact/hooks';
import { displayCode } from '../../../lib/codeset/code-format';
import { SYSTEM_LABELS } from '../../../lib/codeset/releases';
import type { CodeLink } from '../../../lib/detail/code-detail';
import type { DetailState } from '../state/detail-store';

interface Props {
  state: Exclude<DetailState, { phase: 'closed' }>;
  /** Opens another code of the same code system (undotted). */
  onOpen: (code: string) => void;
  onBack: () => void;
}

export const DETAIL_HEADING_ID = 'cl-detail-heading';

/**
 * One code as a coder verifies it (the Tabular view). Titles, notes and index text come from the
 * code data and are rendered as text nodes only, never as markup.
 */
export function CodeDetailView({ state, onOpen, onBack }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  const code = state.phase === 'ready' ? state.view.detail.code : state.target.code;
  // Focus follows the code on screen, so a screen reader reads the new heading.
  useEffect(() => heading.current?.focus(), [code, state.phase]);

  return (
    <section
      class="cl-detail"
      aria-labelledby={DETAIL_HEADING_ID}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onBack();
        }
      }}
    >
      <button type="button" class="cl-back" onClick={onBack}>
        ← Back to results
      </button>
      {state.phase === 'ready' ? (
        <Detail view={state.view} heading={heading} onOpen={onOpen} />
      ) : (
        <h2 id={DETAIL_HEADING_ID} ref={heading} tabIndex={-1} class={state.phase === 'error' ? 'cl-detail-heading cl-search-error' : 'cl-detail-heading cl-muted'}>
          {state.phase === 'error' ? state.message : `Opening ${displayCode(state.target.system, state.target.code)}…`}
        </h2>
      )}
    </section>
  );
}

function Detail({ view, heading, onOpen }: { view: Extract<DetailState, { phase: 'ready' }>['view']; heading: preact.Ref<HTMLHeadingElement>; onOpen: (code: string) => void }) {
  const { detail, index } = view;
  return (
    <>
      <nav aria-label="Breadcrumb">
        <ol class="cl-breadcrumb">
          {detail.breadcrumb.map((b, i) => {
            const current = i === detail.breadcrumb.length - 1;
            const label = b.level === 'chapter' ? `Chapter ${b.code}` : b.code;
            return (
              <li key={`${b.level}:${b.code}`} title={b.title}>
                {b.target && !current ? (
                  <button type="button" class="cl-link" onClick={() => onOpen(b.target!)}>
                    {label}
                  </button>
                ) : (
                  <span aria-current={current ? 'page' : undefined}>{label}</span>
                )}
              </li>
            );
          })}
        </ol>
      </nav>
      <h2 id={DETAIL_HEADING_ID} ref={heading} tabIndex={-1} class="cl-detail-heading">
        <span class="cl-code-value">{detail.display}</span> <span class="cl-detail-title">{detail.title}</span>
      </h2>
      <p class="cl-detail-meta">
        <span class={detail.valid ? 'cl-badge cl-badge-valid' : 'cl-badge cl-badge-header'}>{detail.valid ? 'Valid' : 'Header'}</span>{' '}
        <span class="cl-muted-inline">
          {SYSTEM_LABELS[detail.system]} {detail.release}
        </span>
      </p>
      {detail.headerWarning && (
        <p class="cl-warning" role="note">
          Header: {detail.headerWarning}.
        </p>
      )}
      {detail.parent && <CodeList title="Parent" codes={[detail.parent]} onOpen={onOpen} />}
      {detail.children.length > 0 && <CodeList title="Children" codes={detail.children} onOpen={onOpen} />}
      <h3 class="cl-detail-h3">Notes</h3>
      {!detail.notesAvailable ? (
        <p class="cl-muted" data-testid="notes-unavailable">
          Instructional notes are not in this code set (it has no Tabular List); check the notes in the official Tabular List.
        </p>
      ) : detail.notes.length === 0 ? (
        <p class="cl-muted">No instructional notes apply to this code.</p>
      ) : (
        detail.notes.map((g) => (
          <div class="cl-note-group" key={g.kind}>
            <h4>{g.label}</h4>
            <ul>
              {g.notes.map((n, i) => (
                <li key={i}>
                  {n.text}
                  {n.inherited && <span class="cl-note-from"> (from {n.from.level === 'chapter' ? `chapter ${n.from.code}` : n.from.code})</span>}
                  {n.codes
                    .filter((c) => c.inCodeSet)
                    .map((c) => (
                      <button type="button" class="cl-link cl-note-code" key={c.text} onClick={() => onOpen(c.code)}>
                        {c.text}
                      </button>
                    ))}
                </li>
              ))}
            </ul>
          </div>
        ))
      )}
      {index.entries.length > 0 && (
        <>
          <h3 class="cl-detail-h3">Index entries</h3>
          <ul class="cl-index-entries">
            {index.entries.map((e, i) => (
              <li key={i}>
                {e.source === 'eindex' ? 'External Cause Index: ' : ''}
                {e.path.join(' › ')} <span class="cl-code-inline">{e.printed}</span>
                {e.manifestation ? ' (manifestation)' : ''}
              </li>
            ))}
          </ul>
          {index.total > index.entries.length && <p class="cl-muted">and {index.total - index.entries.length} more</p>}
        </>
      )}
    </>
  );
}

function CodeList({ title, codes, onOpen }: { title: string; codes: CodeLink[]; onOpen: (code: string) => void }) {
  return (
    <>
      <h3 class="cl-detail-h3">{title}</h3>
      <ul class="cl-code-links">
        {codes.map((c) => (
          <li key={c.code}>
            <button type="button" class="cl-link" onClick={() => onOpen(c.code)}>
              <span class="cl-code-inline">{c.display}</span>
            </button>{' '}
            {c.title}
            {!c.valid && <span class="cl-muted-inline"> (header)</span>}
          </li>
        ))}
      </ul>
    </>
  );
}
