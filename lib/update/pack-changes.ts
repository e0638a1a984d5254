import { diffReleases, type ChangedCode, type ReleaseChanges, type RevisedCode } from '../codeset/changes';
import type { CodeRow, Pack } from '../codeset/pack';
import type { OrderEntry } from '../codeset/order-file';

/**
 * What changed for coders from one release to the next, from the code rows of the two packs with
 * the same rule as the CMS addenda (`diffReleases`): validity decides, revisions are long-title
 * changes of codes valid in both.
 */
export function changesBetween(oldPack: Pack, newPack: Pack): ReleaseChanges {
  return diffReleases(oldPack.codes.map(toOrderEntry), newPack.codes.map(toOrderEntry));
}

function toOrderEntry(row: CodeRow, order: number): OrderEntry {
  const [code, valid, title, shortTitle] = row;
  return { order, code, valid: valid === 1, longTitle: title, shortTitle: shortTitle ?? title };
}

/**
 * "What changed" as kept with the update run: the full counts and at most `limit` codes of each
 * list, so the stored run state stays small whatever the release (FY2026 ICD-10-CM: 487 added,
 * 28 deleted). The panel can browse the lists; the whole diff can be recomputed from the
 * releases, which stay installed.
 */
export interface ChangesSummary {
  fromReleaseId: string;
  fromTitle: string;
  counts: { added: number; deleted: number; revised: number };
  added: ChangedCode[];
  deleted: ChangedCode[];
  revised: RevisedCode[];
  /** True when a list was cut at `limit`. */
  truncated: boolean;
}

export const DEFAULT_CHANGES_LIMIT = 1000;

export function summarizeChanges(
  changes: ReleaseChanges,
  from: { id: string; title: string },
  limit = DEFAULT_CHANGES_LIMIT,
): ChangesSummary {
  const { added, deleted, revised } = changes;
  return {
    fromReleaseId: from.id,
    fromTitle: from.title,
    counts: { added: added.length, deleted: deleted.length, revised: revised.length },
    added: added.slice(0, limit),
    deleted: deleted.slice(0, limit),
    revised: revised.slice(0, limit),
    truncated: Math.max(added.length, deleted.length, revised.length) > limit,
  };
}
