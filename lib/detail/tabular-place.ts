import type { PackTabular } from '../codeset/build-pack';
import { CM_CHAPTERS } from '../codeset/cm-chapters';
import type { Notes } from '../codeset/cm-tabular';
import type { Pack } from '../codeset/pack';
import { packTabular } from './seventh-character';

/** Chapter and section of a category, as the Tabular List files it. */
export interface TabularPlace {
  chapter?: { number: string; title: string; notes?: Notes };
  section?: { id: string; title: string; notes?: Notes; categories: string[] };
}

interface PlaceIndex {
  sectionOf: Map<string, PackTabular['sections'][number]>;
  chapterOf: Map<string, PackTabular['chapters'][number]>;
}

const cache = new WeakMap<PackTabular, PlaceIndex>();

/**
 * Where a category sits. From the tabular when the pack has one (its chapter and section titles,
 * with their notes); otherwise ICD-10-CM codes are filed under their chapter by code range, with
 * the range appended to the title as the Tabular List prints it, and no section.
 */
export function tabularPlace(pack: Pack, category: string): TabularPlace {
  const tabular = packTabular(pack);
  if (tabular) {
    const { sectionOf, chapterOf } = placeIndex(tabular);
    const section = sectionOf.get(category);
    const chapter = section && chapterOf.get(section.id);
    return { chapter, section };
  }
  if (pack.system !== 'icd10cm') return {};
  const ch = CM_CHAPTERS.find((c) => c.first <= category && category <= c.last);
  return ch ? { chapter: { number: ch.number, title: `${ch.title} (${ch.first}-${ch.last})` } } : {};
}

function placeIndex(tabular: PackTabular): PlaceIndex {
  let index = cache.get(tabular);
  if (index) return index;
  index = { sectionOf: new Map(), chapterOf: new Map() };
  for (const s of tabular.sections) for (const c of s.categories) index.sectionOf.set(c, s);
  for (const ch of tabular.chapters) for (const id of ch.sections) index.chapterOf.set(id, ch);
  cache.set(tabular, index);
  return index;
}
