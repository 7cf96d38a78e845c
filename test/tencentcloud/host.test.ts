/**
 * tencentcloud.RedisBackup through Pulumi's own dynamic-provider host: the shared scenarios
 * (test/contract/hostContract.ts), then Tencent's own — locks acknowledged in place, deletes that
 * call nothing, concurrent creates.
 */
import { DEMO_INSTANCE_IDS } from "../../emulator";
import { tencentcloud } from "../../provider";
import { DIFF, hostContract } from "../contract/hostContract";
import { UNKNOWN } from "../helpers/dynamicHost";

// Canary credentials: the ones in stack config are accepted by the emulator; the environment's are decoys.
const CONFIG_KEY = {
  secretId: "AKIDCANARYCONFIG0000000000000000000001",
  secretKey: "canary-config-secret-Zq8x",
};
const ENV_KEY = { secretId: "AKIDCANARYENV000000000000000000000002", secretKey: "canary-env-secret-Wm3v" };
const TOKEN_CANARY = "canary-session-token-Hk2p";
const [orders, sessions] = DEMO_INSTANCE_IDS;

const h = hostContract({
  cloud: "tencentcloud",
  resource: () => new tencentcloud.RedisBackup("b", { instanceId: orders }),
  emulator: { taskSeconds: 0, credentials: [{ ...CONFIG_KEY, token: TOKEN_CANARY }] },
  env: {
    TENCENTCLOUD_SECRET_ID: ENV_KEY.secretId,
    TENCENTCLOUD_SECRET_KEY: ENV_KEY.secretKey,
    TENCENTCLOUD_REGION: "ap-guangzhou",
    TENCENTCLOUD_ENDPOINT: undefined,
  },
  config: (em) => ({
    "tencentcloud:secretId": CONFIG_KEY.secretId,
    "tencentcloud:secretKey": CONFIG_KEY.secretKey,
    "tencentcloud:securityToken": TOKEN_CANARY,
    "tencentcloud:endpoint": em.url,
  }),
  canaries: [CONFIG_KEY.secretKey, ENV_KEY.secretKey, TOKEN_CANARY],
  check: {
    bad: { instanceId: "db-1", storageDays: 5000 },
    failures: [
      ["instanceId", /Tencent Redis instance id like crs-/],
      ["storageDays", /0 to 1825/],
    ],
    preview: { instanceId: UNKNOWN, storageDays: 3 },
  },
  instance: orders,
  inputs: () => ({ instanceId: orders, remark: "host lifecycle", storageDays: 3 }),
  created: () => ({ status: "available", locked: false }),
  setTaskSeconds: (em, seconds) => em.admin.setTaskSeconds(seconds),
  progressSeconds: 2,
  progress: /task \d+/,
  expire: (em) => {
    em.admin.advanceClock(4 * 86_400);
    return () => undefined;
  },
  expired: () => ({ status: "expired" }),
  deleteBackup: (em, backupId) => em.admin.deleteBackup(backupId),
  missing: {
    inputs: { instanceId: "crs-nothere1" },
    details:
      /^creating Redis backup of crs-nothere1: ManualBackupInstance: ResourceNotFound\.InstanceNotExists: .+ \(RequestId [0-9a-f-]{36}\)$/,
  },
});

const inputs = { instanceId: orders, remark: "host lifecycle", storageDays: 3 };

it("a lock found on refresh plans an in-place update; up acknowledges it", async () => {
  const { id, outs } = await h.create(inputs);
  h.em.admin.lockBackup(outs.backupId as string, true);
  try {
    const refreshed = (await h.read(id, outs, inputs)).props;
    expect(refreshed).toMatchObject({ locked: true, status: "locked" });
    expect(await h.diff(id, refreshed, inputs)).toEqual([DIFF.DIFF_SOME, []]);
    const up = await h.host.call("update", h.rq.update(id, refreshed, h.withProvider(inputs)));
    const updated = h.js(up.getProperties());
    expect(updated).toMatchObject({
      ...inputs,
      locked: true,
      lockedAcknowledged: true,
      backupId: refreshed.backupId,
    });
    expect((await h.diff(id, updated, inputs))[0]).toBe(DIFF.DIFF_NONE);
  } finally {
    h.em.admin.lockBackup(outs.backupId as string, false);
  }
});

it("delete succeeds without an API call and says what stays", async () => {
  const { id, outs } = await h.create(inputs);
  const before = JSON.stringify(h.requestsByAction());
  await h.host.call("delete", h.rq.delete(id, outs));
  expect(JSON.stringify(h.requestsByAction())).toBe(before);
  const stays = /cannot delete backups: backup .* stays until it expires/;
  expect(await h.host.printed(stays)).toMatch(stays);
});

it("concurrent creates on one instance give distinct backups", async () => {
  const results = await Promise.all(
    [1, 2, 3, 4].map((n) => h.create({ instanceId: sessions, remark: "same remark" }, `c${n}`)),
  );
  expect(new Set(results.map((r) => r.outs.backupId)).size).toBe(4);
});
