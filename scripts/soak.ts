/**
 * `npm run soak -- --lifecycles 1000 --fault-rate 0.2`: full lifecycles (create, read, drift,
 * refresh, plan, apply, delete) through the provider against the emulator, with faults injected
 * at the given rate on every action — gateway errors, dropped connections, throttling, garbled
 * answers, and "performed but the response lost". Then it counts what matters: duplicate backups
 * (in the emulator, owned by no resource), lost ones (recorded by a resource, absent), errors that
 * reached the user, unhandled rejections. A small version runs in `npm test`.
 */
import { parseArgs } from "util";
import { Emulator, emulatorEnvironment, startEmulator } from "../emulator";
import type { Fault } from "../emulator";
import { CloudApiError, RedisBackupError, TransportError } from "../provider/core/errors";
import type { OperationDeps } from "../provider/core/deps";
import { RateLimiter } from "../provider/core/rateLimiter";
import { SOAK_CLOUDS, SoakCloud } from "./soakClouds";
import { scaledTimeline } from "./soakTimeline";

export interface SoakOptions {
  /** tencentcloud (default), ucloud, alicloud. */
  cloud?: string;
  lifecycles: number;
  faultRate: number;
  concurrency: number;
  /** Requests per (timeline) second per action, for the emulator and the provider alike. */
  rateLimit: number;
  seed: number;
  /**
   * Each resource's waitTimeoutMinutes; unset, the provider's default (30). Shorter than a backup
   * takes (20 virtual seconds here), every create outlives its deadline and must be recorded.
   */
  waitTimeoutMinutes?: number;
  /** How many times faster than real time the run's timeline goes (provider and emulator alike). */
  timeScale: number;
  /** Told after every lifecycle, e.g. to show progress. */
  onLifecycle?: (done: number) => void;
}

export interface SurfacedError {
  lifecycle: number;
  step: string;
  action?: string;
  code?: string;
  requestId?: string;
  message: string;
  actionable: boolean;
}

export interface SoakReport {
  cloud: string;
  lifecycles: number;
  completed: number;
  faultRate: number;
  faultsInjected: number;
  /** Requests the emulator refused for its rate limit (not injected): the client's limiter should keep this 0. */
  rateLimited: number;
  retries: number;
  apiRequests: number;
  errors: SurfacedError[];
  /** Creates that failed after the backup (or its job) existed, handed to the engine to record. */
  recordedPartial: number;
  /** Of those, how many the next `pulumi up` (the engine's update of a resource that failed to initialise) completed. */
  completedByNextUp: number;
  /** Virtual minutes the run's timeline covered, and the real seconds it took. */
  virtualMinutes: number;
  realSeconds: number;
  duplicates: string[];
  lost: string[];
  unhandledRejections: number;
}

/** The faults injected, each at an equal share of the overall rate, plus the cloud's throttling error. */
const FAULTS: Fault[] = [
  { kind: "http", status: 502, body: "<html><body>502 Bad Gateway</body></html>" },
  { kind: "http", status: 503, body: "" },
  { kind: "drop" },
  { kind: "dropAfterPerform" },
  { kind: "malformed", body: '{"Response": {"RequestId": "trunc' },
];

