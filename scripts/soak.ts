/**
 * `npm run soak -- --lifecycles 1000 --fault-rate 0.2`: full lifecycles (create, read, drift,
 * refresh, plan, apply, delete) through the provider against the emulator, with faults injected
 * at the given rate on every action — gateway errors, dropped connections, throttling, garbled
 * answers, and "performed but the response lost". Then it counts what matters: duplicate backups
 * (in the emulator, owned by no resource), lost ones (recorded by a resource, absent), errors that
 * reached the user, unhandled rejections. A small version runs in `npm test`.
 */
import { parseArgs } from "util";
import { DEFAULT_TENCENT_CREDENTIALS, DEMO_REGION, Emulator, startEmulator } from "../emulator";
import type { Fault } from "../emulator";
import { CloudApiError, RedisBackupError, TransportError } from "../provider/core/errors";
import type { OperationDeps } from "../provider/core/deps";
import * as tencent from "../provider/tencentcloud/operations";

export interface SoakOptions {
  lifecycles: number;
  faultRate: number;
  concurrency: number;
  /** Requests per second per action, for the emulator and the provider alike. */
  rateLimit: number;
  seed: number;
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
  retries: number;
  apiRequests: number;
  errors: SurfacedError[];
  duplicates: string[];
  lost: string[];
  unhandledRejections: number;
}

/** The faults injected, each at an equal share of the overall rate. */
const FAULTS: Fault[] = [
  { kind: "http", status: 502, body: "<html><body>502 Bad Gateway</body></html>" },
  { kind: "http", status: 503, body: "" },
  { kind: "drop" },
  { kind: "dropAfterPerform" },
  {
    kind: "error",
    code: "RequestLimitExceeded",
    message: "Your current request times exceeds the frequency limit.",
  },
  { kind: "malformed", body: '{"Response": {"RequestId": "trunc' },
];

const INSTANCES = 10;

export async function runSoak(o: SoakOptions): Promise<SoakReport> {
  let unhandled = 0;
  const onUnhandled = () => void unhandled++;
  process.on("unhandledRejection", onUnhandled);
  const emulator = await startEmulator({ taskSeconds: 20, rateLimitPerSecond: o.rateLimit });
  const saved = { ...process.env };
  Object.assign(process.env, {
    TENCENTCLOUD_ENDPOINT: emulator.url,
    TENCENTCLOUD_SECRET_ID: DEFAULT_TENCENT_CREDENTIALS.secretId,
    TENCENTCLOUD_SECRET_KEY: DEFAULT_TENCENT_CREDENTIALS.secretKey,
    TENCENTCLOUD_REGION: DEMO_REGION,
    TENCENTCLOUD_RATE_LIMIT_PER_SECOND: String(o.rateLimit),
    TENCENTCLOUD_REQUEST_TIMEOUT_SECONDS: "5",
  });
  try {
    for (let i = 0; i < INSTANCES; i++) emulator.admin.addInstance({ instanceId: instanceId(i) });
    // Each fault at probability q, so that some fault hits a request with probability faultRate.
    const q = 1 - Math.pow(1 - o.faultRate, 1 / FAULTS.length);
    if (o.faultRate > 0) for (const f of FAULTS) emulator.admin.injectFault("*", f, { probability: q });

    const random = seeded(o.seed);
    const owned = new Set<string>();
    const errors: SurfacedError[] = [];
    let retries = 0;
    let completed = 0;
    let next = 0;
    // Each operation gets its own clock, moved by its own sleeps; every sleep also moves the
    // emulator's world clock, so backup tasks progress without anyone really waiting.
    const deps = (): Partial<OperationDeps> => {
      let now = Date.now();
      return {
        clock: { now: () => now },
        sleep: async (ms) => {
          now += ms;
          emulator.admin.advanceClock(ms / 1000);
        },
        random,
        reporter: { info: () => {}, warn: () => {} },
        onRetry: () => void retries++,
      };
    };
    const worker = async () => {
      for (let n = next++; n < o.lifecycles; n = next++) {
        const ok = await lifecycle(n, emulator, deps, random, owned, errors);
        if (ok) completed++;
        o.onLifecycle?.(n + 1);
      }
    };
    await Promise.all(Array.from({ length: o.concurrency }, worker));
    emulator.admin.clearFaults();

    const marked = emulator.admin.backups().filter((b) => /\[pulumi:[0-9a-f]{12}\]$/.test(b.remark));
    const stats = emulator.admin.stats();
    return {
      cloud: "tencentcloud",
      lifecycles: o.lifecycles,
      completed,
      faultRate: o.faultRate,
      faultsInjected: stats.faultsInjected.total,
      retries,
      apiRequests: Object.values(stats.requestsByAction as Record<string, number>).reduce((a, b) => a + b, 0),
      errors,
      // A failed task's backup never existed for the API; every other marked backup must be owned.
      duplicates: marked
        .filter((b) => b.lifecycle !== "failed" && !owned.has(b.backupId))
        .map((b) => b.backupId),
      lost: [...owned].filter((id) => !marked.some((b) => b.backupId === id)),
      unhandledRejections: unhandled,
    };
  } finally {
    process.off("unhandledRejection", onUnhandled);
    process.env = saved;
    await emulator.close();
  }
}

