/**
 * One emulator per test file: started on an ephemeral loopback port before the file's tests,
 * closed after them.
 */
import { Emulator, EmulatorOptions, startEmulator } from "../../emulator";

export interface EmulatorHandle {
  /** The running emulator (only valid inside tests and hooks). */
  readonly emulator: Emulator;
}

/** Registers beforeAll/afterAll hooks that run an emulator for the current test file. */
export function useEmulator(options: EmulatorOptions = {}): EmulatorHandle {
  let current: Emulator | undefined;
  beforeAll(async () => {
    current = await startEmulator({ port: 0, ...options });
  });
  afterAll(async () => {
    await current?.close();
  });
  return {
    get emulator(): Emulator {
      if (!current) throw new Error("the emulator is not running (use it inside a test)");
      return current;
    },
  };
}