export async function runSoak(o: SoakOptions): Promise<SoakReport> {
  const cloud = SOAK_CLOUDS[o.cloud ?? "tencentcloud"];
  if (!cloud) throw new Error(`unknown cloud ${o.cloud}; one of ${Object.keys(SOAK_CLOUDS).join(", ")}`);
  let unhandled = 0;
  const onUnhandled = () => void unhandled++;
  process.on("unhandledRejection", onUnhandled);
  // Provider and emulator on one timeline, sped up (see soakTimeline.ts).
  const timeline = scaledTimeline(o.timeScale);
  const emulator = await startEmulator({
    taskSeconds: 20,
    rateLimitPerSecond: o.rateLimit,
    timeSource: timeline.clock.now,
  });
  const saved = { ...process.env };
  Object.assign(process.env, emulatorEnvironment(emulator.url), cloud.tuning());
  try {
    cloud.seed(emulator);
    // Each fault at probability q, so that some fault hits a request with probability faultRate.
    const faults = [...FAULTS, cloud.throttled];
    const q = 1 - Math.pow(1 - o.faultRate, 1 / faults.length);
    if (o.faultRate > 0) for (const f of faults) emulator.admin.injectFault("*", f, { probability: q });

    const random = seeded(o.seed);
    const owned = new Set<string>();
    const errors: SurfacedError[] = [];
    let retries = 0;
    let completed = 0;
    let next = 0;
    // One process, so one limiter shared by every resource, as in a `pulumi up` — on the timeline.
    const limiter = new RateLimiter(o.rateLimit, 1_000, timeline.clock, timeline.sleep);
    const deps = (): Partial<OperationDeps> => ({
      clock: timeline.clock,
      sleep: timeline.sleep,
      limiter,
      random,
      reporter: { info: () => {}, warn: () => {} },
      onRetry: () => void retries++,
    });
    const partial: Recorded[] = [];
    const worker = async () => {
      for (let n = next++; n < o.lifecycles; n = next++) {
        const inputs = {
          ...cloud.inputs(n),
          ...(o.waitTimeoutMinutes === undefined ? {} : { waitTimeoutMinutes: o.waitTimeoutMinutes }),
        };
        const ok = await lifecycle(cloud, inputs, n, emulator, deps, random, owned, errors, partial);
        if (ok) completed++;
        o.onLifecycle?.(n + 1);
      }
    };
    const startedReal = Date.now();
    const startedVirtual = timeline.clock.now();
    await Promise.all(Array.from({ length: o.concurrency }, worker));
    emulator.admin.clearFaults();

    // The next `pulumi up`, a minute later: the engine updates every resource whose create failed
    // to initialise, and the provider completes it (a job recorded without its backup is waited for).
    let completedByNextUp = 0;
    if (partial.length > 0) await timeline.sleep(60_000);
    await Promise.all(
      partial.map(async (r) => {
        try {
          const { outs } = await cloud.operations.update(r.id, r.props, r.inputs, deps());
          owned.add(outs.backupId);
          completedByNextUp++;
        } catch (e) {
          errors.push(describe(cloud, r.lifecycle, "next up", e));
        }
      }),
    );

    const made = cloud.backupsMade(emulator);
    const stats = emulator.admin.stats();
    return {
      cloud: cloud.name,
      lifecycles: o.lifecycles,
      completed,
      faultRate: o.faultRate,
      faultsInjected: stats.faultsInjected.total,
      rateLimited: stats.rateLimited,
      retries,
      apiRequests: Object.values(stats.requestsByAction as Record<string, number>).reduce((a, b) => a + b, 0),
      errors,
      recordedPartial: partial.length,
      completedByNextUp,
      virtualMinutes: Math.round((timeline.clock.now() - startedVirtual) / 60_000),
      realSeconds: Math.round((Date.now() - startedReal) / 1000),
      // Every backup the provider made must be owned by a resource, and every owned one must exist.
      duplicates: made
        .filter((id) => !owned.has(id))
        .map((id) => `${id} (${cloud.describeMade(emulator, id)})`),
      lost: [...owned].filter((id) => !made.includes(id)),
      unhandledRejections: unhandled,
    };
  } finally {
    process.off("unhandledRejection", onUnhandled);
    process.env = saved;
    await emulator.close();
  }
}

/** A resource the engine recorded from a create that failed to initialise. */
interface Recorded {
  lifecycle: number;
  id: string;
  props: { backupId: string } & Record<string, unknown>;
  inputs: object;
}

/** One resource's life; false when an error reached the user (recorded in `errors`). */
async function lifecycle(
  cloud: SoakCloud,
  inputs: object,
  n: number,
  emulator: Emulator,
  deps: () => Partial<OperationDeps>,
  random: () => number,
  owned: Set<string>,
  errors: SurfacedError[],
  partial: Recorded[],
): Promise<boolean> {
  const ops = cloud.operations;
  let step = "create";
  try {
    let { id, outs } = await ops.create(inputs, deps());
    owned.add(outs.backupId);
    step = "read";
    outs = (await ops.read(id, outs, deps())).props ?? outs;

    const drifts = cloud.drifts(emulator);
    const drift = drifts[Math.floor(random() * (drifts.length + 1))];
    drift?.(outs.backupId);

    step = "refresh";
    const refreshed = await ops.read(id, outs, deps());
    if (!refreshed.props) return true; // deleted out of band, and dropped from the stack
    outs = refreshed.props;
    step = "plan";
    const plan = ops.diff(id, outs, inputs);
    if (plan.replaces.length > 0) {
      step = "replace";
      const fresh = await ops.create(inputs, deps());
      owned.add(fresh.outs.backupId);
      await ops.remove(id, outs, deps());
      ({ id, outs } = fresh);
    } else if (plan.changes) {
      step = "update";
      outs = (await ops.update(id, outs, inputs, deps())).outs;
    }
    step = "delete";
    await ops.remove(id, outs, deps());
    return true;
  } catch (e) {
    // A create that failed after its backup (or job) existed reports it, and the engine records
    // it; the next `pulumi up` completes it (below, once every lifecycle has run).
    const { id, properties } = e as { id?: string; properties?: Recorded["props"] };
    if (id && properties) partial.push({ lifecycle: n, id, props: properties, inputs });
    errors.push(describe(cloud, n, step, e));
    return false;
  }
}

