/**
 * alicloud.RedisBackup through Pulumi's own dynamic-provider host: the shared scenarios
 * (test/contract/hostContract.ts), then Alibaba's own — retention extended in place, deletes where
 * Alibaba allows them and where it does not, and a create that stops waiting for its job.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { ALICLOUD_DEMO_INSTANCE_IDS } from "../../emulator";
import { alicloud } from "../../provider";
import { DIFF, hostContract } from "../contract/hostContract";
import { UNKNOWN, initFailureOf } from "../helpers/dynamicHost";

// Canary credentials: the ones in stack config are accepted by the emulator; the environment's are decoys.
const CONFIG_KEY = {
  accessKeyId: "LTAI5tCanaryConfigKey001",
  accessKeySecret: "canary-alicloud-config-secret-Tn5r",
};
const ENV_KEY = {
  accessKeyId: "LTAI5tCanaryEnvKey000002",
  accessKeySecret: "canary-alicloud-env-secret-Lp7c",
};
const TOKEN_CANARY = "canary-alicloud-sts-token-Gh4d";
const [nativeStd, classicCluster] = ALICLOUD_DEMO_INSTANCE_IDS;

const h = hostContract({
  cloud: "alicloud",
  resource: () => new alicloud.RedisBackup("b", { instanceId: nativeStd }),
  emulator: { taskSeconds: 0, alicloud: { credentials: [{ ...CONFIG_KEY, securityToken: TOKEN_CANARY }] } },
  env: {
    ALIBABA_CLOUD_ACCESS_KEY_ID: ENV_KEY.accessKeyId,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: ENV_KEY.accessKeySecret,
    ALIBABA_CLOUD_REGION_ID: "cn-shanghai",
    ALIBABA_CLOUD_ENDPOINT: undefined,
    ALIBABA_CLOUD_SECURITY_TOKEN: undefined,
  },
  config: (em) => ({
    "alicloud:accessKeyId": CONFIG_KEY.accessKeyId,
    "alicloud:accessKeySecret": CONFIG_KEY.accessKeySecret,
    "alicloud:securityToken": TOKEN_CANARY,
    "alicloud:region": "cn-hangzhou",
    "alicloud:endpoint": `${em.url}/alicloud`,
  }),
  canaries: [CONFIG_KEY.accessKeySecret, ENV_KEY.accessKeySecret, TOKEN_CANARY],
  check: {
    bad: { instanceId: "crs-1", retentionDays: 3, regionId: "Hangzhou" },
    failures: [
      ["instanceId", /Redis \(Tair\) instance id like r-/],
      ["retentionDays", /from 7 to 730, or -1/],
      ["regionId", /cn-hangzhou/],
    ],
    preview: { instanceId: UNKNOWN, retentionDays: 7 },
  },
  instance: nativeStd,
  inputs: () => ({ instanceId: nativeStd, retentionDays: 7 }),
  created: (_inputs, outs) => ({
    status: "available",
    mode: "Manual",
    region: "cn-hangzhou",
    backupIds: [outs.backupId],
  }),
  setTaskSeconds: (em, seconds) => em.alicloud.setJobSeconds(seconds),
  progressSeconds: 2,
  progress: /job \d+ (NoStart|Preparing|Waiting|Uploading|Checking)/,
  // The server's clock (and so its Date header) jumps 11 days: the backup is gone, past its expiry.
  expire: (em) => {
    em.admin.setClockSkew(11 * 86_400);
    return () => em.admin.setClockSkew(0);
  },
  expired: (outs) => ({ status: "expired", backupId: outs.backupId }),
  deleteBackup: (em, backupId) => em.alicloud.deleteBackup(Number(backupId)),
  missing: {
    inputs: { instanceId: "r-nothere" },
    details:
      /^creating Redis backup of r-nothere: CreateBackup: InvalidInstanceId\.NotFound: .+ \(RequestId [0-9A-F-]{36}\)$/,
  },
});

it("a longer retention updates in place; a shorter one replaces", async () => {
  const inputs = { instanceId: nativeStd, retentionDays: 7 };
  const { id, outs } = await h.create(inputs);
  const longer = { ...inputs, retentionDays: 10 };
  expect(await h.diff(id, outs, longer)).toEqual([DIFF.DIFF_SOME, []]);
  const up: any = await h.host.call("update", h.rq.update(id, outs, h.withProvider(longer)));
  const updated = h.js(up.getProperties());
  expect(updated).toMatchObject({ retentionDays: 10, backupId: outs.backupId, __provider: h.provider.text });
  expect(Date.parse(updated.expireTime) - Date.parse(updated.startTime)).toBeGreaterThanOrEqual(
    10 * 86_400_000,
  );
  expect(await h.diff(id, updated, longer)).toEqual([DIFF.DIFF_NONE, []]);
  expect(await h.diff(id, updated, inputs)).toEqual([DIFF.DIFF_SOME, ["retentionDays"]]);
});

it("delete on a cloud-native instance deletes the backup", async () => {
  const fresh = await h.create({ instanceId: nativeStd }, "del");
  const before = h.requestsByAction().DeleteBackup ?? 0;
  await h.host.call("delete", h.rq.delete(fresh.id, fresh.outs, "del"));
  expect(h.requestsByAction().DeleteBackup).toBe(before + 1);
  const file = h.em.alicloud.backups(nativeStd).find((b) => String(b.backupId) === fresh.outs.backupId);
  expect(file?.lifecycle).toBe("deleted");
});

it("delete on an older cluster succeeds without an API call and says what stays", async () => {
  const fresh = await h.create({ instanceId: classicCluster }, "cluster");
  expect(fresh.outs.backupIds).toHaveLength(2);
  const before = JSON.stringify(h.requestsByAction());
  await h.host.call("delete", h.rq.delete(fresh.id, fresh.outs, "cluster"));
  expect(JSON.stringify(h.requestsByAction())).toBe(before);
  const stays =
    /deletes backups only on cloud-native instances: backup \d+,\d+ of r-demo0002 stays until it expires/;
  expect(await h.host.printed(stays)).toMatch(stays);
});

/** A create on a 1-hour job that stops waiting after about a second: its error and what the engine records. */
async function createThatStopsWaiting(name: string) {
  h.em.alicloud.setJobSeconds(3600);
  try {
    const news = h.withProvider({ instanceId: nativeStd, waitTimeoutMinutes: 0.02 });
    const err: any = await h.host.call("create", h.rq.create(news, name)).catch((e) => e);
    return { err, recorded: initFailureOf(err)! };
  } finally {
    h.em.alicloud.setJobSeconds(0);
  }
}

