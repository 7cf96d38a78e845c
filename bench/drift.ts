/**
 * The scheduled `drift` job at fleet scale: the real CLI (`dist/cli/index.js drift`, a process of
 * its own) over a state export of 10,000 Tencent backups on 200 instances, against an emulator
 * that enforces Tencent's 20/s per action. Its reads go through the batcher a refresh uses
 * (provider/core/sharedListings.ts); beside it, the bound of those calls, and what per-backup
 * reads would need at least (one DescribeBackupDetail each: 10,000 / 20 per s; not run, it takes
 * over 8 minutes of the shared machine).
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { performance } from "perf_hooks";
import { emulatorEnvironment, startEmulator } from "../emulator";
import { boundSeconds, recordedTencentOutputs } from "./fleet";
import { Row, log } from "./table";

const ROOT = path.resolve(__dirname, "..");
const INSTANCES = 200;
const PER_INSTANCE = 50;
const LIMIT = 20;

/** What one `drift` run did. */
interface DriftRun {
  seconds: number;
  exitCode: number | null;
  verdicts: Record<string, number>;
  peakMb: number;
  stderr: string;
}

/** Runs the CLI's `drift --state <file> --format json`, watching its peak RSS. */
function runDrift(stateFile: string, env: Record<string, string>): Promise<DriftRun> {
  const t0 = performance.now();
  const child = spawn(
    process.execPath,
    [path.join(ROOT, "dist/cli/index.js"), "drift", "--state", stateFile, "--format", "json"],
    { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let stdout = "";
  let stderr = "";
  let peakKb = 0;
  child.stdout.on("data", (d: Buffer) => (stdout += d));
  child.stderr.on("data", (d: Buffer) => (stderr += d));
  // VmHWM is the peak so far: the last reading before the process ends is (nearly) its peak.
  const watch = setInterval(() => {
    try {
      const m = /VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${child.pid}/status`, "utf8"));
      if (m) peakKb = Math.max(peakKb, Number(m[1]));
    } catch {
      // gone already
    }
  }, 100);
  return new Promise((resolve) => {
    child.on("exit", (code) => {
      clearInterval(watch);
      const verdicts: Record<string, number> = {};
      try {
        const { summary } = JSON.parse(stdout) as { summary: Record<string, number> };
        for (const [verdict, n] of Object.entries(summary))
          if (verdict !== "total" && n > 0) verdicts[verdict] = n;
      } catch {
        verdicts["(no report)"] = 1;
      }
      resolve({
        seconds: (performance.now() - t0) / 1000,
        exitCode: code,
        verdicts,
        peakMb: peakKb / 1024,
        stderr: stderr.slice(0, 300),
      });
    });
  });
}

/** The `drift` row: 10,000 backups on 200 instances. */
export async function driftFleet(): Promise<Row[]> {
  log(`drift: ${(INSTANCES * PER_INSTANCE).toLocaleString("en")} Tencent backups on ${INSTANCES} instances`);
  const emulator = await startEmulator({ taskSeconds: 0, rateLimitPerSecond: LIMIT, instances: [] });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "drift-bench-"));
  try {
    for (let i = 0; i < INSTANCES; i++) {
      emulator.admin.addInstance({
        instanceId: `crs-drift${String(i).padStart(3, "0")}`,
        memSizeMb: 1024,
        shardNum: 1,
        replicasNum: 1,
        backups: Array.from({ length: PER_INSTANCE }, (_, j) => ({
          remark: `drift ${j}`,
          startedHoursAgo: j + 1,
          storageDays: 30,
        })),
      });
    }
    // A state export as `pulumi stack export` writes it, what a create records in each resource.
    const resources = emulator.admin.backups().map((b, n) => ({
      urn: `urn:pulumi:prod::fleet::pulumi-nodejs:dynamic/tencentcloud:RedisBackup::b${n}`,
      type: "pulumi-nodejs:dynamic/tencentcloud:RedisBackup",
      id: `${b.instanceId}:${b.backupId}`,
      outputs: recordedTencentOutputs(b),
    }));
    const stateFile = path.join(dir, "state.json");
    fs.writeFileSync(stateFile, JSON.stringify({ version: 3, deployment: { resources } }));
    const before = emulator.admin.stats();
    const r = await runDrift(stateFile, emulatorEnvironment(emulator.url));
    const after = emulator.admin.stats();
    const calls: Record<string, number> = {};
    for (const [action, n] of Object.entries(after.requestsByAction)) {
      const d = n - (before.requestsByAction[action] ?? 0);
      if (d > 0) calls[action] = d;
    }
    const refused = after.rateLimited - before.rateLimited;
    const bound = boundSeconds(calls, LIMIT) ?? 0;
    const perBackupBound = resources.length / LIMIT;
    const callsText = Object.entries(calls)
      .map(([a, n]) => `${n.toLocaleString("en")} ${a}`)
      .join(", ");
    const verdictText = Object.entries(r.verdicts)
      .map(([v, n]) => `${n.toLocaleString("en")} ${v}`)
      .join(", ");
    log(
      `  drift: ${r.seconds.toFixed(1)} s, exit ${r.exitCode}, ${callsText}, ${refused} refused, ` +
        `verdicts ${verdictText}, peak RSS ${r.peakMb.toFixed(0)} MB${r.stderr ? `; stderr: ${r.stderr}` : ""}`,
    );
    const total = Object.values(calls).reduce((a, b) => a + b, 0);
    const errors = r.verdicts.error ?? 0;
    return [
      {
        measure:
          `\`drift\` (the CLI) over ${resources.length.toLocaleString("en")} Tencent backups on ${INSTANCES} instances, ` +
          `batched reads, 4 at a time (limit: Tencent's documented 20/s per action)`,
        ours:
          `${r.seconds.toFixed(1)} s (the process, start to exit); ${callsText}; ${refused} refused; ` +
          `${verdictText}; peak RSS ${r.peakMb.toFixed(0)} MB`,
        beside:
          `bound ${bound.toFixed(1)} s (calls / 20 per s); per-backup reads need ${perBackupBound.toFixed(0)} s at least ` +
          `(${resources.length.toLocaleString("en")} DescribeBackupDetail / 20 per s; not run)`,
        ratio: `${(r.seconds / bound).toFixed(2)}× the bound; ${(perBackupBound / r.seconds).toFixed(0)}× faster than per-backup's bound`,
        target: `≤ ${2 * INSTANCES} calls, none refused, no error verdict`,
        met: total <= 2 * INSTANCES && refused === 0 && errors === 0 && r.exitCode !== 1,
      },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await emulator.close();
  }
}
