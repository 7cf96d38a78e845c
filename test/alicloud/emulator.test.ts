/**
 * The Alibaba Cloud R-KVStore emulator's protocol, over HTTP with hand-signed requests: what the
 * gateway refuses, what each action answers, and how jobs and backups move with the world clock.
 */
import { ALICLOUD_DEMO_INSTANCE_IDS, DEFAULT_ALICLOUD_CREDENTIALS } from "../../emulator";
import { useEmulator } from "../helpers/emulator";
import {
  Acs3CallOptions,
  RpcResult,
  acs3Call,
  alicloudAdmin,
  rpcCall,
  send,
} from "../helpers/alicloudRequest";

const STS = {
  accessKeyId: "STS.emulatorTemporaryKey",
  accessKeySecret: "sts-secret-for-tests",
  securityToken: "sts-token-for-tests",
};
const handle = useEmulator({
  taskSeconds: 60,
  rateLimitPerSecond: 0,
  alicloud: { credentials: [DEFAULT_ALICLOUD_CREDENTIALS, STS] },
});
const [nativeStd, classicCluster, classicStd] = ALICLOUD_DEMO_INSTANCE_IDS;
const url = () => handle.emulator.url;
const ali = () => handle.emulator.alicloud;
const call = (action: string, params: Record<string, string | number> = {}, o = {}) =>
  rpcCall(url(), action, params, o);
const WINDOW = { StartTime: "2010-01-01T00:00Z", EndTime: "2099-01-01T00:00Z" };

/** The error an answer carries: status, code, and the body's envelope fields. */
function expectError(r: RpcResult, status: number, code: string) {
  expect({ status: r.status, code: r.json.Code }).toEqual({ status, code });
  expect(r.json).toMatchObject({
    RequestId: expect.stringMatching(/^[0-9A-F-]{36}$/),
    HostId: expect.any(String),
    Message: expect.any(String),
  });
}

beforeEach(() => {
  handle.emulator.admin.clearFaults();
  handle.emulator.admin.setRateLimit(0);
});

