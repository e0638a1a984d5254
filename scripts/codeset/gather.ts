import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { downloadBytes } from '../../lib/codeset/download';
import { CodesetError } from '../../lib/codeset/errors';
import { classifySource, expandZip, isZip, type ClassifiedSource, type SourceFile } from '../../lib/codeset/source-files';

/**
 * Reads every --source (folder, zip, single file or URL) into classified official files.
 * Files inside folders and zips that are not release files (PDFs, schemas) are skipped; a file
 * named directly that is not a release file is an error, and so is a source with none in it.
 */
export async function gatherSources(sources: string[], log: (msg: string) => void): Promise<ClassifiedSource[]> {
  const out: ClassifiedSource[] = [];
  for (const source of sources) {
    const found: ClassifiedSource[] = [];
    if (/^https?:\/\//i.test(source)) {
      log(`downloading ${source}`);
      const bytes = await downloadBytes(source);
      found.push(...classifyAll(expand({ path: source, bytes }, true)));
    } else {
      const path = resolve(source);
      let stat;
      try {
        stat = statSync(path);
      } catch {
        throw new CodesetError(source, 'does not exist');
      }
      if (stat.isDirectory()) {
        for (const file of listFiles(path)) found.push(...classifyAll(expand({ path: file, bytes: readFileSync(file) }, false)));
      } else {
        const file = { path, bytes: readFileSync(path) };
        const members = expand(file, true);
        const classified = classifyAll(members);
        // Only a plain file is "not a release file"; a zip with no release file in it is reported below.
        if (classified.length === 0 && members.length === 1 && members[0] === file)
          throw new CodesetError(source, 'is not an official ICD-10-CM, ICD-10-PCS or HCPCS release file this builder recognises (by name or content)');
        found.push(...classified);
      }
    }
    if (found.length === 0)
      throw new CodesetError(source, 'contains no official release file (expected e.g. icd10cm_order_YYYY.txt, icd10cm_tabular_YYYY.xml, icd10pcs_order_YYYY.txt, HCPCYYYY_ANWEB*.txt)');
    out.push(...found);
  }
  return out;
}

function expand(file: SourceFile, named: boolean): SourceFile[] {
  if (/\.zip$/i.test(file.path) || (named && isZip(file.bytes))) {
    if (!isZip(file.bytes)) throw new CodesetError(file.path, 'is named .zip but is not a zip archive');
    return expandZip(file);
  }
  return [file];
}

function classifyAll(files: SourceFile[]): ClassifiedSource[] {
  return files.map(classifySource).filter((f): f is ClassifiedSource => f !== null);
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}
