import { useState } from 'preact/hooks';
import type { SeventhCharacterChoices } from '../../../lib/detail/seventh-character-choices';

interface Props {
  /** Undotted code on screen (a 7-character code's own result is "this code", not a link). */
  code: string;
  seventh: SeventhCharacterChoices;
  /** Opens a code of the same code system (undotted). */
  onOpen: (code: string) => void;
}

/**
 * Marks an area that handles its own letter keys: the detail view's single-key shortcuts stay off
 * there (typing "d" picks the 7th character D, it does not open a child).
 */
export const OWN_KEYS_SELECTOR = '[data-cl-own-keys]';

const HEADING_ID = 'cl-seventh-heading';

/**
 * Picks a 7th character for the code on screen and shows the full code it makes (placeholder X
 * filled in), whether that code may be reported and, when not, why. Arrow keys move between the
 * choices (native radios), a character key picks its choice, Enter opens the resulting code.
 */
export function SeventhCharacterBuilder({ code, seventh, onOpen }: Props) {
  const [picked, setPicked] = useState<string | undefined>(seventh.current);
  const choice = seventh.choices.find((c) => c.char === picked);
  const result = choice?.result;
  // A code the release has (even a header) can be opened; one it lacks would only show an error.
  const openable = result && result.title !== undefined && result.code !== code ? result.code : undefined;
  const name = `cl-seventh-${seventh.base}`;

  return (
    <section class="cl-seventh" aria-labelledby={HEADING_ID}>
      <h3 class="cl-detail-h3" id={HEADING_ID}>
        7th character
      </h3>
      <p class="cl-seventh-from">
        7th characters from {seventh.fromDisplay}
        {seventh.source === 'codes' && ' (read from the code titles: this code set has no Tabular List)'}
      </p>
      <div
        class="cl-seventh-choices"
        role="radiogroup"
        aria-labelledby={HEADING_ID}
        data-cl-own-keys
        onKeyDown={(e) => {
          if (e.ctrlKey || e.metaKey || e.altKey) return;
          if (e.key === 'Enter') {
            if (openable) {
              e.preventDefault();
              onOpen(openable);
            }
            return;
          }
          if (e.key.length !== 1) return;
          const match = seventh.choices.find((c) => c.char === e.key.toUpperCase());
          if (!match) return;
          e.preventDefault();
          setPicked(match.char);
          (e.currentTarget.querySelector(`input[value="${match.char}"]`) as HTMLInputElement | null)?.focus();
        }}
      >
        {seventh.choices.map((c) => (
          <label class="cl-seventh-choice" key={c.char}>
            <input type="radio" name={name} value={c.char} checked={picked === c.char} onChange={() => setPicked(c.char)} />
            <span class="cl-code-inline">{c.char}</span> <span>{c.label}</span>
          </label>
        ))}
      </div>
      <div class="cl-seventh-result" aria-live="polite">
        {!result ? (
          <p class="cl-muted">
            Pick a 7th character to build the full code from {seventh.baseDisplay}.
          </p>
        ) : (
          <>
            <p>
              <span class="cl-code-value">{result.display}</span>{' '}
              <span class={result.valid ? 'cl-seventh-status cl-seventh-valid' : 'cl-seventh-status cl-seventh-invalid'}>{result.valid ? 'Valid' : 'Not valid'}</span>
              {result.code === code && <span class="cl-muted-inline"> (this code)</span>}
            </p>
            {result.title && <p class="cl-seventh-title">{result.title}</p>}
            {result.reason && <p class="cl-seventh-reason">{result.reason}</p>}
            {openable && (
              <button type="button" class="cl-seventh-open" onClick={() => onOpen(openable)}>
                Open {result.display}
              </button>
            )}
          </>
        )}
      </div>
    </section>
  );
}
