import { describe, expect, it } from 'vitest';
import type { CodeLink } from '../../../lib/detail/code-detail';
import { siblingNeighbours, siblingWindow } from '../../../lib/detail/siblings';

const links = (n: number): CodeLink[] => Array.from({ length: n }, (_, i) => ({ code: `S${10 + i}`, display: `S${10 + i}`, title: `t${i}`, valid: false }));
const codes = (l: CodeLink[]) => l.map((s) => s.code);

describe('siblings', () => {
  it('gives the neighbours either side, none past the ends, none for a code not listed', () => {
    const s = links(3);
    expect([siblingNeighbours(s, 'S11').previous?.code, siblingNeighbours(s, 'S11').next?.code]).toEqual(['S10', 'S12']);
    expect(siblingNeighbours(s, 'S10')).toEqual({ next: s[1] });
    expect(siblingNeighbours(s, 'S12')).toEqual({ previous: s[1] });
    expect(siblingNeighbours(s, 'T00')).toEqual({});
    expect(siblingNeighbours([s[0]], 'S10')).toEqual({});
  });

  it('lists all siblings when few, else a full window around the code with the counts left out', () => {
    expect(siblingWindow(links(5), 'S12', 2)).toEqual({ items: links(5), before: 0, after: 0 });
    const many = links(20);
    expect(siblingWindow(many, 'S20', 2)).toMatchObject({ before: 8, after: 7 });
    expect(codes(siblingWindow(many, 'S20', 2).items)).toEqual(['S18', 'S19', 'S20', 'S21', 'S22']);
    // Near the ends the window stays full.
    expect(siblingWindow(many, 'S10', 2)).toMatchObject({ before: 0, after: 15 });
    expect(codes(siblingWindow(many, 'S29', 2).items)).toEqual(['S25', 'S26', 'S27', 'S28', 'S29']);
    expect(siblingWindow(many, 'T00', 2)).toMatchObject({ before: 0, after: 15 });
  });
});
