/**
 * Runs provider operations in-process against an emulator, for any cloud: environment variables
 * point the provider at it, and the provider's deps keep the emulator's timeline (see
 * helpers/emulator.ts): a sleep moves that timeline at once — task progress, signatures and both
 * sides' rate limits follow it — so nothing ever really waits.
 */
import {
  ALICLOUD_DEMO_REGION,
  ALICLOUD_PATH_PREFIX,
  DEFAULT_ALICLOUD_CREDENTIALS,
  DEFAULT_TENCENT_CREDENTIALS,
  DEFAULT_UCLOUD_CREDENTIALS,
  DEMO_REGION,
  Emulator,
  UCLOUD_DEMO_REGION,
  UCLOUD_PATH_PREFIX,
  UCloudEmulatorCredential,
} from "../../emulator";
import type { Clock } from "../../provider/core/clock";
import type { OperationDeps } from "../../provider/core/deps";
import { timelineOf, worldNow } from "./emulator";

/** Every variable the provider reads for each cloud: cleared before a test points it anywhere. */
export const CLOUD_ENV = {
  tencentcloud: [
    "TENCENTCLOUD_ENDPOINT",
    "TENCENTCLOUD_SECRET_ID",
    "TENCENTCLOUD_SECRET_KEY",
    "TENCENTCLOUD_SESSION_TOKEN",
    "TENCENTCLOUD_SECURITY_TOKEN",
    "TENCENTCLOUD_REGION",
    "TENCENTCLOUD_PROTOCOL",
  ],
  alicloud: [
    "ALIBABA_CLOUD_ENDPOINT",
    "ALIBABA_CLOUD_ACCESS_KEY_ID",
    "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
    "ALIBABA_CLOUD_SECURITY_TOKEN",
    "ALIBABA_CLOUD_REGION_ID",
    "ALICLOUD_ACCESS_KEY",
    "ALICLOUD_SECRET_KEY",
    "ALICLOUD_SECURITY_TOKEN",
    "ALICLOUD_REGION",
    "ALIBABACLOUD_ACCESS_KEY_ID",
    "ALIBABACLOUD_ACCESS_KEY_SECRET",
    "ALIBABA_CLOUD_REQUEST_TIMEOUT_SECONDS",
    "ALIBABA_CLOUD_RATE_LIMIT_PER_SECOND",
    "ALIBABA_CLOUD_SIGNATURE_VERSION",
  ],
  ucloud: [
    "UCLOUD_ENDPOINT",
    "UCLOUD_API_BASE_URL",
    "UCLOUD_PUBLIC_KEY",
    "UCLOUD_PRIVATE_KEY",
    "UCLOUD_SECURITY_TOKEN",
    "UCLOUD_REGION",
    "UCLOUD_ZONE",
    "UCLOUD_PROJECT_ID",
  ],
} as const;

/** One cloud's variables of {@link CLOUD_ENV}, for the tests that clear them. */
export const ALICLOUD_ENV = CLOUD_ENV.alicloud;
export const UCLOUD_ENV = CLOUD_ENV.ucloud;

/** Clears every variable of {@link CLOUD_ENV}, of all clouds; the function it returns puts them back. */
export function clearCloudEnv(): () => void {
  const saved = Object.values(CLOUD_ENV)
    .flat()
    .map((name) => [name, process.env[name]] as const);
  for (const [name] of saved) delete process.env[name];
  return () => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}

/** Sets `env` after clearing every variable of the cloud it belongs to. */
function pointAt(cloud: keyof typeof CLOUD_ENV, env: Record<string, string | undefined>): void {
  for (const name of CLOUD_ENV[cloud]) delete process.env[name];
  for (const [name, value] of Object.entries(env)) if (value !== undefined) process.env[name] = value;
}

/** The emulator's R-KVStore route, as ALIBABA_CLOUD_ENDPOINT takes it. */
export const alicloudEndpoint = (emulator: Emulator) => `${emulator.url}${ALICLOUD_PATH_PREFIX}`;
/** The endpoint a client uses to reach the emulator's UCloud API directly. */
export const ucloudEndpoint = (emulator: Emulator) => `${emulator.url}${UCLOUD_PATH_PREFIX}`;

