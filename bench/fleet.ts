/**
 * Fleet refresh: every backup of a fleet read through the real dynamic-provider host the way the
 * engine reads them, `parallel` at a time (`pulumi refresh --parallel`, 4 × CPUs by default: 8 on
 * this machine, 32 on a 8-core CI runner), against an emulator that enforces the vendor's limit.
 * Beside each: the bound the calls made impose (calls of an action / its limit per second; the
 * vendors limit each action on its own), and the peak RSS of a host whose provider makes no call
 * and holds as many reads as long. Each design of the provider's reads is a {@link FleetDesign}:
 * per-backup reads (today's, `REDIS_BACKUP_REFRESH_READS=per-backup`) and the batched reads (one
 * listing per instance, provider/core/sharedListings.ts) beside them, over three rounds taken in
 * turn (their medians decide, their range is printed: one refresh of a few seconds swings by a
 * tenth or more from run to run on a shared machine).
 */
import * as fs from "fs";
import * as path from "path";
import { performance } from "perf_hooks";
import * as pulumi from "@pulumi/pulumi";
import { Emulator, emulatorEnvironment, startEmulator } from "../emulator";
import { requests, serializedProviderOf } from "../emulator/dynamicHost";
import { startBenchHost } from "./hosts";
import * as pkg from "../provider";
import { echoReadProvider } from "./providers/echo";
import { median, spreadOf } from "./stats";
import { Row, log } from "./table";

const ROOT = path.resolve(__dirname, "..");
const INSTANCES = 50;
const PER_INSTANCE = 20;

/** One resource's recorded state, as the engine sends it to Read. */
interface State {
  id: string;
  props: Record<string, unknown>;
}

/** A cloud's fleet: how the emulator is seeded and what state records of each backup. */
export interface FleetCloud {
  cloud: string;
  /** The per-action limit the emulator enforces (0: none), and the words for where it comes from. */
  limitPerSecond: number;
  limitSource: string;
  /** Seeds `INSTANCES` instances of `PER_INSTANCE` backups; returns each backup's state. */
  seed(emulator: Emulator): State[];
  resource(): pulumi.Resource;
  /** Extra environment of the host (a limit the provider keeps to). */
  env?: Record<string, string>;
}

/** How the provider reads; the designs compared side by side. */
export interface FleetDesign {
  name: string;
  /** The host's extra environment for this design. */
  env?: Record<string, string>;
  /** Issue 18's targets apply: calls ≤ 2 × instances × pages, wall ≤ 1.2 × the bound, ≤ 40 MB added. */
  batched?: boolean;
  /**
   * The order of the state the engine reads in: `interleaved` (the default: the first backup of every
   * instance, then the second of every one, ... as creates over time record them), or `by instance`
   * (every backup of one instance, then the next's, as a program declaring them instance by instance does).
   */
  order?: "interleaved" | "by instance";
}

export const FLEET_DESIGNS: FleetDesign[] = [
  // Today's reads, as REDIS_BACKUP_REFRESH_READS=per-backup still gives them.
  { name: "per-backup reads", env: { REDIS_BACKUP_REFRESH_READS: "per-backup" } },
  { name: "batched reads (one listing per instance)", batched: true },
  { name: "batched reads, state by instance", batched: true, order: "by instance" },
];

/** The states in the order `d` reads them (the seeds' own order is interleaved). */
function inOrder(states: State[], d: FleetDesign): State[] {
  if (d.order !== "by instance") return states;
  const instance = (s: State) => s.id.slice(0, s.id.indexOf(":"));
  return [...states].sort((a, b) => instance(a).localeCompare(instance(b)));
}

/** Pages of a listing of one instance's backups (100 a page, the documented maximum of each vendor). */
const PAGES = Math.ceil(PER_INSTANCE / 100);
/** Issue 18's targets for the batched reads. */
const BATCHED = { callsPerInstancePage: 2, boundRatio: 1.2, addedMb: 40 };

/** Adds `INSTANCES` instances named `<prefix>000`…, each with `PER_INSTANCE` backups made by `backup`. */
function seedInstances<B>(prefix: string, backup: (j: number) => B, add: (id: string, backups: B[]) => void) {
  for (let i = 0; i < INSTANCES; i++) {
    add(
      `${prefix}${String(i).padStart(3, "0")}`,
      Array.from({ length: PER_INSTANCE }, (_, j) => backup(j)),
    );
  }
}

