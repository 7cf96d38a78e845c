/**
 * The native provider's configuration as the clouds' settings read it. The engine hands the
 * provider its config in Configure (the `redis-backup:` stack config of a default provider, or an
 * explicit provider's inputs): `tencentcloudSecretId` answers what the dynamic provider reads as
 * stack config `tencentcloud:secretId`, so core/settings.ts resolves both alike, environment
 * variables still last. Each provider resource runs in a process of its own, so the settings'
 * one process-wide config is this provider's.
 */
import type { ConfigSource } from "../core/settings";
import type { CheckFailure } from "../core/check";
import { Cloud } from "../clouds";
import { CONFIG_KEYS, PACKAGE, configVariable } from "./schema";
import { unwrapSecrets } from "./values";

/** A provider's config: variable name (`tencentcloudSecretId`) to value, secrets unwrapped. */
export type ProviderConfig = Record<string, unknown>;

/** The config of a Configure request: its `args`, else the legacy `variables` (`redis-backup:config:<name>`). */
export function configOf(
  args: Record<string, unknown> | undefined,
  variables: Map<string, string>,
): ProviderConfig {
  if (args && Object.keys(args).length > 0) return unwrapSecrets(args) as ProviderConfig;
  const prefix = `${PACKAGE}:config:`;
  const out: ProviderConfig = {};
  // A jspb Map: forEach, not iteration.
  variables.forEach((v, k) => {
    if (k.startsWith(prefix)) out[k.slice(prefix.length)] = v;
  });
  return out;
}

/** The settings' view of `config`: `tencentcloud:secretId` is `config.tencentcloudSecretId`, as text. */
export function configSource(config: ProviderConfig): ConfigSource {
  return {
    get(key) {
      const i = key.indexOf(":");
      if (i <= 0) return undefined;
      const v = config[configVariable(key.slice(0, i), key.slice(i + 1))];
      return v === undefined || v === null ? undefined : String(v);
    },
  };
}

const DECLARED = new Map(
  (Object.entries(CONFIG_KEYS) as [Cloud, (typeof CONFIG_KEYS)[Cloud]][]).flatMap(([cloud, keys]) =>
    keys.map((k) => [configVariable(cloud, k.key), k] as const),
  ),
);

/** CheckConfig: every variable is one the schema declares, numbers are numbers; never a call. */
export function checkConfig(news: ProviderConfig): CheckFailure[] {
  const failures: CheckFailure[] = [];
  for (const [name, value] of Object.entries(news)) {
    if (name === "version" || value === undefined) continue;
    const spec = DECLARED.get(name);
    if (!spec) {
      failures.push({
        property: name,
        reason: `unknown ${PACKAGE} setting "${name}"; expected one of: ${[...DECLARED.keys()].join(", ")}`,
      });
    } else if (spec.type === "number" && value !== "" && !Number.isFinite(Number(value))) {
      failures.push({ property: name, reason: `${name} must be a number, not ${JSON.stringify(value)}` });
    }
  }
  return failures;
}
