/**
 * Create lateness: how long after a backup task is done a create returns, through the real
 * dynamic-provider host, beside a fixed 1 s poller and a fixed 30 s poller (bench/pollers.ts) run
 * against the same emulator at the same time. Durations D spread over the whole poll schedule
 * (core/waiter.ts), and around some of its polls D = poll + ¼, ½, ¾ of the next gap and just after
 * it — the worst moments, as a task done just after a poll waits out the whole gap. D up to 150 s
 * run on the real clock; longer D on a timeline sped up 10× that provider (bench/hostTimeline.cjs)
 * and emulator (`timeSource`) both follow, where every call's latency counts 10× (a harsher run).
 */
import * as path from "path";
import { Emulator, emulatorEnvironment, startEmulator } from "../emulator";
import { requests, serializedProviderOf } from "../emulator/dynamicHost";
import { startBenchHost } from "./hosts";
import * as pkg from "../provider";
import { Timeline, realTimeline } from "../provider/core/clock";
import { defaultPollSchedule, nextDelay } from "../provider/core/waiter";
import { resolveTencentSettings } from "../provider/tencentcloud/settings";
import { scaledTimeline } from "../scripts/soakTimeline";
import { fixedIntervalCreate } from "./pollers";
import { Row, log } from "./table";

const ROOT = path.resolve(__dirname, "..");

/** One run of creates on one timeline. */
export interface LatenessPhase {
  name: string;
  /** 1: the real clock. */
  scale: number;
  /** Durations spread over the range, seconds. */
  spread: number[];
  /** Around the last poll before each of these (seconds), the four worst-case durations. */
  aroundPolls: number[];
}

/** The phases `npm run bench` runs, at the same time. */
export const LATENESS_PHASES: LatenessPhase[] = [
  { name: "real clock", scale: 1, spread: [2, 5, 10, 20, 45, 90, 150], aroundPolls: [3, 30, 60, 90, 150] },
  // ×10, not more: the 1 s pollers then call 10 times a (real) second each, and every call's
  // latency counts 10×; faster, a busy machine's latency alone would swamp the lateness.
  { name: "timeline ×10", scale: 10, spread: [300, 600, 1200, 1700], aroundPolls: [600, 1700] },
];

type Variant = "ours" | "1 s poller" | "30 s poller";
const VARIANTS: Variant[] = ["ours", "1 s poller", "30 s poller"];

interface Point {
  variant: Variant;
  durationS: number;
  lateMs: number;
}

/** The schedule's poll times (ms after the wait starts) up to the first at or after `untilMs`. */
export function pollTimes(untilMs: number): number[] {
  const times = [0];
  while (times[times.length - 1] < untilMs) {
    const now = times[times.length - 1];
    times.push(now + nextDelay(now, defaultPollSchedule));
  }
  return times;
}

/** What the schedule alone predicts: the gap from D to the first poll at or after it, and the polls. */
export function predicted(durationMs: number): { lateMs: number; polls: number } {
  const times = pollTimes(durationMs);
  return { lateMs: times[times.length - 1] - durationMs, polls: times.length };
}

/** The durations of a phase: its spread, and for each of `aroundPolls` a poll's gap at ~0, ¼, ½, ¾. */
export function phaseDurations(p: LatenessPhase): number[] {
  const ds = [...p.spread];
  for (const s of p.aroundPolls) {
    const times = pollTimes(s * 1000 + 1); // up to the first poll after s
    const k = times.filter((t) => t <= s * 1000).length - 1;
    const gap = times[k + 1] - times[k];
    for (const f of [0.05, 0.3, 0.55, 0.8]) ds.push(Math.round(times[k] + f * gap) / 1000);
  }
  return [...new Set(ds)].sort((a, b) => a - b);
}

/** Resolves when the emulator holds a backup of `instance`: its task has started (on `timeline`). */
async function taskStarted(emulator: Emulator, instance: string, timeline: Timeline): Promise<number> {
  for (let waited = 0; waited < 30_000; waited++) {
    if (emulator.admin.backups(instance).length > 0) return timeline.clock.now();
    await new Promise((r) => setTimeout(r, 1));
  }
  throw new Error(`create lateness: no backup of ${instance} was ever started`);
}

