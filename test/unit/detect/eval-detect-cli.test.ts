import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The eval CLI on a fixture of sentences written for this test (same format as the NegEx kit).
const REPO = resolve(import.meta.dirname, '../../..');
const SAMPLE = 'test/fixtures/detect/negation-sample.jsonl';
const cli = (...args: string[]) => spawnSync('npx', ['tsx', 'scripts/eval-detect.ts', ...args], { cwd: REPO, encoding: 'utf8', timeout: 60_000 });

function tempFile(content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'eval-detect-')), 'rows.jsonl');
  writeFileSync(file, content);
  return file;
}

describe('eval:detect negation', () => {
  it('prints the JSON figures; a mention without offsets is found by its text or skipped', () => {
    const run = cli('negation', '--file', SAMPLE, '--json');
    expect(run.status).toBe(0);
    // 9 rows, one mention text absent from its sentence; "joint swelling" lies past the window (a miss).
    expect(JSON.parse(run.stdout)).toEqual({ n: 8, precision: 1, recall: 0.75, f1: 0.8571, historical_accuracy: 1, experiencer_accuracy: 1 });
    expect(run.stderr).toMatch(/1 skipped/);
  });

  it('prints a readable report without --json', () => {
    const run = cli('negation', '--file', SAMPLE);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/negated\s+precision 1\.000\s+recall 0\.750\s+F1 0\.857/);
    expect(run.stdout).toMatch(/historical\s+accuracy 1\.000/);
  });

  it.each([
    [['bogus', '--file', SAMPLE], /unknown mode "bogus"/],
    [['negation'], /--file <jsonl> is required/],
  ])('usage error %j exits 2 with the usage', (args, message) => {
    const run = cli(...args);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toMatch(/usage: npm run eval:detect/);
  });

  it.each([
    ['{"text": "No fever.", "mentions": [{"start": 3, "end": 8, "negated": true}]}\n{broken\n', /line 2: is not valid JSON/],
    ['{"text": "No fever.", "mentions": [{"start": 3, "end": 80, "negated": true}]}\n', /line 1: mention 1 has offsets outside its text/],
  ])('a bad file stops with the line and the problem (%#)', (content, message) => {
    const run = cli('negation', '--file', tempFile(content));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(message);
  });

  it('an unreadable file is named', () => {
    const run = cli('negation', '--file', '/nonexistent/rows.jsonl');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/error: cannot read \/nonexistent\/rows\.jsonl: ENOENT/);
  });
});
