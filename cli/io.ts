/** Where the CLI reads and writes: the process, or a capture in tests. */
export interface Io {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  /** Text of standard input (for `--state -`). */
  readStdin?: () => string;
}

/** The process's own standard output, error and input. */
export const processIo: Io = {
  stdout: process.stdout,
  stderr: process.stderr,
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  readStdin: () => require("fs").readFileSync(0, "utf8"),
};

/** An error the user can act on: printed as is, exit code 1. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