/** Runs one phase: every duration, each variant on its own instance, all at once. */
async function runPhase(p: LatenessPhase) {
  const timeline = p.scale === 1 ? realTimeline : scaledTimeline(p.scale);
  const origin = timeline.clock.now();
  const emulator = await startEmulator({
    taskSeconds: 0,
    rateLimitPerSecond: 0,
    instances: [],
    timeSource: p.scale === 1 ? undefined : timeline.clock.now,
  });
  const env: Record<string, string> = emulatorEnvironment(emulator.url);
  if (p.scale !== 1) {
    Object.assign(env, {
      NODE_OPTIONS: `--require ${path.join(__dirname, "hostTimeline.cjs")}`,
      BENCH_TIME_SCALE: String(p.scale),
      BENCH_TIME_ORIGIN: String(origin),
    });
  }
  Object.assign(process.env, { ...emulatorEnvironment(emulator.url), TENCENTCLOUD_ENDPOINT: "" });
  const settings = { ...resolveTencentSettings(), endpoint: emulator.url };
  const host = await startBenchHost({ cwd: ROOT, env });
  const rq = requests("pulumi-nodejs:dynamic/tencentcloud:RedisBackup");
  await host.call("configure", rq.configure({}));
  const provider = (
    await serializedProviderOf(() => new pkg.tencentcloud.RedisBackup("late", { instanceId: "crs-late0000" }))
  ).text;
  const durations = phaseDurations(p);
  const pending: Promise<Point | Error>[] = [];
  const pollerCalls: Record<Variant, number> = { ours: 0, "1 s poller": 0, "30 s poller": 0 };
  let n = 0;
  try {
    // Started one after another: the emulator gives a task the duration set when it starts.
    for (const d of durations) {
      for (const variant of VARIANTS) {
        const instance = `crs-late${String(n++).padStart(4, "0")}`;
        emulator.admin.addInstance({ instanceId: instance });
        emulator.admin.setTaskSeconds(d);
        const finished: Promise<unknown> =
          variant === "ours"
            ? host.call("create", rq.create({ instanceId: instance, __provider: provider }, instance))
            : fixedIntervalCreate(
                settings,
                timeline,
                instance,
                variant === "1 s poller" ? 1_000 : 30_000,
              ).then((r) => (pollerCalls[variant] += r.taskPolls));
        // Settled at once, so that a create failing while later ones start is no unhandled rejection.
        const settled = finished.then(
          () => ({ end: timeline.clock.now() }),
          (e: Error) => ({ error: e }),
        );
        const start = await taskStarted(emulator, instance, timeline);
        pending.push(
          settled.then((r) =>
            "error" in r
              ? new Error(`${p.name}, D ${d} s, ${variant}: ${r.error.message}`)
              : { variant, durationS: d, lateMs: r.end - start - d * 1000 },
          ),
        );
      }
    }
    const results = await Promise.all(pending);
    const failed = results.find((r): r is Error => r instanceof Error);
    if (failed) throw new Error(`${failed.message}; the host said: ${host.stderr.join("").slice(-2000)}`);
    const points = results as Point[];
    const all = emulator.admin.stats().requestsByAction.DescribeTaskInfo ?? 0;
    pollerCalls.ours = all - pollerCalls["1 s poller"] - pollerCalls["30 s poller"];
    return { points, taskPolls: pollerCalls, durations };
  } finally {
    await host.stop();
    await emulator.close();
  }
}

const allowanceMs = (d: number) => Math.max(2_000, 0.03 * d * 1000);
const s1 = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Where 3% of D exceeds 2 s, and a share of D is the measure that counts. */
const SHARE_FROM_S = 2 / 0.03;

/**
 * The worst of `points`: in seconds; as a share of D where that is what the target bounds (D over
 * 67 s); and against the allowance max(2 s, 3% of D).
 */
function worst(points: Point[]) {
  const by = (ps: Point[], f: (p: Point) => number) => ps.reduce((a, b) => (f(b) > f(a) ? b : a));
  const late = by(points, (p) => p.lateMs);
  const long = points.filter((p) => p.durationS > SHARE_FROM_S);
  const share = long.length ? by(long, (p) => p.lateMs / (p.durationS * 1000)) : undefined;
  const allowance = by(points, (p) => p.lateMs / allowanceMs(p.durationS));
  return {
    text:
      `worst ${s1(late.lateMs)} (D ${late.durationS} s)` +
      (share
        ? `; ${((share.lateMs / (share.durationS * 1000)) * 100).toFixed(1)}% of D (D ${share.durationS} s)`
        : ""),
    ofAllowance: allowance.lateMs / allowanceMs(allowance.durationS),
  };
}

/** The lateness rows: each phase's worst, ours beside the fixed pollers, and ours' calls. */
export async function createLateness(phases = LATENESS_PHASES): Promise<Row[]> {
  log(
    `create lateness: ${phases.map((p) => `${p.name} (${phaseDurations(p).length} durations)`).join(", ")}, at once`,
  );
  const results = await Promise.all(phases.map(runPhase));
  const rows: Row[] = [];
  results.forEach(({ points, taskPolls, durations }, i) => {
    const p = phases[i];
    const of = (v: Variant) => points.filter((x) => x.variant === v);
    for (const d of durations) {
      const at = (v: Variant) => s1(points.find((x) => x.variant === v && x.durationS === d)!.lateMs);
      const pr = predicted(d * 1000);
      log(
        `  ${p.name} D ${d} s: ours ${at("ours")} (schedule ${s1(pr.lateMs)}, ${pr.polls} polls), ` +
          `1 s poller ${at("1 s poller")}, 30 s poller ${at("30 s poller")}`,
      );
    }
    const ours = worst(of("ours"));
    const predictedPolls = durations.reduce((a, d) => a + predicted(d * 1000).polls, 0);
    const perCreate = [60, 600, 1800].map((d) => `${predicted(d * 1000).polls} at ${d} s`).join(", ");
    const range = `D ${durations[0]}–${durations[durations.length - 1]} s, ${durations.length} durations`;
    rows.push({
      measure: `create lateness through the host, ${p.name} (${range}, incl. the worst points around polls near ${p.aroundPolls.join("/")} s)`,
      ours: ours.text,
      beside: `1 s poller: ${worst(of("1 s poller")).text}; 30 s poller: ${worst(of("30 s poller")).text}`,
      ratio: `${ours.ofAllowance.toFixed(2)}× the allowance`,
      target: "≤ max(2 s, 3% of D) at every D",
      met: ours.ofAllowance <= 1,
    });
    rows.push({
      measure: `DescribeTaskInfo calls of those creates, ${p.name}`,
      ours: `${taskPolls.ours} for ${durations.length} creates (the schedule predicts ${predictedPolls}; per create ${perCreate})`,
      beside: `1 s poller: ${taskPolls["1 s poller"]}; 30 s poller: ${taskPolls["30 s poller"]}`,
      ratio: "",
      target: "calls ~ log D",
      met: undefined,
    });
  });
  return rows;
}