describe("the gateway", () => {
  it("answers a correctly signed request with the fields and a RequestId", async () => {
    // An instance of its own: no other test has started a job on it.
    ali().addInstance({ instanceId: "r-signed01" });
    const r = await call("DescribeBackupTasks", {
      InstanceId: "r-signed01",
      RegionId: "cn-hangzhou",
      JobMode: "Manual",
    });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ InstanceId: "r-signed01", BackupJobs: [], RequestId: expect.any(String) });
  });

  it("a wrong secret: 400 SignatureDoesNotMatch, the string it signed in X-Emulator-Detail", async () => {
    const r = await call(
      "DescribeBackupTasks",
      { InstanceId: nativeStd },
      { accessKeySecret: "not-the-secret" },
    );
    expectError(r, 400, "SignatureDoesNotMatch");
    expect(r.headers["x-emulator-detail"]).toMatch(/^server string to sign is: POST&%2F&AccessKeyId%3D/);
  });

  it("a parameter changed after signing: SignatureDoesNotMatch", async () => {
    const r = await call(
      "DescribeBackupTasks",
      { InstanceId: nativeStd },
      { tamper: { InstanceId: classicStd } },
    );
    expectError(r, 400, "SignatureDoesNotMatch");
  });

  it("an unknown AccessKeyId: 404 InvalidAccessKeyId.NotFound", async () => {
    const r = await call("DescribeBackupTasks", { InstanceId: nativeStd }, { accessKeyId: "LTAInobody" });
    expectError(r, 404, "InvalidAccessKeyId.NotFound");
  });

  it("a nonce used twice: SignatureNonceUsed, and nothing performed", async () => {
    const nonce = "a7c1f2e4-nonce-reused";
    expect((await call("DescribeBackupTasks", { InstanceId: nativeStd }, { nonce })).status).toBe(200);
    const again = await call("DescribeBackupTasks", { InstanceId: nativeStd }, { nonce });
    expectError(again, 400, "SignatureNonceUsed");
    // Another key may use the same nonce.
    expect((await call("DescribeBackupTasks", { InstanceId: nativeStd }, { ...STS, nonce })).status).toBe(
      200,
    );
  });

  it("a nonce is burnt only by a request whose signature verified", async () => {
    const nonce = "b8d2-nonce-after-bad-signature";
    expectError(
      await call("DescribeBackupTasks", { InstanceId: nativeStd }, { nonce, accessKeySecret: "wrong" }),
      400,
      "SignatureDoesNotMatch",
    );
    expect((await call("DescribeBackupTasks", { InstanceId: nativeStd }, { nonce })).status).toBe(200);
  });

  it("a timestamp 16 minutes off: InvalidTimeStamp.Expired; 14 minutes is fine", async () => {
    const stale = await call(
      "DescribeBackupTasks",
      { InstanceId: nativeStd },
      { timestamp: Date.now() - 16 * 60_000 },
    );
    expectError(stale, 400, "InvalidTimeStamp.Expired");
    expect(stale.headers.date).toEqual(expect.any(String));
    const ahead = await call(
      "DescribeBackupTasks",
      { InstanceId: nativeStd },
      { timestamp: Date.now() + 14 * 60_000 },
    );
    expect(ahead.status).toBe(200);
  });

  it("a malformed or missing common parameter", async () => {
    expectError(
      await call(
        "DescribeBackupTasks",
        { InstanceId: nativeStd },
        { tamper: { Timestamp: "2026-11-24 08:00:00" } },
      ),
      400,
      "InvalidTimeStamp.Format",
    );
    const missing = await call(
      "DescribeBackupTasks",
      { InstanceId: nativeStd },
      { omit: ["SignatureNonce"] },
    );
    expectError(missing, 400, "MissingParameter");
    expect(missing.json.Message).toContain('"SignatureNonce"');
    expectError(
      await call("DescribeBackupTasks", { InstanceId: nativeStd }, { version: "2014-01-01" }),
      400,
      "InvalidVersion",
    );
    expectError(await call("DescribeInstances"), 404, "InvalidAction.NotFound");
    expectError(
      await call("DescribeBackupTasks", { InstanceId: nativeStd }, { format: "XML" }),
      400,
      "InvalidParameter",
    );
  });

  it("GET with every parameter in the query is verified the same way", async () => {
    const r = await call("DescribeBackupTasks", { InstanceId: nativeStd }, { method: "GET" });
    expect(r.status).toBe(200);
  });

  it("STS keys need their SecurityToken", async () => {
    expect((await call("DescribeBackupTasks", { InstanceId: nativeStd }, STS)).status).toBe(200);
    const { securityToken: _t, ...withoutToken } = STS;
    expectError(
      await call("DescribeBackupTasks", { InstanceId: nativeStd }, withoutToken),
      400,
      "InvalidSecurityToken.MismatchWithAccessKey",
    );
  });

  it("is reached by Host r-kvstore[.<region>].aliyuncs.com through the emulator as a proxy", async () => {
    const r = await call(
      "DescribeBackupTasks",
      { InstanceId: nativeStd },
      {
        proxyUrl: "http://r-kvstore.ap-southeast-1.aliyuncs.com/",
        headers: { Host: "r-kvstore.ap-southeast-1.aliyuncs.com" },
      },
    );
    expect(r.status).toBe(200);
    const err = await call(
      "DescribeBackupTasks",
      { InstanceId: "r-nothere" },
      { proxyUrl: "http://r-kvstore.aliyuncs.com/", headers: { Host: "r-kvstore.aliyuncs.com" } },
    );
    expect(err.json).toMatchObject({ Code: "InvalidInstanceId.NotFound", HostId: "r-kvstore.aliyuncs.com" });
  });

  it("throttles per action with 400 Throttling.User", async () => {
    handle.emulator.admin.setRateLimit(2);
    const answers = await Promise.all(
      [1, 2, 3].map(() => call("DescribeBackupTasks", { InstanceId: nativeStd })),
    );
    expect(answers.map((a) => a.json.Code ?? a.status)).toEqual([200, 200, "Throttling.User"]);
    expect(answers[2].status).toBe(400);
  });
});

