/**
 * What every Node CLI of the project does the same way: a usage error prints its message and
 * exits 2; anything thrown prints "error: <message>" (CodesetError messages name the file and
 * the problem) and exits 1.
 */

/** Prints a usage error; the exit code to return from `main`. */
export function fail(message: string): number {
  console.error(message);
  return 2;
}

/** Runs a CLI's main with the process arguments and exits with its code. */
export function runCli(main: (argv: string[]) => Promise<number>): void {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err instanceof Error ? `error: ${err.message}` : 'error:', ...(err instanceof Error ? [] : [err]));
      process.exit(1);
    },
  );
}
