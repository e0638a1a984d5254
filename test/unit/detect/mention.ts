import { createContextAnalyzer, type MentionContext } from '../../../lib/detect/context';

/** Offsets of the nth occurrence (0-based) of `mention` in `text`; fails loudly when absent. */
export function spanOf(text: string, mention: string, nth = 0): [number, number] {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(mention, at + 1);
    if (at < 0) throw new Error(`"${mention}" (occurrence ${nth + 1}) is not in the test text`);
  }
  return [at, at + mention.length];
}

/** Context of the nth occurrence of `mention` in `text`. */
export function contextOf(text: string, mention: string, nth = 0): MentionContext {
  const [start, end] = spanOf(text, mention, nth);
  return createContextAnalyzer(text).classify(start, end);
}

/** The flags only, for compact expectations. */
export function flagsOf(text: string, mention: string, nth = 0): string[] {
  const c = contextOf(text, mention, nth);
  return [c.negated && 'negated', c.uncertain && 'uncertain', c.historical && 'historical', c.experiencer === 'other' && 'other'].filter((f): f is string => typeof f === 'string');
}
