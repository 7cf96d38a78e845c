/**
 * UCloud settings, read at call time: stack config `ucloud:*` first, then the environment
 * variables of the UCloud SDKs, CLI and Terraform provider (ucloud-sdk-go `external/env_config.go`).
 */
import { ConfigurationError } from "../core/errors";
import { registerSecret } from "../core/redact";
import { readNumberSetting, readSetting } from "../core/settings";

export const UCLOUD_DEFAULT_ENDPOINT = "https://api.ucloud.cn";

export interface UCloudSettings {
  publicKey: string;
  privateKey: string;
  securityToken?: string;
  region: string;
  zone?: string;
  projectId?: string;
  /** Base URL, e.g. https://api.ucloud.cn or http://127.0.0.1:8787/ucloud (a path is kept). */
  endpoint: string;
  requestTimeoutMs: number;
  rateLimitPerSecond: number;
}

const cfg = (key: string) => [`ucloud:${key}`];

/** What a resource's inputs may override. */
export interface UCloudSettingOverrides {
  region?: string;
  zone?: string;
  projectId?: string;
}

/** Resolves settings now; a resource's `region`, `zone` and `projectId` override the provider's. */
export function resolveUCloudSettings(overrides: UCloudSettingOverrides = {}): UCloudSettings {
  const publicKey = readSetting(cfg("publicKey"), ["UCLOUD_PUBLIC_KEY"]);
  const privateKey = readSetting(cfg("privateKey"), ["UCLOUD_PRIVATE_KEY"]);
  const securityToken = readSetting(cfg("securityToken"), ["UCLOUD_SECURITY_TOKEN"]);
  registerSecret(privateKey, securityToken);
  if (!publicKey || !privateKey) {
    throw new ConfigurationError(
      "UCloud credentials are missing: set UCLOUD_PUBLIC_KEY and UCLOUD_PRIVATE_KEY, " +
        "or `pulumi config set ucloud:publicKey ...` and `pulumi config set --secret ucloud:privateKey ...`",
    );
  }
  const region = overrides.region || readSetting(cfg("region"), ["UCLOUD_REGION"]);
  if (!region) {
    throw new ConfigurationError(
      "UCloud region is missing: set the resource's `region`, UCLOUD_REGION, or `pulumi config set ucloud:region cn-bj2`",
    );
  }
  let endpoint =
    readSetting(cfg("endpoint"), ["UCLOUD_ENDPOINT", "UCLOUD_API_BASE_URL"]) ?? UCLOUD_DEFAULT_ENDPOINT;
  if (!/^https?:\/\//.test(endpoint)) endpoint = `https://${endpoint}`;
  try {
    new URL(endpoint);
  } catch {
    throw new ConfigurationError(`ucloud:endpoint / UCLOUD_ENDPOINT is not a URL: ${endpoint}`);
  }
  return {
    publicKey,
    privateKey,
    securityToken,
    region,
    zone: overrides.zone || readSetting(cfg("zone"), ["UCLOUD_ZONE"]),
    projectId: overrides.projectId || readSetting(cfg("projectId"), ["UCLOUD_PROJECT_ID"]),
    endpoint: endpoint.replace(/\/+$/, ""),
    requestTimeoutMs: readNumberSetting(cfg("requestTimeoutSeconds"), ["UCLOUD_TIMEOUT_SECOND"], 30) * 1000,
    // 0 turns the client-side limiter off. UCloud documents no figure; 10/s stays clear of RetCode 153.
    rateLimitPerSecond: readNumberSetting(cfg("rateLimitPerSecond"), ["UCLOUD_RATE_LIMIT_PER_SECOND"], 10, 0),
  };
}
