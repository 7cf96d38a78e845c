/**
 * The settings rules every cloud shares (core/settings.ts), checked on each: stack config first,
 * the endpoint gains a scheme and must be a URL, 0 turns the client-side rate limiter off, a
 * missing setting names the ways to set it that apply where it is read.
 */
import { ConfigurationError } from "../../provider/core/errors";
import { SettingsSpec, readExtraSetting, setStackConfig, settingKeysOf } from "../../provider/core/settings";
import { resolveAlicloudSettings } from "../../provider/alicloud/settings";
import { resolveTencentSettings } from "../../provider/tencentcloud/settings";
import { resolveUCloudSettings } from "../../provider/ucloud/settings";
import { CLOUD_ENV } from "../helpers/cloudEnv";

/**
 * Each cloud's variables, and what it says when its key pair, then its region, is missing: under a
 * stack (`underStack`), and where only the variables apply (`variablesOnly`).
 */
const clouds = [
  {
    cloud: "tencentcloud",
    underStack: [
      "Tencent Cloud credentials are missing: set TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY, or `pulumi config set tencentcloud:secretId ...` and `pulumi config set --secret tencentcloud:secretKey ...`",
      "Tencent Cloud region is missing: set the resource's `region`, TENCENTCLOUD_REGION, or `pulumi config set tencentcloud:region ap-guangzhou`",
    ],
    variablesOnly: [
      "Tencent Cloud credentials are missing: set TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY",
      "Tencent Cloud region is missing: give the instance's region (`region`; on the command line, --region), or set TENCENTCLOUD_REGION",
    ],
    resolve: () => resolveTencentSettings(),
    env: {
      TENCENTCLOUD_SECRET_ID: "id",
      TENCENTCLOUD_SECRET_KEY: "secret-key",
      TENCENTCLOUD_REGION: "ap-guangzhou",
    },
    endpoint: "TENCENTCLOUD_ENDPOINT",
    rate: "TENCENTCLOUD_RATE_LIMIT_PER_SECOND",
    // Tencent documents 20 requests per second per action.
    defaultRate: 20,
  },
  {
    cloud: "alicloud",
    underStack: [
      "Alibaba Cloud credentials are missing: set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET (or ALICLOUD_ACCESS_KEY and ALICLOUD_SECRET_KEY), or `pulumi config set alicloud:accessKeyId ...` and `pulumi config set --secret alicloud:accessKeySecret ...`",
      "Alibaba Cloud region is missing: set the resource's `regionId`, ALIBABA_CLOUD_REGION_ID (or ALICLOUD_REGION), or `pulumi config set alicloud:region cn-hangzhou`",
    ],
    variablesOnly: [
      "Alibaba Cloud credentials are missing: set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET (or ALICLOUD_ACCESS_KEY and ALICLOUD_SECRET_KEY)",
      "Alibaba Cloud region is missing: give the instance's region (`regionId`; on the command line, --region), or set ALIBABA_CLOUD_REGION_ID (or ALICLOUD_REGION)",
    ],
    resolve: () => resolveAlicloudSettings(),
    env: {
      ALIBABA_CLOUD_ACCESS_KEY_ID: "id",
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: "secret-key",
      ALIBABA_CLOUD_REGION_ID: "cn-hangzhou",
    },
    endpoint: "ALIBABA_CLOUD_ENDPOINT",
    rate: "ALIBABA_CLOUD_RATE_LIMIT_PER_SECOND",
    defaultRate: 20,
  },
  {
    cloud: "ucloud",
    underStack: [
      "UCloud credentials are missing: set UCLOUD_PUBLIC_KEY and UCLOUD_PRIVATE_KEY, or `pulumi config set ucloud:publicKey ...` and `pulumi config set --secret ucloud:privateKey ...`",
      "UCloud region is missing: set the resource's `region`, UCLOUD_REGION, or `pulumi config set ucloud:region cn-bj2`",
    ],
    variablesOnly: [
      "UCloud credentials are missing: set UCLOUD_PUBLIC_KEY and UCLOUD_PRIVATE_KEY",
      "UCloud region is missing: give the instance's region (`region`; on the command line, --region), or set UCLOUD_REGION",
    ],
    resolve: () => resolveUCloudSettings(),
    env: { UCLOUD_PUBLIC_KEY: "id", UCLOUD_PRIVATE_KEY: "secret-key", UCLOUD_REGION: "cn-bj2" },
    endpoint: "UCLOUD_ENDPOINT",
    rate: "UCLOUD_RATE_LIMIT_PER_SECOND",
    // UCloud publishes no limit and its SDKs keep none: neither does the provider, by default.
    defaultRate: 0,
  },
] as const;

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  setStackConfig(undefined);
});

