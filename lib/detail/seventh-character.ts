import type { PackTabular } from '../codeset/build-pack';
import type { SevenChrDef } from '../codeset/cm-tabular';
import { displayCode, normalizeCodeInput } from '../codeset/code-format';
import type { Pack } from '../codeset/pack';
import { packHierarchy } from './hierarchy';

/** The 7th-character definition that applies to a code, and where it is written. */
export interface SevenChrView extends SevenChrDef {
  /** Code (undotted) of the category or subcategory holding the definition. */
  from: string;
  /** The code's own 7th character when it already has one (S13.4XXA → "A"). */
  current?: string;
}

export interface SeventhCharacterResult {
  /** Undotted full code, placeholder X filled in: "S134XXA". */
  code: string;
  /** As a coder reads it: "S13.4XXA". */
  display: string;
  /** The full code is a valid (reportable) code of the pack. */
  valid: boolean;
  title?: string;
  /** Why the code cannot be reported, in words for the coder. */
  reason?: string;
}

/** Tabular section of a pack, when it has one. */
export function packTabular(pack: Pack): PackTabular | undefined {
  return pack.sections.tabular as PackTabular | undefined;
}

/**
 * The nearest 7th-character definition on the code or its ancestors (a subcategory's own
 * definition overrides its category's: T78.40 allows only A). Same rule as `sevenChrDefFor` over
 * the parsed tabular; here the pack's `sevenChr` map is walked by prefix, which is how ICD-10-CM
 * nests codes, so it works for 7th-character codes too (S13.4XXA → S13).
 */
export function sevenChrFor(pack: Pack, code: string): SevenChrView | undefined {
  const defs = packTabular(pack)?.sevenChr;
  if (!defs) return undefined;
  for (let n = Math.min(code.length, 6); n >= 3; n--) {
    const from = code.slice(0, n);
    const def = defs[from];
    if (def) return code.length === 7 ? { ...def, from, current: code[6] } : { ...def, from };
  }
  return undefined;
}

/**
 * Builds the full code from a code and a 7th character: the code is padded with the placeholder X
 * to six characters before the 7th (S13.4 + A → S13.4XXA; T78.40 + A → T78.40XA), then checked
 * against the inherited definition and the pack's list of valid codes.
 */
export function buildSeventhCharacter(pack: Pack, code: string, seventh: string): SeventhCharacterResult {
  const base = normalizeCodeInput(code);
  const char = seventh.trim().toUpperCase();
  const full = base.length >= 6 ? base.slice(0, 6) + char : base.padEnd(6, 'X') + char;
  const h = packHierarchy(pack);
  const result = (valid: boolean, reason?: string): SeventhCharacterResult => {
    const row = h.rows.get(full);
    const out: SeventhCharacterResult = { code: full, display: displayCode(pack.system, full), valid };
    if (row) out.title = row[2];
    if (reason) out.reason = reason;
    return out;
  };
  const shown = displayCode(pack.system, base);
  if (!/^[0-9A-Z]$/.test(char)) return result(false, `"${seventh}" is not a 7th character: type one letter or digit`);
  if (base.length >= 7) return result(false, `${shown} already has 7 characters`);

  if (h.rows.get(base)?.[1] === 1) return result(false, `${shown} is a complete code: it takes no 7th character`);
  const def = sevenChrFor(pack, base);
  if (def && !def.chars.some((c) => c.char === char))
    return result(false, `${char} is not a 7th character of ${displayCode(pack.system, def.from)}: choose ${listChars(def)}`);
  if (!def && packTabular(pack)) return result(false, `${shown} takes no 7th character`);

  const row = h.rows.get(full);
  if (row?.[1] === 1) return result(true);
  if (row) return result(false, `${displayCode(pack.system, full)} is a header, not valid for reporting`);
  // The 7th character goes on the most specific code only: S13.1 + A is no code, S13.100 + A is.
  const below = (h.children.get(base) ?? []).filter((c) => !c.startsWith(base.padEnd(6, 'X')));
  if (below.length)
    return result(
      false,
      `${shown} has more specific codes (${below.slice(0, 4).map((c) => displayCode(pack.system, c)).join(', ')}${below.length > 4 ? ', …' : ''}): the 7th character goes on the most specific one`,
    );
  return result(false, `${displayCode(pack.system, full)} is not in ${pack.title}`);
}

function listChars(def: SevenChrDef): string {
  const chars = def.chars.map((c) => c.char);
  return chars.length > 1 ? `${chars.slice(0, -1).join(', ')} or ${chars[chars.length - 1]}` : chars[0];
}
