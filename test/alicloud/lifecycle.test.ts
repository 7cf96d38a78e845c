/**
 * alicloud.RedisBackup's operations, in-process, over real HTTP against the emulator:
 * create → read → extend → expire → delete, per-node cluster backups, drift, and the ways create
 * can go wrong.
 */
import { ALICLOUD_DEMO_INSTANCE_IDS } from "../../emulator";
import * as ops from "../../provider/alicloud/operations";
import { alicloudDeps, pointAlicloudAt } from "../helpers/cloudEnv";
import { useEmulator } from "../helpers/emulator";

const handle = useEmulator({ taskSeconds: 45, rateLimitPerSecond: 100 });
const [nativeStd, classicCluster, classicStd] = ALICLOUD_DEMO_INSTANCE_IDS;
const ali = () => handle.emulator.alicloud;
const deps = (onSleep?: (ms: number) => void) => alicloudDeps(handle.emulator, onSleep);
const requests = () => handle.emulator.admin.stats().requestsByAction;

beforeAll(() => {
  pointAlicloudAt(handle.emulator);
  process.env.ALIBABA_CLOUD_RATE_LIMIT_PER_SECOND = "100";
});

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const DAY = 86_400_000;

describe("a backup's life on a cloud-native instance (each step on a backup of its own)", () => {
  const inputs = { instanceId: nativeStd, retentionDays: 30 };
  /** A backup kept 90 days, as a longer retention leaves it. */
  const kept90 = { instanceId: nativeStd, retentionDays: 90 };
  const taken = (i: typeof inputs = inputs) => ops.create(i, deps());

  it("create takes exactly one backup, waits for its job and reports its progress", async () => {
    const before = ali().backups(nativeStd).length;
    const d = deps();
    const { id, outs } = await ops.create(inputs, d);
    expect(ali().backups(nativeStd)).toHaveLength(before + 1);
    expect(id).toBe(`${nativeStd}:${outs.backupId}`);
    expect(outs).toEqual({
      instanceId: nativeStd,
      retentionDays: 30,
      backupId: expect.stringMatching(/^\d+$/),
      backupIds: [outs.backupId],
      jobId: expect.stringMatching(/^\d+$/),
      region: "cn-hangzhou",
      status: "available",
      adopted: false,
      mode: "Manual",
      method: "Physical",
      type: "FullBackup",
      startTime: expect.stringMatching(ISO_UTC),
      endTime: expect.stringMatching(ISO_UTC),
      expireTime: expect.stringMatching(ISO_UTC),
      sizeBytes: expect.any(Number),
      engineVersion: "7.0",
      nodeInstanceId: nativeStd,
    });
    expect((Date.parse(outs.expireTime!) - Date.parse(outs.startTime!)) / DAY).toBe(30);
    const progress = d.logs.filter((l) => /job \d+ (NoStart|Preparing|Waiting|Uploading|Checking)/.test(l));
    expect(progress.length).toBeGreaterThanOrEqual(3);
    expect(d.logs.at(-1)).toBe(
      `info: ${nativeStd}: backup ${outs.backupId} available, expires ${outs.expireTime}`,
    );
  });

  it("read returns the same outputs and the inputs, so a refresh plans nothing", async () => {
    const { id, outs } = await taken();
    const r = await ops.read(id, outs, deps());
    expect(r).toEqual({ id, props: outs, inputs });
    expect(ops.diff(id, r.props!, r.inputs!)).toEqual({ changes: false, replaces: [] });
  });

  it("a longer retention is an in-place update through ModifyBackupExpireTime", async () => {
    const { id, outs } = await taken();
    const longer = { ...inputs, retentionDays: 90 };
    expect(ops.diff(id, outs, longer)).toEqual({ changes: true, replaces: [] });
    const before = requests().ModifyBackupExpireTime ?? 0;
    const d = deps();
    const updated = (await ops.update(id, outs, longer, d)).outs;
    expect(requests().ModifyBackupExpireTime).toBe(before + 1);
    expect(updated).toMatchObject({ backupId: outs.backupId, retentionDays: 90, status: "available" });
    // ExpectExpireTime has minutes only: the new expiry is start + 90 days, rounded up to the minute.
    const days = (Date.parse(updated.expireTime!) - Date.parse(updated.startTime!)) / DAY;
    expect(days).toBeGreaterThanOrEqual(90);
    expect(days).toBeLessThan(90 + 1 / 1440);
    expect(
      ali()
        .backups(nativeStd)
        .find((b) => String(b.backupId) === outs.backupId)!.expireTime,
    ).toBe(updated.expireTime);
    expect(d.logs.join("\n")).toMatch(/now expires .* \(90 days\)/);
    expect(ops.diff(id, updated, longer)).toEqual({ changes: false, replaces: [] });
  });

  it("a shorter retention, or one to or from -1, replaces the backup; unsetting it changes nothing at Alibaba", async () => {
    const inputs = kept90;
    const { id, outs } = await taken(kept90);
    expect(ops.diff(id, outs, { ...inputs, retentionDays: 60 })).toEqual({
      changes: true,
      replaces: ["retentionDays"],
    });
    expect(ops.diff(id, outs, { ...inputs, retentionDays: -1 })).toEqual({
      changes: true,
      replaces: ["retentionDays"],
    });
    expect(ops.diff(id, outs, { instanceId: nativeStd })).toEqual({ changes: true, replaces: [] });
    const before = JSON.stringify(requests().ModifyBackupExpireTime);
    const updated = (await ops.update(id, outs, { instanceId: nativeStd }, deps())).outs;
    expect(JSON.stringify(requests().ModifyBackupExpireTime)).toBe(before);
    expect(updated.retentionDays).toBeUndefined();
    expect(updated.expireTime).toBe(outs.expireTime);
  });

  it("past its expiry Alibaba removes it: a refresh shows it expired and the next up replaces it", async () => {
    const inputs = kept90;
    const { id, outs } = await taken(kept90);
    handle.emulator.admin.advanceClock(91 * 86_400);
    const d = deps();
    const r = await ops.read(id, outs, d);
    expect(r.props).toMatchObject({
      backupId: outs.backupId,
      status: "expired",
      expireTime: outs.expireTime,
    });
    expect(d.logs).toEqual([`warn: backup ${outs.backupId} of ${nativeStd} expired at ${outs.expireTime}`]);
    expect(ops.diff(id, r.props!, inputs)).toEqual({ changes: true, replaces: ["status"] });
    expect(ops.diff(id, r.props!, { ...inputs, keepExpired: true })).toEqual({ changes: true, replaces: [] });
    const kept = (await ops.update(id, r.props!, { ...inputs, keepExpired: true }, deps())).outs;
    expect(kept).toMatchObject({ status: "expired", keepExpired: true });
    // Deleting an expired backup calls nothing.
    const calls = JSON.stringify(requests());
    await ops.remove(id, kept, deps());
    expect(JSON.stringify(requests())).toBe(calls);
  });

  it("delete deletes a manual backup of a cloud-native instance", async () => {
    const { id: fresh, outs: freshOuts } = await ops.create({ instanceId: nativeStd }, deps());
    const d = deps();
    await ops.remove(fresh, freshOuts, d);
    expect(
      ali()
        .backups(nativeStd)
        .find((b) => String(b.backupId) === freshOuts.backupId)!.lifecycle,
    ).toBe("deleted");
    expect(d.logs).toEqual([`info: ${nativeStd}: backup ${freshOuts.backupId} deleted`]);
    // Deleting it again (or after someone else did) counts as deleted.
    await expect(ops.remove(fresh, freshOuts, deps())).resolves.toBeUndefined();
  });
});

