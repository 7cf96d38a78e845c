/**
 * Behind a corporate proxy: with HTTPS_PROXY set and no endpoint, the provider dials each cloud's
 * real API host through a CONNECT tunnel at the proxy, with TLS to that host inside, as it runs
 * under `pulumi up` (Pulumi's dynamic-provider host, through runBackupsThroughHost). The proxy here
 * is local and ends its tunnels at the emulator behind a certificate the host is told to trust.
 */
import * as path from "path";
import * as alicloud from "../../provider/alicloud";
import { postText } from "../../provider/core/http";
import * as tencentcloud from "../../provider/tencentcloud";
import * as ucloud from "../../provider/ucloud";
import { emulatorEnvironment } from "../../emulator";
import { runBackupsThroughHost } from "../../host";
import { ConnectProxy, startConnectProxy } from "../helpers/connectProxy";
import { useEmulator } from "../helpers/emulator";

const ROOT = path.resolve(__dirname, "../..");
const handle = useEmulator({ taskSeconds: 0 });

/** Runs a CONNECT proxy, started with `options()`, for the tests of the enclosing block; returns it. */
function useConnectProxy(options: () => Parameters<typeof startConnectProxy>[0]): () => ConnectProxy {
  let proxy: ConnectProxy;
  beforeAll(async () => {
    proxy = await startConnectProxy(options());
  });
  afterAll(() => proxy.close());
  return () => proxy;
}

/** The emulator's variables (keys, regions, endpoints), for a test to change. */
const emulatorEnv = (): Record<string, string | undefined> => ({
  ...emulatorEnvironment(handle.emulator.url),
});

describe("HTTPS_PROXY", () => {
  const proxy = useConnectProxy(() => ({ emulatorPort: handle.emulator.port }));

  it("takes, reads and deletes a backup of each cloud through the proxy's CONNECT tunnels", async () => {
    // The emulator's keys and regions, and no endpoint: each cloud's real host is dialled.
    const env = emulatorEnv();
    for (const k of Object.keys(env)) if (k.endsWith("_ENDPOINT")) env[k] = undefined;
    env.HTTPS_PROXY = proxy().url;
    env.NODE_EXTRA_CA_CERTS = proxy().certFile;
    const run = await runBackupsThroughHost(
      () => [
        new tencentcloud.RedisBackup("orders", { instanceId: "crs-demo0001" }),
        new alicloud.RedisBackup("catalog", { instanceId: "r-demo0001" }),
        new ucloud.RedisBackup("cache", { groupId: "uredis-demo01" }),
      ],
      { cwd: ROOT, env },
    );
    expect(run.backups.map((b) => [b.name, b.created.status, b.read?.status, b.deleted])).toEqual([
      ["orders", "available", "available", true],
      ["catalog", "available", "available", true],
      ["cache", "available", "available", true],
    ]);
    expect([...new Set(proxy().connects)].sort()).toEqual([
      "api.ucloud.cn:443",
      "r-kvstore.aliyuncs.com:443",
      "redis.tencentcloudapi.com:443",
    ]);
  });
});

describe("alicloud:proxy (the Alibaba SDKs' httpsProxy), without the variables", () => {
  const proxy = useConnectProxy(() => ({ emulatorPort: handle.emulator.port }));

  it("tunnels Alibaba Cloud's https:// host through the configured proxy", async () => {
    const env = emulatorEnv();
    env.ALIBABA_CLOUD_ENDPOINT = undefined;
    env.NODE_EXTRA_CA_CERTS = proxy().certFile;
    const run = await runBackupsThroughHost(
      () => [new alicloud.RedisBackup("catalog-configured", { instanceId: "r-demo0001" })],
      { cwd: ROOT, env, config: { "alicloud:proxy": proxy().url } },
    );
    expect(run.backups.map((b) => [b.created.status, b.read?.status])).toEqual([["available", "available"]]);
    expect([...new Set(proxy().connects)]).toEqual(["r-kvstore.aliyuncs.com:443"]);
  });
});

describe("HTTP_PROXY at the emulator (its own proxy mode)", () => {
  it("serves each cloud's real host over plain HTTP as the proxy", async () => {
    const env = emulatorEnv();
    env.TENCENTCLOUD_ENDPOINT = undefined;
    env.TENCENTCLOUD_PROTOCOL = "HTTP";
    env.ALIBABA_CLOUD_ENDPOINT = "http://r-kvstore.aliyuncs.com";
    env.UCLOUD_ENDPOINT = "http://api.ucloud.cn";
    env.HTTP_PROXY = handle.emulator.url;
    const before = handle.emulator.admin.backups().length;
    const run = await runBackupsThroughHost(
      () => [
        new tencentcloud.RedisBackup("via-proxy", { instanceId: "crs-demo0002" }),
        new alicloud.RedisBackup("via-proxy-ali", { instanceId: "r-demo0003" }),
        new ucloud.RedisBackup("via-proxy-u", { groupId: "uredis-demo02" }),
      ],
      { cwd: ROOT, env, keep: true },
    );
    expect(run.backups.map((b) => [b.name, b.created.status, b.read?.status])).toEqual([
      ["via-proxy", "available", "available"],
      ["via-proxy-ali", "available", "available"],
      ["via-proxy-u", "available", "available"],
    ]);
    expect(handle.emulator.admin.backups().length).toBe(before + 1);
  });
});

describe("a proxy that refuses the tunnel", () => {
  const proxy = useConnectProxy(() => ({ refuse: 407 }));
  const saved = { ...process.env };
  afterAll(() => {
    process.env = saved;
  });

  it("fails with the proxy's status, naming the proxy without its credentials", async () => {
    process.env.HTTPS_PROXY = proxy().url.replace("http://", "http://alice:s3cret@");
    const sent = postText({
      action: "DescribeTaskInfo",
      url: "https://redis.tencentcloudapi.com/",
      headers: {},
      body: "{}",
      timeoutMs: 5_000,
      maxResponseBytes: 1 << 20,
    });
    await expect(sent).rejects.toThrow(
      `proxy ${proxy().url} refused CONNECT redis.tencentcloudapi.com:443: 407 Proxy Authentication Required`,
    );
    await expect(sent).rejects.not.toThrow(/s3cret/);
    expect(proxy().connects).toEqual(["redis.tencentcloudapi.com:443"]);
  });
});