const instanceId = (i: number) => `crs-soak${String(i).padStart(4, "0")}`;

/** One resource's life; false when an error reached the user (recorded in `errors`). */
async function lifecycle(
  n: number,
  emulator: Emulator,
  deps: () => Partial<OperationDeps>,
  random: () => number,
  owned: Set<string>,
  errors: SurfacedError[],
): Promise<boolean> {
  const inputs = { instanceId: instanceId(n % INSTANCES), remark: `soak ${n}`, storageDays: 7 };
  let step = "create";
  try {
    let { id, outs } = await tencent.create(inputs, deps());
    owned.add(outs.backupId);
    step = "read";
    outs = (await tencent.read(id, outs, deps())).props ?? outs;

    const drift = Math.floor(random() * 4);
    if (drift === 1) emulator.admin.expireBackup(outs.backupId);
    if (drift === 2) emulator.admin.lockBackup(outs.backupId, true);
    if (drift === 3) emulator.admin.deleteBackup(outs.backupId);

    step = "refresh";
    const refreshed = await tencent.read(id, outs, deps());
    if (!refreshed.props) return true; // deleted out of band, and dropped from the stack
    outs = refreshed.props;
    step = "plan";
    const plan = tencent.diff(id, outs, inputs);
    if (plan.replaces.length > 0) {
      step = "replace";
      const fresh = await tencent.create(inputs, deps());
      owned.add(fresh.outs.backupId);
      await tencent.remove(id, outs, deps());
      ({ id, outs } = fresh);
    } else if (plan.changes) {
      step = "update";
      outs = (await tencent.update(id, outs, inputs, deps())).outs;
    }
    step = "delete";
    await tencent.remove(id, outs, deps());
    return true;
  } catch (e) {
    // A create that failed after its backup existed reports it (id), and the engine records it.
    const recorded = (e as { id?: string }).id;
    if (recorded) owned.add(recorded.slice(recorded.indexOf(":") + 1));
    errors.push(describe(n, step, e));
    return false;
  }
}

function describe(lifecycle: number, step: string, e: unknown): SurfacedError {
  const err = e as Error;
  const action = err instanceof CloudApiError || err instanceof TransportError ? err.action : undefined;
  const code = err instanceof CloudApiError ? err.code : undefined;
  const requestId = err instanceof CloudApiError ? err.requestId : undefined;
  // Actionable: one of ours, naming what was being done, the instance, and the vendor's answer.
  const actionable =
    err instanceof RedisBackupError && /crs-soak\d{4}/.test(err.message) && err.message.includes(": ");
  return { lifecycle, step, action, code, requestId, message: err.message, actionable };
}

function seeded(seed: number): () => number {
  let s = seed % 2147483647 || 1;
  return () => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647;
  };
}

export function formatReport(r: SoakReport): string {
  const lines = [
    `soak ${r.cloud}: ${r.completed}/${r.lifecycles} lifecycles completed, fault rate ${r.faultRate}`,
    `  faults injected:      ${r.faultsInjected} (of ${r.apiRequests} API requests)`,
    `  retries:              ${r.retries}`,
    `  errors surfaced:      ${r.errors.length} (${r.errors.filter((e) => e.actionable).length} actionable)`,
    ...r.errors
      .slice(0, 10)
      .map(
        (e) =>
          `    - #${e.lifecycle} ${e.step}: ${e.action ?? "-"} ${e.code ?? "-"} ${e.requestId ?? "-"}: ${e.message}`,
      ),
    `  duplicate backups:    ${r.duplicates.length}${r.duplicates.length ? ` (${r.duplicates.slice(0, 5).join(", ")})` : ""}`,
    `  lost backups:         ${r.lost.length}${r.lost.length ? ` (${r.lost.slice(0, 5).join(", ")})` : ""}`,
    `  unhandled rejections: ${r.unhandledRejections}`,
  ];
  return lines.join("\n");
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      lifecycles: { type: "string", default: "1000" },
      "fault-rate": { type: "string", default: "0.2" },
      concurrency: { type: "string", default: "25" },
      "rate-limit": { type: "string", default: "20" },
      seed: { type: "string", default: "1" },
    },
  });
  const lifecycles = Number(values.lifecycles);
  const report = await runSoak({
    lifecycles,
    faultRate: Number(values["fault-rate"]),
    concurrency: Number(values.concurrency),
    rateLimit: Number(values["rate-limit"]),
    seed: Number(values.seed),
    onLifecycle: (done) => {
      if (done % 100 === 0 || done === lifecycles)
        process.stderr.write(`  ${done}/${lifecycles} lifecycles\n`);
    },
  });
  process.stdout.write(`${formatReport(report)}\n`);
  const ok =
    report.duplicates.length === 0 &&
    report.lost.length === 0 &&
    report.unhandledRejections === 0 &&
    report.errors.every((e) => e.actionable);
  process.exit(ok ? 0 : 1);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`soak failed: ${(e as Error)?.stack ?? e}\n`);
    process.exit(1);
  });
}
