/** Checks of how the provider rides out the emulator's faults, shared by the clouds' fault suites. */
import type { Emulator } from "../../emulator";
import type { TestDeps } from "./cloudEnv";

/**
 * Reads with `deps` while `action` answers once 1.5 s late (past the 0.3 s request timeout the
 * caller set): the read is retried once, for that timeout, and finds the backup available.
 */
export async function expectSlowAnswerRetried(
  emulator: Emulator,
  action: string,
  read: (deps: TestDeps) => Promise<{ props?: { status?: unknown } }>,
  deps: TestDeps,
): Promise<void> {
  emulator.admin.injectFault(action, { kind: "delay", ms: 1_500 });
  const r = await read(deps);
  expect(r.props?.status).toBe("available");
  expect(deps.retries).toEqual([
    expect.stringMatching(new RegExp(`^${action}: ${action}: no response within 300 ms`)),
  ]);
}
