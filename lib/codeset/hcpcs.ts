import { CodesetError } from './errors';
import { splitLines } from './text';

/** Fields shared by procedure codes and modifiers in the annual file. */
interface HcpcsRecordBase {
  code: string;
  /** The long description, joined across its continuation records. */
  longDescription: string;
  /** The 28-character short description printed on claims. */
  shortDescription: string;
  /**
   * Medicare coverage: C carrier judgment, D special coverage instructions apply, I not payable by
   * Medicare, M non-covered by Medicare, S non-covered by Medicare statute.
   */
  coverageCode: string;
  /** Dates as yyyy-mm-dd; absent when the file leaves them blank. */
  addedDate?: string;
  actionEffectiveDate?: string;
  terminationDate?: string;
  /**
   * This year's action, as named in the release's Changes_by_ActionCode report: A add, C long
   * description change, D discontinued, N no change, P payment change, S short description change.
   * A discontinued code stays in the file with its termination date: check it before reporting.
   */
  actionCode: string;
}

/** A Level II procedure code (record identification 3 and its continuations 4). */
export interface HcpcsCode extends HcpcsRecordBase {
  /** Pricing indicator codes (up to four). */
  pricingIndicators: string[];
  multiplePricingIndicator: string;
  /** Coverage Issues Manual and Medicare Carriers Manual references. */
  cimReferences: string[];
  mcmReferences: string[];
  statute: string;
  labCertifications: string[];
  /** Codes the file cross-references (often the replacement of a discontinued code). */
  crossReferences: string[];
  ascPaymentGroup: string;
  ascGroupEffectiveDate?: string;
  /** Number of the note in the proc_notes file, without leading zeros. */
  processingNote: string;
  /** Berenson-Eggers type of service, e.g. "D1E". */
  betos: string;
  typesOfService: string[];
}

/** A Level II modifier (record identification 7 and its continuations 8). */
export type HcpcsModifier = HcpcsRecordBase;

export interface HcpcsRelease {
  codes: HcpcsCode[];
  modifiers: HcpcsModifier[];
}

/**
 * Record layout of the CMS alpha-numeric file (1-based inclusive positions, as in the CMS record
 * layout document; the annual README does not repeat it). Continuation records carry only the
 * first three fields and the next 80 characters of the long description.
 */
const FIELD = {
  code: [1, 5],
  sequence: [6, 10],
  recordId: [11, 11],
  longDescription: [12, 91],
  shortDescription: [92, 119],
  pricing: [120, 127],
  multiplePricing: [128, 128],
  cim: [129, 146],
  mcm: [147, 170],
  statute: [171, 180],
  labCert: [181, 204],
  crossRef: [205, 229],
  coverage: [230, 230],
  ascGroup: [231, 232],
  ascDate: [233, 240],
  processingNote: [253, 256],
  betos: [257, 259],
  typeOfService: [261, 265],
  addedDate: [269, 276],
  actionDate: [277, 284],
  terminationDate: [285, 292],
  actionCode: [293, 293],
} as const satisfies Record<string, readonly [number, number]>;

const RECORD_LENGTH = 320;
/** A first-line record must reach the action code; anything shorter was cut off. */
const MIN_FIRST_LINE = FIELD.actionCode[1];

const PROCEDURE_CODE = /^[A-Z]\d{4}$/;
/** Modifiers sit right-aligned in the five-character code field. */
const MODIFIER_FIELD = /^ {3}[A-Z0-9]{2}$/;
const RECORD_START = /^(?:[A-Z]\d{4}|   [A-Z0-9]{2})\d{5}[3478]/;

type RecordKind = 'procedure' | 'modifier';

interface OpenRecord {
  kind: RecordKind;
  fields: HcpcsCode;
  lastSequence: number;
  descriptionParts: string[];
}

/**
 * Parses the CMS HCPCS Level II annual alpha-numeric file (`HCPCYYYY_ANWEB*.txt`, fixed width,
 * 320-character records, Windows-1252 — decode it with `decodeText(bytes, file, 'windows-1252')`).
 * The free-text disclaimer at the top is skipped up to the first line shaped like a record; from
 * there on every line must be a record, so a garbled or truncated line is reported with its number.
 */
