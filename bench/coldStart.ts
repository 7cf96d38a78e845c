/**
 * Cold start: what a provider adds to the dynamic-provider host's own start, measured as the engine
 * meets it — spawn the host, Configure, the first Read (one backup, one API call) — for five
 * providers in turn: one that makes no call (the host alone), ours, the official SDK's Redis
 * client, and two floors (axios alone, one unsigned POST; axios and zod's lightest entry, its
 * answer parsed): what no client on our two dependencies avoids. Rounds interleave the five (in a
 * rotating order), so that a noisy moment of the machine falls on all of them alike.
 *
 * A provider is deserialized only when the first Read brings it (`__provider`), so the spawn and
 * Configure before it are the host's alone whatever the variant: a round's added cost is taken
 * from its first Read (the variant's minus that round's host alone's), which carries the whole
 * difference without the spawn's ±20 ms of noise; the whole start, spawn → Configure → first
 * Read, is printed beside it.
 */
import * as os from "os";
import { performance } from "perf_hooks";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { Emulator, emulatorEnvironment } from "../emulator";
import { requests, serializedProviderOf } from "../emulator/dynamicHost";
import { startBenchHost } from "./hosts";
import * as pkg from "../provider";
import { axiosAloneProvider, axiosZodFloorProvider } from "./providers/axiosAlone";
import { noopProvider } from "./providers/noop";
import { sdkRedisProvider } from "./providers/sdk";
import { Spread, formatSpread, spreadOf } from "./stats";
import { Row, log } from "./table";

const ROOT = path.resolve(__dirname, "..");
const INSTANCE = "crs-cold00001";

/** One start of the host: spawn → listening, Configure, first Read, and all of it. */
interface Sample {
  spawnMs: number;
  configureMs: number;
  readMs: number;
  totalMs: number;
}

interface Variant {
  name: string;
  provider: string;
  samples: Sample[];
}

/** Starts a host with `provider`, configures it and reads one backup; stops it. */
async function oneStart(env: Record<string, string>, provider: string, props: object): Promise<Sample> {
  const rq = requests("pulumi-nodejs:dynamic:Resource");
  const t0 = performance.now();
  const host = await startBenchHost({ cwd: ROOT, env });
  const t1 = performance.now();
  await host.call("configure", rq.configure({}));
  const t2 = performance.now();
  const id = "crs-cold00001:bench";
  const res = await host.call("read", rq.read(id, { ...props, __provider: provider }));
  const t3 = performance.now();
  await host.stop();
  if (!res.getProperties()) throw new Error(`cold start: the read answered nothing: ${host.stderr.join("")}`);
  return { spawnMs: t1 - t0, configureMs: t2 - t1, readMs: t3 - t2, totalMs: t3 - t0 };
}

