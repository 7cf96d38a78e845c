/**
 * Alibaba Cloud settings, read at call time by core's rules: stack config `alicloud:*` first, then
 * the environment variables of the Alibaba SDK credential chain and of the Terraform provider.
 */
import { ConfigurationError } from "../core/errors";
import type { ClientSettings } from "../core/vendorClient";
import { SettingsSpec, readExtraSetting, resolveSettings } from "../core/settings";

/** The R-KVStore API version the client speaks. */
export const ALICLOUD_API_VERSION = "2015-01-01";

/** @internal Settings of one Alibaba call. */
export interface AlicloudSettings extends ClientSettings {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
  regionId: string;
  /** How requests are signed: V3 (ACS3-HMAC-SHA256), or the RPC signature with HMAC-SHA1 (`v1`). */
  signatureVersion: AlicloudSignatureVersion;
}

/** `v3`, ACS3-HMAC-SHA256 (the default); `v1`, the RPC signature, HMAC-SHA1 with SignatureVersion 1.0. */
export type AlicloudSignatureVersion = "v3" | "v1";

/**
 * The signature to use: V3 unless `alicloud:signatureVersion` / ALIBABA_CLOUD_SIGNATURE_VERSION says
 * otherwise. Alibaba: "The request syntax and signature method V2 are discontinued. Use the request
 * syntax and signature method V3." (alibabacloud.com/help/doc-detail/25488.htm), and its SDK signs V3
 * by default (@alicloud/openapi-core doRequest: `this._signatureAlgorithm || "ACS3-HMAC-SHA256"`).
 * The older scheme is kept for accounts or gateways that need it; Alibaba's docs call it "signature
 * method V2", the SDK `signatureAlgorithm: "v2"`, its own parameter `SignatureVersion=1.0`: `v1` and
 * `v2` both name it here.
 */
function signatureVersion(): AlicloudSignatureVersion {
  const raw = readExtraSetting(ALICLOUD_SETTINGS, "signatureVersion");
  if (raw === undefined) return "v3";
  const v = raw.toLowerCase();
  if (v === "v3") return "v3";
  if (v === "v1" || v === "v2") return "v1";
  throw new ConfigurationError(
    `alicloud:signatureVersion / ALIBABA_CLOUD_SIGNATURE_VERSION must be v3 (ACS3-HMAC-SHA256, the default) or v1 (the RPC signature, HMAC-SHA1; also called v2), not ${raw}`,
  );
}

/**
 * Regions served by the central endpoint `r-kvstore.aliyuncs.com`, as in the endpoint map of
 * @alicloud/r-kvstore20150101 6.4.0. Every other region has its own `r-kvstore.<region>.aliyuncs.com`
 * (the map's entries, and the SDK's rule for regions missing from it).
 */
const CENTRAL_ENDPOINT_REGIONS = new Set([
  "cn-qingdao",
  "cn-beijing",
  "cn-wulanchabu",
  "cn-hangzhou",
  "cn-shanghai",
  "cn-heyuan",
  "cn-hangzhou-finance",
  "ap-northeast-2-pop",
  "cn-beijing-finance-pop",
  "cn-beijing-gov-1",
  "cn-beijing-nu16-b01",
  "cn-edge-1",
  "cn-fujian",
  "cn-haidian-cm12-c01",
  "cn-hangzhou-bj-b01",
  "cn-hangzhou-internal-prod-1",
  "cn-hangzhou-internal-test-1",
  "cn-hangzhou-internal-test-2",
  "cn-hangzhou-internal-test-3",
  "cn-hangzhou-test-306",
  "cn-hongkong-finance-pop",
  "cn-qingdao-nebula",
  "cn-shanghai-et15-b01",
  "cn-shanghai-et2-b01",
  "cn-shanghai-inner",
  "cn-shanghai-internal-test-1",
  "cn-shenzhen-inner",
  "cn-shenzhen-st4-d01",
  "cn-shenzhen-su18-b01",
  "cn-wuhan",
  "cn-yushanfang",
  "cn-zhangbei",
  "cn-zhangbei-na61-b01",
  "cn-zhangjiakou-na62-a01",
  "cn-zhengzhou-nebula-1",
  "eu-west-1-oxs",
  "rus-west-1-pop",
]);

/** The R-KVStore endpoint host of a region (cloud-apis.md §2.1). */
export function alicloudEndpointHost(regionId: string): string {
  return CENTRAL_ENDPOINT_REGIONS.has(regionId)
    ? "r-kvstore.aliyuncs.com"
    : `r-kvstore.${regionId}.aliyuncs.com`;
}

/** @internal Where each setting is read from (the `drift --help` variables too), by core's rules. */
export const ALICLOUD_SETTINGS: SettingsSpec = {
  namespace: "alicloud",
  label: "Alibaba Cloud",
  credentials: {
    id: {
      config: ["accessKeyId", "accessKey"],
      env: ["ALIBABA_CLOUD_ACCESS_KEY_ID", "ALICLOUD_ACCESS_KEY", "ALIBABACLOUD_ACCESS_KEY_ID"],
    },
    secret: {
      config: ["accessKeySecret", "secretKey"],
      env: ["ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALICLOUD_SECRET_KEY", "ALIBABACLOUD_ACCESS_KEY_SECRET"],
    },
    token: { config: ["securityToken"], env: ["ALIBABA_CLOUD_SECURITY_TOKEN", "ALICLOUD_SECURITY_TOKEN"] },
  },
  region: { config: ["region"], env: ["ALIBABA_CLOUD_REGION_ID", "ALICLOUD_REGION"] },
  regionInput: { key: "regionId", example: "cn-hangzhou" },
  endpoint: { config: ["endpoint"], env: ["ALIBABA_CLOUD_ENDPOINT"] },
  defaultEndpoint: alicloudEndpointHost,
  // The Alibaba SDKs' Config.httpProxy / httpsProxy, as one setting: http.ts tunnels https:// through it.
  proxy: { config: ["proxy"], env: [] },
  requestTimeoutSeconds: {
    config: ["requestTimeoutSeconds"],
    env: ["ALIBABA_CLOUD_REQUEST_TIMEOUT_SECONDS"],
  },
  rateLimitPerSecond: { config: ["rateLimitPerSecond"], env: ["ALIBABA_CLOUD_RATE_LIMIT_PER_SECOND"] },
  defaultRateLimitPerSecond: 20,
  extra: { signatureVersion: { config: ["signatureVersion"], env: ["ALIBABA_CLOUD_SIGNATURE_VERSION"] } },
};

/** @internal Resolves settings now; `regionId` (a resource input or the recorded region) overrides the provider's. */
export function resolveAlicloudSettings(regionId?: string): AlicloudSettings {
  const s = resolveSettings(ALICLOUD_SETTINGS, regionId);
  return {
    accessKeyId: s.keyId,
    accessKeySecret: s.secret,
    securityToken: s.token,
    regionId: s.region,
    signatureVersion: signatureVersion(),
    endpoint: s.endpoint,
    requestTimeoutMs: s.requestTimeoutMs,
    rateLimitPerSecond: s.rateLimitPerSecond,
    proxy: s.proxy,
  };
}
