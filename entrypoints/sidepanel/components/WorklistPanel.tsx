import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { displayCode } from '../../../lib/codeset/code-format';
import { SYSTEM_LABELS, type CodeSystem } from '../../../lib/codeset/releases';
import type { CodeRef } from '../../../lib/worklist/code-list';
import type { WorklistState } from '../../../lib/worklist/state';
import type { Worklist, WorklistEntry } from '../../../lib/worklist/worklist';
import './worklist.css';

interface Props {
  state: WorklistState;
  /** False until the stored worklist has been read. */
  loaded: boolean;
  /** The latest notice for the coder (a refused add, a copy done, unreadable saved items). */
  message?: string;
  onDismissMessage?: () => void;
  /** Opens a code's detail. */
  onOpen: (system: CodeSystem, code: string) => void;
  onMoveUp: (code: string, system: CodeSystem) => void;
  onMoveDown: (code: string, system: CodeSystem) => void;
  onRemove: (code: string, system: CodeSystem) => void;
  /** Called only after the coder confirmed. */
  onClear: () => void;
  /** Copy the worklist in order, codes with dots; with titles as code-tab-title lines. */
  onCopyAll: (options: { withTitles: boolean }) => void;
  onUnpin: (ref: CodeRef) => void;
}

type Control = 'item' | 'open' | 'up' | 'down' | 'remove';

/** Where focus goes once the list shows the change the coder asked for. */
interface PendingFocus {
  key: string;
  control: Control;
  done: (list: Worklist) => boolean;
}

const keyOf = (e: { system: CodeSystem; code: string }) => `${e.system}:${e.code}`;
const HEADING_ID = 'cl-wl-heading';
const HINT_ID = 'cl-wl-hint';

/**
 * The encounter worklist, pinned favorites and recent lookups. Titles come from code data and
 * stored state and are rendered as text nodes only, never as markup.
 */
export function WorklistPanel(props: Props) {
  const { state, loaded, message, onDismissMessage, onOpen, onUnpin } = props;
  return (
    <div class="cl-wl">
      {/* Always present, so screen readers announce a message when it appears. */}
      <p class="cl-wl-message" role="status" hidden={!message}>
        <span>{message}</span>
        {message && onDismissMessage && (
          <button type="button" class="cl-wl-button cl-wl-small" onClick={onDismissMessage}>
            Dismiss
          </button>
        )}
      </p>
      {!loaded ? <p class="cl-muted">Loading the worklist…</p> : <WorklistSection {...props} list={state.worklist} />}
      {loaded && (
        <>
          <section class="cl-wl-section" aria-labelledby="cl-wl-favorites">
            <h2 id="cl-wl-favorites" class="cl-wl-h2">
              Favorites
            </h2>
            {state.favorites.length === 0 ? (
              <p class="cl-muted">Pin a code from its detail to keep it here.</p>
            ) : (
              <CodeButtons refs={state.favorites} onOpen={onOpen} onUnpin={onUnpin} />
            )}
          </section>
          <section class="cl-wl-section" aria-labelledby="cl-wl-recent">
            <h2 id="cl-wl-recent" class="cl-wl-h2">
              Recent
            </h2>
            {state.recent.length === 0 ? <p class="cl-muted">Codes you open appear here.</p> : <CodeButtons refs={state.recent} onOpen={onOpen} />}
          </section>
        </>
      )}
    </div>
  );
}

