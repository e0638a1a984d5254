import { CodesetError } from './errors';
import { splitLines } from './text';

/** One record of a CMS ICD-10-CM or ICD-10-PCS order file. */
export interface OrderEntry {
  order: number;
  /** Code as written in the file: no dot, upper case. */
  code: string;
  /** True for a valid (billable) code, false for a header. */
  valid: boolean;
  shortTitle: string;
  longTitle: string;
}

/**
 * Parses an order file (layout from CMS `icd10OrderFiles.pdf`, same for PCS): columns 1-5 order
 * number, 7-13 code, 15 valid flag (1 valid, 0 header), 17-76 short title, 78+ long title.
 * CRLF and LF both accepted. Every line is checked, so a truncated or foreign file is reported
 * with the line that does not fit.
 */
export function parseOrderFile(text: string, file: string, codePattern = /^[A-Z0-9]{3,7}$/): OrderEntry[] {
  const lines = splitLines(text);
  if (lines.length === 0) throw new CodesetError(file, 'the file has no records');
  // Every official order file ends its last record with a line break; a file cut off mid-record
  // would otherwise pass, because a shortened title still fits the layout.
  if (!text.endsWith('\n')) throw new CodesetError(file, `the file ends in the middle of line ${lines.length} (truncated?)`);
  const entries: OrderEntry[] = [];
  const seen = new Set<string>();
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const where = `line ${i + 1}`;
    const order = line.slice(0, 5);
    const code = line.slice(6, 13).trim();
    const flag = line.charAt(14);
    if (!/^\d{5}$/.test(order) || line.charAt(5) !== ' ' || line.charAt(13) !== ' ' || line.length < 17)
      throw new CodesetError(file, `${where} is not an order-file record (expected "NNNNN CODE    F short title")`);
    if (!codePattern.test(code)) throw new CodesetError(file, `${where} has an invalid code "${code}"`);
    if (flag !== '0' && flag !== '1') throw new CodesetError(file, `${where} has valid flag "${flag}" (expected 0 or 1)`);
    if (seen.has(code)) throw new CodesetError(file, `${where} repeats code ${code}`);
    seen.add(code);
    const shortTitle = line.slice(16, 76).trim();
    const longTitle = line.slice(77).trim();
    if (!shortTitle) throw new CodesetError(file, `${where} has no title for ${code}`);
    entries.push({ order: Number(order), code, valid: flag === '1', shortTitle, longTitle: longTitle || shortTitle });
  });
  return entries;
}

/** Formats a stored ICD-10-CM code with its dot after the third character (E1122 → E11.22). */
export function dottedCm(code: string): string {
  return code.length > 3 ? `${code.slice(0, 3)}.${code.slice(3)}` : code;
}

/** Strips the dot and upper-cases, the form codes are stored in. */
export function undotted(code: string): string {
  return code.replace('.', '').toUpperCase();
}
