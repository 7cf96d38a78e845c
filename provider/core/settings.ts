/**
 * Provider settings, read at call time from stack config (handed to the provider's `configure`)
 * or the environment, by the same rules on every cloud: stack config wins; credentials and a
 * region are required; the endpoint defaults per cloud, gains `https://` when it has no scheme and
 * must be a URL; a request times out after 30 s unless told otherwise; the rate limit is per cloud,
 * and 0 turns the client-side limiter off. Nothing here is captured into a serialized provider:
 * this module is loaded inside provider methods, in the provider process.
 */
import { ConfigurationError } from "./errors";
import { registerSecret } from "./redact";
import type { ClientSettings } from "./vendorClient";

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

/** Where one setting comes from: keys of the cloud's stack config namespace, then variables. */
export interface SettingSource {
  /** Keys without the namespace, e.g. `secretKey` for `tencentcloud:secretKey`. */
  config: string[];
  env: string[];
}

/** How a cloud names and defaults its settings; the rules are {@link resolveSettings}'s. */
export interface SettingsSpec {
  /** The stack config namespace, e.g. `tencentcloud`. */
  namespace: string;
  /** How the cloud is named in messages and help, e.g. `Tencent Cloud`. */
  label: string;
  /** The key id, its secret, and the temporary-credentials token. */
  credentials: { id: SettingSource; secret: SettingSource; token: SettingSource };
  region: SettingSource;
  /** The resource input that names the region (`region`; Alibaba's `regionId`) and a region to show, for the message when none is set. */
  regionInput: { key: string; example: string };
  endpoint: SettingSource;
  /** The vendor's endpoint for a region, without scheme or with it. */
  defaultEndpoint(region: string): string;
  requestTimeoutSeconds: SettingSource;
  rateLimitPerSecond: SettingSource;
  /** The documented (or safe) rate, per action per second. */
  defaultRateLimitPerSecond: number;
  /** An HTTP proxy for every request (the vendor SDK's own proxy setting), when the cloud has one; wins over HTTPS_PROXY / HTTP_PROXY. */
  proxy?: SettingSource;
  /** Settings only this cloud reads (Tencent's `protocol`, UCloud's `zone`), by key; read with {@link readExtraSetting}. */
  extra?: Record<string, SettingSource>;
}

/** Reads one of the cloud's own settings (`spec.extra[name]`) by the rules of {@link readSetting}. */
export function readExtraSetting(spec: SettingsSpec, name: string): string | undefined {
  const source = spec.extra?.[name];
  if (!source) throw new TypeError(`${spec.namespace} declares no setting ${name}`);
  return readSource(spec, source);
}

/** Each source's qualified keys, made once: a cloud's sources are constants, read on every call. */
const qualifiedKeys = new WeakMap<SettingSource, { namespace: string; keys: string[] }>();

/** The stack config keys of `source`, qualified by the cloud's namespace. */
function qualified(spec: SettingsSpec, source: SettingSource): string[] {
  const known = qualifiedKeys.get(source);
  if (known?.namespace === spec.namespace) return known.keys;
  const keys = source.config.map((k) => `${spec.namespace}:${k}`);
  qualifiedKeys.set(source, { namespace: spec.namespace, keys });
  return keys;
}

const readSource = (spec: SettingsSpec, source: SettingSource) =>
  readSetting(qualified(spec, source), source.env);

/** One stack config key a cloud reads (without its namespace), as the native provider declares it. */
export interface SettingKey {
  key: string;
  /** A credential's secret or token: the engine keeps it encrypted. */
  secret?: boolean;
  type?: "number";
}

/** Every stack config key `spec` reads: credentials, region, endpoint, proxy, the cloud's own, then the numbers. */
export function settingKeysOf(spec: SettingsSpec): SettingKey[] {
  const keys = (s: SettingSource | undefined, more: Omit<SettingKey, "key"> = {}) =>
    (s?.config ?? []).map((key) => ({ key, ...more }));
  return [
    ...keys(spec.credentials.id),
    ...keys(spec.credentials.secret, { secret: true }),
    ...keys(spec.credentials.token, { secret: true }),
    ...keys(spec.region),
    ...keys(spec.endpoint),
    ...keys(spec.proxy),
    ...Object.values(spec.extra ?? {}).flatMap((s) => keys(s)),
    ...keys(spec.requestTimeoutSeconds, { type: "number" }),
    ...keys(spec.rateLimitPerSecond, { type: "number" }),
  ];
}

