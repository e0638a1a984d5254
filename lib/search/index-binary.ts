import { buildIndexData, type SearchIndexData } from './index-data';

/**
 * The prepared search index as one binary file: a small JSON header, then every typed array
 * byte for byte (8-byte aligned). Reading it back makes views over the one buffer — no copy, no
 * per-string work — so a stored index of tens of megabytes opens in a few tens of milliseconds
 * (read as a Blob from IndexedDB), where a structured clone of the same object takes most of a
 * second in Chromium.
 */
const MAGIC = [0x43, 0x4c, 0x53, 0x49]; // "CLSI"
const HEADER_AT = 8;

type ArrayKind = 'u8' | 'u16' | 'u32' | 'f32';
const CONSTRUCTORS = { u8: Uint8Array, u16: Uint16Array, u32: Uint32Array, f32: Float32Array } as const;

interface Section {
  /** Path of the typed array in the index object ("postDoc", "codeTitle.pieces.bytes"). */
  name: string;
  kind: ArrayKind;
  offset: number;
  length: number;
}

interface Header {
  version: number;
  plain: Record<string, unknown>;
  sections: Section[];
}

export class IndexFormatError extends Error {
  constructor(problem: string) {
    super(`The stored search index cannot be read: ${problem}`);
    this.name = 'IndexFormatError';
  }
}

function kindOf(value: unknown): ArrayKind | undefined {
  if (value instanceof Uint8Array) return 'u8';
  if (value instanceof Uint16Array) return 'u16';
  if (value instanceof Uint32Array) return 'u32';
  if (value instanceof Float32Array) return 'f32';
  return undefined;
}

const align8 = (n: number) => (n + 7) & ~7;

export function encodeIndex(data: SearchIndexData): Uint8Array<ArrayBuffer> {
  const plain: Record<string, unknown> = {};
  const arrays: Array<{ name: string; kind: ArrayKind; array: ArrayBufferView & { length: number } }> = [];
  // Typed arrays anywhere in the object become sections named by their path ("codeTitle.ids");
  // everything else stays in the JSON header.
  const walk = (value: unknown, path: string[]) => {
    const kind = kindOf(value);
    if (kind) arrays.push({ name: path.join('.'), kind, array: value as Uint8Array });
    else if (value !== null && typeof value === 'object' && !Array.isArray(value)) for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
    else plain[path.join('.')] = value;
  };
  walk(data, []);
  // Offsets are relative to the start of the data area, which follows the header.
  let at = 0;
  const sections: Section[] = arrays.map(({ name, kind, array }) => {
    const section = { name, kind, offset: at, length: array.length };
    at = align8(at + array.byteLength);
    return section;
  });
  const header = new TextEncoder().encode(JSON.stringify({ version: data.version, plain, sections } satisfies Header));
  const dataStart = align8(HEADER_AT + header.length);
  const out = new Uint8Array(dataStart + at);
  out.set(MAGIC, 0);
  new DataView(out.buffer).setUint32(4, header.length, true);
  out.set(header, HEADER_AT);
  arrays.forEach(({ array }, i) => out.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), dataStart + sections[i].offset));
  return out;
}

let expectedFields: string[] | undefined;

/** Reads an index written by `encodeIndex`, checking its version, bounds and fields. */
export function decodeIndex(buffer: ArrayBuffer): SearchIndexData {
  const bytes = new Uint8Array(buffer);
  if (bytes.length < HEADER_AT || MAGIC.some((b, i) => bytes[i] !== b)) throw new IndexFormatError('it is not a Coder Lens search index');
  const headerLength = new DataView(buffer).getUint32(4, true);
  if (HEADER_AT + headerLength > bytes.length) throw new IndexFormatError('it is truncated (header)');
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(HEADER_AT, HEADER_AT + headerLength))) as Header;
  } catch {
    throw new IndexFormatError('its header is not valid JSON');
  }
  const reference = buildIndexData([]);
  if (header?.version !== reference.version) throw new IndexFormatError(`it was built by another version (format ${String(header?.version)}, this engine reads ${reference.version})`);
  if (typeof header.plain !== 'object' || !Array.isArray(header.sections)) throw new IndexFormatError('its header is incomplete');
  const dataStart = align8(HEADER_AT + headerLength);
  const out: Record<string, unknown> = {};
  const place = (name: string, value: unknown) => {
    const path = name.split('.');
    let at = out;
    for (const key of path.slice(0, -1)) {
      if (key === '__proto__' || key === 'constructor' || key === 'prototype') throw new IndexFormatError(`field ${name} is not allowed`);
      at = (at[key] ??= {}) as Record<string, unknown>;
    }
    at[path[path.length - 1]] = value;
  };
  for (const [name, value] of Object.entries(header.plain)) place(name, value);
  for (const s of header.sections) {
    const Ctor = CONSTRUCTORS[s.kind];
    if (!Ctor || !Number.isInteger(s.offset) || !Number.isInteger(s.length) || s.offset < 0 || s.length < 0 || s.offset % 8 !== 0)
      throw new IndexFormatError(`section ${String(s.name)} is malformed`);
    const start = dataStart + s.offset;
    if (start + s.length * Ctor.BYTES_PER_ELEMENT > bytes.length) throw new IndexFormatError(`it is truncated (section ${s.name})`);
    if (typeof s.name !== 'string') throw new IndexFormatError('a section has no name');
    place(s.name, new Ctor(buffer, start, s.length));
  }
  expectedFields ??= Object.keys(reference);
  const missing = expectedFields.filter((f) => !(f in out));
  if (missing.length) throw new IndexFormatError(`it lacks ${missing.join(', ')}`);
  return out as unknown as SearchIndexData;
}
