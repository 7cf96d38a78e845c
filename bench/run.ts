/**
 * `npm run bench`: every performance figure side by side with a reference, against the emulator,
 * in one table (measurements, not tests: nothing fails a build on a duration). Each row names its
 * reference; the README's Performance section says in a sentence how each was measured.
 *
 * `npm run bench -- cold lateness` runs only the sections named (sizes, cold, lateness, fleet, drift, download).
 *
 * 1. sizes: the serialized provider (`__provider`) per resource type, beside an eager provider;
 * 2. cold: what our provider adds to the dynamic-provider host's start, beside the official SDK's
 *    Redis client and two floors (axios alone; axios and zod/v3), in interleaved rounds
 *    (bench/coldStart.ts);
 * 3. lateness: how late a create returns after its task is done, through the host, beside fixed
 *    1 s and 30 s pollers (bench/createLateness.ts);
 * 4. fleet: 1,000 backups per cloud read at the engine's parallelism under the vendors' limits,
 *    per-backup and batched, the bound of the calls made, and the host's peak RSS beside a host
 *    whose provider calls nothing (bench/fleet.ts);
 * 5. drift: the `drift` CLI over 10,000 Tencent backups on 200 instances at 20/s (bench/drift.ts).
 * 6. download: a 256 MiB backup file from the emulator through our downloader, beside curl of the
 *    same URL, in interleaved rounds (bench/download.ts).
 */
import * as os from "os";
import { startEmulator } from "../emulator";
import { coldStart } from "./coldStart";
import { createLateness } from "./createLateness";
import { driftFleet } from "./drift";
import { downloadThroughput } from "./download";
import { fleetRefresh } from "./fleet";
import { serializedSizes } from "./sizes";
import { Row, renderTable } from "./table";

/** Interleaved rounds of the cold start. */
const COLD_ROUNDS = 12;

const SECTIONS: Record<string, () => Promise<Row[]>> = {
  sizes: serializedSizes,
  cold: async () => {
    const emulator = await startEmulator({ taskSeconds: 0, rateLimitPerSecond: 0 });
    try {
      return await coldStart(emulator, COLD_ROUNDS);
    } finally {
      await emulator.close();
    }
  },
  lateness: () => createLateness(),
  fleet: () => fleetRefresh(),
  drift: driftFleet,
  download: () => downloadThroughput(),
};

async function main(): Promise<void> {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((s) => !(s in SECTIONS));
  if (unknown.length)
    throw new Error(`unknown section(s) ${unknown.join(", ")}; known: ${Object.keys(SECTIONS).join(", ")}`);
  const cpus = os.cpus();
  const machine = `${cpus.length} × ${cpus[0]?.model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}, load average ${os.loadavg()[0].toFixed(2)} at the start`;
  const started = Date.now();
  const rows: Row[] = [];
  // One after another: each measures a process whose timing the others would disturb.
  for (const name of asked.length ? asked : Object.keys(SECTIONS)) rows.push(...(await SECTIONS[name]()));
  const took = Math.round((Date.now() - started) / 1000);
  process.stdout.write(`Machine: ${machine}; the bench took ${took} s\n\n${renderTable(rows)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${(e as Error)?.stack ?? e}\n`);
  process.exit(1);
});
