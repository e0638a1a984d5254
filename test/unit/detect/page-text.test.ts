import { describe, expect, it } from 'vitest';
import { collapseWhitespace, createChunkBuilder, snippetAround, spansOf, type TextChunkOf } from '../../../lib/detect/page-text';

/** A stand-in for a DOM text node: the builder only keeps the reference. */
type FakeNode = { name: string; data: string };
const text = (name: string, data: string): FakeNode => ({ name, data });

/** The node text a span points at. */
const spanText = (s: { node: FakeNode; start: number; end: number }) => s.node.data.slice(s.start, s.end);

function mentionSpans(chunk: TextChunkOf<FakeNode>, words: string) {
  const at = chunk.text.indexOf(words);
  if (at < 0) throw new Error(`"${words}" is not in ${JSON.stringify(chunk.text)}`);
  return spansOf(chunk, at, at + words.length);
}

describe('collapseWhitespace', () => {
  it('leaves text without runs alone (no map)', () => {
    expect(collapseWhitespace('Denies chest pain.', false)).toEqual({ text: 'Denies chest pain.', map: null });
  });

  it('collapses source line breaks and indentation to one space, mapping back to raw offsets', () => {
    const raw = 'Reports worsening SOB\n    and edema';
    const { text: out, map } = collapseWhitespace(raw, false);
    expect(out).toBe('Reports worsening SOB and edema');
    expect(map).not.toBeNull();
    const at = out.indexOf('and');
    expect(raw.slice(map![at], map![at + 2] + 1)).toBe('and');
  });

  it('drops leading whitespace after a space', () => {
    expect(collapseWhitespace('  HTN', true).text).toBe('HTN');
    expect(collapseWhitespace('  HTN', false).text).toBe(' HTN');
  });
});

