/**
 * The native provider plugin (plugin/bin/pulumi-resource-redis-backup, running dist/) driven over
 * gRPC as the engine drives it, against the emulator: its config from Configure (never the
 * environment's decoys), the schema, CheckConfig, a detailed diff, Read with an id alone (import),
 * the engine's `timeout` stopping a create's wait, and each cloud's getBackupDownloadUrls (Invoke).
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import * as path from "path";
import { emptyproto } from "../../provider/native/grpc";
import {
  ALICLOUD_DEMO_INSTANCE_IDS,
  ALICLOUD_DEMO_REGION,
  DEFAULT_ALICLOUD_CREDENTIALS,
  DEFAULT_UCLOUD_CREDENTIALS,
  DEMO_INSTANCE_IDS,
  UCLOUD_DEMO_GROUP_IDS,
  UCLOUD_DEMO_REGION,
} from "../../emulator";
import { alicloudEndpoint, ucloudEndpoint } from "../helpers/cloudEnv";
import { DIFF, DynamicHost, UNKNOWN, provproto, requests, startDynamicHost } from "../helpers/dynamicHost";
import { useEmulator } from "../helpers/emulator";

const PLUGIN = path.resolve(__dirname, "../../plugin/bin/pulumi-resource-redis-backup");
const TYPE = "redis-backup:tencentcloud:RedisBackup";
const KEY = { secretId: "AKIDNATIVECONFIG00000000000000000001", secretKey: "native-config-secret-Pq4z" };
const KIND = provproto.PropertyDiff.Kind;
const [orders] = DEMO_INSTANCE_IDS;

const handle = useEmulator({ taskSeconds: 0, credentials: [KEY] });
const rq = requests(TYPE);
let plugin: DynamicHost;
const js = (s: any) => s?.toJavaScript();

/** Provider config reaching the emulator's Tencent account of KEY. */
const tencentConfig = () => ({
  tencentcloudSecretId: KEY.secretId,
  tencentcloudSecretKey: KEY.secretKey,
  tencentcloudRegion: "ap-guangzhou",
  tencentcloudEndpoint: handle.emulator.url,
});
/** Provider config reaching the emulator's Alibaba and UCloud accounts. */
const otherCloudsConfig = () => ({
  alicloudAccessKeyId: DEFAULT_ALICLOUD_CREDENTIALS.accessKeyId,
  alicloudAccessKeySecret: DEFAULT_ALICLOUD_CREDENTIALS.accessKeySecret,
  alicloudRegion: ALICLOUD_DEMO_REGION,
  alicloudEndpoint: alicloudEndpoint(handle.emulator),
  ucloudPublicKey: DEFAULT_UCLOUD_CREDENTIALS.publicKey,
  ucloudPrivateKey: DEFAULT_UCLOUD_CREDENTIALS.privateKey,
  ucloudRegion: UCLOUD_DEMO_REGION,
  ucloudEndpoint: ucloudEndpoint(handle.emulator),
});

/** Decoy Tencent keys in the plugin's environment: the provider's own config must win over these. */
const TENCENT_DECOYS = {
  TENCENTCLOUD_SECRET_ID: "AKIDDECOY000000000000000000000000002",
  TENCENTCLOUD_SECRET_KEY: "decoy",
  TENCENTCLOUD_ENDPOINT: undefined,
};

/** The plugin, started with `env` added to this process's environment, and configured with `config`. */
async function configuredPlugin(config: Record<string, string>, env?: Record<string, string | undefined>) {
  const host = await startDynamicHost({ command: PLUGIN, env });
  await host.call("configure", rq.configure(config));
  return host;
}

beforeAll(async () => {
  plugin = await configuredPlugin(tencentConfig(), TENCENT_DECOYS);
});
afterAll(async () => plugin?.stop());