const jobOf = (id: string) => h.em.alicloud.jobs(nativeStd).find((j) => id === `${nativeStd}:job-${j.jobId}`);
const backupOfJob = (jobId: number) => h.em.alicloud.backups(nativeStd).find((b) => b.jobId === jobId);

it("a create that stops waiting hands the engine the job; refresh, the next up and destroy all work on it", async () => {
  const { err, recorded } = await createThatStopsWaiting("pending");
  expect(err.details).toMatch(
    /^creating Redis backup of r-demo0001: timed out after \d+s waiting for backup job \d+ of r-demo0001; .*; job \d+ was accepted and the stack records it/,
  );
  const { id, properties } = recorded;
  const job = jobOf(id)!;
  expect(job).toBeDefined();
  // What the engine records as outputs: the job, and the provider that must refresh and delete it.
  expect(properties).toMatchObject({
    status: "creating",
    jobId: String(job.jobId),
    __provider: h.provider.text,
  });
  expect(properties.backupId).toBeUndefined();

  const inputs = { instanceId: nativeStd, waitTimeoutMinutes: 0.02 };
  const running = await h.read(id, properties, inputs);
  expect(running).toMatchObject({ id, props: { status: "creating" } });
  // The next `pulumi up`: no diff, so the engine's update (the create failed to initialise) completes it.
  expect(await h.diff(id, running.props, inputs)).toEqual([DIFF.DIFF_NONE, []]);
  h.em.admin.advanceClock(3600);
  const up: any = await h.host.call(
    "update",
    h.rq.update(id, running.props, h.withProvider(inputs), "pending"),
  );
  const done = h.js(up.getProperties());
  const file = backupOfJob(job.jobId)!;
  expect(done).toMatchObject({
    backupId: String(file.backupId),
    status: "available",
    __provider: h.provider.text,
  });
  expect(await h.read(id, done, inputs)).toMatchObject({ id: `${nativeStd}:${file.backupId}` });

  await h.host.call("delete", h.rq.delete(id, done, "pending"));
  expect(backupOfJob(job.jobId)?.lifecycle).toBe("deleted");
  // One CreateBackup, one job, however the engine got there.
  expect(h.em.alicloud.jobs(nativeStd).filter((j) => j.jobId >= job.jobId)).toHaveLength(1);
});