it("retention -1 keeps the backup for the instance's lifetime: no expiry, nothing to extend", async () => {
  const d = deps();
  const { id, outs } = await ops.create({ instanceId: classicStd, retentionDays: -1 }, d);
  expect(outs.expireTime).toBeUndefined();
  expect(d.logs.at(-1)).toBe(
    `info: ${classicStd}: backup ${outs.backupId} available, kept for the instance's lifetime`,
  );
  expect(
    ali()
      .backups(classicStd)
      .find((b) => String(b.backupId) === outs.backupId)!.expireTime,
  ).toBeNull();
  expect(ops.diff(id, outs, { instanceId: classicStd, retentionDays: 730 }).replaces).toEqual([
    "retentionDays",
  ]);
});

describe("a cloud-native cluster instance", () => {
  const cluster = ALICLOUD_DEMO_INSTANCE_IDS[3];

  it("a longer retention extends every shard's file in place; the cluster backup's expiry follows", async () => {
    const inputs = { instanceId: cluster, retentionDays: 7 };
    const { id, outs } = await ops.create(inputs, deps());
    const before = requests().ModifyBackupExpireTime ?? 0;
    const longer = { ...inputs, retentionDays: 20 };
    expect(ops.diff(id, outs, longer)).toEqual({ changes: true, replaces: [] });
    const updated = (await ops.update(id, outs, longer, deps())).outs;
    expect(requests().ModifyBackupExpireTime).toBe(before + 2);
    expect(Date.parse(updated.expireTime!) - Date.parse(updated.startTime!)).toBeGreaterThanOrEqual(20 * DAY);
    expect(updated).toMatchObject({
      backupId: outs.backupId,
      clusterBackupId: outs.backupId,
      retentionDays: 20,
    });
  });
});

