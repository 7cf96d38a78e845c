/**
 * ucloud.RedisBackup through Pulumi's own dynamic-provider host (spawned from @pulumi/pulumi and
 * driven over gRPC as the engine drives it), against the emulator. The host loads the provider
 * from dist/, so `npm test` builds first; it sleeps for real, so backups here take a second at most.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { UCLOUD_DEMO_GROUP_IDS } from "../../emulator";
import { ucloud } from "../../provider";
import {
  DIFF,
  DynamicHost,
  UNKNOWN,
  initFailureOf,
  requests,
  serializedProviderOf,
  startDynamicHost,
} from "../helpers/dynamicHost";
import { useEmulator } from "../helpers/emulator";
import { ucloudEndpoint } from "../helpers/cloudEnv";

// Canary credentials: the ones in stack config are accepted by the emulator; the environment's are decoys.
const CONFIG_KEY = {
  publicKey: "canary-config-public@example.com",
  privateKey: "canary-config-private-Xk7q",
};
const ENV_KEY = { publicKey: "canary-env-public@example.com", privateKey: "canary-env-private-Jd4w" };
const TOKEN_CANARY = "canary-sts-token-Vb9m";
const canaries = [CONFIG_KEY.privateKey, ENV_KEY.privateKey, TOKEN_CANARY];

const handle = useEmulator({
  ucloud: { backupSeconds: 0, credentials: [{ ...CONFIG_KEY, securityToken: TOKEN_CANARY }] },
});
const [orders, sessions] = UCLOUD_DEMO_GROUP_IDS;
const em = () => handle.emulator;
let host: DynamicHost;
let provider: { type: string; text: string };
let rq: ReturnType<typeof requests>;

beforeAll(async () => {
  provider = await serializedProviderOf(() => new ucloud.RedisBackup("b", { groupId: orders }));
  rq = requests(provider.type);
  host = await startDynamicHost({
    env: {
      UCLOUD_PUBLIC_KEY: ENV_KEY.publicKey,
      UCLOUD_PRIVATE_KEY: ENV_KEY.privateKey,
      UCLOUD_REGION: "cn-bj2",
      UCLOUD_ENDPOINT: undefined,
      UCLOUD_ZONE: undefined,
      UCLOUD_PROJECT_ID: undefined,
    },
  });
  await host.call(
    "configure",
    rq.configure({
      "ucloud:publicKey": CONFIG_KEY.publicKey,
      "ucloud:privateKey": CONFIG_KEY.privateKey,
      "ucloud:securityToken": TOKEN_CANARY,
      "ucloud:endpoint": ucloudEndpoint(em()),
    }),
  );
});
afterAll(async () => host?.stop());

const withProvider = (inputs: object) => ({ ...inputs, __provider: provider.text });
const js = (s: any) => s.toJavaScript();

async function create(inputs: object, name = "b") {
  const chk: any = await host.call("check", rq.check({}, withProvider(inputs), name));
  expect(chk.getFailuresList()).toEqual([]);
  const cr: any = await host.call("create", rq.create(js(chk.getInputs()), name));
  return { id: cr.getId() as string, outs: js(cr.getProperties()), inputs: js(chk.getInputs()) };
}

const read = async (id: string, outs: object, inputs: object) =>
  (await host.call("read", rq.read(id, outs, inputs))) as any;

it("serializes a provider type with its module and a small __provider", () => {
  expect(provider.type).toBe("pulumi-nodejs:dynamic/ucloud:RedisBackup");
  expect(provider.text).toContain("pulumi-redis-backup/internal/ucloud/operations");
  expect(provider.text.length).toBeLessThanOrEqual(4096);
});

it("check: one CheckFailure per bad property, no API call", async () => {
  const before = JSON.stringify(em().admin.stats().requestsByAction);
  const chk: any = await host.call(
    "check",
    rq.check({}, withProvider({ groupId: "crs-abc", backupName: "no spaces please" })),
  );
  expect(chk.getFailuresList().map((f: any) => [f.getProperty(), f.getReason()])).toEqual([
    ["groupId", expect.stringMatching(/URedis .* group id like uredis-/)],
    ["backupName", expect.stringMatching(/6 to 63 characters/)],
  ]);
  expect(JSON.stringify(em().admin.stats().requestsByAction)).toBe(before);
  const preview: any = await host.call("check", rq.check({}, withProvider({ groupId: UNKNOWN })));
  expect(preview.getFailuresList()).toEqual([]);
});

describe("lifecycle: create → refresh → expire → delete", () => {
  const inputs = { groupId: orders, backupName: "host_lifecycle" };
  let id: string;
  let outs: Record<string, unknown>;

  it("create, reporting progress while it waits", async () => {
    em().ucloud.setBackupSeconds(1);
    try {
      ({ id, outs } = await create(inputs));
    } finally {
      em().ucloud.setBackupSeconds(0);
    }
    expect(id).toBe(`${orders}:${outs.backupId}`);
    expect(outs).toMatchObject({
      ...inputs,
      status: "available",
      state: "Success",
      region: "cn-bj2",
      zone: "cn-bj2-04",
      ucloudBackupName: expect.stringMatching(/^host_lifecycle-[0-9a-f]{8}$/),
      backupTime: expect.stringMatching(/Z$/),
      __provider: provider.text,
    });
    const progress = /backup of uredis-demo01: [0-9a-f-]{36} Backuping/;
    expect(await host.printed(progress)).toMatch(progress);
  });

  it("refresh finds no drift", async () => {
    const rd = await read(id, outs, inputs);
    expect(rd.getId()).toBe(id);
    expect(js(rd.getProperties())).toEqual(outs);
    const df: any = await host.call("diff", rq.diff(id, js(rd.getProperties()), withProvider(inputs)));
    expect(df.getChanges()).toBe(DIFF.DIFF_NONE);
  });

  it("past its expiry a refresh plans a replacement", async () => {
    em().admin.advanceClock(8 * 86_400);
    const refreshed = js((await read(id, outs, inputs)).getProperties());
    expect(refreshed).toMatchObject({ status: "expired", state: "Expired" });
    const df: any = await host.call("diff", rq.diff(id, refreshed, withProvider(inputs)));
    expect([df.getChanges(), df.getReplacesList()]).toEqual([DIFF.DIFF_SOME, ["status"]]);
    outs = refreshed;
  });

  it("delete calls DeleteURedisBackup", async () => {
    await host.call("delete", rq.delete(id, outs));
    expect(
      em()
        .ucloud.backups(orders)
        .find((b) => b.backupId === outs.backupId)?.deleted,
    ).toBe(true);
  });
});

it("where DeleteURedisBackup is not served, delete succeeds and warns that the backup stays", async () => {
  const { id, outs } = await create({ groupId: sessions }, "nodelete");
  em().ucloud.setDeleteSupported(false);
  try {
    await host.call("delete", rq.delete(id, outs, "nodelete"));
  } finally {
    em().ucloud.setDeleteSupported(true);
  }
  expect(
    em()
      .ucloud.backups(sessions)
      .find((b) => b.backupId === outs.backupId)?.deleted,
  ).toBe(false);
  const stays = /no longer serves DeleteURedisBackup.*stays until it expires/;
  expect(await host.printed(stays)).toMatch(stays);
});

it("deleted out of band: refresh returns an empty id", async () => {
  const { id, outs, inputs } = await create({ groupId: sessions }, "vanishes");
  em().ucloud.deleteBackup(outs.backupId);
  expect((await read(id, outs, inputs)).getId()).toBe("");
});

it("an API error reaches the engine with action, group, RetCode and request id", async () => {
  const err: any = await host
    .call("create", rq.create(withProvider({ groupId: "uredis-nothere" })))
    .catch((e) => e);
  expect(err.details).toMatch(
    /^creating Redis backup of uredis-nothere: CreateURedisBackup: 230: Params \[GroupId\] not available \(RequestId [0-9a-f-]{36}\)$/,
  );
});

it("a create that cannot finish waiting hands the engine the backup it made (ErrorResourceInitFailed)", async () => {
  em().ucloud.setBackupSeconds(600);
  let err: any;
  try {
    err = await host
      .call("create", rq.create(withProvider({ groupId: sessions, waitTimeoutMinutes: 0.02 }), "slow"))
      .catch((e) => e);
  } finally {
    em().ucloud.setBackupSeconds(0);
  }
  expect(err.details).toMatch(
    /^creating Redis backup of uredis-demo02: timed out after \d+s waiting for backup/,
  );
  const failure = initFailureOf(err)!;
  const [backup] = em().ucloud.backups(sessions);
  expect(failure.id).toBe(`${sessions}:${backup.backupId}`);
  expect(failure.properties).toMatchObject({ backupId: backup.backupId, status: "creating" });
});

it("no credential appears in __provider, outputs or anything the host printed", async () => {
  const { outs } = await create({ groupId: orders, backupName: "secrets_check" }, "s");
  em().ucloud.setDeleteSupported(false);
  await host.call("delete", rq.delete(`${orders}:${outs.backupId}`, outs, "s"));
  em().ucloud.setDeleteSupported(true);
  const seen = [provider.text, JSON.stringify(outs), host.stdout.join("\n"), host.stderr.join("\n")].join(
    "\n",
  );
  for (const canary of canaries) expect(seen).not.toContain(canary);
});