it("destroy of a resource whose create stopped waiting deletes what its job made", async () => {
  const { recorded } = await createThatStopsWaiting("destroyed");
  h.em.admin.advanceClock(3600);
  await h.host.call("delete", h.rq.delete(recorded.id, recorded.properties, "destroyed"));
  expect(backupOfJob(jobOf(recorded.id)!.jobId)?.lifecycle).toBe("deleted");
});

describe("a cloud-native cluster instance (DescribeClusterBackupList)", () => {
  const cluster = ALICLOUD_DEMO_INSTANCE_IDS[3];
  const inputs = { instanceId: cluster, retentionDays: 7 };
  // A create finds its cluster backup by start time (provider/alicloud/cluster.ts), which holds at
  // Alibaba, where a backup job takes minutes; here jobs take no time, so each test starts its own a
  // minute after any other test's, whichever order they run in.
  beforeEach(() => h.em.admin.advanceClock(60));

  it("create finds its cluster backup: the cb- id, one file per shard; refresh finds no drift", async () => {
    const { id, outs } = await h.create(inputs, "cn");
    expect(outs).toMatchObject({
      instanceId: cluster,
      backupId: expect.stringMatching(/^cb-[a-z0-9]{16}$/),
      status: "available",
      mode: "Manual",
      backupIds: [expect.stringMatching(/^\d+$/), expect.stringMatching(/^\d+$/)],
      shards: [
        {
          backupId: expect.any(String),
          status: "OK",
          sizeBytes: expect.any(Number),
          shard: `${cluster}-db-0`,
        },
        {
          backupId: expect.any(String),
          status: "OK",
          sizeBytes: expect.any(Number),
          shard: `${cluster}-db-1`,
        },
      ],
      expireTime: expect.stringMatching(/Z$/),
    });
    expect(outs.clusterBackupId).toBe(outs.backupId);
    expect(id).toBe(`${cluster}:${outs.backupId}`);
    // The emulator's record: the job this create started made that cluster backup.
    const files = h.em.alicloud.backups(cluster).filter((b) => b.clusterBackupId === outs.backupId);
    expect(files.map((b) => String(b.backupId)).sort()).toEqual([...outs.backupIds].sort());
    expect(String(files[0].jobId)).toBe(outs.jobId);
    const rd = await h.read(id, outs, inputs, "cn");
    expect(rd.props).toEqual(outs);
    expect(await h.diff(id, rd.props, inputs)).toEqual([DIFF.DIFF_NONE, []]);
  });

  it("delete deletes every shard's file, one DeleteBackup each", async () => {
    const { id, outs } = await h.create(inputs, "cn-del");
    const before = h.requestsByAction().DeleteBackup ?? 0;
    await h.host.call("delete", h.rq.delete(id, outs, "cn-del"));
    expect(h.requestsByAction().DeleteBackup).toBe(before + 2);
    const files = h.em.alicloud.backups(cluster).filter((b) => b.clusterBackupId === outs.backupId);
    expect(files.map((b) => b.lifecycle)).toEqual(["deleted", "deleted"]);
  });

  it("adopts a cluster backup by its cb- id", async () => {
    const first = await h.create(inputs, "cn-orig");
    const adopted = await h.create({ instanceId: cluster, backupId: first.outs.backupId }, "cn-adopt");
    expect(adopted.id).toBe(first.id);
    expect(adopted.outs).toMatchObject({
      backupId: first.outs.backupId,
      adopted: true,
      shards: first.outs.shards,
    });
  });
});
