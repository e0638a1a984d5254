import { describe, expect, it } from 'vitest';
import { engineFromData } from '../../../lib/search/engine';
import { decodeIndex, encodeIndex, IndexFormatError } from '../../../lib/search/index-binary';
import { buildIndexData } from '../../../lib/search/index-data';
import { cmPack, hcpcsPack, noLexicon, pcsPack, testLexicon } from '../../support/search-packs';

const data = buildIndexData([cmPack(), pcsPack(), hcpcsPack()]);
const copy = (bytes: Uint8Array) => bytes.slice().buffer;

describe('search index binary form', () => {
  it('reads back every field, and an engine over it answers exactly as over the original', () => {
    const decoded = decodeIndex(copy(encodeIndex(data)));
    expect(Object.keys(decoded).sort()).toEqual(Object.keys(data).sort());
    expect(decoded.docTokens).toEqual(data.docTokens);
    expect(decoded.codeTitle.offsets).toEqual(data.codeTitle.offsets);
    expect(decoded.synonymWord).toEqual(data.synonymWord);
    const original = engineFromData(data, testLexicon());
    const restored = engineFromData(decoded, testLexicon());
    for (const q of ['E11.22', 'htn', 'diabetes nephropathy', 'fibrilation', 'acetaminophen', 'lung malignant', '0DTJ4ZZ', 'J1100'])
      expect(restored.search(q)).toEqual(original.search(q));
  });

  it('keeps non-ASCII titles and reasons intact', () => {
    const decoded = decodeIndex(copy(encodeIndex(data)));
    const engine = engineFromData(decoded, noLexicon());
    const reasons = engine.search('failure heart congestive').flatMap((r) => r.why.map((w) => w.text));
    expect(reasons.some((t) => t.includes(' › '))).toBe(true);
  });

  it('refuses what is not an index, a truncated index, and another format version, with a clear message', () => {
    expect(() => decodeIndex(new TextEncoder().encode('{"not":"an index"}').buffer)).toThrow(IndexFormatError);
    expect(() => decodeIndex(new ArrayBuffer(3))).toThrow(/not a Coder Lens search index/);
    const bytes = encodeIndex(data);
    expect(() => decodeIndex(copy(bytes.subarray(0, bytes.length - 16)))).toThrow(/truncated/);
    const header = new TextDecoder().decode(bytes.subarray(8, 8 + new DataView(bytes.buffer).getUint32(4, true)));
    const older = header.replace(`"version":${data.version}`, `"version":${data.version - 1}`);
    const patched = new Uint8Array(bytes);
    patched.set(new TextEncoder().encode(older), 8);
    expect(() => decodeIndex(copy(patched))).toThrow(/another version/);
  });
});