async function create(inputs: object, name = "b", timeoutSeconds?: number) {
  const chk: any = await plugin.call("check", rq.check({}, inputs, name));
  expect(chk.getFailuresList()).toEqual([]);
  const req = rq.create(js(chk.getInputs()), name);
  if (timeoutSeconds) req.setTimeout(timeoutSeconds);
  const cr: any = await plugin.call("create", req);
  return { id: cr.getId() as string, outs: js(cr.getProperties()), inputs: js(chk.getInputs()) };
}

/** The input naming the instance a RedisBackup of each cloud backs up. */
const INSTANCE_KEY = { tencentcloud: "instanceId", alicloud: "instanceId", ucloud: "groupId" } as const;

/** Checks a RedisBackup of `instance` on `cloud` through `host`, then creates it from the checked inputs. */
async function checkThenCreate(host: DynamicHost, cloud: keyof typeof INSTANCE_KEY, instance: string) {
  const r = requests(`redis-backup:${cloud}:RedisBackup`);
  const chk: any = await host.call("check", r.check({}, { [INSTANCE_KEY[cloud]]: instance }));
  const cr: any = await host.call("create", r.create(js(chk.getInputs())));
  return { r, failures: chk.getFailuresList(), cr };
}

/** A Diff as the engine sends it: the old outputs, and the inputs the program had set. */
function diffReq(id: string, olds: object, oldInputs: object, news: object) {
  const req = rq.diff(id, olds, news);
  req.setOldInputs(rq.create(oldInputs).getProperties());
  return req;
}

function detailed(df: any): Record<string, [number, boolean]> {
  const out: Record<string, [number, boolean]> = {};
  df.getDetaileddiffMap().forEach((v: any, k: string) => (out[k] = [v.getKind(), v.getInputdiff()]));
  return out;
}

it("serves its schema and version, and checks its config", async () => {
  const schema = JSON.parse((await plugin.call("getSchema", new provproto.GetSchemaRequest())).getSchema());
  expect(Object.keys(schema.resources)).toContain(TYPE);
  const info: any = await plugin.call("getPluginInfo", new emptyproto.Empty());
  expect(info.getVersion()).toBe(schema.version);
  const cc = new provproto.CheckRequest();
  cc.setUrn("urn:pulumi:stack::proj::pulumi:providers:redis-backup::acct");
  cc.setNews(
    rq.configure({ tencentcloudSecretId: "x", tencentcloudRateLimitPerSecond: "fast", bogus: "1" }).getArgs(),
  );
  const failures = (await plugin.call("checkConfig", cc)).getFailuresList().map((f: any) => f.getProperty());
  expect(failures.sort()).toEqual(["bogus", "tencentcloudRateLimitPerSecond"]);
});

it("checks inputs in the vendor's words and lets unknowns through", async () => {
  const bad: any = await plugin.call("check", rq.check({}, { instanceId: "db-1", storageDays: 5000 }));
  expect(bad.getFailuresList().map((f: any) => f.getProperty())).toEqual(["instanceId", "storageDays"]);
  const preview: any = await plugin.call("check", rq.check({}, { instanceId: UNKNOWN, storageDays: 3 }));
  expect(preview.getFailuresList()).toEqual([]);
  expect(js(preview.getInputs())).toEqual({ instanceId: UNKNOWN, storageDays: 3 });
});