describe("signature V3 (ACS3-HMAC-SHA256), the official SDK's default", () => {
  const v3 = (params: Record<string, string> = { InstanceId: nativeStd }, o: Acs3CallOptions = {}) =>
    acs3Call(url(), "DescribeBackupTasks", params, o);

  it("verified over the request as received: POST, GET, a form body, an STS key with its token", async () => {
    expect((await v3()).status).toBe(200);
    expect((await v3(undefined, { method: "GET" })).status).toBe(200);
    expect((await v3({}, { body: `InstanceId=${nativeStd}` })).status).toBe(200);
    expect((await v3(undefined, STS)).status).toBe(200);
  });

  it.each([
    ["a wrong secret", { accessKeySecret: "not-the-secret" }, 400, "SignatureDoesNotMatch"],
    ["a query changed after signing", { tamper: { InstanceId: "r-demo0003" } }, 400, "SignatureDoesNotMatch"],
    [
      "a body unlike its x-acs-content-sha256",
      { body: "InstanceId=r-demo0001", signedBodyHash: "0".repeat(64) },
      400,
      "SignatureDoesNotMatch",
    ],
    [
      "an x-acs-* header left out of SignedHeaders",
      { unsigned: { "x-acs-extra": "1" } },
      400,
      "IncompleteSignature",
    ],
    ["no x-acs-signature-nonce", { omit: ["x-acs-signature-nonce"] }, 400, "MissingParameter"],
    ["no x-acs-date", { omit: ["x-acs-date"] }, 400, "MissingParameter"],
    ["an x-acs-date 20 minutes off", { date: Date.now() - 20 * 60_000 }, 400, "InvalidTimeStamp.Expired"],
    ["an unknown AccessKeyId", { accessKeyId: "LTAInobody" }, 404, "InvalidAccessKeyId.NotFound"],
    [
      "an STS key without its token",
      { accessKeyId: STS.accessKeyId, accessKeySecret: STS.accessKeySecret },
      400,
      "InvalidSecurityToken.MismatchWithAccessKey",
    ],
  ])("%s: %s %s", async (_what, o, status, code) => {
    expectError(await v3(undefined, o as Acs3CallOptions), status, code);
  });

  it("a nonce is used once; another algorithm is IncompleteSignature", async () => {
    const nonce = "3156853299f313e23d1673dc12e1703d-emulator";
    expect((await v3(undefined, { nonce })).status).toBe(200);
    expectError(await v3(undefined, { nonce }), 400, "SignatureNonceUsed");
    const r = await send(new URL(url()), "POST", "/alicloud/", "", {
      Authorization: `ACS3-HMAC-SM3 Credential=x,SignedHeaders=host,Signature=${"0".repeat(64)}`,
    });
    expectError(r, 400, "IncompleteSignature");
  });
});

