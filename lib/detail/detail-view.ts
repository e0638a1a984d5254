import type { Pack } from '../codeset/pack';
import { codeDetail, type CodeDetail } from './code-detail';
import { indexEntriesFor, type IndexEntriesResult } from './index-entries';
import { seventhCharacterChoices, type SeventhCharacterChoices } from './seventh-character-choices';
import { tableRowsForCode, type TableRowsAnswer } from './table-rows';

/** What the panel's detail view shows for one code: the Tabular view and the Index entries. */
export interface DetailView {
  detail: CodeDetail;
  index: IndexEntriesResult;
  /** The 7th-character builder, when a 7th character applies to the code. */
  seventhCharacter?: SeventhCharacterChoices;
  /** Drug and Neoplasm table rows that print this code (or its header), for checking the column. */
  tables: TableRowsAnswer;
}

/** The detail view of a code, or undefined when the pack does not have the code. */
export function detailView(pack: Pack, code: string, indexLimit = 20): DetailView | undefined {
  const detail = codeDetail(pack, code);
  if (!detail) return undefined;
  const view: DetailView = { detail, index: indexEntriesFor(pack, detail.code, indexLimit), tables: tableRowsForCode(pack, detail.code, 5) };
  const seventh = seventhCharacterChoices(pack, detail.code);
  if (seventh) view.seventhCharacter = seventh;
  return view;
}

/** Packs read from storage once per release; one is shared by the views of a panel. */
export interface PackCache<R> {
  get(release: R): Promise<Pack>;
}

/**
 * Packs rebuilt from storage, one per release id, loaded the first time they are asked for.
 * Loads asked for at the same time share one read; a failed load is forgotten so the next ask
 * tries again.
 */
export function createPackCache<R extends { id: string }>(load: (release: R) => Promise<Pack>): PackCache<R> {
  const packs = new Map<string, Promise<Pack>>();
  return {
    get(release: R): Promise<Pack> {
      let pack = packs.get(release.id);
      if (!pack) {
        pack = load(release);
        packs.set(release.id, pack);
        pack.catch(() => packs.delete(release.id));
      }
      return pack;
    },
  };
}
