/**
 * UCloud settings, read at call time by core's rules: stack config `ucloud:*` first, then the
 * environment variables of the UCloud SDKs, CLI and Terraform provider (ucloud-sdk-go
 * `external/env_config.go`).
 */
import type { ClientSettings } from "../core/vendorClient";
import { SettingsSpec, readExtraSetting, resolveSettings } from "../core/settings";

/** UCloud's gateway unless told otherwise. */
export const UCLOUD_DEFAULT_ENDPOINT = "https://api.ucloud.cn";

/** @internal Settings of one UCloud call. */
export interface UCloudSettings extends ClientSettings {
  publicKey: string;
  privateKey: string;
  securityToken?: string;
  region: string;
  zone?: string;
  projectId?: string;
}

/** @internal Where each setting is read from (the `drift --help` variables too), by core's rules. */
export const UCLOUD_SETTINGS: SettingsSpec = {
  namespace: "ucloud",
  label: "UCloud",
  credentials: {
    id: { config: ["publicKey"], env: ["UCLOUD_PUBLIC_KEY"] },
    secret: { config: ["privateKey"], env: ["UCLOUD_PRIVATE_KEY"] },
    token: { config: ["securityToken"], env: ["UCLOUD_SECURITY_TOKEN"] },
  },
  region: { config: ["region"], env: ["UCLOUD_REGION"] },
  regionInput: { key: "region", example: "cn-bj2" },
  endpoint: { config: ["endpoint"], env: ["UCLOUD_ENDPOINT", "UCLOUD_API_BASE_URL"] },
  defaultEndpoint: () => UCLOUD_DEFAULT_ENDPOINT,
  requestTimeoutSeconds: { config: ["requestTimeoutSeconds"], env: ["UCLOUD_TIMEOUT_SECOND"] },
  rateLimitPerSecond: { config: ["rateLimitPerSecond"], env: ["UCLOUD_RATE_LIMIT_PER_SECOND"] },
  // No client-side limit by default, as UCloud's own clients. UCloud publishes no rate: its API
  // overview ("错误码说明", UCloudDoc-Team summary/public.md) names only RetCode 153 "API 请求被限流"
  // (throttled); ucloud-sdk-go (config.go), ucloud-sdk-python (ucloud/core/client) and
  // terraform-provider-ucloud (max_retries 3) send as fast as they are asked and keep no limiter.
  // Unlike them, a 153 is retried here with backoff (errors.ts): the gateway refused before acting.
  // An account that knows its limit sets ucloud:rateLimitPerSecond / UCLOUD_RATE_LIMIT_PER_SECOND.
  defaultRateLimitPerSecond: 0,
  extra: {
    zone: { config: ["zone"], env: ["UCLOUD_ZONE"] },
    projectId: { config: ["projectId"], env: ["UCLOUD_PROJECT_ID"] },
  },
};

/** What a resource's inputs may override. */
export interface UCloudSettingOverrides {
  region?: string;
  zone?: string;
  projectId?: string;
}

/** @internal Resolves settings now; a resource's `region`, `zone` and `projectId` override the provider's. */
export function resolveUCloudSettings(overrides: UCloudSettingOverrides = {}): UCloudSettings {
  const s = resolveSettings(UCLOUD_SETTINGS, overrides.region);
  return {
    publicKey: s.keyId,
    privateKey: s.secret,
    securityToken: s.token,
    region: s.region,
    zone: overrides.zone || readExtraSetting(UCLOUD_SETTINGS, "zone"),
    projectId: overrides.projectId || readExtraSetting(UCLOUD_SETTINGS, "projectId"),
    endpoint: s.endpoint,
    requestTimeoutMs: s.requestTimeoutMs,
    rateLimitPerSecond: s.rateLimitPerSecond,
  };
}
