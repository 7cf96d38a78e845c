#!/usr/bin/env node
/**
 * `redis-backup-emulator`: runs the emulator in the foreground.
 *
 *   node dist/emulator/cli.js [--port 8787] [--host 127.0.0.1] [--data file.json]
 *                             [--task-seconds N] [--clock-skew S] [--rate-limit N] [--timezone +08:00]
 *
 * Prints the endpoint, the emulator-only keys it accepts, the environment to export and the seeded
 * instances; stops cleanly on SIGINT/SIGTERM.
 */
import { existsSync, readFileSync } from "fs";
import { resolve } from "path";
import { parseArgs } from "util";
import {
  ALICLOUD_DEMO_INSTANCE_IDS,
  DEFAULT_RATE_LIMIT_PER_SECOND,
  DEFAULT_TASK_SECONDS,
  Emulator,
  UCLOUD_DEMO_GROUP_IDS,
  emulatorEnvironment,
  startEmulator,
} from "./index";
import { DataFile, parseDataFile } from "./dataFile";
import { DEMO_REGION, DEFAULT_TENCENT_CREDENTIALS } from "./tencentcloud/seeds";

const USAGE = `Usage: redis-backup-emulator [options]
  --port N            TCP port (default 8787; 0 = any free port)
  --host ADDR         interface to listen on (default 127.0.0.1)
  --data FILE         instances/credentials JSON: Tencent's at the top, "alicloud": {instances, credentials},
                      "ucloud": {groups, credentials} (default: the bundled emulator/data/instances.json)
  --task-seconds N    seconds a backup task takes (default ${DEFAULT_TASK_SECONDS})
  --clock-skew S      server clock skew in seconds (default 0)
  --rate-limit N      requests per action per second (default ${DEFAULT_RATE_LIMIT_PER_SECOND}; 0 = off)
  --timezone +HH:MM   zone of Tencent time strings (default +08:00)
  --version           print the package's version
  --help              show this text`;

/** Parsed command line. */
export interface CliOptions {
  port: number;
  host: string;
  dataFile: string;
  taskSeconds: number;
  clockSkewSeconds: number;
  rateLimitPerSecond: number;
  timezoneOffset: string;
  help: boolean;
  version: boolean;
}

/** A command line the emulator cannot take: the only failure that prints the usage text. */
export class UsageError extends Error {}

/** Parses argv (without node and the script); throws a usage error for bad flags. */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  try {
    return parseFlags(argv);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

function parseFlags(argv: readonly string[]): CliOptions {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      data: { type: "string" },
      "task-seconds": { type: "string" },
      "clock-skew": { type: "string" },
      "rate-limit": { type: "string" },
      timezone: { type: "string" },
      help: { type: "boolean", short: "h" },
      version: { type: "boolean", short: "v" },
    },
  });
  return {
    port: integerFlag("--port", values.port, 8787, 0, 65535),
    host: values.host ?? "127.0.0.1",
    dataFile: values.data ? resolve(values.data) : defaultDataFile(),
    taskSeconds: numberFlag("--task-seconds", values["task-seconds"], DEFAULT_TASK_SECONDS, 0),
    clockSkewSeconds: numberFlag("--clock-skew", values["clock-skew"], 0, -Infinity),
    rateLimitPerSecond: integerFlag(
      "--rate-limit",
      values["rate-limit"],
      DEFAULT_RATE_LIMIT_PER_SECOND,
      0,
      1e6,
    ),
    timezoneOffset: values.timezone ?? "+08:00",
    help: values.help ?? false,
    version: values.version ?? false,
  };
}

/**
 * The bundled demo data. The package ships dist/emulator and emulator/data, so from the compiled
 * dist/emulator/cli.js it is ../../emulator/data; run from source (emulator/cli.ts) it is ./data.
 */
export function defaultDataFile(): string {
  const candidates = [
    resolve(__dirname, "../../emulator/data/instances.json"),
    resolve(__dirname, "../data/instances.json"),
    resolve(__dirname, "data/instances.json"),
  ];
  return candidates.find((f) => existsSync(f)) ?? candidates[0];
}

/** Reads and validates a `--data` file; throws when it cannot be read, is not JSON or fails the schema. */
export function loadDataFile(file: string): DataFile {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new Error(`cannot read ${file}: ${(e as Error).message}`);
  }
  return parseDataFile(json);
}

/** The start-up banner. */
export function banner(emulator: Emulator, data: DataFile, options: CliOptions): string {
  const credential = data.credentials?.[0] ?? DEFAULT_TENCENT_CREDENTIALS;
  const region = data.instances[0]?.region ?? DEMO_REGION;
  const lines = [
    `Tencent Cloud Redis backup API emulator (2018-04-12) listening on ${emulator.url}`,
    "",
    "Accepted credentials (emulator-only, they open nothing else):",
    ...(data.credentials ?? [DEFAULT_TENCENT_CREDENTIALS]).map(
      (c) => `  SecretId=${c.secretId}  SecretKey=${c.secretKey}${c.token ? `  Token=${c.token}` : ""}`,
    ),
    "",
    "Point the provider at it:",
    `  export TENCENTCLOUD_ENDPOINT=${emulator.url}`,
    `  export TENCENTCLOUD_SECRET_ID=${credential.secretId}`,
    `  export TENCENTCLOUD_SECRET_KEY=${credential.secretKey}`,
    `  export TENCENTCLOUD_REGION=${region}`,
    `Or use ${emulator.url} as the HTTP proxy of an SDK (protocol http://, host redis.tencentcloudapi.com).`,
    "",
    `Instances (${data.instances.length}):`,
    ...data.instances.map(
      (i) =>
        `  ${i.instanceId}  ${i.instanceName ?? ""}  ${i.region ?? DEMO_REGION}  shards=${i.shardNum ?? 1}`,
    ),
    "",
    ...otherClouds(emulator, data),
    `Backup tasks take ${options.taskSeconds} s; rate limit ${options.rateLimitPerSecond || "off"}/s per action; ` +
      `admin at POST ${emulator.url}/_emulator/<op> (Alibaba: /_emulator/alicloud/<op>, UCloud: /_emulator/ucloud/<op>). Ctrl-C stops.`,
  ];
  return lines.join("\n");
}

