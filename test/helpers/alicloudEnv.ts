/**
 * Runs alicloud provider operations in-process against an emulator: environment variables point
 * the provider at the emulator's `/alicloud` route, and the provider's clock is the emulated
 * cloud's world clock, whose sleep moves that clock instead of waiting.
 */
import { ALICLOUD_DEMO_REGION, DEFAULT_ALICLOUD_CREDENTIALS, Emulator } from "../../emulator";
import type { OperationDeps } from "../../provider/core/deps";

export const ALICLOUD_ENV = [
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
];

/** The emulator's R-KVStore route, as ALIBABA_CLOUD_ENDPOINT takes it. */
export const alicloudEndpoint = (emulator: Emulator) => `${emulator.url}/alicloud`;

export function pointAlicloudAt(
  emulator: Emulator,
  credentials: {
    accessKeyId: string;
    accessKeySecret: string;
    securityToken?: string;
  } = DEFAULT_ALICLOUD_CREDENTIALS,
): void {
  for (const name of ALICLOUD_ENV) delete process.env[name];
  process.env.ALIBABA_CLOUD_ENDPOINT = alicloudEndpoint(emulator);
  process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = credentials.accessKeyId;
  process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = credentials.accessKeySecret;
  if (credentials.securityToken) process.env.ALIBABA_CLOUD_SECURITY_TOKEN = credentials.securityToken;
  process.env.ALIBABA_CLOUD_REGION_ID = ALICLOUD_DEMO_REGION;
}

export interface AlicloudTestDeps extends OperationDeps {
  logs: string[];
  retries: string[];
}

let seed = 7;

/**
 * Deps whose clock is the emulator's world clock (real time plus everything advanced) and whose
 * sleep advances that clock and returns at once. `onSleep` runs after each sleep.
 */
export function alicloudDeps(emulator: Emulator, onSleep?: (ms: number) => void): AlicloudTestDeps {
  const logs: string[] = [];
  const retries: string[] = [];
  return {
    clock: { now: () => Date.now() + emulator.admin.stats().clock.advancedSeconds * 1000 },
    sleep: async (ms) => {
      emulator.admin.advanceClock(ms / 1000);
      onSleep?.(ms);
    },
    random: () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    },
    reporter: { info: (m) => logs.push(`info: ${m}`), warn: (m) => logs.push(`warn: ${m}`) },
    onRetry: (action, err) => retries.push(`${action}: ${(err as Error).message}`),
    logs,
    retries,
  };
}