describe("a backup", () => {
  const inputs = { instanceId: orders, remark: "native lifecycle", storageDays: 3 };
  let made: Awaited<ReturnType<typeof create>>;
  beforeAll(async () => {
    made = await create(inputs);
  });

  it("is taken with the provider's own credentials", () => {
    expect(made.id).toBe(`${orders}:${made.outs.backupId}`);
    expect(made.outs).toMatchObject({ ...inputs, status: "available", adopted: false });
  });

  it("diffs property by property: a new remark replaces, a new wait updates in place", async () => {
    const df: any = await plugin.call(
      "diff",
      diffReq(made.id, made.outs, made.inputs, { ...inputs, remark: "v2", waitTimeoutMinutes: 5 }),
    );
    expect(df.getChanges()).toBe(DIFF.DIFF_SOME);
    expect(df.getReplacesList()).toEqual(["remark"]);
    expect(df.getHasdetaileddiff()).toBe(true);
    expect(detailed(df)).toEqual({
      remark: [KIND.UPDATE_REPLACE, true],
      waitTimeoutMinutes: [KIND.ADD, true],
    });
    const same: any = await plugin.call("diff", diffReq(made.id, made.outs, made.inputs, inputs));
    expect(same.getChanges()).toBe(DIFF.DIFF_NONE);
  });

  it("an expired backup is replaced for its status, an output", async () => {
    const df: any = await plugin.call(
      "diff",
      diffReq(made.id, { ...made.outs, status: "expired" }, made.inputs, inputs),
    );
    expect(df.getReplacesList()).toEqual(["status"]);
    expect(detailed(df)).toEqual({ status: [KIND.UPDATE_REPLACE, false] });
  });

  it("is imported by its id alone, with inputs that plan no change", async () => {
    const before = handle.emulator.admin.stats().requestsByAction.ManualBackupInstance ?? 0;
    const rd: any = await plugin.call("read", rq.read(made.id, {}, undefined, "imported"));
    expect(rd.getId()).toBe(made.id);
    const props = js(rd.getProperties());
    const readInputs = js(rd.getInputs());
    // Adopted, as `backupId` does: the inputs name the backup, the outputs hold what the vendor has.
    expect(readInputs).toEqual({ instanceId: orders, backupId: made.outs.backupId });
    expect(props).toMatchObject({ backupId: made.outs.backupId, adopted: true, status: "available" });
    const chk: any = await plugin.call("check", rq.check({}, readInputs, "imported"));
    const df: any = await plugin.call("diff", diffReq(made.id, props, readInputs, js(chk.getInputs())));
    expect(df.getChanges()).toBe(DIFF.DIFF_NONE);
    expect(handle.emulator.admin.stats().requestsByAction.ManualBackupInstance ?? 0).toBe(before);
  });

  it("an import of an id that is no backup's says what the id is", async () => {
    await expect(plugin.call("read", rq.read("crs-nothere", {}))).rejects.toMatchObject({
      details: expect.stringMatching(/the id is <instanceId>:<backupId>/),
    });
  });
});

it("the engine's timeout (customTimeouts) stops a create's wait, and the backup is recorded", async () => {
  handle.emulator.admin.setTaskSeconds(3_600);
  try {
    const err: any = await create(
      { instanceId: orders, remark: "slow", waitTimeoutMinutes: 60 },
      "slow",
      2,
    ).then(
      () => undefined,
      (e) => e,
    );
    expect(err?.details).toMatch(/^creating Redis backup of crs-demo0001: /);
    expect(err.details).toMatch(/timed out|ran out|waited/);
    // ErrorResourceInitFailed: the engine records what the create made.
    const [bin] = err.metadata.get("grpc-status-details-bin");
    expect(bin).toBeDefined();
  } finally {
    handle.emulator.admin.setTaskSeconds(0);
  }
});

it("a provider with no config at all (a default provider without `redis-backup:` config) is configured", async () => {
  const other = await startDynamicHost({ command: PLUGIN });
  try {
    await expect(other.call("configure", rq.configure({}))).resolves.toBeDefined();
  } finally {
    await other.stop();
  }
});

describe("imports on Alibaba Cloud and UCloud", () => {
  let multi: DynamicHost;
  beforeAll(async () => {
    multi = await configuredPlugin(otherCloudsConfig());
  });
  afterAll(async () => multi?.stop());

  it.each([
    ["alicloud", ALICLOUD_DEMO_INSTANCE_IDS[2]],
    ["ucloud", UCLOUD_DEMO_GROUP_IDS[1]],
  ] as const)(
    "%s: an id alone adopts the backup, with inputs that plan no change",
    async (cloud, instance) => {
      const { r, cr } = await checkThenCreate(multi, cloud, instance);
      const id: string = cr.getId();
      const rd: any = await multi.call("read", r.read(id, {}, undefined, "imported"));
      expect(rd.getId()).toBe(id);
      const readInputs = js(rd.getInputs());
      expect(readInputs).toMatchObject({
        [INSTANCE_KEY[cloud]]: instance,
        backupId: id.slice(id.indexOf(":") + 1),
      });
      const props = js(rd.getProperties());
      expect(props.adopted).toBe(true);
      const again: any = await multi.call("check", r.check({}, readInputs, "imported"));
      const diff = r.diff(id, props, js(again.getInputs()));
      diff.setOldInputs(r.create(readInputs).getProperties());
      expect((await multi.call("diff", diff)).getChanges()).toBe(DIFF.DIFF_NONE);
    },
  );
});