describe("backup jobs on the world clock", () => {
  it("CreateBackup starts a job whose phases follow the clock; the file is listed once it finishes", async () => {
    const created = await call("CreateBackup", { InstanceId: nativeStd, BackupRetentionPeriod: 30 });
    expect(created.json.BackupJobID).toMatch(/^\d+$/);
    const jobId = Number(created.json.BackupJobID);
    const phase = async () =>
      (await call("DescribeBackupTasks", { InstanceId: nativeStd, BackupJobId: String(jobId) })).json
        .BackupJobs[0];
    expect(await phase()).toMatchObject({
      BackupJobID: jobId,
      BackupProgressStatus: "NoStart",
      JobMode: "Manual",
      TaskAction: "TempBackupTask",
      StartTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
    });
    const listed = async () =>
      (await call("DescribeBackups", { InstanceId: nativeStd, BackupJobId: jobId, ...WINDOW })).json.Backups
        .Backup;
    expect(await listed()).toEqual([]);

    // BackupJobExists while it runs, for any new backup of that instance.
    expectError(await call("CreateBackup", { InstanceId: nativeStd }), 400, "BackupJobExists");

    handle.emulator.admin.advanceClock(30);
    expect((await phase()).BackupProgressStatus).toBe("Uploading");
    handle.emulator.admin.advanceClock(30);
    expect((await phase()).BackupProgressStatus).toBe("Finished");
    const [file] = await listed();
    expect(file).toMatchObject({
      BackupJobID: jobId,
      BackupId: expect.any(Number),
      BackupStatus: "Success",
      BackupMode: "Manual",
      BackupMethod: "Physical",
      BackupType: "FullBackup",
      NodeInstanceId: nativeStd,
      EngineVersion: "7.0",
    });
    const days = (Date.parse(file.ExpectExpireTime) - Date.parse(file.BackupStartTime)) / 86_400_000;
    expect(days).toBe(30);
  });

  it("an older cluster answers one job per node, comma-joined, and gets one file per node", async () => {
    const created = await call("CreateBackup", { InstanceId: classicCluster });
    expect(created.json.BackupJobID).toMatch(/^\d+,\d+$/);
    handle.emulator.admin.advanceClock(60);
    const files = [];
    for (const jobId of created.json.BackupJobID.split(",")) {
      const r = await call("DescribeBackups", { InstanceId: classicCluster, BackupJobId: jobId, ...WINDOW });
      files.push(...r.json.Backups.Backup);
    }
    expect(files.map((f) => f.NodeInstanceId).sort()).toEqual([
      `${classicCluster}-db-0`,
      `${classicCluster}-db-1`,
    ]);
  });

  it("a failed job drops out of DescribeBackupTasks and its file is listed Failed", async () => {
    ali().addInstance({ instanceId: "r-failing01" });
    ali().failNextJob("r-failing01");
    const jobId = (await call("CreateBackup", { InstanceId: "r-failing01" })).json.BackupJobID;
    handle.emulator.admin.advanceClock(60);
    expect((await call("DescribeBackupTasks", { InstanceId: "r-failing01" })).json.BackupJobs).toEqual([]);
    const r = await call("DescribeBackups", { InstanceId: "r-failing01", BackupJobId: jobId, ...WINDOW });
    expect(r.json.Backups.Backup).toEqual([expect.objectContaining({ BackupStatus: "Failed" })]);
  });

  it("an automatic backup running makes CreateBackup answer BackupJobExists", async () => {
    ali().addInstance({ instanceId: "r-nightly01" });
    const [auto] = ali().startAutomatedBackup("r-nightly01");
    const tasks = await call("DescribeBackupTasks", { InstanceId: "r-nightly01", JobMode: "Automated" });
    expect(tasks.json.BackupJobs).toEqual([
      expect.objectContaining({ BackupJobID: auto, JobMode: "Automated", TaskAction: "NormalBackupTask" }),
    ]);
    expectError(await call("CreateBackup", { InstanceId: "r-nightly01" }), 400, "BackupJobExists");
    handle.emulator.admin.advanceClock(60);
    expect((await call("CreateBackup", { InstanceId: "r-nightly01" })).status).toBe(200);
  });

  it("a backup expires through the clock and is no longer listed", async () => {
    ali().addInstance({ instanceId: "r-expiring1", backups: [{ startedHoursAgo: 1, retentionDays: 7 }] });
    const list = async () => (await call("DescribeBackups", { InstanceId: "r-expiring1", ...WINDOW })).json;
    expect((await list()).TotalCount).toBe(1);
    handle.emulator.admin.advanceClock(7 * 86_400);
    expect(await list()).toMatchObject({ TotalCount: 0, Backups: { Backup: [] } });
    expect(ali().backups("r-expiring1")[0]).toMatchObject({ lifecycle: "expired", listed: false });
  });

  it("CreateBackup checks BackupRetentionPeriod and the instance", async () => {
    expectError(
      await call("CreateBackup", { InstanceId: nativeStd, BackupRetentionPeriod: 3 }),
      400,
      "InvalidBackupRetentionPeriod.Malformed",
    );
    expectError(await call("CreateBackup", { InstanceId: "r-nothere" }), 404, "InvalidInstanceId.NotFound");
    expectError(
      await call("CreateBackup", { InstanceId: nativeStd, RegionId: "cn-beijing" }),
      404,
      "InvalidInstanceId.NotFound",
    );
    expectError(await call("CreateBackup", {}), 400, "MissingParameter");
  });

  it("the gateway names a missing parameter before a malformed integer, and only declared integers are checked", async () => {
    const malformed = await call("CreateBackup", { InstanceId: nativeStd, BackupRetentionPeriod: "7d" });
    expectError(malformed, 400, "InvalidParameter");
    expect(malformed.json.Message).toBe('The specified parameter "BackupRetentionPeriod" is not valid.');
    const both = await call("CreateBackup", { BackupRetentionPeriod: "7d" });
    expectError(both, 400, "MissingParameter");
    expect(both.json.Message).toContain('"InstanceId"');
    expectError(
      await call("DescribeBackups", { InstanceId: nativeStd, ...WINDOW, PageSize: "30x" }),
      400,
      "InvalidParameter",
    );
    // JobMode is read as a string: its own check answers, not the gateway's integer rule.
    const mode = await call("DescribeBackupTasks", { InstanceId: nativeStd, JobMode: "7" });
    expectError(mode, 400, "InvalidParameter");
    expect(mode.json.Message).toBe('The specified parameter "JobMode" is not valid.');
    const byJob = await call("DescribeBackupTasks", { InstanceId: nativeStd, BackupJobId: "x1" });
    expect({ status: byJob.status, jobs: byJob.json.BackupJobs }).toEqual({ status: 200, jobs: [] });
  });
});