export const FLEET_CLOUDS: FleetCloud[] = [
  {
    cloud: "tencentcloud",
    limitPerSecond: 20,
    limitSource: "Tencent's documented 20/s per action",
    resource: () => new pkg.tencentcloud.RedisBackup("fleet", { instanceId: "crs-fleet000" }),
    seed(emulator) {
      seedInstances(
        "crs-fleet",
        (j) => ({ remark: `fleet ${j}`, startedHoursAgo: j + 1, storageDays: 30 }),
        (instanceId, backups) =>
          emulator.admin.addInstance({
            instanceId,
            backups,
            instanceType: 8,
            memSizeMb: 1024,
            shardNum: 1,
            replicasNum: 1,
          }),
      );
      // What a create records (its start time, and what only DescribeBackupDetail gives).
      return emulator.admin.backups().map((b) => ({
        id: `${b.instanceId}:${b.backupId}`,
        props: recordedTencentOutputs(b),
      }));
    },
  },
  {
    cloud: "alicloud",
    limitPerSecond: 20,
    limitSource: "the provider's default, 20/s per action",
    resource: () => new pkg.alicloud.RedisBackup("fleet", { instanceId: "r-fleet000" }),
    seed(emulator) {
      seedInstances(
        "r-fleet",
        (j) => ({ startedHoursAgo: j + 1 }),
        (instanceId, backups) => emulator.alicloud.addInstance({ instanceId, backups }),
      );
      // Only the fleet's: the emulator also holds its demo instances.
      return emulator.alicloud
        .backups()
        .filter((b) => b.instanceId.startsWith("r-fleet"))
        .map((b) => ({
          id: `${b.instanceId}:${b.backupId}`,
          props: {
            instanceId: b.instanceId,
            backupId: String(b.backupId),
            backupIds: [String(b.backupId)],
            jobId: String(b.jobId),
            mode: b.mode,
            status: "available",
            region: "cn-hangzhou",
            adopted: false,
            ...(b.expireTime ? { expireTime: b.expireTime } : {}),
          },
        }));
    },
  },
  {
    cloud: "ucloud",
    limitPerSecond: 0,
    limitSource: "none published; the provider keeps to none, as UCloud's SDKs",
    resource: () =>
      new pkg.ucloud.RedisBackup("fleet", { groupId: "uredis-fleet000", backupName: "fleet-0" }),
    seed(emulator) {
      seedInstances(
        "uredis-fleet",
        (j) => ({ backupName: `fleet-${j}`, backupType: "Manual" as const, takenHoursAgo: j + 1 }),
        (groupId, backups) => emulator.ucloud.addGroup({ groupId, backups }),
      );
      return emulator.ucloud
        .backups()
        .filter((b) => b.groupId.startsWith("uredis-fleet"))
        .map((b) => ({
          id: `${b.groupId}:${b.backupId}`,
          props: {
            groupId: b.groupId,
            backupName: b.backupName,
            backupId: b.backupId,
            status: "available",
            region: "cn-bj2",
            zone: "cn-bj2-04",
            adopted: false,
          },
        }));
    },
  },
];

/** What one refresh of the fleet did. */
export interface FleetRun {
  seconds: number;
  calls: Record<string, number>;
  failed: number;
  refused: number;
  peakMb: number;
  firstError?: string;
}

/** Reads `states` through a fresh host, `parallel` at a time, as the engine does. */
async function refresh(
  emulator: Emulator,
  states: State[],
  provider: string,
  parallel: number,
  env: Record<string, string>,
): Promise<FleetRun> {
  const before = emulator.admin.stats();
  const host = await startBenchHost({ cwd: ROOT, env: { ...emulatorEnvironment(emulator.url), ...env } });
  const rq = requests("pulumi-nodejs:dynamic:Resource");
  await host.call("configure", rq.configure({}));
  let next = 0;
  let failed = 0;
  let firstError: string | undefined;
  const t0 = performance.now();
  const worker = async () => {
    for (let i = next++; i < states.length; i = next++) {
      const s = states[i];
      try {
        await host.call("read", rq.read(s.id, { ...s.props, __provider: provider }, undefined, `b${i}`));
      } catch (e) {
        failed++;
        firstError ??= (e as Error).message.slice(0, 300);
      }
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  const seconds = (performance.now() - t0) / 1000;
  const status = fs.readFileSync(`/proc/${host.proc.pid}/status`, "utf8");
  const peakMb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]) / 1024;
  await host.stop();
  const after = emulator.admin.stats();
  const calls: Record<string, number> = {};
  for (const [action, n] of Object.entries(after.requestsByAction)) {
    const d = n - (before.requestsByAction[action] ?? 0);
    if (d > 0) calls[action] = d;
  }
  return { seconds, calls, failed, refused: after.rateLimited - before.rateLimited, peakMb, firstError };
}

