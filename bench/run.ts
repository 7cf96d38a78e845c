/**
 * `npm run bench`: every performance figure side by side, against the emulator, in one table.
 * These are measurements, not tests: nothing here fails a build on a duration.
 *
 * 1. serialized provider size per resource type, in the repo and in a consumer project that
 *    installs the packed tarball, beside a provider that imports its dependencies at module scope;
 * 2. cold start: what our provider adds to the dynamic-provider host's start, beside the official SDK;
 * 3. create overhead for a backup task of D seconds (virtual clock), and the API calls it made;
 * 4. fleet refresh: 1,000 backups across 50 instances read concurrently under the vendor's limit,
 *    beside a provider without a limiter;
 * 5. peak RSS of the host process during the fleet refresh.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { performance } from "perf_hooks";
import * as pulumi from "@pulumi/pulumi";
import { Emulator, emulatorEnvironment, startEmulator } from "../emulator";
import { requests, serializedProviderOf, startDynamicHost } from "../emulator/dynamicHost";
import * as pkg from "../provider";
import * as tencent from "../provider/tencentcloud/operations";
import { eagerProvider, eagerWithSchemasProvider } from "./providers/eager";
import { noopProvider } from "./providers/noop";
import { sdkProvider } from "./providers/sdk";
import { echoReadProvider } from "./providers/echo";

const ROOT = path.resolve(__dirname, "..");
const RUNS = 5;

interface Row {
  measure: string;
  ours: string;
  beside: string;
  ratio: string;
  target: string;
  met: boolean | undefined;
}
const rows: Row[] = [];
const log = (m: string) => process.stderr.write(`${m}\n`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kib = (n: number) => `${(n / 1024).toFixed(2)} KiB`;
const ms = (n: number) => `${Math.round(n)} ms`;

function emulatorEnv(emulator: Emulator, extra: Record<string, string> = {}): Record<string, string> {
  return { ...emulatorEnvironment(emulator.url), ...extra };
}

/** One resource of each cloud the package exports, as a program would declare it. */
function sampleResources(p: typeof pkg): [string, () => pulumi.Resource][] {
  const all = p as unknown as Record<string, Record<string, new (...a: unknown[]) => pulumi.Resource>>;
  const args: Record<string, object> = {
    tencentcloud: { instanceId: "crs-bench001", remark: "bench", storageDays: 7 },
    alicloud: { instanceId: "r-bench001", retentionDays: 7 },
    ucloud: { groupId: "uredis-bench01", backupName: "bench-backup" },
  };
  return Object.keys(args)
    .filter((cloud) => all[cloud]?.RedisBackup)
    .map((cloud) => [cloud, () => new all[cloud].RedisBackup(`bench-${cloud}`, args[cloud])]);
}

// ---------------------------------------------------------------------------------------------
async function serializedSizes(): Promise<void> {
  log("1. serialized provider sizes");
  const eager = (await pulumi.runtime.serializeFunction(() => eagerProvider, { allowSecrets: true })).text
    .length;
  const withSchemas = await pulumi.runtime
    .serializeFunction(() => eagerWithSchemasProvider, { allowSecrets: true })
    .then((r) => kib(r.text.length))
    .catch((e: Error) => `fails to serialize (${e.message.split("\n")[0].slice(0, 60)})`);
  const consumer = consumerSizes();
  for (const [cloud, make] of sampleResources(pkg)) {
    const repo = (await serializedProviderOf(make)).text.length;
    const installed = consumer[cloud];
    rows.push({
      measure: `__provider size, ${cloud}.RedisBackup (repo example)`,
      ours: kib(repo),
      beside:
        cloud === "tencentcloud"
          ? `${kib(eager)} (client imported at module scope); with its zod schemas: ${withSchemas}`
          : "",
      ratio: cloud === "tencentcloud" ? `${(eager / repo).toFixed(1)}× smaller` : "",
      target: "≤ 4 KiB",
      met: repo <= 4096,
    });
    rows.push({
      measure: `__provider size, ${cloud}.RedisBackup (consumer of the packed tarball)`,
      ours: installed === undefined ? "n/a" : kib(installed),
      beside: "",
      ratio: "",
      target: "≤ 4 KiB",
      met: installed === undefined ? undefined : installed <= 4096,
    });
  }
}

