/**
 * A `pulumi up` killed mid-create, then the README's recovery steps, judged by the emulator:
 * the crash test (scripts/crashTest.ts) runs it in a loop, the engine suite a few times.
 *
 * The kill is SIGKILL to every process of the CLI's session at once (the CLI, the language host
 * and program, the dynamic-provider host: see killSession), at one of three moments of a create,
 * told apart by what the emulator has been asked so far: `before` the create call, right `after`
 * the call was accepted, or `waiting` for the backup (polls seen). The moment a run aimed at is
 * not always the one it hit (the create may come sooner than the kill); each run says which it hit.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import type { Emulator } from "../../emulator";
import { killSession } from "./killSession";
import { CliResult, PulumiProject, REPO_ROOT } from "./project";

/** The three clouds, as the crash test names them. */
export type CrashCloud = "tencentcloud" | "alicloud" | "ucloud";
/** When, in a create, the deployment is killed. */
export type KillMoment = "before" | "after" | "waiting";
export const KILL_MOMENTS: readonly KillMoment[] = ["before", "after", "waiting"];

/** Per cloud: its create action, the action that polls it, and the instance the test program backs up. */
export const CREATE_OF: Record<
  CrashCloud,
  { create: string; poll: string; instance: string; resource: string }
> = {
  tencentcloud: {
    create: "ManualBackupInstance",
    poll: "DescribeTaskInfo",
    instance: "crs-demo0001",
    resource: "orders",
  },
  alicloud: {
    create: "CreateBackup",
    poll: "DescribeBackupTasks",
    instance: "r-demo0001",
    resource: "catalog",
  },
  ucloud: {
    create: "CreateURedisBackup",
    poll: "DescribeURedisBackup",
    instance: "uredis-demo01",
    resource: "cache",
  },
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What the emulator has been asked, per action. */
const asked = (e: Emulator, action: string) => e.admin.stats().requestsByAction[action] ?? 0;

/** Makes every backup task slow enough for a "waiting" window (world-clock seconds). */
export function slowTasks(e: Emulator, seconds: number): void {
  e.tencentcloud.setTaskSeconds(seconds);
  e.alicloud.setJobSeconds(seconds);
  e.ucloud.setBackupSeconds(seconds);
}

/** What a killed `pulumi up` did before it died. */
export interface Killed {
  /** The moment it was killed at, as observed (for the first cloud's create, when several). */
  moment: KillMoment;
  /** Processes of its session that were still alive and were killed. */
  processes: number;
  up: CliResult;
}

/**
 * Starts `pulumi up` and kills it at `aim`: `before` after a random delay shorter than the creates
 * usually take to be sent (`beforeWithinMs`); `after` at once when every cloud's create was sent;
 * `waiting` a random moment in the first `waitWithinMs` after every create was polled once.
 */
export async function killUpAt(
  project: PulumiProject,
  emulator: Emulator,
  clouds: readonly CrashCloud[],
  aim: KillMoment,
  o: { random: () => number; beforeWithinMs: number; waitWithinMs: number },
): Promise<Killed> {
  const base = Object.fromEntries(clouds.map((c) => [c, asked(emulator, CREATE_OF[c].poll)]));
  const sent = () => clouds.every((c) => asked(emulator, CREATE_OF[c].create) > 0);
  // Polls after the create (the pre-create look of UCloud and Alibaba uses the same actions).
  const polled = () => sent() && clouds.every((c) => asked(emulator, CREATE_OF[c].poll) > base[c] + 1);
  const { child, done } = project.startGroup(["up", "--yes", "--skip-preview"]);
  let exited = false;
  void done.then(() => (exited = true));
  const until = async (cond: () => boolean, maxMs: number) => {
    const end = Date.now() + maxMs;
    while (!cond() && !exited && Date.now() < end) await sleep(10);
  };
  if (aim === "before") {
    await until(sent, 1 + o.random() * o.beforeWithinMs);
  } else if (aim === "after") {
    await until(sent, 120_000);
  } else {
    await until(polled, 120_000);
    await sleep(o.random() * o.waitWithinMs);
  }
  const first = clouds[0];
  const moment: KillMoment =
    asked(emulator, CREATE_OF[first].create) === 0
      ? "before"
      : asked(emulator, CREATE_OF[first].poll) > base[first] + 1
        ? "waiting"
        : "after";
  const processes = killSession(child.pid!);
  const up = await done;
  // The plugins die with SIGKILL too; make sure none is left polling the emulator.
  await sleep(200);
  killSession(child.pid!);
  return { moment, processes, up };
}

/** One step of the recovery, as the README gives it, and what it printed. */
export interface Step {
  command: string;
  code: number;
  output: string;
}

/** What `recover --json` says. */
export interface RecoverReport {
  settled: boolean;
  pendingCreates: {
    urn: string;
    name: string;
    cloud: string;
    made: string;
    what: string;
    id?: string;
    candidates?: string[];
  }[];
}

/** Runs `pulumi-redis-backup` (this checkout's dist/) with the project's environment. */
export function runRecoverCli(project: PulumiProject, args: string[]): Promise<CliResult> {
  const bin = path.join(REPO_ROOT, "dist", "cli", "index.js");
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [bin, ...args], { cwd: project.dir, env: project.environment() });
    let stdout = "";
    let stderr = "";
    p.stdout.on("data", (d) => (stdout += String(d)));
    p.stderr.on("data", (d) => (stderr += String(d)));
    p.on("error", reject);
    p.on("close", (code) =>
      resolve({ command: `pulumi-redis-backup ${args.join(" ")}`, code: code ?? 1, stdout, stderr }),
    );
  });
}

