/**
 * Tencent Cloud settings, read at call time by core's rules: stack config `tencentcloud:*` first,
 * then the environment variables tccli, Terraform and the SDKs use.
 */
import { ConfigurationError } from "../core/errors";
import type { ClientSettings } from "../core/vendorClient";
import { SettingsSpec, readSetting, resolveSettings } from "../core/settings";
import { offsetMinutes } from "../core/zonelessTime";

/** The Redis API's endpoint unless told otherwise. */
export const TENCENT_DEFAULT_ENDPOINT = "https://redis.tencentcloudapi.com";
/** The Redis API version the client speaks. */
export const TENCENT_API_VERSION = "2018-04-12";
/** The signing service is `redis` whatever host is dialled (an emulator, a proxy, a regional host). */
export const TENCENT_SERVICE = "redis";

/** @internal Settings of one Tencent call. */
export interface TencentSettings extends ClientSettings {
  secretId: string;
  secretKey: string;
  token?: string;
  region: string;
  /** Offset of Tencent's zoneless time strings, e.g. +08:00. */
  timezone: string;
}

const SPEC: SettingsSpec = {
  namespace: "tencentcloud",
  credentials: {
    id: { config: ["secretId"], env: ["TENCENTCLOUD_SECRET_ID"] },
    secret: { config: ["secretKey"], env: ["TENCENTCLOUD_SECRET_KEY"] },
    token: { config: ["securityToken"], env: ["TENCENTCLOUD_SESSION_TOKEN", "TENCENTCLOUD_SECURITY_TOKEN"] },
  },
  missingCredentials:
    "Tencent Cloud credentials are missing: set TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY, " +
    "or `pulumi config set tencentcloud:secretId ...` and `pulumi config set --secret tencentcloud:secretKey ...`",
  region: { config: ["region"], env: ["TENCENTCLOUD_REGION"] },
  missingRegion:
    "Tencent Cloud region is missing: set the resource's `region`, TENCENTCLOUD_REGION, or `pulumi config set tencentcloud:region ap-guangzhou`",
  endpoint: { config: ["endpoint"], env: ["TENCENTCLOUD_ENDPOINT"] },
  defaultEndpoint: () => TENCENT_DEFAULT_ENDPOINT,
  requestTimeoutSeconds: { config: ["requestTimeoutSeconds"], env: ["TENCENTCLOUD_REQUEST_TIMEOUT_SECONDS"] },
  rateLimitPerSecond: { config: ["rateLimitPerSecond"], env: ["TENCENTCLOUD_RATE_LIMIT_PER_SECOND"] },
  defaultRateLimitPerSecond: 20,
};

/** @internal Resolves settings now; `region` (a resource input) overrides the provider's region. */
export function resolveTencentSettings(region?: string): TencentSettings {
  const s = resolveSettings(SPEC, region);
  const timezone = readSetting(["tencentcloud:timezone"], ["TENCENTCLOUD_TIMEZONE"]) ?? "+08:00";
  try {
    offsetMinutes(timezone);
  } catch (e) {
    throw new ConfigurationError(`tencentcloud:timezone / TENCENTCLOUD_TIMEZONE: ${(e as Error).message}`);
  }
  return {
    secretId: s.keyId,
    secretKey: s.secret,
    token: s.token,
    region: s.region,
    endpoint: s.endpoint,
    timezone,
    requestTimeoutMs: s.requestTimeoutMs,
    rateLimitPerSecond: s.rateLimitPerSecond,
  };
}
