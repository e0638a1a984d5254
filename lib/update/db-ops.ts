import { discardRelease, getActiveReleases, getReleasePack, importPack, listReleases, setActiveRelease } from '../db/releases';
import type { UpdateDb } from './state-machine';

/**
 * The update engine's database operations, bound to lib/db. `importPack` stores the new release
 * with `activate: 'never'`: it becomes active only in the engine's switching step (one
 * transaction, `setActiveRelease`), after every check, so the release in use never changes
 * halfway through an update.
 */
export const dbUpdateOps: UpdateDb = {
  listReleases,
  getActiveReleases,
  setActiveRelease,
  discardRelease,
  getReleasePack,
  importPack: (pack, sha256, onProgress) => importPack(pack, sha256, { activate: 'never', onProgress }),
};