function describe(cloud: SoakCloud, lifecycle: number, step: string, e: unknown): SurfacedError {
  const err = e as Error;
  const action = err instanceof CloudApiError || err instanceof TransportError ? err.action : undefined;
  const code = err instanceof CloudApiError ? err.code : undefined;
  const requestId = err instanceof CloudApiError ? err.requestId : undefined;
  // Actionable: one of ours, naming what was being done, the instance, and the vendor's answer.
  const actionable =
    err instanceof RedisBackupError && cloud.namesInstance.test(err.message) && err.message.includes(": ");
  return { lifecycle, step, action, code, requestId, message: err.message, actionable };
}

function seeded(seed: number): () => number {
  let s = seed % 2147483647 || 1;
  return () => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647;
  };
}

/** Errors grouped by step and the vendor's code (or the gist of the message), commonest first. */
function errorKinds(errors: SurfacedError[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const e of errors) {
    const gist = e.message
      .replace(/^(creating|reading|updating|deleting|adopting)[^:]*: /, "")
      .replace(/\(RequestId [^)]*\)/g, "")
      .replace(/[0-9a-f]{8}-[0-9a-f-]{27}|\b(?=[0-9a-f]*\d)[0-9a-f]{6,}\b|\d+/g, "N")
      .slice(0, 70);
    const kind = `${e.step}: ${e.action ? `${e.action} ` : ""}${e.code ?? gist}`;
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]);
}

export function formatReport(r: SoakReport): string {
  const lines = [
    `soak ${r.cloud}: ${r.completed}/${r.lifecycles} lifecycles completed, fault rate ${r.faultRate}`,
    `  faults injected:      ${r.faultsInjected} (of ${r.apiRequests} API requests)`,
    `  over the rate limit:  ${r.rateLimited} requests refused by the emulator's own limit`,
    `  timeline:             ${r.virtualMinutes} virtual minutes in ${r.realSeconds} s`,
    `  retries:              ${r.retries}`,
    `  errors surfaced:      ${r.errors.length} (${r.errors.filter((e) => e.actionable).length} actionable)`,
    ...errorKinds(r.errors).map(([kind, count]) => `    ${String(count).padStart(5)} × ${kind}`),
    ...r.errors
      .slice(0, 5)
      .map(
        (e) =>
          `    - #${e.lifecycle} ${e.step}: ${e.action ?? "-"} ${e.code ?? "-"} ${e.requestId ?? "-"}: ${e.message}`,
      ),
    `  partial creates:      ${r.recordedPartial} recorded in the stack, ${r.completedByNextUp} completed by the next up`,
    `  duplicate backups:    ${r.duplicates.length}`,
    ...r.duplicates.slice(0, 5).map((d) => `    - ${d}`),
    `  lost backups:         ${r.lost.length}${r.lost.length ? ` (${r.lost.slice(0, 5).join(", ")})` : ""}`,
    `  unhandled rejections: ${r.unhandledRejections}`,
  ];
  return lines.join("\n");
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      cloud: { type: "string", default: "all" },
      lifecycles: { type: "string", default: "1000" },
      "fault-rate": { type: "string", default: "0.2" },
      concurrency: { type: "string", default: "25" },
      "rate-limit": { type: "string", default: "20" },
      seed: { type: "string", default: "1" },
      "time-scale": { type: "string", default: "10" },
      "wait-timeout-minutes": { type: "string" },
    },
  });
  const lifecycles = Number(values.lifecycles);
  const clouds = values.cloud === "all" ? Object.keys(SOAK_CLOUDS) : [values.cloud!];
  let ok = true;
  for (const cloud of clouds) {
    const report = await runSoak({
      cloud,
      lifecycles,
      faultRate: Number(values["fault-rate"]),
      concurrency: Number(values.concurrency),
      rateLimit: Number(values["rate-limit"]),
      seed: Number(values.seed),
      timeScale: Number(values["time-scale"]),
      waitTimeoutMinutes:
        values["wait-timeout-minutes"] === undefined ? undefined : Number(values["wait-timeout-minutes"]),
      onLifecycle: (done) => {
        if (done % 100 === 0 || done === lifecycles)
          process.stderr.write(`  ${cloud}: ${done}/${lifecycles} lifecycles\n`);
      },
    });
    process.stdout.write(`${formatReport(report)}\n`);
    ok &&=
      report.duplicates.length === 0 &&
      report.lost.length === 0 &&
      report.unhandledRejections === 0 &&
      report.errors.every((e) => e.actionable);
  }
  process.exit(ok ? 0 : 1);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`soak failed: ${(e as Error)?.stack ?? e}\n`);
    process.exit(1);
  });
}