describe.each(clouds)("$cloud settings", (c) => {
  beforeEach(() => {
    for (const name of [...CLOUD_ENV[c.cloud], c.rate]) delete process.env[name];
    Object.assign(process.env, c.env);
  });

  it("0 turns the client-side rate limiter off; anything not a number keeps the default", () => {
    process.env[c.rate] = "0";
    expect(c.resolve().rateLimitPerSecond).toBe(0);
    process.env[c.rate] = "many";
    expect(c.resolve().rateLimitPerSecond).toBe(c.defaultRate);
    delete process.env[c.rate];
    expect(c.resolve().rateLimitPerSecond).toBe(c.defaultRate);
  });

  it("an endpoint without a scheme gains https://; one that is not a URL is refused, naming the setting", () => {
    process.env[c.endpoint] = "example.com/api/";
    expect(c.resolve().endpoint).toBe("https://example.com/api");
    process.env[c.endpoint] = "http://[not a url";
    expect(() => c.resolve()).toThrow(ConfigurationError);
    expect(() => c.resolve()).toThrow(`${c.cloud}:endpoint / ${c.endpoint} is not a URL: http://[not a url`);
  });

  it("stack config wins over the environment", () => {
    setStackConfig({ get: (k) => (k === `${c.cloud}:endpoint` ? "http://127.0.0.1:9" : undefined) });
    process.env[c.endpoint] = "http://127.0.0.1:8";
    expect(c.resolve().endpoint).toBe("http://127.0.0.1:9");
  });
});

describe.each(clouds)("a missing setting of $cloud", (m) => {
  const [keyId, secret] = Object.keys(m.env);
  beforeEach(() => {
    for (const c of clouds) for (const name of CLOUD_ENV[c.cloud]) delete process.env[name];
  });

  /** What resolving says with no key pair, then with one but no region. */
  function messages(): string[] {
    const said: string[] = [];
    for (const set of [[], [keyId, secret]]) {
      for (const name of set) process.env[name] = "x";
      try {
        m.resolve();
        said.push("(resolved)");
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigurationError);
        said.push((e as Error).message);
      }
    }
    return said;
  }

  it("under a stack, names stack config as well as the variables", () => {
    setStackConfig({ get: () => undefined });
    expect(messages()).toEqual(m.underStack);
  });

  it("where no stack config is read (the command line, a script), names only what applies there", () => {
    setStackConfig(undefined);
    expect(messages()).toEqual(m.variablesOnly);
  });
});

describe("a cloud's own settings (SettingsSpec.extra)", () => {
  const source = (key: string, env: string[] = []) => ({ config: [key], env });
  const spec: SettingsSpec = {
    namespace: "somecloud",
    credentials: { id: source("keyId"), secret: source("secret"), token: source("token") },
    label: "Some Cloud",
    region: source("region"),
    regionInput: { key: "region", example: "sc-east" },
    endpoint: source("endpoint"),
    defaultEndpoint: () => "https://example.com",
    requestTimeoutSeconds: source("requestTimeoutSeconds"),
    rateLimitPerSecond: source("rateLimitPerSecond"),
    defaultRateLimitPerSecond: 0,
    extra: { zone: source("zone", ["SOMECLOUD_ZONE", "SOMECLOUD_ZONE_OLD"]) },
  };

  it("are read by the shared rules: stack config first, then each variable in order", () => {
    process.env.SOMECLOUD_ZONE_OLD = "from-old-variable";
    expect(readExtraSetting(spec, "zone")).toBe("from-old-variable");
    process.env.SOMECLOUD_ZONE = "from-variable";
    expect(readExtraSetting(spec, "zone")).toBe("from-variable");
    setStackConfig({ get: (k) => (k === "somecloud:zone" ? "from-config" : undefined) });
    expect(readExtraSetting(spec, "zone")).toBe("from-config");
  });

  it("must be declared: a name the spec does not list is a programming error", () => {
    expect(() => readExtraSetting(spec, "projectId")).toThrow("somecloud declares no setting projectId");
  });

  it("are among the keys the spec reads, with the secrets and numbers marked", () => {
    expect(settingKeysOf(spec)).toEqual([
      { key: "keyId" },
      { key: "secret", secret: true },
      { key: "token", secret: true },
      { key: "region" },
      { key: "endpoint" },
      { key: "zone" },
      { key: "requestTimeoutSeconds", type: "number" },
      { key: "rateLimitPerSecond", type: "number" },
    ]);
  });
});
