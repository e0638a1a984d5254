import { signal, type ReadonlySignal } from '@preact/signals';
import type { Pack } from '../../../lib/codeset/pack';
import type { CodeSystem } from '../../../lib/codeset/releases';
import { createPackCache, detailView, type DetailView, type PackCache } from '../../../lib/detail/detail-view';

/** A code to show: its system and undotted code. */
export interface DetailTarget {
  system: CodeSystem;
  code: string;
}

export type DetailState =
  | { phase: 'closed' }
  | { phase: 'loading'; target: DetailTarget }
  | { phase: 'ready'; target: DetailTarget; view: DetailView }
  | { phase: 'error'; target: DetailTarget; message: string };

/** The part of a release record the store needs. */
export interface DetailRelease {
  id: string;
  system: CodeSystem;
}

/**
 * State and actions of the code detail view. The pack of a release is read from storage the first
 * time one of its codes is opened and kept for the panel's life; when codes are opened quickly one
 * after another, only the newest is shown.
 */
export function createDetailStore<R extends DetailRelease>(deps: {
  releases: ReadonlySignal<R[]>;
  loadPack: (release: R) => Promise<Pack>;
  /** A pack cache shared with other views (the tables), so a pack is read from storage once. */
  packs?: PackCache<R>;
}) {
  const state = signal<DetailState>({ phase: 'closed' });
  const packs = deps.packs ?? createPackCache(deps.loadPack);
  let opened = 0;

  async function open(target: DetailTarget): Promise<void> {
    const ticket = ++opened;
    state.value = { phase: 'loading', target };
    const release = deps.releases.peek().find((r) => r.system === target.system);
    let next: DetailState;
    if (!release) next = { phase: 'error', target, message: 'This code set is not installed.' };
    else {
      try {
        const view = detailView(await packs.get(release), target.code);
        next = view ? { phase: 'ready', target, view } : { phase: 'error', target, message: `${target.code} is not in this code set.` };
      } catch (err) {
        next = { phase: 'error', target, message: `The code could not be read: ${err instanceof Error ? err.message : String(err)}` };
      }
    }
    if (ticket === opened) state.value = next;
  }

  return {
    state,
    open,
    /** Back to the search results. */
    close() {
      opened++;
      state.value = { phase: 'closed' };
    },
  };
}

export type DetailStore = ReturnType<typeof createDetailStore>;
