/**
 * Tencent's finance regions (`*-fsi`): the provider dials the region's own host (a set endpoint
 * still wins), and the emulator, like the cloud, refuses a finance Region at the ordinary host and
 * serves it at its finance host. Evidence: vendor-research.md §1; the host rule in
 * provider/tencentcloud/settings.ts, the refusal in emulator/tencentcloud/api.ts.
 */
import { setStackConfig } from "../../provider/core/settings";
import { ConfigurationError } from "../../provider/core/errors";
import { resolveTencentSettings, tencentEndpointHost } from "../../provider/tencentcloud/settings";
import { useEmulator } from "../helpers/emulator";
import { CLOUD_ENV } from "../helpers/cloudEnv";
import { errorCode, tencentCall } from "../helpers/tencentRequest";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  setStackConfig(undefined);
});

describe("the host the provider dials", () => {
  beforeEach(() => {
    for (const name of [...CLOUD_ENV.tencentcloud, "TENCENTCLOUD_PROTOCOL"]) delete process.env[name];
    Object.assign(process.env, { TENCENTCLOUD_SECRET_ID: "id", TENCENTCLOUD_SECRET_KEY: "key" });
  });

  it.each([
    ["ap-shanghai-fsi", "https://redis.ap-shanghai-fsi.tencentcloudapi.com"],
    ["ap-shenzhen-fsi", "https://redis.ap-shenzhen-fsi.tencentcloudapi.com"],
    ["ap-beijing-fsi", "https://redis.ap-beijing-fsi.tencentcloudapi.com"],
    ["ap-shanghai", "https://redis.tencentcloudapi.com"],
    ["ap-guangzhou", "https://redis.tencentcloudapi.com"],
  ])("%s: %s", (region, endpoint) => {
    expect(resolveTencentSettings(region).endpoint).toBe(endpoint);
    expect(`https://${tencentEndpointHost(region)}`).toBe(endpoint);
  });

  it("a set endpoint still wins, finance region or not", () => {
    process.env.TENCENTCLOUD_ENDPOINT = "http://127.0.0.1:8787";
    expect(resolveTencentSettings("ap-shanghai-fsi").endpoint).toBe("http://127.0.0.1:8787");
  });

  it("tencentcloud:protocol HTTP (Terraform's setting) changes the scheme of the chosen host only", () => {
    setStackConfig({ get: (k) => (k === "tencentcloud:protocol" ? "HTTP" : undefined) });
    expect(resolveTencentSettings("ap-shanghai-fsi").endpoint).toBe(
      "http://redis.ap-shanghai-fsi.tencentcloudapi.com",
    );
    process.env.TENCENTCLOUD_ENDPOINT = "https://redis.tencentcloudapi.com";
    expect(resolveTencentSettings("ap-shanghai-fsi").endpoint).toBe("https://redis.tencentcloudapi.com");
  });

  it("a protocol other than HTTP or HTTPS, or a proxy that is not an http:// URL, is refused by name", () => {
    process.env.TENCENTCLOUD_PROTOCOL = "ftp";
    expect(() => resolveTencentSettings("ap-guangzhou")).toThrow(
      new ConfigurationError("tencentcloud:protocol / TENCENTCLOUD_PROTOCOL must be HTTP or HTTPS, not ftp"),
    );
    delete process.env.TENCENTCLOUD_PROTOCOL;
    setStackConfig({ get: (k) => (k === "tencentcloud:proxy" ? "socks5://127.0.0.1:1080" : undefined) });
    expect(() => resolveTencentSettings("ap-guangzhou")).toThrow(/tencentcloud:proxy must be an HTTP proxy/);
  });
});

describe("the emulator, as the cloud: finance and other regions are isolated", () => {
  const handle = useEmulator({
    instances: [{ instanceId: "crs-fsi00001", region: "ap-shanghai-fsi" }],
  });
  const list = (region: string, host: string) =>
    tencentCall(handle.emulator.url, "DescribeInstanceBackups", {}, { region, host });

  it("a finance Region at its finance host is served", async () => {
    const r = await list("ap-shanghai-fsi", "redis.ap-shanghai-fsi.tencentcloudapi.com");
    expect(errorCode(r)).toBeUndefined();
  });

  it.each([
    ["ap-shanghai-fsi", "redis.tencentcloudapi.com"],
    ["ap-shanghai-fsi", "redis.ap-shanghai.tencentcloudapi.com"],
    ["ap-shanghai-fsi", "redis.intl.tencentcloudapi.com"],
    ["ap-guangzhou", "redis.ap-shanghai-fsi.tencentcloudapi.com"],
  ])("Region %s at %s: UnsupportedRegion (our guess of the code), saying why", async (region, host) => {
    const r = await list(region, host);
    expect(errorCode(r)).toBe("UnsupportedRegion");
    expect(String(r.headers["x-emulator-detail"])).toMatch(/finance/);
  });

  it("a request addressed to the emulator itself stands for whichever host its client chose", async () => {
    const r = await list("ap-shanghai-fsi", new URL(handle.emulator.url).host);
    expect(errorCode(r)).toBeUndefined();
  });
});