describe("classic instances", () => {
  it("an older cluster: one job per node, comma-joined ids, one resource for all its files", async () => {
    const { id, outs } = await ops.create({ instanceId: classicCluster, retentionDays: 14 }, deps());
    expect(outs).toMatchObject({
      jobId: expect.stringMatching(/^\d+,\d+$/),
      backupId: expect.stringMatching(/^\d+,\d+$/),
      backupIds: [expect.any(String), expect.any(String)],
      nodeInstanceId: `${classicCluster}-db-0,${classicCluster}-db-1`,
      method: "Logical",
      status: "available",
    });
    expect(id).toBe(`${classicCluster}:${outs.backupIds.join(",")}`);
    const files = ali()
      .backups(classicCluster)
      .filter((b) => outs.backupIds.includes(String(b.backupId)));
    expect(outs.sizeBytes).toBe(files.reduce((n, f) => n + f.sizeBytes, 0));
    const r = await ops.read(id, outs, deps());
    expect(r.props).toEqual(outs);
    // Longer retention extends every node's file.
    const longer = (await ops.update(id, outs, { instanceId: classicCluster, retentionDays: 28 }, deps()))
      .outs;
    for (const f of ali()
      .backups(classicCluster)
      .filter((b) => outs.backupIds.includes(String(b.backupId)))) {
      expect(f.expireTime).toBe(longer.expireTime);
    }
    // Delete: no call that could fail; it says what stays.
    const calls = JSON.stringify(requests());
    const d = deps();
    await ops.remove(id, longer, d);
    expect(JSON.stringify(requests())).toBe(calls);
    expect(d.logs).toEqual([
      `warn: Alibaba Cloud deletes backups only on cloud-native instances: backup ${outs.backupId} of ${classicCluster} stays until it expires at ${longer.expireTime}; it is no longer managed by this stack`,
    ]);
  });

  it("a classic standard instance: DeleteBackup's refusal ends the delete with a warning, not a failure", async () => {
    const { id, outs } = await ops.create({ instanceId: classicStd }, deps());
    const d = deps();
    await ops.remove(id, outs, d);
    expect(d.logs).toEqual([
      `warn: ${classicStd} cannot delete backups (DeleteBackup: IncorrectInstanceType): backup ${outs.backupId} of ${classicStd} stays until it expires at ${outs.expireTime}; it is no longer managed by this stack`,
    ]);
    expect(
      ali()
        .backups(classicStd)
        .find((b) => String(b.backupId) === outs.backupId)!.listed,
    ).toBe(true);
  });
});

describe("adopting", () => {
  it("an automatic backup: delete leaves it, saying why", async () => {
    ali().addInstance({ instanceId: "r-adopt0001", backups: [{ startedHoursAgo: 2, backupId: 999000111 }] });
    const r = await ops.create({ instanceId: "r-adopt0001", backupId: "999000111" }, deps());
    expect(r.outs).toMatchObject({ mode: "Automated", adopted: true, jobId: expect.any(String) });
    const d = deps();
    await ops.remove(r.id, r.outs, d);
    expect(d.logs[0]).toMatch(
      /^warn: Alibaba Cloud deletes only manual backups: backup 999000111 of r-adopt0001 stays until it expires at /,
    );
  });
});

