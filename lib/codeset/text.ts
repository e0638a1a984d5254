import { CodesetError } from './errors';

/**
 * Decodes an official release file. ICD-10 files are UTF-8 (mostly ASCII); the HCPCS annual file
 * is Windows-1252. Decoding is strict for UTF-8 so a file in the wrong encoding is reported
 * instead of silently producing mojibake titles.
 */
export function decodeText(bytes: Uint8Array, file: string, encoding: 'utf-8' | 'windows-1252' = 'utf-8'): string {
  if (bytes.length === 0) throw new CodesetError(file, 'the file is empty');
  if (looksBinary(bytes)) throw new CodesetError(file, 'the file is binary, not a text release file');
  if (encoding === 'windows-1252') return decodeWindows1252(bytes);
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

/**
 * Windows-1252 differs from Latin-1 only in 0x80-0x9F (curly quotes, dashes, €). Decoded by hand
 * because Node 20.18.3+ maps those bytes to C1 control characters (nodejs/node#56542), which would
 * garble HCPCS descriptions built in Node while the browser decodes them correctly.
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const codes = Array.from(bytes.subarray(i, i + CHUNK), (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : b));
    out += String.fromCharCode(...codes);
  }
  return out;
}