export function parseHcpcs(text: string, file: string): HcpcsRelease {
  const lines = splitLines(text);
  const start = lines.findIndex((line) => RECORD_START.test(line));
  if (start < 0) throw new CodesetError(file, 'contains no HCPCS records (not an HCPCS alpha-numeric annual file?)');

  const release: HcpcsRelease = { codes: [], modifiers: [] };
  const seen = new Set<string>();
  let open: OpenRecord | undefined;
  const close = () => {
    if (!open) return;
    open.fields.longDescription = open.descriptionParts.join('').replace(/\s+/g, ' ').trim();
    if (open.kind === 'procedure') release.codes.push(open.fields);
    else release.modifiers.push(modifierOf(open.fields));
    open = undefined;
  };

  for (let i = start; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') continue;
    const error = (problem: string) => new CodesetError(file, `line ${i + 1} ${problem}`);
    if (!RECORD_START.test(line)) throw error(`is not an HCPCS record: "${line.slice(0, 40).trimEnd()}"`);
    if (line.length > RECORD_LENGTH)
      throw error(`is ${line.length} characters long; HCPCS records have ${RECORD_LENGTH}`);
    const codeField = field(line, 'code');
    const recordId = field(line, 'recordId');
    const sequenceText = field(line, 'sequence');
    const kind = recordKind(codeField, recordId);
    if (!kind) throw error(`has record id ${recordId}, which does not fit code "${codeField}"`);
    const code = codeField.trim();
    const sequence = Number(sequenceText);

    if (recordId === '3' || recordId === '7') {
      close();
      if (line.length < MIN_FIRST_LINE)
        throw error(`is a truncated record for ${code} (${line.length} of ${RECORD_LENGTH} characters)`);
      if (seen.has(`${kind} ${code}`)) throw error(`repeats ${kind} ${code}`);
      seen.add(`${kind} ${code}`);
      const fields = readFirstLine(line.padEnd(RECORD_LENGTH), code, (problem) => {
        throw error(problem);
      });
      open = { kind, fields, lastSequence: sequence, descriptionParts: [field(line, 'longDescription')] };
      continue;
    }
    // A continuation only extends the long description of the record just before it.
    if (!open || open.kind !== kind || open.fields.code !== code)
      throw error(`continues ${code} but does not follow a first record of ${code}`);
    if (sequence <= open.lastSequence) throw error(`has sequence ${sequenceText} out of order for ${code}`);
    open.lastSequence = sequence;
    // Trailing blanks of a wrapped line may have been trimmed; the wrap always falls on a blank.
    open.descriptionParts.push(field(line, 'longDescription').padEnd(80));
  }
  close();
  return release;
}

function recordKind(codeField: string, recordId: string): RecordKind | undefined {
  if ((recordId === '3' || recordId === '4') && PROCEDURE_CODE.test(codeField)) return 'procedure';
  if ((recordId === '7' || recordId === '8') && MODIFIER_FIELD.test(codeField)) return 'modifier';
  return undefined;
}

function readFirstLine(line: string, code: string, fail: (problem: string) => never): HcpcsCode {
  const text = (name: keyof typeof FIELD) => field(line, name).trim();
  const date = (name: keyof typeof FIELD, label: string): string | undefined => {
    const raw = text(name);
    if (raw === '') return undefined;
    if (!/^\d{8}$/.test(raw)) return fail(`has ${label} "${raw}" for ${code} (expected yyyymmdd)`);
    return `${raw.slice(0, 4)}-${raw.slice(4, 6)}-${raw.slice(6)}`;
  };
  const shortDescription = text('shortDescription');
  if (!field(line, 'longDescription').trim() || !shortDescription) fail(`has no description for ${code}`);
  const record: HcpcsCode = {
    code,
    longDescription: '',
    shortDescription,
    coverageCode: text('coverage'),
    actionCode: text('actionCode'),
    pricingIndicators: chunks(field(line, 'pricing'), 2),
    multiplePricingIndicator: text('multiplePricing'),
    cimReferences: chunks(field(line, 'cim'), 6),
    mcmReferences: chunks(field(line, 'mcm'), 8),
    statute: text('statute'),
    labCertifications: chunks(field(line, 'labCert'), 3),
    crossReferences: chunks(field(line, 'crossRef'), 5),
    ascPaymentGroup: text('ascGroup'),
    processingNote: text('processingNote').replace(/^0+(?=\d)/, ''),
    betos: text('betos'),
    typesOfService: chunks(field(line, 'typeOfService'), 1),
  };
  const dates = {
    addedDate: date('addedDate', 'code-added date'),
    actionEffectiveDate: date('actionDate', 'action effective date'),
    terminationDate: date('terminationDate', 'termination date'),
    ascGroupEffectiveDate: date('ascDate', 'ASC group effective date'),
  };
  // Blank dates are left out, not stored as undefined, so packs stay small and JSON round-trips equal.
  for (const [key, value] of Object.entries(dates)) if (value) Object.assign(record, { [key]: value });
  return record;
}

/** Modifiers leave the pricing and coverage-manual fields blank; keep only what applies to them. */
function modifierOf(record: HcpcsCode): HcpcsModifier {
  const { code, longDescription, shortDescription, coverageCode, actionCode } = record;
  const modifier: HcpcsModifier = { code, longDescription, shortDescription, coverageCode, actionCode };
  if (record.addedDate) modifier.addedDate = record.addedDate;
  if (record.actionEffectiveDate) modifier.actionEffectiveDate = record.actionEffectiveDate;
  if (record.terminationDate) modifier.terminationDate = record.terminationDate;
  return modifier;
}

function field(line: string, name: keyof typeof FIELD): string {
  const [from, to] = FIELD[name];
  return line.slice(from - 1, to);
}

/** Splits a repeated fixed-width field ("occurs N times") into its non-blank values. */
function chunks(value: string, width: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < value.length; i += width) {
    const part = value.slice(i, i + width).trim();
    if (part) out.push(part);
  }
  return out;
}