/**
 * The sources' first variables, joined by "and", then their second ones in brackets when each has
 * one (an older name the cloud's own tools still read): `A and B (or C and D)`.
 */
function variablesOf(...sources: SettingSource[]): string {
  const older = sources.every((s) => s.env[1]) ? ` (or ${sources.map((s) => s.env[1]).join(" and ")})` : "";
  return `${sources.map((s) => s.env[0]).join(" and ")}${older}`;
}

/**
 * Said when the key id or its secret is missing. Under a stack (a program, or the provider the
 * engine configured) stack config is a way to set them; elsewhere (the command line, a script)
 * only the variables are, and the message says only those.
 */
function missingCredentialsMessage(spec: SettingsSpec): string {
  const { id, secret } = spec.credentials;
  const missing = `${spec.label} credentials are missing: set ${variablesOf(id, secret)}`;
  if (stackConfig === undefined) return missing;
  const ns = spec.namespace;
  return (
    `${missing}, or \`pulumi config set ${ns}:${id.config[0]} ...\` ` +
    `and \`pulumi config set --secret ${ns}:${secret.config[0]} ...\``
  );
}

/** Said when no region is set anywhere; as {@link missingCredentialsMessage}, stack config only where it is read. */
function missingRegionMessage(spec: SettingsSpec): string {
  const { key, example } = spec.regionInput;
  const variable = variablesOf(spec.region);
  if (stackConfig === undefined) {
    return `${spec.label} region is missing: give the instance's region (\`${key}\`; on the command line, --region), or set ${variable}`;
  }
  return (
    `${spec.label} region is missing: set the resource's \`${key}\`, ${variable}, ` +
    `or \`pulumi config set ${spec.namespace}:${spec.region.config[0]} ${example}\``
  );
}

/** What every cloud's settings hold, whatever the cloud calls its credentials. */
export interface ResolvedSettings extends ClientSettings {
  keyId: string;
  secret: string;
  token?: string;
  region: string;
}

/** Resolves a cloud's settings now; `region` (a resource input or the recorded one) overrides the provider's. */
export function resolveSettings(spec: SettingsSpec, region?: string): ResolvedSettings {
  const read = (s: SettingSource) => readSource(spec, s);
  const keyId = read(spec.credentials.id);
  const secret = read(spec.credentials.secret);
  const token = read(spec.credentials.token);
  registerSecret(secret, token);
  if (!keyId || !secret) throw new ConfigurationError(missingCredentialsMessage(spec));
  const resolvedRegion = region || read(spec.region);
  if (!resolvedRegion) throw new ConfigurationError(missingRegionMessage(spec));
  let endpoint = read(spec.endpoint) ?? spec.defaultEndpoint(resolvedRegion);
  if (!/^https?:\/\//.test(endpoint)) endpoint = `https://${endpoint}`;
  try {
    new URL(endpoint);
  } catch {
    throw new ConfigurationError(
      `${spec.namespace}:endpoint / ${spec.endpoint.env[0]} is not a URL: ${endpoint}`,
    );
  }
  const number = (s: SettingSource, fallback: number, min?: number) =>
    readNumberSetting(qualified(spec, s), s.env, fallback, min);
  const proxy = spec.proxy && read(spec.proxy);
  if (proxy !== undefined && !/^http:\/\/[^/]+\/?$/.test(proxy)) {
    throw new ConfigurationError(
      `${spec.namespace}:proxy must be an HTTP proxy's URL like http://127.0.0.1:8787, not ${proxy}`,
    );
  }
  return {
    keyId,
    secret,
    token,
    region: resolvedRegion,
    ...(proxy === undefined ? {} : { proxy }),
    endpoint: endpoint.replace(/\/+$/, ""),
    requestTimeoutMs: number(spec.requestTimeoutSeconds, 30) * 1000,
    rateLimitPerSecond: number(spec.rateLimitPerSecond, spec.defaultRateLimitPerSecond, 0),
  };
}
