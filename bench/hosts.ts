/**
 * The bench's dynamic-provider hosts: started as the tests start them, and all killed when the
 * bench exits, however it exits — an orphaned host (on a sped-up timeline, retrying against an
 * emulator that is gone) would go on burning the machine every later figure is measured on.
 */
import { DynamicHost, startDynamicHost } from "../emulator/dynamicHost";

const running = new Set<DynamicHost>();
let hooked = false;

/** `startDynamicHost`, remembered until it exits. */
export async function startBenchHost(o: Parameters<typeof startDynamicHost>[0]): Promise<DynamicHost> {
  if (!hooked) {
    hooked = true;
    process.on("exit", () => running.forEach((h) => h.proc.exitCode === null && h.proc.kill("SIGKILL")));
  }
  const host = await startDynamicHost(o);
  running.add(host);
  host.proc.once("exit", () => running.delete(host));
  return host;
}
