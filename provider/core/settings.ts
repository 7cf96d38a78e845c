/**
 * Provider settings, read at call time from stack config (handed to the provider's `configure`)
 * or the environment. Nothing here is captured into a serialized provider: this module is loaded
 * inside provider methods, in the provider process.
 */

/** The part of Pulumi's dynamic-provider config object we use. */
export interface ConfigSource {
  get(key: string): string | undefined;
}

let stackConfig: ConfigSource | undefined;

/** Called from the provider's `configure`; the engine sends the whole stack config. */
export function setStackConfig(config: ConfigSource | undefined): void {
  stackConfig = config;
}

/**
 * The first non-empty value among stack config keys (fully qualified, e.g. `tencentcloud:region`)
 * and then environment variables. Stack config wins: it is the more specific, per-stack choice.
 */
export function readSetting(configKeys: string[], envNames: string[]): string | undefined {
  for (const key of configKeys) {
    const v = stackConfig?.get(key);
    if (v !== undefined && v !== "") return v;
  }
  for (const name of envNames) {
    const v = process.env[name];
    if (v !== undefined && v !== "") return v;
  }
  return undefined;
}

/** Reads a number setting at least `min` (default: more than 0), or the default. */
export function readNumberSetting(
  configKeys: string[],
  envNames: string[],
  fallback: number,
  min?: number,
): number {
  const raw = readSetting(configKeys, envNames);
  const n = raw === undefined ? NaN : Number(raw);
  const acceptable = min === undefined ? n > 0 : n >= min;
  return Number.isFinite(n) && acceptable ? n : fallback;
}
