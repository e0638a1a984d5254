import { storage } from 'wxt/utils/storage';
import { emptyWorklistState, parseWorklistState, type ParsedWorklistState, type WorklistState } from './state';

/**
 * The worklist, favorites and recent lookups in `storage.local`, which survives a browser
 * restart. Typed as `unknown` on the way in: whatever is stored goes through
 * `parseWorklistState` before the panel sees it.
 */
export const worklistStateItem = storage.defineItem<unknown>('local:worklist', {
  version: 1,
  fallback: emptyWorklistState(),
});

/** The stored state, with malformed entries dropped and counted. */
export async function loadWorklistState(): Promise<ParsedWorklistState> {
  return parseWorklistState(await worklistStateItem.getValue());
}

/** Writes only well-formed state; returns how many entries were left out. */
export async function saveWorklistState(state: WorklistState): Promise<number> {
  const parsed = parseWorklistState(state);
  await worklistStateItem.setValue(parsed.state);
  return parsed.dropped;
}