describe("getBackupDownloadUrls (Invoke), each cloud", () => {
  let host: DynamicHost;
  beforeAll(async () => {
    // Decoys: the function runs with the provider's configured credentials, not these.
    host = await configuredPlugin(
      { ...tencentConfig(), ...otherCloudsConfig() },
      {
        ...TENCENT_DECOYS,
        ALIBABA_CLOUD_ACCESS_KEY_ID: "decoy",
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: "decoy",
        UCLOUD_PUBLIC_KEY: "decoy",
        UCLOUD_PRIVATE_KEY: "decoy",
      },
    );
  });
  afterAll(async () => host?.stop());

  function invokeReq(cloud: string, args: object) {
    const req = new provproto.InvokeRequest();
    req.setTok(`redis-backup:${cloud}:getBackupDownloadUrls`);
    req.setArgs(rq.create(args).getProperties());
    return req;
  }

  /** The value under Pulumi's secret signature, or a failure when `v` is not a secret. */
  function secretValue(v: any) {
    expect(v?.["4dabf18193072939515e22adb298388d"]).toBe("1b47061264138c4ac30d75fd1eb44270");
    return v.value;
  }

  it.each([
    ["tencentcloud", DEMO_INSTANCE_IDS[1]],
    ["alicloud", ALICLOUD_DEMO_INSTANCE_IDS[1]],
    ["ucloud", UCLOUD_DEMO_GROUP_IDS[0]],
  ] as const)(
    "%s: returns, as secrets, the URLs the emulator issued for a backup taken through the provider",
    async (cloud, instance) => {
      const { failures, cr } = await checkThenCreate(host, cloud, instance);
      expect(failures).toEqual([]);
      const backupId: string = js(cr.getProperties()).backupId;
      const before = new Set(handle.emulator.admin.issuedUrls());
      const res: any = await host.call(
        "invoke",
        invokeReq(cloud, { [INSTANCE_KEY[cloud]]: instance, backupId }),
      );
      expect(res.getFailuresList()).toEqual([]);
      const ret = js(res.getReturn());
      expect(secretValue(ret.backupId)).toBe(backupId);
      expect(secretValue(ret.instanceId)).toBe(instance);
      const files: { url: string; fileName: string }[] = secretValue(ret.files);
      expect(files.length).toBeGreaterThanOrEqual(1);
      const issued = handle.emulator.admin.issuedUrls().filter((u) => !before.has(u));
      for (const f of files) expect(issued).toContain(f.url);
    },
  );

  it("a vendor's refusal is the error family's message: the call, the instance, the vendor's code and RequestId", async () => {
    const call = host.call(
      "invoke",
      invokeReq("tencentcloud", { instanceId: orders, backupId: "999999999" }),
    );
    await expect(call).rejects.toThrow(
      new RegExp(
        `getting the download URLs of Redis backup 999999999 of ${orders}: DescribeBackupUrl: [A-Za-z.]+: .*\\(RequestId [0-9a-f-]+\\)`,
      ),
    );
  });

  it("missing arguments are failures, and a token of no function is refused", async () => {
    const res: any = await host.call("invoke", invokeReq("ucloud", { backupId: "x" }));
    expect(res.getFailuresList().map((f: any) => f.getProperty())).toEqual(["groupId"]);
    await expect(
      host.call("invoke", invokeReq("tencentcloud", {}).setTok("redis-backup:index:nothing")),
    ).rejects.toThrow(/has no function redis-backup:index:nothing/);
  });
});
