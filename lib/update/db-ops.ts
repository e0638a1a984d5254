import { discardRelease, getActiveReleases, getReleasePack, importPack, listReleases, setActiveRelease } from '../db/releases';
import type { UpdateDb } from './state-machine';

/**
 * The update engine's database operations, bound to lib/db. `importPack` runs with
 * `activate: 'if-newer'`, as the embedded import does: a newer release becomes active in the same
 * transaction that marks it ready, and the engine's switching step then confirms it (a rollback
 * restores the previous release). An `activate: 'never'` mode in lib/db would let the switch
 * happen only in the switching step.
 */
export const dbUpdateOps: UpdateDb = {
  listReleases,
  getActiveReleases,
  setActiveRelease,
  discardRelease,
  getReleasePack,
  importPack: (pack, sha256, onProgress) => importPack(pack, sha256, { activate: 'if-newer', onProgress }),
};
