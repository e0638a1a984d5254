import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodePack } from '../../../lib/codeset/pack';
import { addCodeCounts, countCodes, countSpans, spanScores } from '../../../lib/detect/eval-metrics';
import { cmPack } from './detect-packs';

// The spans and codes modes of the eval CLI, on sentences written for these tests and a small pack.
const REPO = resolve(import.meta.dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'eval-detect-modes-'));
const PACK = join(dir, 'icd10cm-2026.pack.json.gz');
writeFileSync(PACK, encodePack(cmPack()));
const cli = (...args: string[]) => spawnSync('npx', ['tsx', 'scripts/eval-detect.ts', ...args], { cwd: REPO, encoding: 'utf8', timeout: 60_000 });

describe('span and code scoring', () => {
  it('overlap counts each side on its own; exact needs the same offsets', () => {
    const c = countSpans(
      [{ start: 0, end: 10 }, { start: 20, end: 25 }, { start: 40, end: 45 }],
      [{ start: 0, end: 10 }, { start: 22, end: 30 }, { start: 50, end: 55 }],
    );
    expect(c).toEqual({ goldFound: 2, gold: 3, detectedRight: 2, detected: 3, exact: 1 });
    expect(spanScores(c).f1).toBeCloseTo(2 / 3);
  });

  it('code recall by full code and by category, codes written with or without the dot', () => {
    const c = countCodes(['E11.9', 'I10', 'J18.9'], new Set(['E119', 'J189', 'J13']));
    expect(c).toEqual({ gold: 3, found: 2, categoryFound: 2, suggested: 3, docs: 1 });
    expect(addCodeCounts(c, countCodes(['R07.9'], new Set(['R0789'])))).toEqual({ gold: 4, found: 2, categoryFound: 3, suggested: 4, docs: 2 });
  });
});

describe('eval:detect spans and codes', () => {
  it('spans: JSON figures', () => {
    const run = cli('spans', '--file', 'test/fixtures/detect/spans-sample.jsonl', '--pack', PACK, '--json');
    expect(run.status).toBe(0);
    // "headache" has no code in the small pack: 5 of 6 gold spans found, every detection right.
    expect(JSON.parse(run.stdout)).toEqual({ n_docs: 3, gold: 6, detected: 5, precision: 1, recall: 0.8333, f1: 0.9091, exact_precision: 1, exact_recall: 0.8333, exact_f1: 0.9091 });
  });

  it('codes: negated mentions suggest nothing; figures per split in the readable report', () => {
    const json = cli('codes', '--file', 'test/fixtures/detect/codes-sample.jsonl', '--pack', PACK, '--json');
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ n_docs: 2, gold: 5, gold_not_in_release: 0, code_recall: 0.8, category_recall: 0.8, top1_code_recall: 0.8 });
    const text = cli('codes', '--file', 'test/fixtures/detect/codes-sample.jsonl', '--pack', PACK);
    expect(text.stdout).toMatch(/split a\s+all candidates: code recall 1\.000/);
    expect(text.stdout).toMatch(/split b\s+all candidates: code recall 0\.500/);
  });

  it('a missing pack or a bad row is named', () => {
    expect(cli('spans', '--file', 'test/fixtures/detect/spans-sample.jsonl', '--pack', join(dir, 'none')).stderr).toMatch(/does not exist/);
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, '{"text": "fever", "mentions": [{"start": 0, "end": 99}]}\n');
    const run = cli('spans', '--file', bad, '--pack', PACK);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/row 1 mention 1 has offsets outside its text/);
  });
});
