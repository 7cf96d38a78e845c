/**
 * ucloud.RedisBackup through Pulumi's own dynamic-provider host: the shared scenarios
 * (test/contract/hostContract.ts), then UCloud's own — DeleteURedisBackup, served or not, and a
 * create that cannot finish waiting. The host sleeps for real, so backups here take a second at most.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { UCLOUD_DEMO_GROUP_IDS } from "../../emulator";
import { ucloud } from "../../provider";
import { hostContract } from "../contract/hostContract";
import { ucloudEndpoint } from "../helpers/cloudEnv";
import { UNKNOWN, initFailureOf } from "../helpers/dynamicHost";

// Canary credentials: the ones in stack config are accepted by the emulator; the environment's are decoys.
const CONFIG_KEY = {
  publicKey: "canary-config-public@example.com",
  privateKey: "canary-config-private-Xk7q",
};
const ENV_KEY = { publicKey: "canary-env-public@example.com", privateKey: "canary-env-private-Jd4w" };
const TOKEN_CANARY = "canary-sts-token-Vb9m";
const [orders, sessions] = UCLOUD_DEMO_GROUP_IDS;

const h = hostContract({
  cloud: "ucloud",
  resource: () => new ucloud.RedisBackup("b", { groupId: orders }),
  emulator: { ucloud: { backupSeconds: 0, credentials: [{ ...CONFIG_KEY, securityToken: TOKEN_CANARY }] } },
  env: {
    UCLOUD_PUBLIC_KEY: ENV_KEY.publicKey,
    UCLOUD_PRIVATE_KEY: ENV_KEY.privateKey,
    UCLOUD_REGION: "cn-bj2",
    UCLOUD_ENDPOINT: undefined,
    UCLOUD_ZONE: undefined,
    UCLOUD_PROJECT_ID: undefined,
  },
  config: (em) => ({
    "ucloud:publicKey": CONFIG_KEY.publicKey,
    "ucloud:privateKey": CONFIG_KEY.privateKey,
    "ucloud:securityToken": TOKEN_CANARY,
    "ucloud:endpoint": ucloudEndpoint(em),
  }),
  canaries: [CONFIG_KEY.privateKey, ENV_KEY.privateKey, TOKEN_CANARY],
  check: {
    bad: { groupId: "crs-abc", backupName: "no spaces please" },
    failures: [
      ["groupId", /URedis .* group id like uredis-/],
      ["backupName", /6 to 63 characters/],
    ],
    preview: { groupId: UNKNOWN },
  },
  instance: orders,
  inputs: () => ({ groupId: orders, backupName: "host_lifecycle" }),
  readInputs: (inputs) => ({ ...inputs, region: "cn-bj2", zone: "cn-bj2-04" }),
  created: () => ({
    status: "available",
    state: "Success",
    region: "cn-bj2",
    zone: "cn-bj2-04",
    ucloudBackupName: expect.stringMatching(/^host_lifecycle-[0-9a-f]{8}$/),
    backupTime: expect.stringMatching(/Z$/),
  }),
  setTaskSeconds: (em, seconds) => em.ucloud.setBackupSeconds(seconds),
  progressSeconds: 1,
  progress: /backup of uredis-demo01: [0-9a-f-]{36} Backuping/,
  expire: (em) => {
    em.admin.advanceClock(8 * 86_400);
    return () => undefined;
  },
  expired: () => ({ status: "expired", state: "Expired" }),
  deleteBackup: (em, backupId) => em.ucloud.deleteBackup(backupId),
  missing: {
    inputs: { groupId: "uredis-nothere" },
    details:
      /^creating Redis backup of uredis-nothere: CreateURedisBackup: 230: Params \[GroupId\] not available \(RequestId [0-9a-f-]{36}\)$/,
  },
  // A delete where the action is not served prints what stays: it must not print a secret either.
  exercise: async (host, id, outs) => {
    host.em.ucloud.setDeleteSupported(false);
    try {
      await host.host.call("delete", host.rq.delete(id, outs, "s"));
    } finally {
      host.em.ucloud.setDeleteSupported(true);
    }
  },
});

it("delete calls DeleteURedisBackup", async () => {
  const { id, outs } = await h.create({ groupId: orders, backupName: "host_lifecycle" });
  await h.host.call("delete", h.rq.delete(id, outs));
  expect(h.em.ucloud.backups(orders).find((b) => b.backupId === outs.backupId)?.deleted).toBe(true);
});

it("where DeleteURedisBackup is not served, delete succeeds and warns that the backup stays", async () => {
  const { id, outs } = await h.create({ groupId: sessions }, "nodelete");
  h.em.ucloud.setDeleteSupported(false);
  try {
    await h.host.call("delete", h.rq.delete(id, outs, "nodelete"));
  } finally {
    h.em.ucloud.setDeleteSupported(true);
  }
  expect(h.em.ucloud.backups(sessions).find((b) => b.backupId === outs.backupId)?.deleted).toBe(false);
  const stays = /no longer serves DeleteURedisBackup.*stays until it expires/;
  expect(await h.host.printed(stays)).toMatch(stays);
});

it("a create that cannot finish waiting hands the engine the backup it made (ErrorResourceInitFailed)", async () => {
  h.em.ucloud.setBackupSeconds(600);
  let err: any;
  try {
    err = await h.host
      .call("create", h.rq.create(h.withProvider({ groupId: sessions, waitTimeoutMinutes: 0.02 }), "slow"))
      .catch((e) => e);
  } finally {
    h.em.ucloud.setBackupSeconds(0);
  }
  expect(err.details).toMatch(
    /^creating Redis backup of uredis-demo02: timed out after \d+s waiting for backup/,
  );
  const failure = initFailureOf(err)!;
  const [backup] = h.em.ucloud.backups(sessions);
  expect(failure.id).toBe(`${sessions}:${backup.backupId}`);
  expect(failure.properties).toMatchObject({ backupId: backup.backupId, status: "creating" });
});