describe("DescribeBackups: the window and paging", () => {
  beforeAll(() => {
    // 35 nightly backups, one a day, kept 60 days.
    ali().addInstance({
      instanceId: "r-paging01",
      backupRetentionDays: 60,
      backups: Array.from({ length: 35 }, (_, i) => ({ startedHoursAgo: 24 * i + 1 })),
    });
  });

  it("StartTime and EndTime are required, in yyyy-MM-ddTHH:mmZ, end after start", async () => {
    expectError(await call("DescribeBackups", { InstanceId: "r-paging01" }), 400, "MissingParameter");
    expectError(
      await call("DescribeBackups", {
        InstanceId: "r-paging01",
        ...WINDOW,
        StartTime: "2010-01-01T00:00:00Z",
      }),
      400,
      "InvalidStartTime.Malformed",
    );
    expectError(
      await call("DescribeBackups", { InstanceId: "r-paging01", ...WINDOW, EndTime: "2099-13-01T00:00Z" }),
      400,
      "InvalidEndTime.Malformed",
    );
    expectError(
      await call("DescribeBackups", {
        InstanceId: "r-paging01",
        StartTime: WINDOW.EndTime,
        EndTime: WINDOW.StartTime,
      }),
      400,
      "InvalidStartTimeAndEndTime.Malformed",
    );
    expectError(
      await call("DescribeBackups", { InstanceId: "r-paging01", ...WINDOW, PageSize: 25 }),
      400,
      "InvalidPageSize.Malformed",
    );
  });

  it("pages of 30 by default, newest first, inside Backups.Backup", async () => {
    const p1 = (await call("DescribeBackups", { InstanceId: "r-paging01", ...WINDOW })).json;
    const p2 = (await call("DescribeBackups", { InstanceId: "r-paging01", ...WINDOW, PageNumber: 2 })).json;
    expect([p1.TotalCount, p1.PageSize, p1.Backups.Backup.length, p2.Backups.Backup.length]).toEqual([
      35, 30, 30, 5,
    ]);
    const starts = [...p1.Backups.Backup, ...p2.Backups.Backup].map(
      (b: { BackupStartTime: string }) => b.BackupStartTime,
    );
    expect(starts).toEqual([...starts].sort().reverse());
    expect(new Set(starts).size).toBe(35);
  });

  it("the window selects by start time, to the minute", async () => {
    const all = (await call("DescribeBackups", { InstanceId: "r-paging01", ...WINDOW, PageSize: 50 })).json
      .Backups.Backup;
    const third = Date.parse(all[2].BackupStartTime);
    const minute = (ms: number) => `${new Date(ms).toISOString().slice(0, 16)}Z`;
    const r = await call("DescribeBackups", {
      InstanceId: "r-paging01",
      StartTime: minute(third),
      EndTime: minute(Date.parse(all[0].BackupStartTime)),
    });
    expect(r.json.Backups.Backup.map((b: { BackupId: number }) => b.BackupId)).toEqual(
      all.slice(0, 3).map((b: { BackupId: number }) => b.BackupId),
    );
  });
});

