import { CodesetError } from './errors';
import type { CodeRow } from './pack';
import type { ClassifiedSource, SourceKind } from './source-files';

type Files = Partial<Record<SourceKind, ClassifiedSource>>;
type Decode = (f: ClassifiedSource) => string;

// TEMPORARY: filled in when the index/table/PCS/HCPCS parsers land.
export function buildCmExtraSections(_files: Files, _sections: Record<string, unknown>, _text: Decode): Record<string, number> {
  return {};
}
export function buildPcsExtraSections(_files: Files, _sections: Record<string, unknown>, _text: Decode, _codes: CodeRow[]): Record<string, number> {
  return {};
}
export function buildHcpcsCodes(file: ClassifiedSource, _sections: Record<string, unknown>, _counts: Record<string, number>, _text: Decode): CodeRow[] {
  throw new CodesetError(file.path, 'HCPCS not yet supported');
}