/** The Alibaba Cloud and UCloud APIs the same process serves, with their default keys. */
function otherClouds(emulator: Emulator, data: DataFile): string[] {
  const env = emulatorEnvironment(emulator.url);
  // Keys from the data file replace the defaults in what to export.
  const ali = data.alicloud?.credentials?.[0];
  if (ali) {
    env.ALIBABA_CLOUD_ACCESS_KEY_ID = ali.accessKeyId;
    env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = ali.accessKeySecret;
  }
  const u = data.ucloud?.credentials?.[0];
  if (u) {
    env.UCLOUD_PUBLIC_KEY = u.publicKey;
    env.UCLOUD_PRIVATE_KEY = u.privateKey;
  }
  const exports = (prefix: string) =>
    Object.entries(env)
      .filter(([k]) => k.startsWith(prefix))
      .map(([k, v]) => `  export ${k}=${v}`);
  return [
    `Alibaba Cloud R-KVStore API (2015-01-01) at ${env.ALIBABA_CLOUD_ENDPOINT}:`,
    ...exports("ALIBABA_CLOUD_"),
    `  instances: ${(data.alicloud?.instances?.map((i) => i.instanceId) ?? ALICLOUD_DEMO_INSTANCE_IDS).join(", ")}`,
    "",
    `UCloud URedis API at ${env.UCLOUD_ENDPOINT}:`,
    ...exports("UCLOUD_"),
    `  groups: ${(data.ucloud?.groups?.map((g) => g.groupId) ?? UCLOUD_DEMO_GROUP_IDS).join(", ")}`,
    "",
  ];
}

/** The package's version, from its package.json (two folders up from dist/emulator/cli.js, one from emulator/cli.ts). */
export function packageVersion(): string {
  const file = [resolve(__dirname, "../../package.json"), resolve(__dirname, "../package.json")].find(
    (f) => existsSync(f) && JSON.parse(readFileSync(f, "utf8")).name === "pulumi-redis-backup",
  );
  return file ? String(JSON.parse(readFileSync(file, "utf8")).version) : "unknown";
}

/** Starts the emulator for a command line; returns it (undefined after --help or --version). */
export async function runCli(
  argv: readonly string[],
  log: (line: string) => void,
): Promise<Emulator | undefined> {
  const options = parseCliArgs(argv);
  if (options.help) {
    log(USAGE);
    return undefined;
  }
  if (options.version) {
    log(packageVersion());
    return undefined;
  }
  const data = loadDataFile(options.dataFile);
  const emulator = await startEmulator({
    port: options.port,
    host: options.host,
    taskSeconds: options.taskSeconds,
    clockSkewSeconds: options.clockSkewSeconds,
    rateLimitPerSecond: options.rateLimitPerSecond,
    timezoneOffset: options.timezoneOffset,
    instances: data.instances,
    credentials: data.credentials,
    ...(data.alicloud ? { alicloud: data.alicloud } : {}),
    ...(data.ucloud ? { ucloud: data.ucloud } : {}),
  });
  log(banner(emulator, data, options));
  return emulator;
}

function numberFlag(flag: string, text: string | undefined, fallback: number, min: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (text.trim() === "" || !Number.isFinite(n) || n < min)
    throw new Error(`${flag} needs a number${min === -Infinity ? "" : ` >= ${min}`}, got ${text}`);
  return n;
}

function integerFlag(
  flag: string,
  text: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  const n = numberFlag(flag, text, fallback, min);
  if (!Number.isInteger(n) || n > max)
    throw new Error(`${flag} needs an integer within ${min}..${max}, got ${text}`);
  return n;
}

if (require.main === module) {
  runCli(process.argv.slice(2), (line) => console.log(line)).then(
    (emulator) => {
      if (!emulator) return;
      const stop = (signal: string) => {
        console.log(`\n${signal}: stopping the emulator`);
        emulator.close().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once("SIGINT", () => stop("SIGINT"));
      process.once("SIGTERM", () => stop("SIGTERM"));
    },
    (e: unknown) => {
      // Only a wrong command line earns the usage text; a port in use, a bad --data file say what failed.
      const usage = e instanceof UsageError ? `\n\n${USAGE}` : "";
      const err = e as NodeJS.ErrnoException & { address?: string; port?: number };
      const message =
        err.code === "EADDRINUSE"
          ? `port ${err.port} on ${err.address} is in use (another emulator still running? --port 0 picks a free port)`
          : err.message;
      console.error(`redis-backup-emulator: ${message}${usage}`);
      process.exit(2);
    },
  );
}