export function pointTencentAt(emulator: Emulator, credentials = DEFAULT_TENCENT_CREDENTIALS): void {
  pointAt("tencentcloud", {
    TENCENTCLOUD_ENDPOINT: emulator.url,
    TENCENTCLOUD_SECRET_ID: credentials.secretId,
    TENCENTCLOUD_SECRET_KEY: credentials.secretKey,
    TENCENTCLOUD_REGION: DEMO_REGION,
  });
}

export function pointAlicloudAt(
  emulator: Emulator,
  credentials: {
    accessKeyId: string;
    accessKeySecret: string;
    securityToken?: string;
  } = DEFAULT_ALICLOUD_CREDENTIALS,
): void {
  pointAt("alicloud", {
    ALIBABA_CLOUD_ENDPOINT: alicloudEndpoint(emulator),
    ALIBABA_CLOUD_ACCESS_KEY_ID: credentials.accessKeyId,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: credentials.accessKeySecret,
    ALIBABA_CLOUD_SECURITY_TOKEN: credentials.securityToken,
    ALIBABA_CLOUD_REGION_ID: ALICLOUD_DEMO_REGION,
  });
}

/** Points the provider (in this process) at the emulator's UCloud API, in the demo region. */
export function pointUCloudAt(
  emulator: Emulator,
  credentials: UCloudEmulatorCredential = DEFAULT_UCLOUD_CREDENTIALS,
): void {
  pointAt("ucloud", {
    UCLOUD_ENDPOINT: ucloudEndpoint(emulator),
    UCLOUD_PUBLIC_KEY: credentials.publicKey,
    UCLOUD_PRIVATE_KEY: credentials.privateKey,
    UCLOUD_SECURITY_TOKEN: credentials.securityToken,
    UCLOUD_REGION: UCLOUD_DEMO_REGION,
  });
}

export interface TestDeps extends OperationDeps {
  logs: string[];
  retries: string[];
}

/** A deterministic random source that never gives the same sequence twice (each create needs its own marker). */
function seededRandom(start: number) {
  let seed = start;
  return () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
}

const tencentRandom = seededRandom(42);
const alicloudRandom = seededRandom(7);

function depsOn(
  emulator: Emulator,
  clock: Clock,
  random: () => number,
  onSleep?: (ms: number) => void,
): TestDeps {
  const timeline = timelineOf(emulator);
  const logs: string[] = [];
  const retries: string[] = [];
  return {
    clock,
    sleep: async (ms) => {
      await timeline.sleep(ms);
      onSleep?.(ms);
    },
    random,
    reporter: { info: (m) => logs.push(`info: ${m}`), warn: (m) => logs.push(`warn: ${m}`) },
    onRetry: (action, err) => retries.push(`${action}: ${(err as Error).message}`),
    timeline,
    logs,
    retries,
  };
}

/** Deps on the emulator's timeline (real time plus every sleep so far). `onSleep` runs after each sleep. */
export function emulatorDeps(emulator: Emulator, onSleep?: (ms: number) => void): TestDeps {
  return depsOn(emulator, timelineOf(emulator).clock, tencentRandom, onSleep);
}

/**
 * Deps whose clock is the emulated cloud's world clock (the timeline plus everything the admin
 * advanced): Alibaba judges expiry by it. `onSleep` runs after each sleep.
 */
export function alicloudDeps(emulator: Emulator, onSleep?: (ms: number) => void): TestDeps {
  const world: Clock = { now: () => worldNow(emulator) };
  return depsOn(emulator, world, alicloudRandom, onSleep);
}

/** Same as TestDeps (the name the Alibaba tests use). */
export type AlicloudTestDeps = TestDeps;

/**
 * How a test reaches each cloud on an emulator: `point` sets the provider's settings at it, `deps`
 * gives the dependencies its operations take there (Alibaba's on the world clock it judges expiry by).
 */
export const EMULATED_CLOUDS = {
  tencentcloud: { point: pointTencentAt, deps: emulatorDeps },
  alicloud: { point: pointAlicloudAt, deps: alicloudDeps },
  ucloud: { point: pointUCloudAt, deps: emulatorDeps },
} as const;

/** Points the settings of all three clouds at `emulator` (for tests that use more than one). */
export function pointEveryCloudAt(emulator: Emulator): void {
  for (const cloud of Object.values(EMULATED_CLOUDS)) cloud.point(emulator);
}
