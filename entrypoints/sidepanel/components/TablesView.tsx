import type { TableKind, TableRowsAnswer } from '../../../lib/detail/table-rows';
import { TableRows } from './TableRows';

interface Props {
  kind: TableKind;
  query: string;
  answer: TableRowsAnswer | null;
  /** Said instead of the row count: loading, no code set, a failed read. */
  status?: string;
  onKind: (kind: TableKind) => void;
  onQuery: (query: string) => void;
  /** Opens a code's detail (undotted ICD-10-CM code). */
  onOpen: (code: string) => void;
}

const KINDS: Array<{ kind: TableKind; label: string; placeholder: string; noun: string }> = [
  { kind: 'drug', label: 'Drug', placeholder: 'Drug or chemical: acetaminophen', noun: 'Drug table' },
  { kind: 'neoplasm', label: 'Neoplasm', placeholder: 'Site: lung upper lobe', noun: 'Neoplasm table' },
];

/** The Tables tab: look a drug or a neoplasm site up and read its whole row. */
export function TablesView({ kind, query, answer, status, onKind, onQuery, onOpen }: Props) {
  const current = KINDS.find((k) => k.kind === kind) ?? KINDS[0];
  const rows = answer?.rows ?? [];
  return (
    <section class="cl-tables" aria-label="Drug and Neoplasm tables">
      <div>
        <label class="cl-label" for="cl-tables-input">
          Search the Drug or Neoplasm table
        </label>
        <input
          id="cl-tables-input"
          class="cl-input"
          type="search"
          autoComplete="off"
          spellcheck={false}
          placeholder={current.placeholder}
          value={query}
          onInput={(e) => onQuery(e.currentTarget.value)}
        />
        <div class="cl-search-filters">
          <div class="cl-segmented" role="radiogroup" aria-label="Table">
            {KINDS.map((k) => (
              <label class="cl-segment" key={k.kind}>
                <input type="radio" name="cl-table-kind" value={k.kind} checked={kind === k.kind} onChange={() => onKind(k.kind)} />
                <span>{k.label}</span>
              </label>
            ))}
          </div>
        </div>
      </div>
      <p class="cl-search-status" role="status">
        {status ?? countText(answer, query, current.noun)}
      </p>
      {rows.some((r) => r.cells.some((c) => c.incomplete && c.inCodeSet)) && (
        <p class="cl-tables-legend">Codes with a dotted underline need more characters (after a dash, or a 7th character): open one to choose the complete code.</p>
      )}
      <div class="cl-tables-scroll">
        <TableRows rows={rows} onOpen={onOpen} onSee={onQuery} />
      </div>
    </section>
  );
}

function countText(answer: TableRowsAnswer | null, query: string, noun: string): string {
  if (!answer || !query.trim()) return `Type a word to find its rows in the ${noun}.`;
  if (answer.total === 0) return `No row of the ${noun} has every word of “${query.trim()}”.`;
  if (answer.total > answer.rows.length) return `${answer.rows.length} of ${answer.total} rows; add a word to narrow them.`;
  return answer.total === 1 ? '1 row' : `${answer.total} rows`;
}