describe("a job still running when create stops waiting is recorded in the stack", () => {
  const HOURS_3 = 3 * 3600;
  beforeEach(() => ali().setJobSeconds(HOURS_3));
  afterEach(() => {
    ali().setJobSeconds(45);
    handle.emulator.admin.advanceClock(HOURS_3);
  });

  /** A create that gives up after 2 minutes on a 3-hour job: what the engine is handed. */
  async function timedOutCreate(instanceId: string, before?: () => void, seed: object = {}) {
    ali().addInstance({ instanceId, ...seed });
    before?.();
    const err = await ops
      .create({ instanceId, retentionDays: 7, waitTimeoutMinutes: 2 }, deps())
      .catch((e) => e);
    const [job] = ali().jobs(instanceId);
    return { err, job, inputs: { instanceId, retentionDays: 7, waitTimeoutMinutes: 2 } };
  }

  it("the error names the wait and the job, and the engine gets the job (ErrorResourceInitFailed), no backup id", async () => {
    const { err, job } = await timedOutCreate("r-pending01");
    expect(err.message).toMatch(
      /^creating Redis backup of r-pending01: timed out after 120s waiting for backup job \d+ of r-pending01; last status: job \d+ (NoStart|Preparing); job \d+ was accepted and the stack records it: the next `pulumi up` waits for it again, or `pulumi refresh` picks up its backup once it is done$/,
    );
    expect(err.id).toBe(`r-pending01:job-${job.jobId}`);
    expect(err.properties).toEqual({
      instanceId: "r-pending01",
      retentionDays: 7,
      waitTimeoutMinutes: 2,
      jobId: String(job.jobId),
      // The job's start, by the server's clock: a cloud-native cluster's backup is found by it.
      jobStartTime: job.startTime,
      region: "cn-hangzhou",
      status: "creating",
      adopted: false,
    });
    expect(err.reasons).toEqual([err.message]);
  });

  it("the next `pulumi up` (no diff, then the engine's update) waits for that job: one job, one backup", async () => {
    const { err, inputs } = await timedOutCreate("r-pending02");
    await expect(ops.read(err.id, err.properties, deps())).resolves.toMatchObject({ id: err.id });
    expect(ops.diff(err.id, err.properties, inputs)).toEqual({ changes: false, replaces: [] });
    const { outs } = await ops.update(err.id, err.properties, { ...inputs, waitTimeoutMinutes: 240 }, deps());
    const [file] = ali().backups("r-pending02");
    expect(outs).toMatchObject({
      backupId: String(file.backupId),
      status: "available",
      jobId: err.properties.jobId,
    });
    expect(ali().jobs("r-pending02")).toHaveLength(1);
    // The id still names the job; the next refresh gives it the usual form.
    const refreshed = await ops.read(err.id, outs, deps());
    expect(refreshed).toMatchObject({
      id: `r-pending02:${file.backupId}`,
      props: { backupId: String(file.backupId) },
    });
  });

  it("an update that still cannot see the job finish hands the job back to the engine", async () => {
    const { err, inputs } = await timedOutCreate("r-pending03");
    const again = await ops
      .update(err.id, err.properties, { ...inputs, waitTimeoutMinutes: 1 }, deps())
      .catch((e) => e);
    expect(again.message).toMatch(/^updating Redis backup \(job \d+\) of r-pending03: timed out after 60s/);
    expect(again).toMatchObject({
      id: err.id,
      properties: { status: "creating", jobId: err.properties.jobId },
    });
  });

  it("a refresh once the job is done records its backup under the usual id", async () => {
    const { err } = await timedOutCreate("r-pending04");
    handle.emulator.admin.advanceClock(HOURS_3);
    const r = await ops.read(err.id, err.properties, deps());
    const [file] = ali().backups("r-pending04");
    expect(r).toMatchObject({
      id: `r-pending04:${file.backupId}`,
      props: { backupId: String(file.backupId), status: "available", mode: "Manual" },
      inputs: { instanceId: "r-pending04", retentionDays: 7, waitTimeoutMinutes: 2 },
    });
  });

  it("a refresh after the job failed drops it from the stack", async () => {
    const { err } = await timedOutCreate("r-pending05", () => ali().failNextJob("r-pending05"));
    handle.emulator.admin.advanceClock(HOURS_3);
    const d = deps();
    expect(await ops.read(err.id, err.properties, d)).toEqual({});
    expect(d.logs.at(-1)).toMatch(
      /^warn: backup job \d+ of r-pending05 failed .*; it made no backup and will be removed from the stack$/,
    );
  });

  it("destroy waits for the job, then deletes the backup it made", async () => {
    const { err } = await timedOutCreate("r-pending06");
    await ops.remove(err.id, { ...err.properties, waitTimeoutMinutes: 240 }, deps());
    expect(ali().jobs("r-pending06")).toHaveLength(1);
    expect(ali().backups("r-pending06")).toEqual([expect.objectContaining({ lifecycle: "deleted" })]);
  });

  describe("on a cloud-native cluster", () => {
    const CLUSTER = { architecture: "cluster", cloudNative: true, shardCount: 2 };

    it("the next up completes the job with its cluster backup; the next refresh gives the id its cb- form", async () => {
      const { err, inputs } = await timedOutCreate("r-pendcn01", undefined, CLUSTER);
      expect(err.id).toMatch(/^r-pendcn01:job-\d+$/);
      const { outs } = await ops.update(
        err.id,
        err.properties,
        { ...inputs, waitTimeoutMinutes: 240 },
        deps(),
      );
      const files = ali().backups("r-pendcn01");
      expect(outs).toMatchObject({
        backupId: files[0].clusterBackupId,
        clusterBackupId: files[0].clusterBackupId,
        jobId: err.properties.jobId,
        status: "available",
      });
      expect([...outs.backupIds].sort()).toEqual(files.map((f) => String(f.backupId)).sort());
      const refreshed = await ops.read(err.id, outs, deps());
      expect(refreshed).toMatchObject({ id: `r-pendcn01:${files[0].clusterBackupId}`, props: outs });
    });

    it("a refresh once the job is done finds the cluster backup; a failed one drops the job", async () => {
      const done = await timedOutCreate("r-pendcn02", undefined, CLUSTER);
      const failed = await timedOutCreate("r-pendcn03", () => ali().failNextJob("r-pendcn03"), CLUSTER);
      handle.emulator.admin.advanceClock(HOURS_3);
      const [file] = ali().backups("r-pendcn02");
      expect(await ops.read(done.err.id, done.err.properties, deps())).toMatchObject({
        id: `r-pendcn02:${file.clusterBackupId}`,
        props: { shards: [{ status: "OK" }, { status: "OK" }] },
      });
      const d = deps();
      expect(await ops.read(failed.err.id, failed.err.properties, d)).toEqual({});
      expect(d.logs.at(-1)).toMatch(/cluster backup cb-[a-z0-9]+ Failed.*will be removed from the stack$/);
    });

    it("destroy waits for the job, then deletes every shard's file", async () => {
      const { err } = await timedOutCreate("r-pendcn04", undefined, CLUSTER);
      await ops.remove(err.id, { ...err.properties, waitTimeoutMinutes: 240 }, deps());
      expect(
        ali()
          .backups("r-pendcn04")
          .map((b) => b.lifecycle),
      ).toEqual(["deleted", "deleted"]);
    });
  });
});

