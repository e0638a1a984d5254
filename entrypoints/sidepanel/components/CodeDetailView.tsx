import { useEffect, useRef } from 'preact/hooks';
import { displayCode } from '../../../lib/codeset/code-format';
import { SYSTEM_LABELS } from '../../../lib/codeset/releases';
import type { CodeDetail, CodeLink } from '../../../lib/detail/code-detail';
import { detailKeyAction, detailKeyHint, navigationTarget, type DetailKeyAction } from '../../../lib/detail/detail-keys';
import { siblingNeighbours, siblingWindow } from '../../../lib/detail/siblings';
import type { DetailState } from '../state/detail-store';
import { OWN_KEYS_SELECTOR, SeventhCharacterBuilder } from './SeventhCharacterBuilder';
import { TableRows } from './TableRows';
import './detail.css';

interface Props {
  state: Exclude<DetailState, { phase: 'closed' }>;
  /** Opens another code of the same code system (undotted). */
  onOpen: (code: string) => void;
  onBack: () => void;
  /** Copies the code on screen (`c`, Ctrl/Cmd+C with nothing selected), with its title (`t`). */
  onCopy?: (withTitle: boolean) => void;
  /** Adds the code on screen to the worklist (`w`). */
  onAddToWorklist?: () => void;
  /** Adds the code on screen to the favorites or removes it (`f`). */
  onToggleFavorite?: () => void;
  isFavorite?: boolean;
  inWorklist?: boolean;
}

/** The handlers of the action bar and its keys (absent ones are neither shown nor bound). */
type Actions = Pick<Props, 'onCopy' | 'onAddToWorklist' | 'onToggleFavorite' | 'isFavorite' | 'inWorklist'>;

export const DETAIL_HEADING_ID = 'cl-detail-heading';

/**
 * One code as a coder verifies it (the Tabular view). Titles, notes and index text come from the
 * code data and are rendered as text nodes only, never as markup.
 */
export function CodeDetailView({ state, onOpen, onBack, ...actions }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  const code = state.phase === 'ready' ? state.view.detail.code : state.target.code;
  // Focus follows the code on screen, so a screen reader reads the new heading.
  useEffect(() => heading.current?.focus(), [code, state.phase]);

  /** Carries out a key's action; false when there is nothing to do here (no parent, no handler). */
  const run = (action: DetailKeyAction, detail: CodeDetail): boolean => {
    const call = (handler: (() => void) | undefined) => {
      handler?.();
      return handler !== undefined;
    };
    switch (action) {
      case 'copy':
      case 'copyWithTitle':
        return call(actions.onCopy && (() => actions.onCopy!(action === 'copyWithTitle')));
      case 'addToWorklist':
        return call(actions.onAddToWorklist);
      case 'toggleFavorite':
        return call(actions.onToggleFavorite);
      default: {
        const target = navigationTarget(detail, action);
        return call(target === undefined ? undefined : () => onOpen(target));
      }
    }
  };

  return (
    <section
      class="cl-detail"
      aria-labelledby={DETAIL_HEADING_ID}
      // Focusable so that a click on plain text keeps the keys working (focus stays in the view).
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onBack();
          return;
        }
        if (state.phase !== 'ready') return;
        const action = detailKeyAction({
          key: e.key,
          ctrlKey: e.ctrlKey,
          metaKey: e.metaKey,
          altKey: e.altKey,
          shiftKey: e.shiftKey,
          isComposing: e.isComposing,
          inTextField: isTypingTarget(e.target),
          hasSelection: (document.getSelection()?.toString() ?? '') !== '',
        });
        if (action && run(action, state.view.detail)) e.preventDefault();
      }}
    >
      <button type="button" class="cl-back" onClick={onBack}>
        ← Back to results
      </button>
      {state.phase === 'ready' ? (
        <Detail view={state.view} heading={heading} onOpen={onOpen} actions={actions} />
      ) : (
        <h2 id={DETAIL_HEADING_ID} ref={heading} tabIndex={-1} class={state.phase === 'error' ? 'cl-detail-heading cl-search-error' : 'cl-detail-heading cl-muted'}>
          {state.phase === 'error' ? state.message : `Opening ${displayCode(state.target.system, state.target.code)}…`}
        </h2>
      )}
    </section>
  );
}

/** Focus is where keys are typed: a text field, a select, editable text or an area with its own keys. */
function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.closest(OWN_KEYS_SELECTOR)) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(target.type);
}

