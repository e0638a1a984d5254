import type { TableCell, TableRowView } from '../../../lib/detail/table-rows';
import './tables.css';

interface Props {
  rows: TableRowView[];
  /** Opens a code's detail (undotted code). */
  onOpen: (code: string) => void;
  /** Looks up a see / see also target in the same table (given when the view can do it). */
  onSee?: (query: string) => void;
}

/**
 * Headings short enough for six columns in a ~400 px panel at 125% zoom. The file's own heading
 * is the th's title and what a screen reader reads.
 */
const SHORT_LABELS: Record<string, string> = {
  accidental: 'Acci\u00addental',
  intentionalSelfHarm: 'Self-harm',
  assault: 'Assault',
  undetermined: 'Unde\u00adter\u00admined',
  adverseEffect: 'Adverse effect',
  underdosing: 'Under\u00addosing',
  malignantPrimary: 'Primary',
  malignantSecondary: 'Second\u00adary',
  caInSitu: 'In situ',
  benign: 'Benign',
  uncertainBehavior: 'Uncer\u00adtain',
  unspecifiedBehavior: 'Unspec\u00adified',
};

/** Leading columns printed under one heading: the four intents of a poisoning; malignant primary and secondary. */
const GROUPS: Array<{ heading: string; columns: string[] }> = [
  { heading: 'Poisoning', columns: ['accidental', 'intentionalSelfHarm', 'assault', 'undetermined'] },
  { heading: 'Malignant', columns: ['malignantPrimary', 'malignantSecondary'] },
];

/**
 * Rows of the Drug or Neoplasm table, each as a small table: the path as caption, the columns'
 * headings, one cell per column. Codes open their detail; all text is rendered as text nodes.
 */
export function TableRows({ rows, onOpen, onSee }: Props) {
  return (
    <div class="cl-table-rows">
      {rows.map((row) => {
        const path = row.path.join(' › ');
        return (
          <div class="cl-table-entry" key={`${row.kind}:${row.row}`}>
            {row.cells.some((c) => c.printed) ? (
              <table class="cl-table-row">
                <caption>{path}</caption>
                <Head cells={row.cells} />
                <tbody>
                  <tr>
                    {row.cells.map((cell) => (
                      <Cell key={cell.column} cell={cell} onOpen={onOpen} />
                    ))}
                  </tr>
                </tbody>
              </table>
            ) : (
              <p class="cl-table-path">{path}</p>
            )}
            {row.see && <SeeLine label="See" target={row.see} query={row.seeQuery} onSee={onSee} />}
            {row.seeAlso && <SeeLine label="See also" target={row.seeAlso} query={row.seeAlsoQuery} onSee={onSee} />}
            {!row.see && !row.seeAlso && row.cells.every((c) => !c.printed) && <p class="cl-table-note">No code on this line.</p>}
          </div>
        );
      })}
    </div>
  );
}

function Head({ cells }: { cells: TableCell[] }) {
  const group = GROUPS.find((g) => g.columns.every((column, i) => cells[i]?.column === column));
  if (!group)
    return (
      <thead>
        <tr>
          {cells.map((c) => (
            <Heading key={c.column} cell={c} />
          ))}
        </tr>
      </thead>
    );
  const n = group.columns.length;
  return (
    <>
      <colgroup span={n} />
      <colgroup span={cells.length - n} />
      <thead>
        <tr>
          <th scope="colgroup" colSpan={n}>
            {group.heading}
          </th>
          {cells.slice(n).map((c) => (
            <Heading key={c.column} cell={c} rowSpan={2} />
          ))}
        </tr>
        <tr>
          {cells.slice(0, n).map((c) => (
            <Heading key={c.column} cell={c} />
          ))}
        </tr>
      </thead>
    </>
  );
}

function Heading({ cell, rowSpan }: { cell: TableCell; rowSpan?: number }) {
  return (
    <th scope="col" rowSpan={rowSpan} title={cell.label}>
      <span aria-hidden="true">{SHORT_LABELS[cell.column] ?? cell.label}</span>
      <span class="cl-table-sr">{cell.label}</span>
    </th>
  );
}

function Cell({ cell, onOpen }: { cell: TableCell; onOpen: (code: string) => void }) {
  const here = cell.leadsHere ? ' cl-table-here' : '';
  if (!cell.printed)
    return (
      <td class={`cl-table-empty${here}`}>
        <span aria-hidden="true">—</span>
        <span class="cl-table-sr">no code</span>
      </td>
    );
  if (!cell.inCodeSet || !cell.code)
    return (
      <td class={`cl-table-missing${here}`} title={cell.display ? `${cell.printed} is not in this code set; the nearest code above it is ${cell.display}` : `${cell.printed} is not in this code set`}>
        <CodeText code={cell.printed} />
        <span class="cl-table-sr">, not in this code set</span>
      </td>
    );
  const code = cell.code;
  // A header or a dashed code is still the place to go: its detail lists the codes below it
  // and the 7th characters, where the coder completes it (Index → Tabular).
  const title = cell.incomplete
    ? `More characters are needed: open ${cell.display} to choose the complete code. ${cell.title ?? ''}`
    : `${cell.display} ${cell.title ?? ''}`;
  return (
    <td class={here.trim() || undefined}>
      <button type="button" class={cell.incomplete ? 'cl-link cl-table-code cl-table-incomplete' : 'cl-link cl-table-code'} title={title.trim()} onClick={() => onOpen(code)}>
        <CodeText code={cell.printed} />
        {cell.incomplete && <span class="cl-table-sr">, more characters needed</span>}
        {cell.leadsHere && <span class="cl-table-sr">, leads to this code</span>}
      </button>
    </td>
  );
}

/** A code that may break after its dot when the column is narrow ("T39." / "1X1"). */
function CodeText({ code }: { code: string }) {
  const dot = code.indexOf('.');
  if (dot < 0) return <>{code}</>;
  return (
    <>
      {code.slice(0, dot + 1)}
      <wbr />
      {code.slice(dot + 1)}
    </>
  );
}

function SeeLine({ label, target, query, onSee }: { label: string; target: string; query?: string; onSee?: (query: string) => void }) {
  return (
    <p class="cl-table-note">
      <em>{label}</em>{' '}
      {query && onSee ? (
        <button type="button" class="cl-link" onClick={() => onSee(query)}>
          {target}
        </button>
      ) : (
        target
      )}
    </p>
  );
}