/** `npm pack`, install the .tgz into a fresh project (a copy, not a link) and serialize there. */
function consumerSizes(): Record<string, number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "redis-backup-consumer-"));
  try {
    const quiet = { stdio: ["ignore", "pipe", "pipe"] as ("ignore" | "pipe")[] };
    const tgz = execFileSync("npm", ["pack", "--silent", "--pack-destination", dir], { cwd: ROOT, ...quiet })
      .toString()
      .trim()
      .split("\n")
      .pop()!;
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "consumer", private: true }));
    execFileSync("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", path.join(dir, tgz)], {
      cwd: dir,
      ...quiet,
    });
    fs.writeFileSync(
      path.join(dir, "measure.js"),
      `const pulumi = require("@pulumi/pulumi");
(async () => {
  const seen = [];
  await pulumi.runtime.setMocks({ newResource: (a) => { seen.push(a); return { id: a.name, state: a.inputs }; }, call: (a) => a.inputs }, "c", "s", false);
  const pkg = require("pulumi-redis-backup");
  const args = { tencentcloud: { instanceId: "crs-bench001", remark: "bench", storageDays: 7 }, alicloud: { instanceId: "r-bench001", retentionDays: 7 }, ucloud: { groupId: "uredis-bench01", backupName: "bench-backup" } };
  const made = Object.keys(args).filter((c) => pkg[c]).map((c) => [c, new pkg[c].RedisBackup("b-" + c, args[c])]);
  await Promise.all(made.map(([, r]) => new Promise((res) => r.urn.apply(res))));
  const out = {};
  for (const [c] of made) { const s = seen.find((x) => x.name === "b-" + c); const p = s.inputs.__provider; out[c] = (typeof p === "string" ? p : p.value).length; }
  console.log(JSON.stringify(out));
})();`,
    );
    return JSON.parse(execFileSync(process.execPath, ["measure.js"], { cwd: dir, ...quiet }).toString());
  } catch (e) {
    log(`   consumer project failed: ${(e as Error).message}`);
    return {};
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
async function coldStart(emulator: Emulator): Promise<void> {
  log("2. cold start");
  const ours = (await serializedProviderOf(sampleResources(pkg)[0][1])).text;
  const noop = (await pulumi.runtime.serializeFunction(() => noopProvider, { allowSecrets: true })).text;
  const sdk = (await pulumi.runtime.serializeFunction(() => sdkProvider, { allowSecrets: true })).text;
  const env = emulatorEnv(emulator);
  emulator.admin.setTaskSeconds(0);
  let n = 0;
  const time = async (text: string, inputs: object) => {
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const rq = requests("pulumi-nodejs:dynamic:Resource");
      const t0 = performance.now();
      const host = await startDynamicHost({ cwd: ROOT, env });
      await host.call("configure", rq.configure({}));
      await host.call("create", rq.create({ ...inputs, remark: `cold ${n++}`, __provider: text }));
      samples.push(performance.now() - t0);
      await host.stop();
    }
    return median(samples);
  };
  const base = await time(noop, {});
  const oursMs = (await time(ours, { instanceId: "crs-demo0001" })) - base;
  const sdkMs = (await time(sdk, { instanceId: "crs-demo0001", proxy: emulator.url })) - base;
  rows.push({
    measure: `cold start added to the host (spawn → first Create; host alone ${ms(base)})`,
    ours: ms(oursMs),
    beside: `${ms(sdkMs)} (tencentcloud-sdk-nodejs)`,
    ratio: `${(oursMs / sdkMs).toFixed(2)}× the SDK's`,
    target: "≤ 250 ms and ≤ 0.5× the SDK's",
    met: oursMs <= 250 && oursMs <= sdkMs / 2,
  });
}

// ---------------------------------------------------------------------------------------------
async function createOverhead(emulator: Emulator): Promise<void> {
  log("3. create overhead");
  Object.assign(process.env, emulatorEnv(emulator));
  for (const seconds of [10, 60, 600, 1800]) {
    emulator.admin.setTaskSeconds(seconds);
    let now = Date.now();
    const start = now;
    const before = totalRequests(emulator);
    await tencent.create(
      { instanceId: "crs-demo0002", remark: `overhead ${seconds}` },
      {
        clock: { now: () => now },
        sleep: async (d) => {
          now += d;
          emulator.admin.advanceClock(d / 1000);
        },
        reporter: { info: () => {}, warn: () => {} },
      },
    );
    const overhead = (now - start) / 1000 - seconds;
    const calls = totalRequests(emulator) - before;
    const allowed = 0.1 * seconds + 1;
    rows.push({
      measure: `create overhead, task of ${seconds} s (virtual clock)`,
      ours: `${overhead.toFixed(1)} s, ${calls} calls`,
      beside: `log₁.₁(D/10 s) = ${Math.max(0, Math.log(seconds / 10) / Math.log(1.1)).toFixed(0)}`,
      ratio: `${((overhead / seconds) * 100).toFixed(1)}% of D`,
      target: `≤ 10% of D + one poll (${allowed.toFixed(0)} s); calls ~ log D`,
      met: overhead <= allowed,
    });
  }
}

