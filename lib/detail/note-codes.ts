/** A code (or range of codes) written in the text of an instructional note. */
export interface NoteCodeRef {
  /** As printed in the note: "E10.-", "Z79.4", "N18.1-N18.6", "S12.0-S12.3-". */
  text: string;
  /** The code to open, without dot or dash: "E10", "Z794", "N181" (first code of a range). */
  code: string;
  /** Last code of a range, without dot or dash: "N186". */
  to?: string;
  /** Printed with a trailing "-": more characters are needed below the code (or range end). */
  partial: boolean;
  /** The (first) code is in the pack: the panel links it; otherwise it is shown as plain text. */
  inCodeSet: boolean;
}

const CODE = '[A-Z][0-9][0-9A-Z](?:\\.[0-9A-Z]{1,4})?';
// A range first ("N18.1-N18.6", "K85-K86.-"), else a code with its optional dash ("E10.-", "S14.1-").
// The lookaheads stop inside longer words: "O157:H7" is not O15, "G6PD" is not G6P.
const NOTE_CODE = new RegExp(
  `\\b(${CODE})(?:-(${CODE})(\\.?-(?![0-9A-Za-z]))?(?![0-9A-Za-z])|(\\.?-)(?![0-9A-Za-z])|(?![0-9A-Za-z]))`,
  'g',
);

const undotted = (code: string) => code.replace('.', '');

/**
 * Every ICD-10-CM code and range printed in a note, in reading order. Notes write codes in
 * parentheses at the end ("type 1 diabetes mellitus (E10.-)") and also in running text
 * ("categories E43, E44, E46, E50-E63"), so the whole text is read. A bare word shaped like a
 * code outside parentheses ("vitamin B12 deficiency (E53.8)") is kept only when `isKnown` says the
 * pack has that code.
 */
export function parseNoteCodes(text: string, isKnown: (code: string) => boolean = () => true): NoteCodeRef[] {
  const out: NoteCodeRef[] = [];
  for (const m of text.matchAll(NOTE_CODE)) {
    const [whole, first, last, lastDash, dash] = m;
    const code = undotted(first);
    const inCodeSet = isKnown(code);
    const codeShaped = last !== undefined || dash !== undefined || first.includes('.') || insideParentheses(text, m.index);
    if (!inCodeSet && !codeShaped) continue;
    if (last !== undefined) out.push({ text: whole, code, to: undotted(last), partial: lastDash !== undefined, inCodeSet });
    else out.push({ text: whole, code, partial: dash !== undefined, inCodeSet });
  }
  return out;
}

function insideParentheses(text: string, at: number): boolean {
  let depth = 0;
  for (let i = 0; i < at; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && depth > 0) depth--;
  }
  return depth > 0;
}
