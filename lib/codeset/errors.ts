/**
 * The one error type every code-set parser and the builder throw for bad input. It always names
 * the file and says what is wrong with it, so a coder or an IT admin can act on the message.
 */
export class CodesetError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'CodesetError';
  }
}