function totalRequests(emulator: Emulator): number {
  return Object.values(emulator.admin.stats().requestsByAction).reduce((a, b) => a + b, 0);
}

// ---------------------------------------------------------------------------------------------
async function fleetRefresh(): Promise<void> {
  log("4. fleet refresh (and 5. memory)");
  const limit = 200; // the vendor's 20/s scaled ×10 to keep the run short; the ratio is what counts
  const emulator = await startEmulator({ taskSeconds: 0, rateLimitPerSecond: limit, instances: [] });
  try {
    for (let i = 0; i < 50; i++) {
      emulator.admin.addInstance({
        instanceId: `crs-fleet${String(i).padStart(3, "0")}`,
        backups: Array.from({ length: 20 }, (_, j) => ({
          remark: `fleet ${j}`,
          startedHoursAgo: j + 1,
          storageDays: 30,
        })),
      });
    }
    const text = (await serializedProviderOf(sampleResources(pkg)[0][1])).text;
    const states = emulator.admin.backups().map((b) => ({
      id: `${b.instanceId}:${b.backupId}`,
      props: {
        instanceId: b.instanceId,
        backupId: b.backupId,
        status: "available",
        locked: false,
        lockedAcknowledged: false,
        adopted: false,
        expireTime: "2030-01-01T00:00:00+08:00",
        __provider: text,
      },
    }));
    const echo = (await pulumi.runtime.serializeFunction(() => echoReadProvider, { allowSecrets: true }))
      .text;
    const run = async (limiter: number, provider = text) => {
      const before = emulator.admin.stats().rateLimited;
      const host = await startDynamicHost({
        cwd: ROOT,
        env: emulatorEnv(emulator, { TENCENTCLOUD_RATE_LIMIT_PER_SECOND: String(limiter) }),
      });
      const rq = requests("pulumi-nodejs:dynamic/tencentcloud:RedisBackup");
      await host.call("configure", rq.configure({}));
      const t0 = performance.now();
      const results = await Promise.allSettled(
        states.map((s, i) =>
          host.call("read", rq.read(s.id, { ...s.props, __provider: provider }, undefined, `b${i}`)),
        ),
      );
      const seconds = (performance.now() - t0) / 1000;
      const peakKb = Number(
        /VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${host.proc.pid}/status`, "utf8"))?.[1],
      );
      await host.stop();
      return {
        seconds,
        failed: results.filter((r) => r.status === "rejected").length,
        refused: emulator.admin.stats().rateLimited - before,
        peakMb: peakKb / 1024,
      };
    };
    const bound = states.length / limit;
    const limited = await run(limit);
    const unlimited = await run(0);
    const hostAlone = await run(limit, echo);
    rows.push({
      measure: `fleet refresh, ${states.length} backups / 50 instances, limit ${limit}/s (bound ${bound.toFixed(1)} s)`,
      ours: `${limited.seconds.toFixed(1)} s, ${limited.failed} failed, ${limited.refused} refused`,
      beside: `${unlimited.seconds.toFixed(1)} s, ${unlimited.failed} failed, ${unlimited.refused} refused (no limiter)`,
      ratio: `${(limited.seconds / bound).toFixed(2)}× the bound`,
      target: "≤ 1.1× the bound, none refused",
      met: limited.seconds <= 1.1 * bound && limited.refused === 0 && limited.failed === 0,
    });
    rows.push({
      measure: "peak RSS of the host during the fleet refresh",
      ours: `${limited.peakMb.toFixed(0)} MB`,
      beside: `${hostAlone.peakMb.toFixed(0)} MB: the host alone, its provider answering the same 1,000 reads without a call`,
      ratio: `+${(limited.peakMb - hostAlone.peakMb).toFixed(0)} MB ours`,
      target: "≤ 150 MB",
      met: limited.peakMb <= 150,
    });
  } finally {
    await emulator.close();
  }
}

// ---------------------------------------------------------------------------------------------
function table(): string {
  const head = ["measure", "ours", "beside it", "ratio", "target", "met"];
  const body = rows.map((r) => [
    r.measure,
    r.ours,
    r.beside,
    r.ratio,
    r.target,
    r.met === undefined ? "–" : r.met ? "yes" : "NO",
  ]);
  return [head, head.map(() => "---"), ...body].map((cells) => `| ${cells.join(" | ")} |`).join("\n");
}

async function main(): Promise<void> {
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
  await serializedSizes();
  const emulator = await startEmulator({ taskSeconds: 0, rateLimitPerSecond: 0 });
  try {
    await coldStart(emulator);
    await createOverhead(emulator);
  } finally {
    await emulator.close();
  }
  await fleetRefresh();
  process.stdout.write(`Machine: ${machine}\n\n${table()}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${(e as Error)?.stack ?? e}\n`);
  process.exit(1);
});
