import { expect } from 'vitest';
import { CodesetError } from '../../lib/codeset/errors';

function check(caught: unknown, file: string, problem: RegExp): void {
  expect(caught).toBeInstanceOf(CodesetError);
  const err = caught as CodesetError;
  expect(err.file).toBe(file);
  expect(err.message).toContain(file);
  expect(err.message).toMatch(problem);
}

/** Expects `run` to throw a CodesetError for `file` whose message names the file and matches `problem`. */
export function expectCodesetError(run: () => unknown, file: string, problem: RegExp): void {
  let caught: unknown;
  try {
    run();
  } catch (err) {
    caught = err;
  }
  check(caught, file, problem);
}

/** As expectCodesetError, for a promise that should reject. */
export async function expectCodesetErrorAsync(run: () => Promise<unknown>, file: string, problem: RegExp): Promise<void> {
  let caught: unknown;
  try {
    await run();
  } catch (err) {
    caught = err;
  }
  check(caught, file, problem);
}
