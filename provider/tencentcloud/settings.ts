/**
 * Tencent Cloud settings, read at call time by core's rules: stack config `tencentcloud:*` first,
 * then the environment variables tccli, Terraform and the SDKs use.
 */
import { ConfigurationError } from "../core/errors";
import type { ClientSettings } from "../core/vendorClient";
import { SettingsSpec, readExtraSetting, resolveSettings } from "../core/settings";
import { offsetMinutes } from "../core/zonelessTime";

/** The Redis API's endpoint unless told otherwise (for every region but the finance ones). */
export const TENCENT_DEFAULT_ENDPOINT = "https://redis.tencentcloudapi.com";

/**
 * Finance regions (`ap-shanghai-fsi`, `ap-shenzhen-fsi`, `ap-beijing-fsi`) are isolated from the
 * others. Every Redis API page says (e.g. DescribeInstanceBackups, tencentcloud.com/document/api/239/32074):
 * "if the common parameter Region specifies a financial availability zone (e.g., ap-shanghai-fsi),
 * it is necessary to specify a domain name with the financial availability zone too [...] such as
 * redis.ap-shanghai-fsi.tencentcloudapi.com". The SDKs leave it to the caller: Go, Node and Python
 * dial `<service>.tencentcloudapi.com` unless an endpoint is set (tencentcloud-sdk-go
 * common/http/request.go GetServiceDomain, whose README says finance regions "必须手动指定域名"; the
 * maintainer of TencentCloud/tencentcloud-sdk-go#19: "api server side will do the check"). The
 * pattern is `redis.<region>.tencentcloudapi.com`; only the Shanghai host is printed in the docs,
 * the others follow it (vendor-research.md §1.1–1.2).
 */
export function isFinanceRegion(region: string): boolean {
  return /-fsi$/.test(region);
}

/** The host of the Redis API for `region`: its own host for a finance region, else the ordinary one. */
export function tencentEndpointHost(region: string): string {
  return isFinanceRegion(region) ? `redis.${region}.tencentcloudapi.com` : "redis.tencentcloudapi.com";
}
/** The Redis API version the client speaks. */
export const TENCENT_API_VERSION = "2018-04-12";
/** The signing service is `redis` whatever host is dialled (an emulator, a proxy, a finance host): the SDKs sign `redis` (vendor-research.md §1.5); the Host they sign is the one dialled. */
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

/** @internal Where each setting is read from (the `drift --help` variables too), by core's rules. */
export const TENCENT_SETTINGS: SettingsSpec = {
  namespace: "tencentcloud",
  label: "Tencent Cloud",
  credentials: {
    id: { config: ["secretId"], env: ["TENCENTCLOUD_SECRET_ID"] },
    secret: { config: ["secretKey"], env: ["TENCENTCLOUD_SECRET_KEY"] },
    token: { config: ["securityToken"], env: ["TENCENTCLOUD_SESSION_TOKEN", "TENCENTCLOUD_SECURITY_TOKEN"] },
  },
  region: { config: ["region"], env: ["TENCENTCLOUD_REGION"] },
  regionInput: { key: "region", example: "ap-guangzhou" },
  endpoint: { config: ["endpoint"], env: ["TENCENTCLOUD_ENDPOINT"] },
  defaultEndpoint: (region) => `${protocol()}://${tencentEndpointHost(region)}`,
  proxy: { config: ["proxy"], env: [] },
  requestTimeoutSeconds: { config: ["requestTimeoutSeconds"], env: ["TENCENTCLOUD_REQUEST_TIMEOUT_SECONDS"] },
  rateLimitPerSecond: { config: ["rateLimitPerSecond"], env: ["TENCENTCLOUD_RATE_LIMIT_PER_SECOND"] },
  defaultRateLimitPerSecond: 20,
  extra: {
    protocol: { config: ["protocol"], env: ["TENCENTCLOUD_PROTOCOL"] },
    timezone: { config: ["timezone"], env: ["TENCENTCLOUD_TIMEZONE"] },
  },
};

/**
 * `https` unless `tencentcloud:protocol` / TENCENTCLOUD_PROTOCOL says `HTTP`, the Terraform
 * provider's setting of that name (tencentcloudstack/terraform-provider-tencentcloud provider.go:
 * "The protocol of the API request. Valid values: `HTTP` and `HTTPS`. Default is `HTTPS`."). It
 * applies to the host chosen from the region; an endpoint that is set carries its own scheme.
 */
function protocol(): "http" | "https" {
  const raw = readExtraSetting(TENCENT_SETTINGS, "protocol");
  if (raw === undefined) return "https";
  const p = raw.toLowerCase();
  if (p !== "http" && p !== "https") {
    throw new ConfigurationError(
      `tencentcloud:protocol / TENCENTCLOUD_PROTOCOL must be HTTP or HTTPS, not ${raw}`,
    );
  }
  return p;
}

/** @internal Resolves settings now; `region` (a resource input) overrides the provider's region. */
export function resolveTencentSettings(region?: string): TencentSettings {
  const s = resolveSettings(TENCENT_SETTINGS, region);
  const timezone = readExtraSetting(TENCENT_SETTINGS, "timezone") ?? "+08:00";
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
    proxy: s.proxy,
  };
}
