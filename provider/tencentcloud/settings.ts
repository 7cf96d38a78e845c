/**
 * Tencent Cloud settings, read at call time: stack config `tencentcloud:*` first, then the
 * environment variables tccli, Terraform and the SDKs use.
 */
import { ConfigurationError } from "../core/errors";
import { registerSecret } from "../core/redact";
import { readNumberSetting, readSetting } from "../core/settings";
import { offsetMinutes } from "../core/time";

export const TENCENT_DEFAULT_ENDPOINT = "https://redis.tencentcloudapi.com";
export const TENCENT_API_VERSION = "2018-04-12";
/** The signing service is `redis` whatever host is dialled (an emulator, a proxy, a regional host). */
export const TENCENT_SERVICE = "redis";

export interface TencentSettings {
  secretId: string;
  secretKey: string;
  token?: string;
  region: string;
  /** Base URL, e.g. https://redis.tencentcloudapi.com or http://127.0.0.1:8787. */
  endpoint: string;
  /** Offset of Tencent's zoneless time strings, e.g. +08:00. */
  timezone: string;
  requestTimeoutMs: number;
  rateLimitPerSecond: number;
}

const cfg = (key: string) => [`tencentcloud:${key}`];

/** Resolves settings now; `region` (a resource input) overrides the provider's region. */
export function resolveTencentSettings(region?: string): TencentSettings {
  const secretId = readSetting(cfg("secretId"), ["TENCENTCLOUD_SECRET_ID"]);
  const secretKey = readSetting(cfg("secretKey"), ["TENCENTCLOUD_SECRET_KEY"]);
  const token = readSetting(cfg("securityToken"), [
    "TENCENTCLOUD_SESSION_TOKEN",
    "TENCENTCLOUD_SECURITY_TOKEN",
  ]);
  registerSecret(secretKey, token);
  if (!secretId || !secretKey) {
    throw new ConfigurationError(
      "Tencent Cloud credentials are missing: set TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY, " +
        "or `pulumi config set tencentcloud:secretId ...` and `pulumi config set --secret tencentcloud:secretKey ...`",
    );
  }
  const resolvedRegion = region || readSetting(cfg("region"), ["TENCENTCLOUD_REGION"]);
  if (!resolvedRegion) {
    throw new ConfigurationError(
      "Tencent Cloud region is missing: set the resource's `region`, TENCENTCLOUD_REGION, or `pulumi config set tencentcloud:region ap-guangzhou`",
    );
  }
  let endpoint = readSetting(cfg("endpoint"), ["TENCENTCLOUD_ENDPOINT"]) ?? TENCENT_DEFAULT_ENDPOINT;
  if (!/^https?:\/\//.test(endpoint)) endpoint = `https://${endpoint}`;
  const timezone = readSetting(cfg("timezone"), ["TENCENTCLOUD_TIMEZONE"]) ?? "+08:00";
  try {
    offsetMinutes(timezone);
  } catch (e) {
    throw new ConfigurationError(`tencentcloud:timezone / TENCENTCLOUD_TIMEZONE: ${(e as Error).message}`);
  }
  return {
    secretId,
    secretKey,
    token,
    region: resolvedRegion,
    endpoint: endpoint.replace(/\/+$/, ""),
    timezone,
    requestTimeoutMs:
      readNumberSetting(cfg("requestTimeoutSeconds"), ["TENCENTCLOUD_REQUEST_TIMEOUT_SECONDS"], 30) * 1000,
    // 0 turns the client-side limiter off (the benchmark's "no limiter" provider).
    rateLimitPerSecond: readNumberSetting(
      cfg("rateLimitPerSecond"),
      ["TENCENTCLOUD_RATE_LIMIT_PER_SECOND"],
      20,
      0,
    ),
  };
}
