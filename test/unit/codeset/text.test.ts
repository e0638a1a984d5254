import { describe, expect, it } from 'vitest';
import { decodeText, splitLines } from '../../../lib/codeset/text';

const bytes = (...b: number[]) => new Uint8Array(b);

describe('decodeText', () => {
  it('decodes UTF-8 and drops a byte-order mark', () => {
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, 0x41, 0x42), 'f.txt')).toBe('AB');
  });
  it('decodes the HCPCS Windows-1252 file', () => {
    expect(decodeText(bytes(0x93, 0x41, 0x94), 'h.txt', 'windows-1252')).toBe('\u201cA\u201d');
  });
  it('rejects an empty file', () => {
    expect(() => decodeText(bytes(), 'f.txt')).toThrow('f.txt: the file is empty');
  });
  it('rejects binary content (zip, PDF, spreadsheet bytes)', () => {
    expect(() => decodeText(bytes(0x50, 0x4b, 0x03, 0x04, 0x00, 0x00), 'f.txt')).toThrow(/binary/);
  });
  it('rejects text in the wrong encoding instead of producing mojibake', () => {
    expect(() => decodeText(bytes(0x43, 0x61, 0x66, 0xe9), 'f.txt')).toThrow(/not valid UTF-8/);
  });
});

describe('splitLines', () => {
  it('accepts CRLF and LF and ignores the final newline', () => {
    expect(splitLines('a\r\nb\nc\r\n')).toEqual(['a', 'b', 'c']);
  });
});