describe("DeleteBackup and ModifyBackupExpireTime", () => {
  async function manualBackup(instanceId: string, days = 7) {
    const jobId = (await call("CreateBackup", { InstanceId: instanceId, BackupRetentionPeriod: days })).json
      .BackupJobID;
    handle.emulator.admin.advanceClock(60);
    const r = await call("DescribeBackups", {
      InstanceId: instanceId,
      BackupJobId: jobId.split(",")[0],
      ...WINDOW,
    });
    return r.json.Backups.Backup[0];
  }

  it("deletes a manual backup of a cloud-native instance; then it is NotFound", async () => {
    const b = await manualBackup(nativeStd);
    expect((await call("DeleteBackup", { InstanceId: nativeStd, BackupId: b.BackupId })).status).toBe(200);
    expectError(
      await call("DeleteBackup", { InstanceId: nativeStd, BackupId: b.BackupId }),
      404,
      "InvalidBackupId.NotFound",
    );
  });

  it("refuses an automatic backup, and any backup of a classic instance", async () => {
    ali().addInstance({ instanceId: "r-auto0001", backups: [{ startedHoursAgo: 1, retentionDays: 730 }] });
    const [auto] = ali().backups("r-auto0001");
    expect(auto.mode).toBe("Automated");
    expectError(
      await call("DeleteBackup", { InstanceId: "r-auto0001", BackupId: auto.backupId }),
      400,
      "IncorrectBackupMode",
    );
    const classic = await manualBackup(classicStd);
    expectError(
      await call("DeleteBackup", { InstanceId: classicStd, BackupId: classic.BackupId }),
      400,
      "IncorrectInstanceType",
    );
  });

  it("moves an expiry later, never earlier, never past start + 730 days", async () => {
    const b = await manualBackup(nativeStd, 7);
    const start = Date.parse(b.BackupStartTime);
    const minute = (ms: number) => `${new Date(ms).toISOString().slice(0, 16)}Z`;
    const at = (days: number) => minute(start + days * 86_400_000 + 60_000);
    expectError(
      await call("ModifyBackupExpireTime", {
        InstanceId: nativeStd,
        BackupId: b.BackupId,
        ExpectExpireTime: at(3),
      }),
      400,
      "InvalidExpectExpireTime",
    );
    expectError(
      await call("ModifyBackupExpireTime", {
        InstanceId: nativeStd,
        BackupId: b.BackupId,
        ExpectExpireTime: at(731),
      }),
      400,
      "BackupExpireTimeExceedLimit",
    );
    expectError(
      await call("ModifyBackupExpireTime", {
        InstanceId: nativeStd,
        BackupId: b.BackupId,
        ExpectExpireTime: "tomorrow",
      }),
      400,
      "InvalidExpectExpireTime.Malformed",
    );
    const ok = await call("ModifyBackupExpireTime", {
      InstanceId: nativeStd,
      BackupId: b.BackupId,
      ExpectExpireTime: at(30),
    });
    expect(ok.status).toBe(200);
    const after = await call("DescribeBackups", { InstanceId: nativeStd, BackupId: b.BackupId, ...WINDOW });
    expect(after.json.Backups.Backup[0].ExpectExpireTime).toBe(`${at(30).slice(0, 16)}:00Z`);
  });
});