/** The cold-start rows: `rounds` interleaved rounds of the five hosts. */
export async function coldStart(emulator: Emulator, rounds: number): Promise<Row[]> {
  log(`cold start: ${rounds} interleaved rounds of host alone / ours / SDK Redis client / two floors`);
  emulator.admin.addInstance({
    instanceId: INSTANCE,
    backups: [{ remark: "cold start", startedHoursAgo: 1, storageDays: 7 }],
  });
  const backup = emulator.admin.backups(INSTANCE)[0];
  const serialize = async (p: object) =>
    (await pulumi.runtime.serializeFunction(() => p, { allowSecrets: true })).text;
  const ours = (
    await serializedProviderOf(
      () => new pkg.tencentcloud.RedisBackup("cold", { instanceId: INSTANCE, remark: "cold start" }),
    )
  ).text;
  const variants: Variant[] = [
    { name: "host alone", provider: await serialize(noopProvider), samples: [] },
    { name: "ours", provider: ours, samples: [] },
    { name: "SDK Redis client", provider: await serialize(sdkRedisProvider), samples: [] },
    { name: "axios alone", provider: await serialize(axiosAloneProvider), samples: [] },
    { name: "axios + zod/v3", provider: await serialize(axiosZodFloorProvider), samples: [] },
  ];
  // What state records of a backup: with expireTime known, a refresh is one DescribeBackupDetail.
  const props = {
    instanceId: INSTANCE,
    remark: "cold start",
    backupId: backup.backupId,
    status: "available",
    locked: false,
    lockedAcknowledged: false,
    adopted: false,
    expireTime: "2030-01-01T00:00:00+08:00",
  };
  const env = emulatorEnvironment(emulator.url);
  await oneStart(env, variants[1].provider, props); // warms the file cache; not counted
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < variants.length; k++) {
      const v = variants[(round + k) % variants.length];
      v.samples.push(await oneStart(env, v.provider, props));
    }
  }
  const [alone, oursV, sdk, axiosV, floorV] = variants;
  // Other work on the machine swamps differences of tens of milliseconds: say so rather than judge.
  const load = os.loadavg()[0];
  const busy = load > 2 * os.cpus().length; // the bench itself keeps about one core busy
  const added = (v: Variant) => spreadOf(v.samples.map((s, i) => s.readMs - alone.samples[i].readMs));
  const addedToStart = (v: Variant) =>
    spreadOf(v.samples.map((s, i) => s.totalMs - alone.samples[i].totalMs));
  const total = (v: Variant) => spreadOf(v.samples.map((s) => s.totalMs));
  const readPart = (v: Variant) => spreadOf(v.samples.map((s) => s.readMs));
  const oursAdded = added(oursV);
  const sdkAdded = added(sdk);
  const axiosAdded = added(axiosV);
  const floorAdded = added(floorV);
  const ratio = oursAdded.median / sdkAdded.median;
  const startRatio = addedToStart(oursV).median / addedToStart(sdk).median;
  const line = (v: Variant, s: Spread) => `${v.name} ${formatSpread(s)}`;
  log(`  ${line(alone, total(alone))}; first Read ${formatSpread(readPart(alone))}`);
  log(`  ${line(oursV, total(oursV))}; first Read ${formatSpread(readPart(oursV))}`);
  log(`  ${line(sdk, total(sdk))}; first Read ${formatSpread(readPart(sdk))}`);
  log(`  ${line(axiosV, total(axiosV))}; first Read ${formatSpread(readPart(axiosV))}`);
  log(`  ${line(floorV, total(floorV))}; first Read ${formatSpread(readPart(floorV))}`);
  return [
    {
      measure:
        `cold start added to the host, spawn → Configure → first Read, ${rounds} interleaved rounds, ` +
        `taken from the first Read (the host alone: start ${formatSpread(total(alone))}, first Read ` +
        `${formatSpread(readPart(alone))}; from the whole start instead: ours ` +
        `${formatSpread(addedToStart(oursV))}, the SDK's ${formatSpread(addedToStart(sdk))}, ` +
        `${startRatio.toFixed(2)}×)` +
        (busy ? `; MACHINE BUSY (load ${load.toFixed(1)}): rerun on a quiet machine` : ""),
      ours: formatSpread(oursAdded),
      beside: `${formatSpread(sdkAdded)}: tencentcloud-sdk-nodejs, its Redis client alone`,
      ratio: `${ratio.toFixed(2)}× the SDK's`,
      target: "≤ 1.0× the SDK's",
      met: busy ? undefined : ratio <= 1,
    },
    floorRow(
      "axios alone (loaded as ours loads it, one unsigned POST; no schema, no signing)",
      axiosAdded,
      sdkAdded,
      oursAdded,
    ),
    floorRow(
      "axios and zod's lightest entry, zod/v3 (one unsigned POST, its answer parsed)",
      floorAdded,
      sdkAdded,
      oursAdded,
    ),
  ];
}

/** A row for a floor: what a provider doing only `what` adds, beside the SDK's, and what ours adds past it. */
function floorRow(what: string, floor: Spread, sdk: Spread, ours: Spread): Row {
  return {
    measure: `cold start added by ${what}: a floor of any client on our dependencies, same rounds`,
    ours: formatSpread(floor),
    beside: `${formatSpread(sdk)}: the SDK's Redis client, as above`,
    ratio: `${(floor.median / sdk.median).toFixed(2)}× the SDK's; ours ${(ours.median - floor.median).toFixed(0)} ms more`,
    target: "– (context: what a ≤ 1.0× target leaves for the rest)",
    met: undefined,
  };
}
