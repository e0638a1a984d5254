import { CodesetError } from './errors';
import type { OrderEntry } from './order-file';
import { splitLines } from './text';

/** A code with the title it has on the side of the change where it exists. */
export interface ChangedCode {
  code: string;
  title: string;
}

/** A code valid in both releases whose long title changed. */
export interface RevisedCode {
  code: string;
  oldTitle: string;
  newTitle: string;
}

/** What changed for coders between two releases: only valid (reportable) codes count. */
export interface ReleaseChanges {
  /** Codes that became valid: new codes, and former headers that are now reportable. */
  added: ChangedCode[];
  /** Codes that ceased to be valid: removed, or expanded into a header with new children. */
  deleted: ChangedCode[];
  revised: RevisedCode[];
}

/** An order addenda lists header changes too; a table builder or tree view needs them. */
export interface OrderAddenda extends ReleaseChanges {
  headers: ReleaseChanges;
}

/**
 * Compares two order files. Validity, not presence, decides: B880 becoming a header with new
 * children B8801/B8809 is a deletion of B880 for a coder, exactly as the CMS addenda list it.
 * Results keep the order of the release each code comes from.
 */
export function diffReleases(oldEntries: readonly OrderEntry[], newEntries: readonly OrderEntry[]): ReleaseChanges {
  const validIn = (entries: readonly OrderEntry[]) => new Map(entries.filter((e) => e.valid).map((e) => [e.code, e]));
  const before = validIn(oldEntries);
  const after = validIn(newEntries);
  const changes: ReleaseChanges = { added: [], deleted: [], revised: [] };
  for (const entry of after.values()) {
    const previous = before.get(entry.code);
    if (!previous) changes.added.push({ code: entry.code, title: entry.longTitle });
    else if (previous.longTitle !== entry.longTitle)
      changes.revised.push({ code: entry.code, oldTitle: previous.longTitle, newTitle: entry.longTitle });
  }
  for (const entry of before.values())
    if (!after.has(entry.code)) changes.deleted.push({ code: entry.code, title: entry.longTitle });
  return changes;
}

type Action = 'Add' | 'Delete' | 'Revise from' | 'Revise to';

interface AddendaRecord {
  action: Action;
  valid: boolean;
  code: string;
  title: string;
  line: number;
}

/** "Add:", "Delete:", "Revise from:", "Revise to:" padded to 13 columns; the record follows. */
const ACTION_WIDTH = 13;
const ACTION = /^(Add|Delete|Revise from|Revise to):/;
const CODE = /^[A-Z0-9]{3,7}$/;
/** A left-justified code in a 7-column field plus the blank after it. */
const CODE_FIELD = /^\S{1,7} +$/;

/**
 * Parses the ICD-10-CM codes addenda (`icd10cm_codes_addenda_YYYY.txt`): columns 1-13 the action,
 * 14-20 the code, 22+ its title. The file lists valid codes only. Its closing summary ("487
 * additions") is required and checked against the records, which catches a file cut short.
 */
export function parseCmCodesAddenda(text: string, file: string): ReleaseChanges {
  return parseAddenda(text, file, (line, fail) => {
    if (!CODE_FIELD.test(line.slice(13, 21))) fail('does not have the codes-addenda layout (code in columns 14-20)');
    return { valid: true, code: line.slice(13, 20).trim(), title: line.slice(21).trim() };
  }).codes;
}

/**
 * Parses an order addenda: ICD-10-CM `icd10cm_order_addenda_YYYY.txt` (column 14 the valid flag,
 * 16-22 the code, 24-83 short title, 85+ long title) or ICD-10-PCS `order_addenda_YYYY.txt`
 * (no flag: 14-20 the code, 22-81 short, 83+ long; 7-character codes are the valid ones, the
 * 3-character ones are table headers). Revisions are reported when the long title changed, the
 * same rule as `diffReleases`, so the result equals a diff of the two order files.
 */