/** The time the calls made need at least: each action's calls over its limit (actions run side by side). */
export function boundSeconds(calls: Record<string, number>, limitPerSecond: number): number | undefined {
  if (limitPerSecond <= 0) return undefined;
  return Math.max(0, ...Object.values(calls).map((n) => n / limitPerSecond));
}

const callsText = (calls: Record<string, number>) =>
  Object.entries(calls)
    .map(([a, n]) => `${n.toLocaleString("en")} ${a}`)
    .join(", ");

/** Rounds of each batched design (interleaved with the others'); per-backup reads, bound by the limit at 50 s, run once. */
export const BATCHED_ROUNDS = 3;

/** One round of a design: our refresh, the host alone holding as many reads as long, and (batched) the host's floor. */
interface Sample {
  r: FleetRun;
  alone: FleetRun;
  floor?: FleetRun;
}

/** `2.9 s` for one sample; `2.9 s (range 2.8–3.1, n 3)`: the median and the extremes of several. */
function figure(xs: readonly number[], unit: string, digits = 1, signed = false): string {
  const f = (x: number) => `${signed && x >= 0 ? "+" : ""}${x.toFixed(digits)}`;
  const s = spreadOf(xs);
  const u = unit === "×" ? unit : ` ${unit}`;
  return xs.length === 1
    ? `${f(s.median)}${u}`
    : `${f(s.median)}${u} (range ${f(s.min)}–${f(s.max)}, n ${s.n})`;
}

/** One design's refresh, once. */
async function sampleOf(
  emulator: Emulator,
  c: FleetCloud,
  ours: string,
  echo: string,
  p: number,
  d: FleetDesign,
  seeded: State[],
): Promise<Sample> {
  const states = inOrder(seeded, d);
  const r = await refresh(emulator, states, ours, p, { ...c.env, ...d.env });
  // The host alone, holding as many reads in flight as long as ours did.
  const pauseMs = Math.round((r.seconds * 1000 * p) / states.length);
  const withPause = (ms: number) => states.map((s) => ({ ...s, props: { ...s.props, pauseMs: ms } }));
  const alone = await refresh(emulator, withPause(pauseMs), echo, p, {});
  // The host's own time for the same reads: a provider answering each from state at once.
  const floor = d.batched ? await refresh(emulator, withPause(0), echo, p, {}) : undefined;
  log(
    `  ${c.cloud} P=${p} ${d.name}: ${r.seconds.toFixed(1)} s, ${callsText(r.calls)}, ${r.failed} failed, ` +
      `${r.refused} refused, peak RSS ${r.peakMb.toFixed(0)} MB (the host alone ${alone.peakMb.toFixed(0)} MB)` +
      (floor ? `; the host answering from state ${floor.seconds.toFixed(1)} s` : "") +
      (r.firstError ? `; first error: ${r.firstError}` : ""),
  );
  return { r, alone, floor };
}