describe("admin and faults", () => {
  it("alicloud admin operations are reachable at POST /_emulator/alicloud/<op>", async () => {
    const added = await alicloudAdmin(url(), "alicloud/addInstance", { instanceId: "r-viahttp01" });
    expect(added.status).toBe(200);
    const jobs = await alicloudAdmin(url(), "alicloud/startAutomatedBackup", { instanceId: "r-viahttp01" });
    expect(jobs.body.result).toEqual([expect.any(Number)]);
    const listed = await alicloudAdmin(url(), "alicloud/jobs", { instanceId: "r-viahttp01" });
    expect(listed.body.result).toEqual([expect.objectContaining({ mode: "Automated", phase: "NoStart" })]);
    expect((await alicloudAdmin(url(), "alicloud/deleteInstance", { instanceId: "r-nobody" })).status).toBe(
      404,
    );
    expect((await alicloudAdmin(url(), "alicloud/deleteBackup", { backupId: "x" })).status).toBe(400);
  });

  it("an injected error answers with the code's HTTP status and performs nothing", async () => {
    ali().addInstance({ instanceId: "r-faulty01" });
    handle.emulator.admin.injectFault("CreateBackup", { kind: "error", code: "ServiceUnavailable" });
    expectError(await call("CreateBackup", { InstanceId: "r-faulty01" }), 503, "ServiceUnavailable");
    handle.emulator.admin.injectFault("CreateBackup", { kind: "error", code: "InternalError" });
    expectError(await call("CreateBackup", { InstanceId: "r-faulty01" }), 500, "InternalError");
    // The gateway's own 403, whether it answers the code itself or a fault injects it.
    handle.emulator.admin.injectFault("CreateBackup", { kind: "error", code: "UnsupportedHTTPMethod" });
    expectError(await call("CreateBackup", { InstanceId: "r-faulty01" }), 403, "UnsupportedHTTPMethod");
    expect(ali().jobs("r-faulty01")).toEqual([]);
  });

  it("dropAfterPerform starts the job and never answers", async () => {
    ali().addInstance({ instanceId: "r-faulty02" });
    handle.emulator.admin.injectFault("CreateBackup", { kind: "dropAfterPerform" });
    await expect(call("CreateBackup", { InstanceId: "r-faulty02" })).rejects.toThrow(
      /socket hang up|ECONNRESET/,
    );
    expect(ali().jobs("r-faulty02")).toHaveLength(1);
  });

  it("stats count requests, errors and authentication failures", async () => {
    const before = handle.emulator.admin.stats();
    await call("DescribeBackupTasks", { InstanceId: nativeStd }, { accessKeySecret: "wrong" });
    const after = handle.emulator.admin.stats();
    expect(after.authFailures - before.authFailures).toBe(1);
    expect(after.errorsByCode.SignatureDoesNotMatch - (before.errorsByCode.SignatureDoesNotMatch ?? 0)).toBe(
      1,
    );
    expect(
      after.requestsByAction.DescribeBackupTasks - (before.requestsByAction.DescribeBackupTasks ?? 0),
    ).toBe(1);
  });
});

