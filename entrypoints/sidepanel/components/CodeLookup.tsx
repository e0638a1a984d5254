import { displayCode } from '../../../lib/codeset/code-format';
import { SYSTEM_LABELS } from '../../../lib/codeset/releases';
import type { LookupState } from '../state/code-set-store';

interface Props {
  lookup: LookupState;
  hasData: boolean;
  onInput: (value: string) => void;
}

export function CodeLookup({ lookup, hasData, onInput }: Props) {
  return (
    <section class="cl-lookup" aria-label="Code lookup">
      <label class="cl-label" for="cl-code-input">
        Look up a code
      </label>
      <input
        id="cl-code-input"
        class="cl-input"
        type="search"
        autoComplete="off"
        spellcheck={false}
        placeholder="e.g. E11.22, S134XXA, 0DTJ4ZZ"
        autoFocus
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      <div class="cl-lookup-result" aria-live="polite" data-testid="lookup-result">
        {lookup.query && lookup.hits.length === 0 && (
          <p class="cl-muted">{hasData ? `No code ${lookup.query} in the installed code sets.` : 'The code set is still being imported.'}</p>
        )}
        {lookup.hits.map(({ release, record }) => (
          <article class="cl-code" key={release.id} data-testid="code-hit">
            <div class="cl-code-line">
              <span class="cl-code-value">{displayCode(release.system, record.code)}</span>
              <span class={record.valid ? 'cl-badge cl-badge-valid' : 'cl-badge cl-badge-header'}>
                {record.valid ? 'Valid' : 'Header — not valid for reporting'}
              </span>
              <span class="cl-badge cl-badge-system">{SYSTEM_LABELS[release.system]}</span>
            </div>
            <p class="cl-code-title">{record.title}</p>
          </article>
        ))}
      </div>
    </section>
  );
}
