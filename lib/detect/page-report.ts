/**
 * A frame's mention list cut into report parts for extension messaging: at most `perPart` items
 * and `maxChars` characters of JSON each (see JSON_NOTE in lib/messaging/protocol.ts). Pure.
 */
import { PAGE_LIMITS } from './page-types';

/**
 * The JSON parts of `items` (an empty list is one empty part). A part over `maxChars` is halved
 * until it fits; a single item that never fits is left out.
 */
export function* reportParts<T>(
  items: readonly T[],
  toJson: (part: readonly T[]) => string,
  perPart: number = PAGE_LIMITS.reportPart,
  maxChars: number = PAGE_LIMITS.reportPartChars,
): Generator<string> {
  if (!items.length) {
    yield '[]';
    return;
  }
  for (let i = 0; i < items.length; i += perPart) yield* bounded(items.slice(i, i + perPart), toJson, maxChars);
}

function* bounded<T>(items: readonly T[], toJson: (part: readonly T[]) => string, maxChars: number): Generator<string> {
  const json = toJson(items);
  if (json.length <= maxChars) {
    yield json;
    return;
  }
  if (items.length === 1) return;
  const half = Math.ceil(items.length / 2);
  yield* bounded(items.slice(0, half), toJson, maxChars);
  yield* bounded(items.slice(half), toJson, maxChars);
}
