/**
 * alicloud.RedisBackup on a bad day, against the emulator: lost and garbled CreateBackup answers
 * (never two backups), server errors, throttling, gateway pages, slow answers, a skewed clock,
 * and credentials that must not leak through any error path.
 */
import { ALICLOUD_DEMO_INSTANCE_IDS } from "../../emulator";
import * as ops from "../../provider/alicloud/operations";
import { alicloudDeps, pointAlicloudAt } from "../helpers/cloudEnv";
import { useEmulator } from "../helpers/emulator";
import { expectSlowAnswerRetried } from "../helpers/faultChecks";

const CANARY = {
  accessKeyId: "LTAI5tCanaryFaults000001",
  accessKeySecret: "canary-alicloud-faults-secret-Qv4k",
  securityToken: "canary-alicloud-sts-token-Rw8m",
};
const [, classicCluster] = ALICLOUD_DEMO_INSTANCE_IDS;

describe("lost, garbled and refused answers", () => {
  const handle = useEmulator({
    taskSeconds: 20,
    rateLimitPerSecond: 100,
    alicloud: { credentials: [CANARY] },
  });
  const admin = () => handle.emulator.admin;
  const ali = () => handle.emulator.alicloud;
  let n = 0;
  /** A fresh instance per test, so counting its backups counts what that test did. */
  const freshInstance = (seed: object = {}) => {
    const instanceId = `r-fault${String(++n).padStart(4, "0")}`;
    ali().addInstance({ instanceId, ...seed });
    return instanceId;
  };

  beforeEach(() => {
    pointAlicloudAt(handle.emulator, CANARY);
    process.env.ALIBABA_CLOUD_RATE_LIMIT_PER_SECOND = "100";
    admin().clearFaults();
  });

  it("the connection drops before CreateBackup is performed: looked for, tried again, one backup", async () => {
    const instanceId = freshInstance();
    admin().injectFault("CreateBackup", { kind: "drop" });
    const deps = alicloudDeps(handle.emulator);
    const { outs } = await ops.create({ instanceId }, deps);
    expect(outs.status).toBe("available");
    expect(ali().backups(instanceId)).toHaveLength(1);
    expect(deps.logs.join("\n")).toMatch(
      /CreateBackup outcome unknown .*looking for the job it may have started/,
    );
  });

  it("the connection drops after CreateBackup was performed: its job is found, not started twice", async () => {
    const instanceId = freshInstance();
    admin().injectFault("CreateBackup", { kind: "dropAfterPerform" });
    const deps = alicloudDeps(handle.emulator);
    const { outs } = await ops.create({ instanceId, retentionDays: 10 }, deps);
    expect(ali().jobs(instanceId)).toHaveLength(1);
    expect(ali().backups(instanceId)).toHaveLength(1);
    expect(outs).toMatchObject({ status: "available", jobId: String(ali().jobs(instanceId)[0].jobId) });
    expect(deps.logs.join("\n")).toMatch(/found job \d+, started by that CreateBackup/);
  });

  it("the same on an older cluster: every per-node job it started is found", async () => {
    admin().injectFault("CreateBackup", { kind: "dropAfterPerform" });
    const before = ali().jobs(classicCluster).length;
    const { outs } = await ops.create({ instanceId: classicCluster }, alicloudDeps(handle.emulator));
    expect(ali().jobs(classicCluster)).toHaveLength(before + 2);
    expect(outs.backupIds).toHaveLength(2);
    expect(outs.jobId).toMatch(/^\d+,\d+$/);
  });

  it("a garbled CreateBackup answer is as unknown as a lost one: one backup", async () => {
    const instanceId = freshInstance();
    admin().injectFault("CreateBackup", { kind: "malformed", body: '{"BackupJobID": ' });
    const { outs } = await ops.create({ instanceId }, alicloudDeps(handle.emulator));
    expect(outs.status).toBe("available");
    expect(ali().jobs(instanceId)).toHaveLength(1);
  });

  it("InternalError (500) on CreateBackup: looked for first, then tried again, one backup", async () => {
    const instanceId = freshInstance();
    admin().injectFault("CreateBackup", { kind: "error", code: "InternalError" });
    const deps = alicloudDeps(handle.emulator);
    const { outs } = await ops.create({ instanceId }, deps);
    expect(outs.status).toBe("available");
    expect(ali().jobs(instanceId)).toHaveLength(1);
    expect(deps.logs.join("\n")).toMatch(/CreateBackup outcome unknown \(CreateBackup: InternalError: /);
  });

  it("ServiceUnavailable (503) and Throttling are refusals: retried at once, one backup", async () => {
    const instanceId = freshInstance();
    admin().injectFault("CreateBackup", { kind: "error", code: "ServiceUnavailable" });
    admin().injectFault("DescribeBackups", { kind: "error", code: "Throttling.User" }, { times: 2 });
    const deps = alicloudDeps(handle.emulator);
    const { outs } = await ops.create({ instanceId }, deps);
    expect(outs.status).toBe("available");
    expect(ali().jobs(instanceId)).toHaveLength(1);
    expect(deps.retries).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^CreateBackup: CreateBackup: ServiceUnavailable: /),
        expect.stringMatching(/^DescribeBackups: DescribeBackups: Throttling\.User: /),
      ]),
    );
  });

  it("a wait that fails once the backup exists hands the engine the backup (ErrorResourceInitFailed), not just an error", async () => {
    const instanceId = freshInstance();
    // Once the job runs, the listing that would report it is refused in a way no retry fixes.
    let armed = false;
    const deps = alicloudDeps(handle.emulator, () => {
      if (!armed)
        admin().injectFault("DescribeBackups", { kind: "error", code: "Forbidden.RAM", message: "denied" });
      armed = true;
    });
    const err = await ops.create({ instanceId }, deps).catch((e) => e);
    expect(err.message).toMatch(
      new RegExp(`^creating Redis backup of ${instanceId}: DescribeBackups: Forbidden\\.RAM: denied`),
    );
    const [file] = ali().backups(instanceId);
    expect(err).toMatchObject({
      id: `${instanceId}:${file.backupId}`,
      properties: { instanceId, backupId: String(file.backupId), status: "available", mode: "Manual" },
      reasons: [err.message],
    });
  });

  it("a gateway's 502 page while polling is retried", async () => {
    const instanceId = freshInstance();
    admin().injectFault("DescribeBackupTasks", { kind: "http", status: 502 }, { times: 2 });
    const deps = alicloudDeps(handle.emulator);
    const { outs } = await ops.create({ instanceId }, deps);
    expect(outs.status).toBe("available");
    expect(
      deps.retries.filter((r) => /^DescribeBackupTasks: .*HTTP 502 without a vendor response/.test(r)),
    ).toHaveLength(2);
  });

  it("every HTTP call has a timeout: a slow answer is abandoned and the read retried", async () => {
    const instanceId = freshInstance();
    const { id, outs } = await ops.create({ instanceId }, alicloudDeps(handle.emulator));
    process.env.ALIBABA_CLOUD_REQUEST_TIMEOUT_SECONDS = "0.3";
    try {
      await expectSlowAnswerRetried(
        handle.emulator,
        "DescribeBackups",
        (deps) => ops.read(id, outs, deps),
        alicloudDeps(handle.emulator),
      );
    } finally {
      delete process.env.ALIBABA_CLOUD_REQUEST_TIMEOUT_SECONDS;
    }
  });

  it("a refusal that is not transient fails at once, with the vendor's words", async () => {
    await expect(
      ops.create(
        { instanceId: freshInstance(), retentionDays: 800 as number },
        alicloudDeps(handle.emulator),
      ),
    ).rejects.toThrow(
      /^creating Redis backup of r-fault\d+: CreateBackup: InvalidBackupRetentionPeriod\.Malformed: Specified backup retention period is not valid\. \(RequestId [0-9A-F-]{36}\)$/,
    );
  });

  it("no credential appears in any error or log, whatever fails", async () => {
    const seen: string[] = [];
    const record = async (p: Promise<unknown>) =>
      p.then(
        (v) => seen.push(JSON.stringify(v)),
        (e: Error) => seen.push(e.message, String(e.stack), JSON.stringify(e)),
      );
    const deps = alicloudDeps(handle.emulator);
    pointAlicloudAt(handle.emulator, { ...CANARY, accessKeySecret: "canary-wrong-secret-Jd9s" });
    await record(ops.create({ instanceId: freshInstance() }, deps));
    pointAlicloudAt(handle.emulator, { ...CANARY, securityToken: "canary-wrong-token-Pb2x" });
    await record(ops.create({ instanceId: freshInstance() }, deps));
    pointAlicloudAt(handle.emulator, CANARY);
    process.env.ALIBABA_CLOUD_ENDPOINT = "http://127.0.0.1:9/alicloud";
    await record(ops.read("r-x:1", { instanceId: "r-x" } as ops.AlicloudBackupOutputs, deps));
    pointAlicloudAt(handle.emulator, CANARY);
    admin().injectFault("CreateBackup", {
      kind: "http",
      status: 500,
      body: `<html>${CANARY.accessKeySecret}</html>`,
    });
    await record(ops.create({ instanceId: freshInstance() }, deps));
    const text = [...seen, ...deps.logs, ...deps.retries].join("\n");
    expect(text).toMatch(/SignatureDoesNotMatch/);
    expect(text).toMatch(/InvalidSecurityToken\.MismatchWithAccessKey/);
    expect(text).toMatch(/ECONNREFUSED/);
    for (const secret of [
      CANARY.accessKeySecret,
      CANARY.securityToken,
      "canary-wrong-secret-Jd9s",
      "canary-wrong-token-Pb2x",
    ]) {
      expect(text).not.toContain(secret);
    }
  });
});