describe('createChunkBuilder', () => {
  it('joins inline text as the page shows it and maps a mention across two nodes back to both', () => {
    const b = createChunkBuilder<FakeNode>();
    const a = text('a', 'Patient denies ');
    const bold = text('b', 'chest');
    const c = text('c', ' pain today.');
    b.addText(a, a.data);
    b.addText(bold, bold.data);
    b.addText(c, c.data);
    const [chunk] = b.finish();
    expect(chunk.text).toBe('Patient denies chest pain today.');
    const spans = mentionSpans(chunk, 'chest pain');
    expect(spans.map((s) => [s.node.name, spanText(s)])).toEqual([
      ['b', 'chest'],
      ['c', ' pain'],
    ]);
  });

  it('writes block boundaries as line breaks and paragraphs as blank lines, never at the ends', () => {
    const b = createChunkBuilder<FakeNode>();
    b.addBreak('paragraph');
    b.addText(text('h', 'Family History'), 'Family History');
    b.addBreak('paragraph');
    b.addText(text('p', 'Mother had colon cancer.'), 'Mother had colon cancer.');
    b.addBreak('line');
    b.addText(text('li', 'Father with MI.'), 'Father with MI.');
    b.addBreak('paragraph');
    expect(b.finish().map((c) => c.text)).toEqual(['Family History\n\nMother had colon cancer.\nFather with MI.']);
  });

  it('does not leave a space before a line break', () => {
    const b = createChunkBuilder<FakeNode>();
    b.addText(text('a', 'HTN '), 'HTN ');
    b.addBreak('line');
    b.addText(text('b', 'COPD'), 'COPD');
    const [chunk] = b.finish();
    expect(chunk.text).toBe('HTN\nCOPD');
    expect(mentionSpans(chunk, 'HTN').map(spanText)).toEqual(['HTN']);
  });

  it('skips whitespace-only text between blocks', () => {
    const b = createChunkBuilder<FakeNode>();
    b.addText(text('a', 'One.'), 'One.');
    b.addBreak('line');
    b.addText(text('ws', '\n    '), '\n    ');
    b.addText(text('b', 'Two.'), 'Two.');
    expect(b.finish()[0].text).toBe('One.\nTwo.');
  });

  it('keeps the whitespace of pre text and maps it one to one', () => {
    const b = createChunkBuilder<FakeNode>();
    const note = text('ta', 'Denies fever.\nHTN  stable.');
    b.addText(note, note.data, true);
    const [chunk] = b.finish();
    expect(chunk.text).toBe(note.data);
    expect(mentionSpans(chunk, 'HTN').map(spanText)).toEqual(['HTN']);
  });

  it('maps collapsed text back to the raw offsets of the node', () => {
    const b = createChunkBuilder<FakeNode>();
    const n = text('p', '\n  History of\n     DVT   (2019).');
    b.addText(n, n.data);
    const [chunk] = b.finish();
    expect(chunk.text).toBe('History of DVT (2019).');
    expect(mentionSpans(chunk, 'of DVT').map(spanText)).toEqual(['of\n     DVT']);
  });

  it('cuts chunks at a paragraph break when it is late enough, and never exceeds the bound', () => {
    const b = createChunkBuilder<FakeNode>(100);
    const nodes = Array.from({ length: 12 }, (_, i) => text(`p${i}`, `Paragraph ${i} mentions hypertension.`));
    for (const n of nodes) {
      b.addText(n, n.data);
      b.addBreak('paragraph');
    }
    const chunks = b.finish();
    expect(chunks.length).toBeGreaterThan(3);
    for (const c of chunks) {
      expect(c.text.length).toBeLessThanOrEqual(100);
      expect(c.text.startsWith('Paragraph')).toBe(true);
      // Every segment still points at its own node's text.
      for (const s of c.segments) expect(c.text.slice(s.start, s.end)).toBe(s.node.data.slice(s.rawStart, s.rawStart + s.end - s.start));
    }
    expect(chunks.map((c) => c.text).join('\n\n')).toBe(nodes.map((n) => n.data).join('\n\n'));
  });

  it('splits one text longer than a chunk at spaces, keeping offsets into the node', () => {
    const b = createChunkBuilder<FakeNode>(40);
    const long = text('long', Array.from({ length: 20 }, (_, i) => `word${i}`).join(' '));
    b.addText(long, long.data);
    const chunks = b.finish();
    expect(chunks.length).toBeGreaterThan(2);
    for (const c of chunks) {
      expect(c.text.length).toBeLessThanOrEqual(40);
      const spans = spansOf(c, 0, c.text.length);
      expect(spans.map(spanText).join('')).toBe(c.text);
    }
  });

  it('maps a mention in a collapsed node even when it comes after a chunk cut', () => {
    const b = createChunkBuilder<FakeNode>(60);
    const first = text('a', 'A'.repeat(50));
    b.addText(first, first.data);
    b.addBreak('paragraph');
    const second = text('b', 'Denies\n   chest   pain.');
    b.addText(second, second.data);
    const chunks = b.finish();
    const last = chunks[chunks.length - 1];
    expect(last.text).toBe('Denies chest pain.');
    expect(mentionSpans(last, 'chest pain').map(spanText)).toEqual(['chest   pain']);
  });
});

describe('spansOf', () => {
  it('returns nothing for an empty span and skips break characters', () => {
    const b = createChunkBuilder<FakeNode>();
    b.addText(text('a', 'chest'), 'chest');
    b.addBreak('line');
    b.addText(text('b', 'pain'), 'pain');
    const [chunk] = b.finish();
    expect(spansOf(chunk, 2, 2)).toEqual([]);
    expect(spansOf(chunk, 0, chunk.text.length).map(spanText)).toEqual(['chest', 'pain']);
  });
});

describe('snippetAround', () => {
  it('keeps to the mention’s line and marks what was cut', () => {
    const t = 'Assessment\nThe patient has long-standing essential hypertension which is well controlled on lisinopril and diet.\nPlan';
    const start = t.indexOf('essential hypertension');
    const s = snippetAround(t, start, start + 'essential hypertension'.length, 50);
    expect(s).toContain('essential hypertension');
    expect(s).not.toContain('\n');
    expect(s.length).toBeLessThanOrEqual(52);
    expect(s.startsWith('…') || s.endsWith('…')).toBe(true);
  });

  it('returns a short line whole', () => {
    const t = 'Denies chest pain.';
    expect(snippetAround(t, 7, 17)).toBe('Denies chest pain.');
  });
});
