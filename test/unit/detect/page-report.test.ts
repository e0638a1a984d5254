import { describe, expect, it } from 'vitest';
import { reportParts } from '../../../lib/detect/page-report';

const json = (part: readonly string[]) => JSON.stringify(part);

describe('reportParts', () => {
  it('sends an empty list as one empty part (it clears the frame)', () => {
    expect([...reportParts([], json)]).toEqual(['[]']);
  });

  it('cuts a list into parts of at most perPart items, in order', () => {
    const items = Array.from({ length: 7 }, (_, i) => `m${i}`);
    const parts = [...reportParts(items, json, 3)].map((p) => JSON.parse(p) as string[]);
    expect(parts).toEqual([['m0', 'm1', 'm2'], ['m3', 'm4', 'm5'], ['m6']]);
  });

  it('halves a part whose JSON is too long, and leaves out an item that never fits', () => {
    const items = ['a', 'bb', 'x'.repeat(50), 'c'];
    const parts = [...reportParts(items, json, 4, 20)];
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(20);
    expect(parts.flatMap((p) => JSON.parse(p) as string[])).toEqual(['a', 'bb', 'c']);
  });
});
