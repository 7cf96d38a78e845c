/**
 * Runs provider operations in-process against an emulator: environment variables point the
 * provider at it, and the provider's sleep moves the emulator's world clock instead of waiting.
 */
import { DEFAULT_TENCENT_CREDENTIALS, DEMO_REGION, Emulator } from "../../emulator";
import type { OperationDeps } from "../../provider/core/deps";

export function pointTencentAt(emulator: Emulator, credentials = DEFAULT_TENCENT_CREDENTIALS): void {
  process.env.TENCENTCLOUD_ENDPOINT = emulator.url;
  process.env.TENCENTCLOUD_SECRET_ID = credentials.secretId;
  process.env.TENCENTCLOUD_SECRET_KEY = credentials.secretKey;
  process.env.TENCENTCLOUD_REGION = DEMO_REGION;
}

export interface TestDeps extends OperationDeps {
  logs: string[];
  retries: string[];
}

/** Deps whose sleep advances the emulator's world clock (and our own) and returns at once. */
let seed = 42;

export function emulatorDeps(emulator: Emulator, onSleep?: (ms: number) => void): TestDeps {
  let now = Date.now();
  const logs: string[] = [];
  const retries: string[] = [];
  return {
    clock: { now: () => now },
    sleep: async (ms) => {
      now += ms;
      emulator.admin.advanceClock(ms / 1000);
      onSleep?.(ms);
    },
    // Deterministic, and never the same sequence twice (each create needs its own marker).
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