export function parseOrderAddenda(text: string, file: string): OrderAddenda {
  let flagged: boolean | undefined;
  const result = parseAddenda(text, file, (line, fail) => {
    // The CM layout starts with "0 " or "1 "; a PCS code is never one character followed by a blank.
    flagged ??= /^[01] /.test(line.slice(ACTION_WIDTH));
    const codeAt = flagged ? 15 : 13;
    const longAt = codeAt + 7 + 1 + 60 + 1;
    if (!CODE_FIELD.test(line.slice(codeAt, codeAt + 8)) || line.charAt(longAt - 1) !== ' ')
      fail('does not have the order-addenda layout (code, 60-character short title, long title)');
    const code = line.slice(codeAt, codeAt + 7).trim();
    const flag = line.charAt(ACTION_WIDTH);
    if (flagged && flag !== '0' && flag !== '1') fail(`has valid flag "${flag}" (expected 0 or 1)`);
    const valid = flagged ? flag === '1' : code.length === 7;
    return { valid, code, title: line.slice(longAt).trim() || line.slice(codeAt + 8, longAt).trim() };
  });
  return { ...result.codes, headers: result.headers };
}

type ReadRecord = (line: string, fail: (problem: string) => never) => Omit<AddendaRecord, 'action' | 'line'>;

function parseAddenda(
  text: string,
  file: string,
  read: ReadRecord,
): { codes: ReleaseChanges; headers: ReleaseChanges } {
  const lines = splitLines(text);
  const records: AddendaRecord[] = [];
  const summary = new Map<string, number>();
  let section = 'Codes';
  lines.forEach((line, i) => {
    const fail = (problem: string): never => {
      throw new CodesetError(file, `line ${i + 1} ${problem}`);
    };
    const action = ACTION.exec(line)?.[1] as Action | undefined;
    if (action) {
      if (line.slice(0, ACTION_WIDTH).trimEnd() !== `${action}:`)
        fail(`has "${action}:" not padded to ${ACTION_WIDTH} columns`);
      const record = { action, line: i + 1, ...read(line, fail) };
      if (!CODE.test(record.code)) fail(`has an invalid code "${record.code}"`);
      if (!record.title) fail(`has no title for ${record.code}`);
      records.push(record);
      return;
    }
    const trimmed = line.trim();
    const count = /^(\d+) (additions|deletions|revisions)$/.exec(trimmed);
    if (trimmed === 'Codes' || trimmed === 'Headers') section = trimmed;
    else if (count) summary.set(`${section} ${count[2]}`, Number(count[1]));
    // The rest of the summary (totals per order file, the "of which" breakdown) restates the counts.
    else if (trimmed && !/^(\d+ (codes|headers) in \S+|of which|\d+ revisions to .+)$/.test(trimmed))
      fail(`is not an addenda record: "${trimmed.slice(0, 40)}"`);
  });
  if (records.length === 0)
    throw new CodesetError(file, 'contains no Add/Delete/Revise records (not an addenda file?)');
  const codes = collect(records.filter((r) => r.valid), file, summary, 'Codes');
  const headers = collect(records.filter((r) => !r.valid), file, summary, 'Headers');
  return { codes, headers };
}

function collect(
  records: AddendaRecord[],
  file: string,
  summary: Map<string, number>,
  section: 'Codes' | 'Headers',
): ReleaseChanges {
  const changes: ReleaseChanges = { added: [], deleted: [], revised: [] };
  let revisions = 0;
  for (let i = 0; i < records.length; i++) {
    const record = records[i];
    if (record.action === 'Add') changes.added.push({ code: record.code, title: record.title });
    else if (record.action === 'Delete') changes.deleted.push({ code: record.code, title: record.title });
    else {
      // A revision is a "Revise from:" immediately followed by the "Revise to:" of the same code.
      const to = records[i + 1];
      if (record.action !== 'Revise from' || to?.action !== 'Revise to' || to.code !== record.code)
        throw new CodesetError(
          file,
          `line ${record.line} has "${record.action}: ${record.code}" without its matching pair`,
        );
      revisions++;
      if (to.title !== record.title)
        changes.revised.push({ code: record.code, oldTitle: record.title, newTitle: to.title });
      i++;
    }
  }
  const actual = { additions: changes.added.length, deletions: changes.deleted.length, revisions };
  for (const [kind, n] of Object.entries(actual)) {
    const declared = summary.get(`${section} ${kind}`);
    // Every official addenda ends with a "Codes" summary; without it the file was cut short.
    if (declared === undefined && section === 'Codes')
      throw new CodesetError(file, `has no closing "Codes" summary with the number of ${kind} (truncated?)`);
    if (declared !== undefined && declared !== n)
      throw new CodesetError(
        file,
        `its summary declares ${declared} ${section.toLowerCase()} ${kind} but the file lists ${n} (truncated or edited?)`,
      );
  }
  return changes;
}