/** A design's row from its samples: medians, with the range where there are several. */
function rowOf(c: FleetCloud, p: number, d: FleetDesign, backups: number, samples: Sample[]): Row {
  const runs = samples.map((x) => x.r);
  // Every round makes the same calls (the design decides them); the most any round made is shown.
  const calls: Record<string, number> = {};
  for (const r of runs) for (const [a, n] of Object.entries(r.calls)) calls[a] = Math.max(calls[a] ?? 0, n);
  const bound = boundSeconds(calls, c.limitPerSecond);
  const failed = runs.reduce((n, r) => n + r.failed, 0);
  const refused = runs.reduce((n, r) => n + r.refused, 0);
  const seconds = runs.map((r) => r.seconds);
  const added = samples.map((x) => x.r.peakMb - x.alone.peakMb);
  const callsMade = Object.values(calls).reduce((a, b) => a + b, 0);
  const maxCalls = BATCHED.callsPerInstancePage * INSTANCES * PAGES;
  const ratioLimit = d.batched ? BATCHED.boundRatio : 1.1;
  const inTime = bound === undefined || median(seconds) <= ratioLimit * bound;
  const floors = samples.flatMap((x) => (x.floor ? [x.floor.seconds] : []));
  return {
    measure:
      `fleet refresh, ${c.cloud}, ${backups.toLocaleString("en")} backups on ${INSTANCES} instances, ` +
      `${p} reads in flight, ${d.name} (limit: ${c.limitSource})`,
    ours:
      `${figure(seconds, "s")}; ${callsText(calls)}; ${failed} failed, ${refused} refused; ` +
      `host peak RSS ${figure(
        runs.map((r) => r.peakMb),
        "MB",
        0,
      )}`,
    beside:
      (bound === undefined
        ? "no limit, so no bound"
        : `bound ${bound.toFixed(1)} s (calls / ${c.limitPerSecond} per s)`) +
      `; the host with a provider that makes no call: ${figure(
        samples.map((x) => x.alone.peakMb),
        "MB",
        0,
      )}` +
      (floors.length ? `, and ${figure(floors, "s")} to answer the same reads from state` : ""),
    ratio:
      (bound === undefined
        ? ""
        : `${figure(
            seconds.map((x) => x / bound),
            "×",
            2,
          )} the bound; `) + `${figure(added, "MB", 0, true)} ours`,
    target:
      (d.batched ? `≤ ${maxCalls} calls, ≤ ${BATCHED.addedMb} MB ours, ` : "") +
      (bound === undefined ? "" : `≤ ${ratioLimit}× the bound, `) +
      "none refused, none failed (medians)",
    met:
      failed === 0 &&
      refused === 0 &&
      inTime &&
      (!d.batched || (callsMade <= maxCalls && median(added) <= BATCHED.addedMb)),
  };
}

/**
 * One cloud's refreshes at each parallelism: every design, the batched ones over
 * {@link BATCHED_ROUNDS} rounds taken in turn with the other designs (so a slow minute of the
 * machine falls on all of them), each beside the host with a provider that calls nothing.
 */
async function fleetOfCloud(
  c: FleetCloud,
  ours: string,
  parallels: number[],
  designs: FleetDesign[],
): Promise<Row[]> {
  const emulator = await startEmulator({
    taskSeconds: 0,
    rateLimitPerSecond: c.limitPerSecond,
    instances: [],
  });
  try {
    const seeded = c.seed(emulator);
    const echo = (await pulumi.runtime.serializeFunction(() => echoReadProvider, { allowSecrets: true }))
      .text;
    const rows: Row[] = [];
    for (const p of parallels) {
      const samples = designs.map((): Sample[] => []);
      for (let round = 0; round < BATCHED_ROUNDS; round++) {
        for (const [i, d] of designs.entries()) {
          if (!d.batched && round > 0) continue;
          samples[i].push(await sampleOf(emulator, c, ours, echo, p, d, seeded));
        }
      }
      designs.forEach((d, i) => rows.push(rowOf(c, p, d, seeded.length, samples[i])));
    }
    return rows;
  } finally {
    await emulator.close();
  }
}

/**
 * The fleet rows: one cloud after another, each on its own emulator (limits being per vendor), so
 * that a cloud's refresh does not share the machine's two cores with another cloud's emulator and
 * host, as no real refresh does.
 */
export async function fleetRefresh(
  parallels = [8, 32],
  clouds = FLEET_CLOUDS,
  designs = FLEET_DESIGNS,
): Promise<Row[]> {
  log(
    `fleet refresh: ${clouds.map((c) => c.cloud).join(", ")}, one after another; ${parallels.join(" and ")} in flight`,
  );
  // Serialized one at a time: serializedProviderOf mocks the Pulumi runtime process-wide.
  const providers: string[] = [];
  for (const c of clouds) providers.push((await serializedProviderOf(c.resource)).text);
  const rows: Row[] = [];
  for (const [i, c] of clouds.entries())
    rows.push(...(await fleetOfCloud(c, providers[i], parallels, designs)));
  return rows;
}

/** What a Tencent create records of an emulator backup: its start time, and what only DescribeBackupDetail gives. */
export function recordedTencentOutputs(b: ReturnType<Emulator["admin"]["backups"]>[number]) {
  const iso = (t: string) => t.replace(" ", "T") + "+08:00";
  return {
    instanceId: b.instanceId,
    remark: b.remark,
    backupId: b.backupId,
    status: "available",
    locked: false,
    lockedAcknowledged: false,
    adopted: false,
    startTime: iso(b.startTime),
    endTime: iso(b.endTime),
    expireTime: iso(b.expireTime),
    backupType: "manual",
    backupTypeCode: b.backupType,
    instanceType: 8,
    memSizeMb: 1024,
    shardNum: 1,
    replicasNum: 1,
  };
}
