/** An Io for running the CLI in-process: what it wrote to stdout and stderr, and a terminal or not. */
import type { Io } from "../../cli";

export interface CapturedIo extends Io {
  out: string;
  err: string;
}

export function captureIo(options: { tty?: boolean; stdin?: string } = {}): CapturedIo {
  const captured: CapturedIo = {
    out: "",
    err: "",
    stdout: { write: (s: string) => void (captured.out += s) },
    stderr: { write: (s: string) => void (captured.err += s), isTTY: options.tty ?? false },
    readStdin: options.stdin === undefined ? undefined : () => options.stdin!,
  };
  return captured;
}