/** What the README's recovery did: each step, and what `recover` found. */
export interface Recovered {
  steps: Step[];
  report: RecoverReport;
  /** Whether `pulumi preview --expect-no-changes` passed at the end. */
  consistent: boolean;
}

/**
 * The README's steps after an interrupted `pulumi up`: release the killed run's lock, export the
 * stack, let `recover` write the repaired export, import it, refresh, run `pulumi up` again (it
 * takes what the interrupted one did not), then check that nothing more is planned.
 */
export async function recoverAsReadme(project: PulumiProject): Promise<Recovered> {
  const steps: Step[] = [];
  const record = (r: CliResult) => {
    steps.push({ command: r.command, code: r.code, output: `${r.stdout}${r.stderr}` });
    return r;
  };
  const state = path.join(project.dir, "state.json");
  const repaired = path.join(project.dir, "repaired.json");
  record(await project.run(["cancel", "--yes"]));
  const exported = record(await project.run(["stack", "export", "--file", state]));
  if (exported.code !== 0) throw new Error(`pulumi stack export failed: ${exported.stderr}`);
  const rec = record(
    await runRecoverCli(project, ["recover", "--state", state, "--write-state", repaired, "--json"]),
  );
  if (rec.code === 1) throw new Error(`recover failed: ${rec.stdout}${rec.stderr}`);
  const report = JSON.parse(rec.stdout) as RecoverReport;
  if (fs.existsSync(repaired)) record(await project.run(["stack", "import", "--file", repaired]));
  record(await project.run(["refresh", "--yes", "--skip-preview"]));
  record(await project.run(["up", "--yes", "--skip-preview"]));
  const preview = record(await project.run(["preview", "--expect-no-changes"]));
  return { steps, report, consistent: preview.code === 0 };
}

/** Backups (Alibaba: jobs) each cloud made for the test program's instances, by id. */
export function madeInClouds(e: Emulator): Record<CrashCloud, string[]> {
  return {
    tencentcloud: e.admin
      .backups(CREATE_OF.tencentcloud.instance)
      .filter((b) => b.backupType === "0" && b.status !== null)
      .map((b) => b.backupId),
    alicloud: [
      ...new Set(
        e.alicloud
          .jobs(CREATE_OF.alicloud.instance)
          .filter((j) => j.mode === "Manual")
          .map((j) => String(j.jobId)),
      ),
    ],
    ucloud: e.ucloud
      .backups(CREATE_OF.ucloud.instance)
      .filter((b) => b.backupType === "Manual" && !b.deleted)
      .map((b) => b.backupId),
  };
}

/** The key a stack records a cloud's backup by: the backup id (Alibaba: the job that made it). */
export function recordedKeys(
  resources: { type: string; outputs?: Record<string, unknown> }[],
  cloud: CrashCloud,
) {
  return resources
    .filter((r) => r.type === `pulumi-nodejs:dynamic/${cloud}:RedisBackup`)
    .map((r) => String(cloud === "alicloud" ? r.outputs?.jobId : r.outputs?.backupId));
}

/** The backup (Alibaba: job) ids `recover` named for a cloud, found or candidate. */
export function namedKeys(report: RecoverReport, cloud: CrashCloud): string[] {
  const keyOf = (s: string) =>
    s
      .replace(/^job /, "")
      .replace(/^[^:]*:(job-)?/, "")
      .split(" ")[0];
  return report.pendingCreates
    .filter((p) => p.cloud === cloud)
    .flatMap((p) => [...(p.id ? [p.id] : []), ...(p.candidates ?? [])])
    .map(keyOf);
}