describe("time and load", () => {
  const handle = useEmulator({ taskSeconds: 0, rateLimitPerSecond: 20 });
  const admin = () => handle.emulator.admin;

  beforeEach(() => {
    pointAlicloudAt(handle.emulator);
    process.env.ALIBABA_CLOUD_RATE_LIMIT_PER_SECOND = "20";
  });

  it("with the local clock 20 minutes off, calls still succeed (corrected from the server's Date)", async () => {
    admin().setClockSkew(20 * 60);
    try {
      const before = admin().stats().authFailures;
      const deps = { ...alicloudDeps(handle.emulator), clock: { now: () => Date.now() } };
      const { id, outs } = await ops.create({ instanceId: "r-demo0001" }, deps);
      expect(outs.status).toBe("available");
      // One refusal (InvalidTimeStamp.Expired) taught the client the server's time; no further ones.
      expect(admin().stats().authFailures - before).toBe(1);
      expect(admin().stats().errorsByCode["InvalidTimeStamp.Expired"]).toBe(1);
      await ops.read(id, outs, deps);
      expect(admin().stats().authFailures - before).toBe(1);
    } finally {
      admin().setClockSkew(0);
    }
  });

  it("20 backups at once on 10 instances: no Throttling, the client keeping under the limit", async () => {
    for (let i = 0; i < 10; i++)
      handle.emulator.alicloud.addInstance({ instanceId: `r-fleet${String(i).padStart(3, "0")}` });
    const before = admin().stats().rateLimited;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        ops.create(
          { instanceId: `r-fleet${String(i % 10).padStart(3, "0")}` },
          alicloudDeps(handle.emulator),
        ),
      ),
    );
    expect(new Set(results.map((r) => r.outs.backupId)).size).toBe(20);
    expect(admin().stats().rateLimited - before).toBe(0);
  });
});