describe("cloud-native cluster instances: DescribeClusterBackupList", () => {
  const CLUSTER_WINDOW = { StartTime: "2010-01-01T00:00Z", EndTime: "2099-01-01T00:00:00Z" };
  let n = 0;
  const newCluster = (extra: Record<string, unknown> = {}) => {
    const instanceId = `r-cncluster${++n}`;
    ali().addInstance({ instanceId, architecture: "cluster", cloudNative: true, shardCount: 3, ...extra });
    return instanceId;
  };
  const clusters = async (instanceId: string, extra: Record<string, string> = {}) => {
    const r = await acs3Call(url(), "DescribeClusterBackupList", {
      InstanceId: instanceId,
      RegionId: "cn-hangzhou",
      ...CLUSTER_WINDOW,
      ...extra,
    });
    expect(r.status).toBe(200);
    return r.json.ClusterBackups as Record<string, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
  };

  it("CreateBackup starts one job; its cluster backup is RUNNING, then OK with one backup per shard", async () => {
    const instanceId = newCluster();
    const created = await call("CreateBackup", { InstanceId: instanceId });
    expect(created.json.BackupJobID).toMatch(/^\d+$/);
    const [running] = await clusters(instanceId);
    expect(running).toMatchObject({
      ClusterBackupId: expect.stringMatching(/^cb-[a-z0-9]{16}$/),
      ClusterBackupStatus: "RUNNING",
      ClusterBackupMode: "Manual",
      Progress: expect.stringMatching(/^\d+%$/),
      IsAvail: 0,
      Backups: [],
    });
    handle.emulator.admin.advanceClock(60);
    const [done] = await clusters(instanceId);
    expect(done).toMatchObject({
      ClusterBackupId: running.ClusterBackupId,
      ClusterBackupStatus: "OK",
      IsAvail: 1,
      ClusterBackupSize: expect.stringMatching(/^\d+$/),
      ExpectExpireTime: expect.stringMatching(/Z$/),
    });
    expect(done.Backups).toHaveLength(3);
    expect(done.Backups[0]).toMatchObject({
      BackupId: expect.stringMatching(/^\d+$/),
      BackupStatus: "OK",
      IsAvail: "1",
      BackupSize: expect.stringMatching(/^\d+$/),
      ExtraInfo: { CustinsDbVersion: "7.0" },
    });
    // DescribeBackups "does not apply to cloud-native cluster instances": it lists none of them (our guess of its answer).
    const listed = await call("DescribeBackups", { InstanceId: instanceId, ...WINDOW });
    expect(listed.json.TotalCount).toBe(0);
    // With the RPC signature too, by ClusterBackupId, without the shards when asked.
    const byId = await call("DescribeClusterBackupList", {
      InstanceId: instanceId,
      RegionId: "cn-hangzhou",
      ...CLUSTER_WINDOW,
      ClusterBackupId: done.ClusterBackupId,
      NoShardBackup: "true",
    });
    expect(byId.json.ClusterBackups).toEqual([
      expect.objectContaining({ ClusterBackupId: done.ClusterBackupId, Backups: [] }),
    ]);
  });

  it("DeleteBackup deletes one shard's file; the cluster backup goes once none is left", async () => {
    const instanceId = newCluster({ shardCount: 2 });
    await call("CreateBackup", { InstanceId: instanceId });
    handle.emulator.admin.advanceClock(60);
    const [cluster] = await clusters(instanceId);
    const [first, second] = cluster.Backups.map((b: { BackupId: string }) => b.BackupId);
    expect((await call("DeleteBackup", { InstanceId: instanceId, BackupId: first })).status).toBe(200);
    const [partial] = await clusters(instanceId);
    expect(partial).toMatchObject({ IsAvail: 0, Backups: [expect.objectContaining({ BackupId: second })] });
    expectError(
      await call("DeleteBackup", { InstanceId: instanceId, BackupId: first }),
      404,
      "InvalidBackupId.NotFound",
    );
    await call("DeleteBackup", { InstanceId: instanceId, BackupId: second });
    expect(await clusters(instanceId)).toEqual([]);
  });

  it("refused for other instances (IncorrectInstanceType, our guess); RegionId and the window are required", async () => {
    for (const instanceId of [nativeStd, classicCluster]) {
      const r = await call("DescribeClusterBackupList", {
        InstanceId: instanceId,
        RegionId: "cn-hangzhou",
        ...CLUSTER_WINDOW,
      });
      expectError(r, 400, "IncorrectInstanceType");
    }
    const instanceId = newCluster();
    const base = { InstanceId: instanceId, RegionId: "cn-hangzhou", ...CLUSTER_WINDOW };
    const { RegionId: _r, ...noRegion } = base;
    const { EndTime: _e, ...noEnd } = base;
    for (const [params, code] of [
      [noRegion, "MissingParameter"],
      [noEnd, "MissingParameter"],
      [{ ...base, PageSize: 7 }, "InvalidPageSize.Malformed"],
    ] as const) {
      expectError(await call("DescribeClusterBackupList", params), 400, code);
    }
  });
});
