/**
 * tencentcloud.RedisBackup through Pulumi's own dynamic-provider host (spawned from @pulumi/pulumi
 * and driven over gRPC as the engine drives it), against the emulator. The host loads the
 * provider from dist/, so `npm test` builds first.
 */
import { DEMO_INSTANCE_IDS } from "../../emulator";
import { tencentcloud } from "../../provider";
import {
  DIFF,
  DynamicHost,
  UNKNOWN,
  requests,
  serializedProviderOf,
  startDynamicHost,
} from "../helpers/dynamicHost";
import { useEmulator } from "../helpers/emulator";

// Canary credentials: the ones in stack config are accepted by the emulator; the environment's are decoys.
const CONFIG_KEY = {
  secretId: "AKIDCANARYCONFIG0000000000000000000001",
  secretKey: "canary-config-secret-Zq8x",
};
const ENV_KEY = { secretId: "AKIDCANARYENV000000000000000000000002", secretKey: "canary-env-secret-Wm3v" };
const TOKEN_CANARY = "canary-session-token-Hk2p";
const canaries = [CONFIG_KEY.secretKey, ENV_KEY.secretKey, TOKEN_CANARY];

const handle = useEmulator({ taskSeconds: 0, credentials: [{ ...CONFIG_KEY, token: TOKEN_CANARY }] });
const [orders, sessions] = DEMO_INSTANCE_IDS;
let host: DynamicHost;
let provider: { type: string; text: string };
let rq: ReturnType<typeof requests>;

beforeAll(async () => {
  provider = await serializedProviderOf(() => new tencentcloud.RedisBackup("b", { instanceId: orders }));
  rq = requests(provider.type);
  host = await startDynamicHost({
    env: {
      TENCENTCLOUD_SECRET_ID: ENV_KEY.secretId,
      TENCENTCLOUD_SECRET_KEY: ENV_KEY.secretKey,
      TENCENTCLOUD_REGION: "ap-guangzhou",
      TENCENTCLOUD_ENDPOINT: undefined,
    },
  });
  await host.call(
    "configure",
    rq.configure({
      "tencentcloud:secretId": CONFIG_KEY.secretId,
      "tencentcloud:secretKey": CONFIG_KEY.secretKey,
      "tencentcloud:securityToken": TOKEN_CANARY,
      "tencentcloud:endpoint": handle.emulator.url,
    }),
  );
});
afterAll(async () => host?.stop());

const withProvider = (inputs: object) => ({ ...inputs, __provider: provider.text });
/* eslint-disable @typescript-eslint/no-explicit-any */
const js = (s: any) => s.toJavaScript();

async function create(inputs: object, name = "b") {
  const chk: any = await host.call("check", rq.check({}, withProvider(inputs), name));
  expect(chk.getFailuresList()).toEqual([]);
  const cr: any = await host.call("create", rq.create(js(chk.getInputs()), name));
  return { id: cr.getId() as string, outs: js(cr.getProperties()), inputs: js(chk.getInputs()) };
}

it("serializes a provider type with its module and a __provider of at most 4 KiB", () => {
  expect(provider.type).toBe("pulumi-nodejs:dynamic/tencentcloud:RedisBackup");
  console.log(
    `serialized tencentcloud.RedisBackup provider: ${provider.text.length} bytes\n${provider.text}`,
  );
  expect(provider.text.length).toBeLessThanOrEqual(4096);
});

it("check: one CheckFailure per bad property, no API call", async () => {
  const before = handle.emulator.admin.stats().requestsByAction;
  const chk: any = await host.call(
    "check",
    rq.check({}, withProvider({ instanceId: "db-1", storageDays: 5000 })),
  );
  const failures = chk.getFailuresList().map((f: any) => [f.getProperty(), f.getReason()]);
  expect(failures).toEqual([
    ["instanceId", expect.stringMatching(/Tencent Redis instance id like crs-/)],
    ["storageDays", expect.stringMatching(/0 to 1825/)],
  ]);
  expect(handle.emulator.admin.stats().requestsByAction).toEqual(before);
  const preview: any = await host.call(
    "check",
    rq.check({}, withProvider({ instanceId: UNKNOWN, storageDays: 3 })),
  );
  expect(preview.getFailuresList()).toEqual([]);
});

