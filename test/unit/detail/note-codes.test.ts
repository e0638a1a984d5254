import { describe, expect, it } from 'vitest';
import { parseNoteCodes } from '../../../lib/detail/note-codes';

const texts = (note: string, known?: (code: string) => boolean) => parseNoteCodes(note, known).map((r) => r.text);

describe('codes printed in instructional notes', () => {
  it('reads a range whose end needs more characters (FY2017 S13.1 Excludes2)', () => {
    expect(parseNoteCodes('fracture of cervical vertebrae (S12.0-S12.3-)')).toEqual([
      { text: 'S12.0-S12.3-', code: 'S120', to: 'S123', partial: true, inCodeSet: true },
    ]);
  });

  it('reads several codes and ranges in running text, in order (FY2017 chapter 4 note)', () => {
    expect(texts('Appropriate codes in this chapter (i.e. E05.8, E07.0, E16-E31, E34.-) may be used as additional codes')).toEqual([
      'E05.8',
      'E07.0',
      'E16-E31',
      'E34.-',
    ]);
  });

  it('keeps a range at the end of a sentence', () => {
    expect(texts('conditions in categories A00-B89.')).toEqual(['A00-B89']);
  });

  it('does not read code-shaped pieces of longer words (O157:H7, G6PD)', () => {
    expect(texts('STEC O157:H7 with or without confirmation of Shiga toxin-production')).toEqual([]);
    expect(texts('G6PD deficiency anemia')).toEqual([]);
  });

  it('drops a bare word shaped like a code that the pack does not have (vitamin B12), keeps the real code', () => {
    const known = (code: string) => code !== 'B12';
    expect(texts('vitamin B12 deficiency (E53.8)', known)).toEqual(['E53.8']);
    expect(texts('categories E43, E44, E46', known)).toEqual(['E43', 'E44', 'E46']);
  });
});