function WorklistSection({ list, onOpen, onMoveUp, onMoveDown, onRemove, onClear, onCopyAll }: Props & { list: Worklist }) {
  const [confirming, setConfirming] = useState(false);
  const root = useRef<HTMLElement>(null);
  const pending = useRef<PendingFocus | undefined>(undefined);

  // The store writes storage before the list changes, so focus is placed once the new list is
  // drawn; a keyed item moved in the DOM loses focus in Chromium.
  useLayoutEffect(() => {
    const p = pending.current;
    if (!p || !p.done(list)) return;
    pending.current = undefined;
    const item = root.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(p.key)}"]`);
    const control = p.control === 'item' ? null : item?.querySelector<HTMLButtonElement>(`[data-control="${p.control}"]`);
    const target = control && !control.disabled ? control : item ?? root.current?.querySelector<HTMLElement>(`#${HEADING_ID}`);
    target?.focus();
  }, [list]);
  // Nothing left to clear (another panel cleared it): leave the confirmation.
  useEffect(() => {
    if (list.length === 0) setConfirming(false);
  }, [list.length]);

  function move(entry: WorklistEntry, by: -1 | 1, control: Control) {
    const from = list.indexOf(entry);
    if (from + by < 0 || from + by >= list.length) return;
    const key = keyOf(entry);
    pending.current = { key, control, done: (l) => l.findIndex((e) => keyOf(e) === key) !== from };
    if (by < 0) onMoveUp(entry.code, entry.system);
    else onMoveDown(entry.code, entry.system);
  }

  function remove(entry: WorklistEntry) {
    const at = list.indexOf(entry);
    const key = keyOf(entry);
    const neighbour = list[at + 1] ?? list[at - 1];
    pending.current = { key: neighbour ? keyOf(neighbour) : '', control: 'item', done: (l) => !l.some((e) => keyOf(e) === key) };
    onRemove(entry.code, entry.system);
  }

  function onItemKey(e: KeyboardEvent, entry: WorklistEntry) {
    if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      e.preventDefault();
      move(entry, e.key === 'ArrowUp' ? -1 : 1, e.target === e.currentTarget ? 'item' : controlOf(e.target));
    } else if (e.key === 'Delete' && !e.altKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      remove(entry);
    }
  }

  const empty = list.length === 0;
  return (
    <section ref={root} class="cl-wl-section" aria-labelledby={HEADING_ID}>
      <h2 id={HEADING_ID} class="cl-wl-h2" tabIndex={-1}>
        Worklist (this encounter){empty ? '' : ` · ${list.length}`}
      </h2>
      {empty ? (
        <p class="cl-muted">No codes yet. Open a code and press W, or use its Add button. Codes stay here, in order, until you clear the worklist.</p>
      ) : (
        <>
          <p id={HINT_ID} class="cl-wl-hint">
            On a code: Alt+↑ or Alt+↓ moves it, Delete removes it.
          </p>
          <ol class="cl-wl-list">
            {list.map((entry, i) => {
              const shown = displayCode(entry.system, entry.code);
              return (
                <li
                  key={keyOf(entry)}
                  data-key={keyOf(entry)}
                  class="cl-wl-item"
                  tabIndex={0}
                  aria-describedby={HINT_ID}
                  aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown Delete"
                  onKeyDown={(e) => onItemKey(e, entry)}
                >
                  <div class="cl-wl-line">
                    <button type="button" class="cl-link cl-code-inline" data-control="open" title={SYSTEM_LABELS[entry.system]} onClick={() => onOpen(entry.system, entry.code)}>
                      {shown}
                    </button>
                    {entry.valid === false && (
                      <span class="cl-badge cl-badge-header" title="Header: not valid for reporting">
                        Header
                      </span>
                    )}
                    <span class="cl-wl-actions">
                      <button type="button" class="cl-wl-button cl-wl-small" data-control="up" aria-label={`Move ${shown} up`} title="Move up" disabled={i === 0} onClick={() => move(entry, -1, 'up')}>
                        ↑
                      </button>
                      <button type="button" class="cl-wl-button cl-wl-small" data-control="down" aria-label={`Move ${shown} down`} title="Move down" disabled={i === list.length - 1} onClick={() => move(entry, 1, 'down')}>
                        ↓
                      </button>
                      <button type="button" class="cl-wl-button cl-wl-small" data-control="remove" aria-label={`Remove ${shown}`} onClick={() => remove(entry)}>
                        Remove
                      </button>
                    </span>
                  </div>
                  <div class="cl-wl-title">{entry.title}</div>
                </li>
              );
            })}
          </ol>
        </>
      )}
      <div class="cl-wl-toolbar">
        <button type="button" class="cl-wl-button" disabled={empty} onClick={() => onCopyAll({ withTitles: false })}>
          Copy all
        </button>
        <button type="button" class="cl-wl-button" disabled={empty} onClick={() => onCopyAll({ withTitles: true })}>
          Copy with titles
        </button>
        {confirming ? (
          <ClearConfirmation
            count={list.length}
            onCancel={() => setConfirming(false)}
            onConfirm={() => {
              setConfirming(false);
              pending.current = { key: '', control: 'item', done: (l) => l.length === 0 };
              onClear();
            }}
          />
        ) : (
          <button type="button" class="cl-wl-button cl-wl-danger" disabled={empty} onClick={() => setConfirming(true)}>
            Clear worklist
          </button>
        )}
      </div>
    </section>
  );
}

/**
 * The second step of clearing. Cancel takes the place (and the focus) of the button just pressed,
 * so a double click or a repeated Enter cannot clear the list by accident.
 */
function ClearConfirmation({ count, onCancel, onConfirm }: { count: number; onCancel: () => void; onConfirm: () => void }) {
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  return (
    <span
      class="cl-wl-confirm"
      role="group"
      aria-label="Confirm clearing the worklist"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <button ref={cancel} type="button" class="cl-wl-button" onClick={onCancel}>
        Cancel
      </button>
      <span class="cl-wl-confirm-text">Remove all {count === 1 ? '1 code' : `${count} codes`}?</span>
      <button type="button" class="cl-wl-button cl-wl-danger" onClick={onConfirm}>
        Confirm clear
      </button>
    </span>
  );
}

function CodeButtons({ refs, onOpen, onUnpin }: { refs: readonly CodeRef[]; onOpen: Props['onOpen']; onUnpin?: Props['onUnpin'] }) {
  return (
    <ul class="cl-wl-codes">
      {refs.map((ref) => {
        const shown = displayCode(ref.system, ref.code);
        return (
          <li key={keyOf(ref)} class="cl-wl-code">
            <button type="button" class="cl-link cl-code-inline" title={SYSTEM_LABELS[ref.system]} onClick={() => onOpen(ref.system, ref.code)}>
              {shown}
            </button>
            <span class="cl-wl-code-title" title={ref.title}>
              {ref.title}
            </span>
            {onUnpin && (
              <button type="button" class="cl-wl-button cl-wl-small" aria-label={`Unpin ${shown}`} onClick={() => onUnpin(ref)}>
                Unpin
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function controlOf(target: EventTarget | null): Control {
  const control = target instanceof HTMLElement ? target.dataset.control : undefined;
  return control === 'open' || control === 'up' || control === 'down' || control === 'remove' ? control : 'item';
}
