/**
 * Download throughput: one 256 MiB backup file from the emulator's file server, fetched by our
 * downloader (cli/download/fetchFile.ts, in a process of its own, as `pulumi-redis-backup download`
 * runs it) and by `curl` of the same URL, in interleaved rounds of the same run. Each side times
 * its own transfer (ours around fetchFile, curl its `time_total`), so process start counts for
 * neither. The emulator serves from this process; both clients write to the same temporary folder.
 */
import { execFile } from "child_process";
import { mkdtempSync, rmSync, statSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";
import { promisify } from "util";
import { emulatorEnvironment, startEmulator } from "../emulator";
import { cloudEntry } from "../provider/clouds";
import type { BackupFile } from "../provider/core/downloadUrls";
import { Row, log } from "./table";

const run = promisify(execFile);
const SIZE = 256 * 1024 * 1024;
const ROUNDS = 3;
const FETCH_FILE = resolve(__dirname, "..", "dist", "cli", "download", "fetchFile.js");

/** Our downloader in a child process; resolves with the seconds its transfer took. */
async function ours(file: BackupFile, dest: string): Promise<number> {
  const script = `
    const { fetchFile } = require(${JSON.stringify(FETCH_FILE)});
    const started = process.hrtime.bigint();
    fetchFile({ file: JSON.parse(process.argv[1]), dest: process.argv[2], refresh: async () => { throw new Error("expired during the bench"); } })
      .then(() => process.stdout.write(String(Number(process.hrtime.bigint() - started) / 1e9)))
      .catch((e) => { process.stderr.write(String(e)); process.exit(1); });`;
  const { stdout } = await run(process.execPath, ["-e", script, JSON.stringify(file), dest]);
  return Number(stdout);
}

/** `curl` of the same URL; resolves with its own time_total. */
async function curl(url: string, dest: string): Promise<number> {
  const { stdout } = await run("curl", [
    "--silent",
    "--show-error",
    "--fail",
    "-o",
    dest,
    "-w",
    "%{time_total}",
    url,
  ]);
  return Number(stdout);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mibs = (seconds: number) => SIZE / 2 ** 20 / seconds;

/** The row: our MiB/s beside curl's, medians of interleaved rounds. */
export async function downloadThroughput(): Promise<Row[]> {
  const emulator = await startEmulator({ taskSeconds: 0, rateLimitPerSecond: 0 });
  const dir = mkdtempSync(join(tmpdir(), "bench-download-"));
  try {
    emulator.admin.addInstance({ instanceId: "crs-bench1", backups: [{ startedHoursAgo: 1 }] });
    const backupId = emulator.admin.backups("crs-bench1")[0].backupId;
    emulator.admin.setDownloadSize("tencentcloud", backupId, SIZE);
    Object.assign(process.env, emulatorEnvironment(emulator.url));
    const target = { instance: "crs-bench1", backupId, location: {} };
    const [file] = (await cloudEntry("tencentcloud").downloadUrls(target)).files;
    const timings = { ours: [] as number[], curl: [] as number[] };
    for (let round = 0; round < ROUNDS; round++) {
      for (const side of round % 2 === 0 ? (["ours", "curl"] as const) : (["curl", "ours"] as const)) {
        const dest = join(dir, `${side}-${round}.rdb`);
        const seconds = side === "ours" ? await ours(file, dest) : await curl(file.url, dest);
        if (statSync(dest).size !== SIZE)
          throw new Error(`${side} saved ${statSync(dest).size} bytes, not ${SIZE}`);
        rmSync(dest);
        timings[side].push(seconds);
        log(`download: ${side} round ${round + 1}: ${mibs(seconds).toFixed(0)} MiB/s`);
      }
    }
    const o = mibs(median(timings.ours));
    const c = mibs(median(timings.curl));
    return [
      {
        measure: `download throughput, a 256 MiB file from the emulator, median of ${ROUNDS} interleaved rounds`,
        ours: `${o.toFixed(0)} MiB/s`,
        beside: `${c.toFixed(0)} MiB/s: curl of the same URL`,
        ratio: `${(o / c).toFixed(2)}× curl's`,
        target: "≥ 0.5× curl's",
        met: o / c >= 0.5,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await emulator.close();
  }
}
