import { CodesetError } from './errors';

/**
 * Decodes an official release file. ICD-10 files are UTF-8 (mostly ASCII); the HCPCS annual file
 * is Windows-1252. Decoding is strict for UTF-8 so a file in the wrong encoding is reported
 * instead of silently producing mojibake titles.
 */
export function decodeText(bytes: Uint8Array, file: string, encoding: 'utf-8' | 'windows-1252' = 'utf-8'): string {
  if (bytes.length === 0) throw new CodesetError(file, 'the file is empty');
  if (looksBinary(bytes)) throw new CodesetError(file, 'the file is binary, not a text release file');
  if (encoding === 'windows-1252') return new TextDecoder('windows-1252').decode(bytes);
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    throw new CodesetError(file, 'the file is not valid UTF-8 text (wrong encoding or corrupt bytes)');
  }
}

/** NUL bytes never occur in the official text or XML files; zips, PDFs and Excel files have many. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

/** Splits text into lines, accepting CRLF and LF (some mirrors normalised the official CRLF). */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}