function Detail({
  view,
  heading,
  onOpen,
  actions,
}: {
  view: Extract<DetailState, { phase: 'ready' }>['view'];
  heading: preact.Ref<HTMLHeadingElement>;
  onOpen: (code: string) => void;
  actions: Actions;
}) {
  const { detail, index, seventhCharacter } = view;
  const builder = seventhCharacter && <SeventhCharacterBuilder key={detail.code} code={detail.code} seventh={seventhCharacter} onOpen={onOpen} />;
  // Up front where picking the 7th character is the next step (S13.4); below the children where
  // it goes on more specific codes (S13) or would only switch this code's own character.
  const builderFirst = seventhCharacter?.completes === true && seventhCharacter.current === undefined;
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
      <ActionBar actions={actions} />
      <p class="cl-key-hint">{detailKeyHint({ copy: !!actions.onCopy, worklist: !!actions.onAddToWorklist, favorite: !!actions.onToggleFavorite })}</p>
      {detail.headerWarning && (
        <p class="cl-warning" role="note">
          Header: {detail.headerWarning}.
        </p>
      )}
      {builderFirst && builder}
      {detail.parent && <CodeList title="Parent" codes={[detail.parent]} onOpen={onOpen} />}
      {detail.siblings.length > 1 && <Siblings siblings={detail.siblings} code={detail.code} onOpen={onOpen} />}
      {detail.children.length > 0 && <CodeList title="Children" codes={detail.children} onOpen={onOpen} />}
      {!builderFirst && builder}
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
      {view.tables.rows.length > 0 && (
        <>
          <h3 class="cl-detail-h3">Table rows leading here</h3>
          <TableRows rows={view.tables.rows} onOpen={onOpen} />
          {view.tables.total > view.tables.rows.length && <p class="cl-muted">and {view.tables.total - view.tables.rows.length} more rows</p>}
        </>
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

function ActionBar({ actions }: { actions: Actions }) {
  const { onCopy, onAddToWorklist, onToggleFavorite, isFavorite = false, inWorklist = false } = actions;
  if (!onCopy && !onAddToWorklist && !onToggleFavorite) return null;
  return (
    <div class="cl-detail-actions" role="group" aria-label="Code actions">
      {onCopy && (
        <>
          <button type="button" class="cl-action" aria-keyshortcuts="c" onClick={() => onCopy(false)}>
            Copy code
          </button>
          <button type="button" class="cl-action" aria-keyshortcuts="t" onClick={() => onCopy(true)}>
            Copy with title
          </button>
        </>
      )}
      {onAddToWorklist && (
        <button type="button" class={inWorklist ? 'cl-action cl-action-on' : 'cl-action'} aria-keyshortcuts="w" onClick={onAddToWorklist}>
          {inWorklist ? '✓ In worklist' : 'Add to worklist'}
        </button>
      )}
      {onToggleFavorite && (
        <button type="button" class={isFavorite ? 'cl-action cl-action-on' : 'cl-action'} aria-pressed={isFavorite} aria-keyshortcuts="f" onClick={onToggleFavorite}>
          <span aria-hidden="true">{isFavorite ? '★' : '☆'}</span> Favorite
        </button>
      )}
    </div>
  );
}

/** The codes beside this one, as a compact strip around it, and the two that `[` and `]` open. */
function Siblings({ siblings, code, onOpen }: { siblings: CodeLink[]; code: string; onOpen: (code: string) => void }) {
  const { items, before, after } = siblingWindow(siblings, code);
  const { previous, next } = siblingNeighbours(siblings, code);
  return (
    <>
      <h3 class="cl-detail-h3">Siblings</h3>
      <ul class="cl-sibling-links">
        {before > 0 && <li class="cl-muted-inline">{before} before …</li>}
        {items.map((s) => (
          <li key={s.code}>
            {s.code === code ? (
              <span class="cl-code-inline cl-sibling-current" aria-current="true" title={s.title}>
                {s.display}
              </span>
            ) : (
              <button type="button" class="cl-link cl-code-inline" title={s.title} aria-label={`${s.display} ${s.title}`} onClick={() => onOpen(s.code)}>
                {s.display}
              </button>
            )}
          </li>
        ))}
        {after > 0 && <li class="cl-muted-inline">… {after} after</li>}
      </ul>
      {(previous || next) && (
        <ul class="cl-sibling-nav">
          {previous && <Neighbour label="Previous" keyName="[" link={previous} onOpen={onOpen} />}
          {next && <Neighbour label="Next" keyName="]" link={next} onOpen={onOpen} />}
        </ul>
      )}
    </>
  );
}

function Neighbour({ label, keyName, link, onOpen }: { label: string; keyName: string; link: CodeLink; onOpen: (code: string) => void }) {
  return (
    <li>
      <span class="cl-muted-inline">
        {label} <kbd>{keyName}</kbd>
      </span>{' '}
      <button type="button" class="cl-link" aria-keyshortcuts={keyName} onClick={() => onOpen(link.code)}>
        <span class="cl-code-inline">{link.display}</span>
      </button>{' '}
      {link.title}
      {!link.valid && <span class="cl-muted-inline"> (header)</span>}
    </li>
  );
}
