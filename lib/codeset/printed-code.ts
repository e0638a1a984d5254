/**
 * Codes as the Alphabetic Index and the Drug and Neoplasm tables print them: dotted, sometimes
 * incomplete ("T36.0X-", "C79.8-": a trailing dash means more characters are needed).
 */

/**
 * Resolves a printed code ("K35.80", "T36.0X-", "C79.8-") to a code of the pack, given the pack's
 * codes keyed by undotted code. A partial code leads to the code or header it names, or the
 * nearest ancestor that exists.
 */
export function resolvePrintedCode<T>(codes: ReadonlyMap<string, T>, printed: string): T | undefined {
  let code = printedCodeKey(printed);
  while (code.length >= 3) {
    const found = codes.get(code);
    if (found !== undefined) return found;
    code = code.slice(0, -1);
  }
  return undefined;
}

/** The undotted code a printed code names, without its dash: "C79.8-" → "C798". */
export function printedCodeKey(printed: string): string {
  return printed.replace(/-$/, '').replace('.', '').replace(/\.$/, '').toUpperCase();
}

/** Whether the printed code says more characters are needed ("C79.8-"). */
export function isPartialPrintedCode(printed: string): boolean {
  return printed.endsWith('-');
}

/**
 * The undotted code a printed code reaches for sure: without the dash and the trailing
 * placeholder X ("M20.5X-" → "M205"), never shorter than a category. Every code that starts with
 * it is one the printed code leads to (M20.5X- leads to M20.5X1).
 */
export function printedCodeStem(printed: string): string {
  const code = printedCodeKey(printed);
  let end = code.length;
  while (end > 3 && code[end - 1] === 'X') end--;
  return code.slice(0, end);
}