describe("lifecycle: create → refresh → expire → lock → vanish → delete", () => {
  const inputs = { instanceId: orders, remark: "host lifecycle", storageDays: 3 };
  let id: string;
  let outs: Record<string, unknown>;

  it("create, reporting progress while it waits", async () => {
    handle.emulator.admin.setTaskSeconds(2);
    try {
      ({ id, outs } = await create(inputs));
    } finally {
      handle.emulator.admin.setTaskSeconds(0);
    }
    expect(id).toBe(`${orders}:${outs.backupId}`);
    expect(outs).toMatchObject({ ...inputs, status: "available", locked: false, __provider: provider.text });
    expect(await host.printed(/task \d+/)).toMatch(/task \d+/);
  });

  it("refresh finds no drift", async () => {
    const rd: any = await host.call("read", rq.read(id, outs, inputs));
    expect(rd.getId()).toBe(id);
    expect(js(rd.getProperties())).toEqual(outs);
    // The host puts __provider back into the inputs, as state needs it.
    expect(js(rd.getInputs())).toEqual(withProvider(inputs));
    const df: any = await host.call("diff", rq.diff(id, js(rd.getProperties()), withProvider(inputs)));
    expect(df.getChanges()).toBe(DIFF.DIFF_NONE);
  });

  it("a lock found on refresh plans an in-place update; up acknowledges it", async () => {
    handle.emulator.admin.lockBackup(outs.backupId as string, true);
    const refreshed = js(((await host.call("read", rq.read(id, outs, inputs))) as any).getProperties());
    expect(refreshed).toMatchObject({ locked: true, status: "locked" });
    const df: any = await host.call("diff", rq.diff(id, refreshed, withProvider(inputs)));
    expect([df.getChanges(), df.getReplacesList()]).toEqual([DIFF.DIFF_SOME, []]);
    const up: any = await host.call("update", rq.update(id, refreshed, withProvider(inputs)));
    outs = js(up.getProperties());
    expect(outs).toMatchObject({
      ...inputs,
      locked: true,
      lockedAcknowledged: true,
      backupId: refreshed.backupId,
    });
    const again: any = await host.call("diff", rq.diff(id, outs, withProvider(inputs)));
    expect(again.getChanges()).toBe(DIFF.DIFF_NONE);
    handle.emulator.admin.lockBackup(outs.backupId as string, false);
  });

  it("past its expiry a refresh plans a replacement", async () => {
    handle.emulator.admin.advanceClock(4 * 86_400);
    const refreshed = js(((await host.call("read", rq.read(id, outs, inputs))) as any).getProperties());
    expect(refreshed.status).toBe("expired");
    const df: any = await host.call("diff", rq.diff(id, refreshed, withProvider(inputs)));
    expect([df.getChanges(), df.getReplacesList()]).toEqual([DIFF.DIFF_SOME, ["status"]]);
  });

  it("deleted out of band: refresh returns an empty id", async () => {
    handle.emulator.admin.deleteBackup(outs.backupId as string);
    const rd: any = await host.call("read", rq.read(id, outs, inputs));
    expect(rd.getId()).toBe("");
  });

  it("delete succeeds without an API call and says what stays", async () => {
    const before = JSON.stringify(handle.emulator.admin.stats().requestsByAction);
    await host.call("delete", rq.delete(id, outs));
    expect(JSON.stringify(handle.emulator.admin.stats().requestsByAction)).toBe(before);
    const stays = /cannot delete backups: backup .* stays until it expires/;
    expect(await host.printed(stays)).toMatch(stays);
  });
});

it("concurrent creates on one instance give distinct backups", async () => {
  const results = await Promise.all(
    [1, 2, 3, 4].map((n) => create({ instanceId: sessions, remark: "same remark" }, `c${n}`)),
  );
  expect(new Set(results.map((r) => r.outs.backupId)).size).toBe(4);
});

it("adopts an existing backup", async () => {
  const first = await create({ instanceId: sessions, remark: "to adopt" }, "orig");
  const adopted = await create({ instanceId: sessions, backupId: first.outs.backupId }, "adopter");
  expect(adopted.id).toBe(first.id);
  expect(adopted.outs).toMatchObject({ backupId: first.outs.backupId, adopted: true });
});

it("an API error reaches the engine with action, instance, code and RequestId", async () => {
  const err: any = await host
    .call("create", rq.create(withProvider({ instanceId: "crs-nothere1" })))
    .catch((e) => e);
  expect(err.details).toMatch(
    /^creating Redis backup of crs-nothere1: ManualBackupInstance: ResourceNotFound\.InstanceNotExists: .+ \(RequestId [0-9a-f-]{36}\)$/,
  );
});

it("no credential appears in __provider, outputs or anything the host printed", async () => {
  const { outs } = await create({ instanceId: orders, remark: "secrets" }, "s");
  const seen = [provider.text, JSON.stringify(outs), host.stdout.join("\n"), host.stderr.join("\n")].join(
    "\n",
  );
  for (const canary of canaries) expect(seen).not.toContain(canary);
});