describe("when create goes wrong", () => {
  it("a failed job fails the create, naming the job", async () => {
    ali().addInstance({ instanceId: "r-failing01" });
    ali().failNextJob("r-failing01");
    await expect(ops.create({ instanceId: "r-failing01" }, deps())).rejects.toThrow(
      /^creating Redis backup of r-failing01: backup job \d+ of r-failing01 failed \(BackupStatus Failed, backup \d+\)$/,
    );
  });

  it("another backup running (BackupJobExists): waits its turn, then takes exactly one", async () => {
    ali().addInstance({ instanceId: "r-nightly01" });
    ali().startAutomatedBackup("r-nightly01");
    const d = deps();
    const { outs } = await ops.create({ instanceId: "r-nightly01" }, d);
    expect(outs).toMatchObject({ status: "available", mode: "Manual" });
    expect(
      ali()
        .jobs("r-nightly01")
        .filter((j) => j.mode === "Manual"),
    ).toHaveLength(1);
    expect(d.logs.join("\n")).toMatch(
      /another backup job is running \(BackupJobExists\); trying again in \d+s/,
    );
  });

  it("another backup running past waitTimeoutMinutes: the refusal, and that the wait ran out; no job taken", async () => {
    ali().addInstance({ instanceId: "r-nightly02" });
    ali().setJobSeconds(3600);
    try {
      ali().startAutomatedBackup("r-nightly02");
      await expect(ops.create({ instanceId: "r-nightly02", waitTimeoutMinutes: 1 }, deps())).rejects.toThrow(
        /^creating Redis backup of r-nightly02: CreateBackup: BackupJobExists: .+ \(RequestId [0-9A-F-]{36}\); still refused when waitTimeoutMinutes ran out$/,
      );
    } finally {
      ali().setJobSeconds(45);
      handle.emulator.admin.advanceClock(3600);
    }
    expect(
      ali()
        .jobs("r-nightly02")
        .filter((j) => j.mode === "Manual"),
    ).toEqual([]);
  });
});
