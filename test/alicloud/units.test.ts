/**
 * alicloud.RedisBackup's pure parts and its client's reading of answers: the vendor's example
 * payloads, input checks, diff rules, endpoints and settings, and what each kind of answer becomes.
 */
import {
  CloudApiError,
  ConfigurationError,
  ResponseValidationError,
  TransportError,
} from "../../provider/core/errors";
import { setStackConfig } from "../../provider/core/settings";
import {
  CreateBackupResponse,
  DescribeBackupTasksResponse,
  DescribeBackupsResponse,
  describeBackups,
  minuteTime,
  wideWindow,
} from "../../provider/alicloud/api";
import { AlicloudClient } from "../../provider/alicloud/client";
import {
  isUnsupportedForInstance,
  isNotFound,
  isRetryableAlicloudCode,
} from "../../provider/alicloud/errors";
import * as ops from "../../provider/alicloud/operations";
import { buildOutputs, isoUtc } from "../../provider/alicloud/outputs";
import { alicloudEndpointHost, resolveAlicloudSettings } from "../../provider/alicloud/settings";
import { UNKNOWN } from "../../provider/core/unknown";
import * as seeds from "../fixtures/alicloud/seed-examples";
import { ALICLOUD_ENV } from "../helpers/cloudEnv";
import { fakeClock } from "../helpers/fakeClock";
import { startHostileServer } from "../helpers/hostileServer";

describe("the vendor's example payloads parse", () => {
  it("DescribeBackups, with its Backups.Backup wrapper", () => {
    const r = DescribeBackupsResponse.parse(seeds.describeBackupsExample);
    expect(r.TotalCount).toBe(5);
    expect(r.Backups).toEqual([
      expect.objectContaining({
        BackupId: "111111111",
        BackupJobID: "24340",
        BackupSize: 1024,
        BackupStatus: "Success",
      }),
    ]);
    const out = buildOutputs(
      { instanceId: "r-bp10noxlhcoim2" },
      { kind: "files", entries: r.Backups },
      { region: "cn-hongkong" },
    );
    expect(out).toMatchObject({
      backupId: "111111111",
      jobId: "24340",
      startTime: "2019-03-14T05:28:50Z",
      endTime: "2019-03-14T05:31:13Z",
      sizeBytes: 1024,
      mode: "Automated",
      method: "Physical",
      engineVersion: "4.0",
      nodeInstanceId: "r-bp10noxlhcoim2****-db-1",
    });
    expect(out.expireTime).toBeUndefined();
  });

  it("CreateBackup, one job id or one per node", () => {
    expect(CreateBackupResponse.parse(seeds.createBackupExample).BackupJobID).toEqual(["10001"]);
    expect(CreateBackupResponse.parse(seeds.createBackupPerNodeExample).BackupJobID).toEqual([
      "1022",
      "2480",
    ]);
    expect(
      CreateBackupResponse.parse({ ...seeds.createBackupExample, BackupJobID: 10001 }).BackupJobID,
    ).toEqual(["10001"]);
    expect(CreateBackupResponse.safeParse({ RequestId: "x", BackupJobID: "" }).success).toBe(false);
  });

  it("DescribeBackupTasks, flat or wrapped", () => {
    for (const payload of [seeds.describeBackupTasksExample, seeds.describeBackupTasksWrapped]) {
      expect(DescribeBackupTasksResponse.parse(payload).BackupJobs).toEqual([
        expect.objectContaining({ BackupJobID: "2900010", BackupProgressStatus: "NoStart", Progress: "27" }),
      ]);
    }
    expect(DescribeBackupTasksResponse.parse({ RequestId: "x" }).BackupJobs).toEqual([]);
  });
});

describe("check", () => {
  it.each([
    [{ instanceId: "r-bp1zxszhcgatnx" }, []],
    [
      {
        instanceId: "r-bp1",
        retentionDays: -1,
        regionId: "ap-southeast-1",
        backupId: "1,2",
        keepExpired: true,
      },
      [],
    ],
    [{ instanceId: "crs-1" }, ["instanceId"]],
    [{}, ["instanceId"]],
    [{ instanceId: "r-a", retentionDays: 6 }, ["retentionDays"]],
    [{ instanceId: "r-a", retentionDays: 731 }, ["retentionDays"]],
    [{ instanceId: "r-a", retentionDays: 7.5 }, ["retentionDays"]],
    [{ instanceId: "r-a", retentionDays: 0 }, ["retentionDays"]],
    [{ instanceId: "r-a", backupId: "b-1" }, ["backupId"]],
    [{ instanceId: "r-a", waitTimeoutMinutes: 0 }, ["waitTimeoutMinutes"]],
    [{ instanceId: "r-a", storageDays: 7 }, ["storageDays"]],
    [{ instanceId: UNKNOWN, retentionDays: 3 }, ["retentionDays"]],
    [{ instanceId: UNKNOWN, retentionDays: UNKNOWN }, []],
  ])("%j → failures on %j", (news, properties) => {
    expect(ops.check({}, news).failures.map((f) => f.property)).toEqual(properties);
  });
});

describe("diff", () => {
  const outs: ops.AlicloudBackupOutputs = {
    instanceId: "r-a",
    retentionDays: 30,
    backupId: "1",
    backupIds: ["1"],
    region: "cn-hangzhou",
    status: "available",
    adopted: false,
    startTime: "2026-11-01T10:00:30Z",
    expireTime: "2026-12-01T10:00:30Z",
  };
  it.each([
    ["nothing changed", { instanceId: "r-a", retentionDays: 30 }, { changes: false, replaces: [] }],
    ["longer retention", { instanceId: "r-a", retentionDays: 31 }, { changes: true, replaces: [] }],
    [
      "shorter retention",
      { instanceId: "r-a", retentionDays: 29 },
      { changes: true, replaces: ["retentionDays"] },
    ],
    [
      "retention -1",
      { instanceId: "r-a", retentionDays: -1 },
      { changes: true, replaces: ["retentionDays"] },
    ],
    ["retention unset", { instanceId: "r-a" }, { changes: true, replaces: [] }],
    [
      "retention unknown",
      { instanceId: "r-a", retentionDays: UNKNOWN as unknown as number },
      { changes: true, replaces: ["retentionDays"] },
    ],
    [
      "another instance",
      { instanceId: "r-b", retentionDays: 30 },
      { changes: true, replaces: ["instanceId"] },
    ],
    [
      "another region",
      { instanceId: "r-a", retentionDays: 30, regionId: "cn-beijing" },
      { changes: true, replaces: ["regionId"] },
    ],
    [
      "a wait setting",
      { instanceId: "r-a", retentionDays: 30, waitTimeoutMinutes: 5 },
      { changes: true, replaces: [] },
    ],
    [
      "adopting another",
      { instanceId: "r-a", retentionDays: 30, backupId: "2" },
      { changes: true, replaces: ["backupId"] },
    ],
  ])("%s", (_what, news, expected) => {
    expect(ops.diff("r-a:1", outs, news)).toEqual(expected);
  });

  it("from the instance's default to an explicit retention: in place when it is not shorter", () => {
    const policy = { ...outs, retentionDays: undefined, expireTime: "2026-11-08T10:00:30Z" };
    expect(ops.diff("r-a:1", policy, { instanceId: "r-a", retentionDays: 7 })).toEqual({
      changes: true,
      replaces: [],
    });
    expect(ops.diff("r-a:1", policy, { instanceId: "r-a", retentionDays: 30 })).toEqual({
      changes: true,
      replaces: [],
    });
    const longPolicy = { ...policy, expireTime: "2026-12-31T10:00:30Z" };
    expect(ops.diff("r-a:1", longPolicy, { instanceId: "r-a", retentionDays: 30 }).replaces).toEqual([
      "retentionDays",
    ]);
  });

  it("expired: replaced unless keepExpired", () => {
    const expired = { ...outs, status: "expired" as const };
    expect(ops.diff("r-a:1", expired, { instanceId: "r-a", retentionDays: 30 }).replaces).toEqual(["status"]);
    expect(
      ops.diff("r-a:1", expired, { instanceId: "r-a", retentionDays: 30, keepExpired: true }).replaces,
    ).toEqual([]);
  });

  it("a job recorded without its backup: unchanged inputs leave it to the engine's update; new retention replaces", () => {
    const pending = {
      instanceId: "r-a",
      retentionDays: 30,
      jobId: "1022",
      region: "cn-hangzhou",
      status: "creating" as const,
      adopted: false as const,
    };
    const id = "r-a:job-1022";
    expect(ops.diff(id, pending, { instanceId: "r-a", retentionDays: 30 })).toEqual({
      changes: false,
      replaces: [],
    });
    expect(ops.diff(id, pending, { instanceId: "r-a", retentionDays: 60 }).replaces).toEqual([
      "retentionDays",
    ]);
    expect(ops.diff(id, pending, { instanceId: "r-b", retentionDays: 30 }).replaces).toEqual(["instanceId"]);
  });
});

describe("endpoints and settings", () => {
  afterEach(() => {
    for (const name of ALICLOUD_ENV) delete process.env[name];
    setStackConfig(undefined);
  });

  it.each([
    ["cn-hangzhou", "r-kvstore.aliyuncs.com"],
    ["cn-beijing", "r-kvstore.aliyuncs.com"],
    ["cn-shenzhen", "r-kvstore.cn-shenzhen.aliyuncs.com"],
    ["ap-southeast-1", "r-kvstore.ap-southeast-1.aliyuncs.com"],
    ["eu-central-1", "r-kvstore.eu-central-1.aliyuncs.com"],
    ["xx-new-1", "r-kvstore.xx-new-1.aliyuncs.com"],
  ])("%s → %s", (region, host) => {
    expect(alicloudEndpointHost(region)).toBe(host);
  });

  it("reads the SDK's variables, Terraform's too, and prefers stack config", () => {
    process.env.ALICLOUD_ACCESS_KEY = "LTAIterraform";
    process.env.ALICLOUD_SECRET_KEY = "terraform-secret";
    process.env.ALICLOUD_REGION = "cn-shenzhen";
    expect(resolveAlicloudSettings()).toMatchObject({
      accessKeyId: "LTAIterraform",
      accessKeySecret: "terraform-secret",
      regionId: "cn-shenzhen",
      endpoint: "https://r-kvstore.cn-shenzhen.aliyuncs.com",
      requestTimeoutMs: 30_000,
      rateLimitPerSecond: 20,
    });
    process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = "LTAIsdk";
    process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = "sdk-secret";
    process.env.ALIBABA_CLOUD_SECURITY_TOKEN = "sdk-token";
    process.env.ALIBABA_CLOUD_REGION_ID = "ap-southeast-1";
    expect(resolveAlicloudSettings()).toMatchObject({
      accessKeyId: "LTAIsdk",
      securityToken: "sdk-token",
      regionId: "ap-southeast-1",
    });
    const config: Record<string, string> = {
      "alicloud:accessKeyId": "LTAIconfig",
      "alicloud:accessKeySecret": "config-secret",
      "alicloud:region": "cn-beijing",
      "alicloud:endpoint": "http://127.0.0.1:8787/alicloud/",
    };
    setStackConfig({ get: (k) => config[k] });
    expect(resolveAlicloudSettings()).toMatchObject({
      accessKeyId: "LTAIconfig",
      regionId: "cn-beijing",
      endpoint: "http://127.0.0.1:8787/alicloud",
    });
    // A resource's regionId wins over every provider-level region.
    expect(resolveAlicloudSettings("cn-qingdao").regionId).toBe("cn-qingdao");
  });

  it("names what to set when credentials or region are missing", () => {
    expect(() => resolveAlicloudSettings()).toThrow(ConfigurationError);
    expect(() => resolveAlicloudSettings()).toThrow(
      /ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET/,
    );
    process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = "LTAIx";
    process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = "secret-x";
    expect(() => resolveAlicloudSettings()).toThrow(/ALIBABA_CLOUD_REGION_ID/);
  });
});

describe("times", () => {
  it("query windows and expiry times have minutes only; outputs are ISO 8601 UTC", () => {
    expect(minuteTime(Date.UTC(2026, 10, 24, 8, 7, 59))).toBe("2026-11-24T08:07Z");
    expect(wideWindow(Date.UTC(2026, 0, 1))).toEqual({
      StartTime: "2010-01-01T00:00Z",
      EndTime: "2050-01-01T00:00Z",
    });
    expect(wideWindow(Date.UTC(2060, 0, 1)).EndTime).toBe("2061-12-31T00:00Z");
    expect(isoUtc("2019-03-14T05:28Z")).toBe("2019-03-14T05:28:00Z");
    expect(isoUtc("2019-03-14T05:28:50Z")).toBe("2019-03-14T05:28:50Z");
    expect(isoUtc("")).toBeUndefined();
  });
});

describe("what the client makes of each answer", () => {
  let server: Awaited<ReturnType<typeof startHostileServer>>;
  beforeAll(async () => {
    server = await startHostileServer();
  });
  afterAll(() => server.close());

  const client = () => {
    const t = fakeClock(Date.now());
    return new AlicloudClient(
      {
        accessKeyId: "LTAIunit",
        accessKeySecret: "unit-secret-abcdef",
        regionId: "cn-hangzhou",
        signatureVersion: "v3",
        endpoint: server.url,
        requestTimeoutMs: 5_000,
        rateLimitPerSecond: 0,
      },
      { clock: t.clock, sleep: t.sleep, random: () => 0.5 },
    );
  };
  const list = () => describeBackups(client(), { InstanceId: "r-a", ...wideWindow(Date.now()) });

  it("an error envelope with its HTTP status → CloudApiError with code, status and RequestId", async () => {
    server.answer({ status: 404, body: JSON.stringify(seeds.errorEnvelopeExample) });
    const err = await list().catch((e) => e);
    expect(err).toBeInstanceOf(CloudApiError);
    expect(err).toMatchObject({ code: "InvalidInstanceId.NotFound", httpStatus: 404, retryable: false });
    expect(err.message).toBe(
      "DescribeBackups: InvalidInstanceId.NotFound: The specified instance does not exist. (RequestId C7DCB9E0-3F1F-5B07-8C5E-D3A6F2B9E5A1)",
    );
    expect(isNotFound(err)).toBe(true);
  });

  it("throttling and ServiceUnavailable are retried; the last answer is reported", async () => {
    const before = server.requests;
    server.answer({
      status: 400,
      body: JSON.stringify({ ...seeds.errorEnvelopeExample, Code: "Throttling.User" }),
    });
    const err = await list().catch((e) => e);
    expect(err).toMatchObject({ code: "Throttling.User", retryable: true });
    expect(server.requests - before).toBe(6);
  });

  it("a 5xx envelope is retried for reads", async () => {
    server.answer({
      status: 500,
      body: JSON.stringify({ ...seeds.errorEnvelopeExample, Code: "InternalError" }),
    });
    expect(await list().catch((e) => e)).toMatchObject({
      code: "InternalError",
      retryable: true,
      httpStatus: 500,
    });
  });

  it("an error status without an envelope is a gateway's page: outcome unknown", async () => {
    server.answer({ status: 502, body: "<html>Bad Gateway</html>" });
    const err = await list().catch((e) => e);
    expect(err).toBeInstanceOf(TransportError);
    expect(err).toMatchObject({ outcomeUnknown: true, httpStatus: 502 });
  });

  it("a 200 that is not JSON, or lacks what we rely on → ResponseValidationError naming the field", async () => {
    server.answer({ status: 200, body: "<html>ok</html>" });
    expect(await list().catch((e) => e)).toBeInstanceOf(ResponseValidationError);
    server.answer({
      status: 200,
      body: JSON.stringify({ RequestId: "x", Backups: { Backup: [{ BackupId: 1 }] } }),
    });
    const err = await list().catch((e) => e);
    expect(err).toBeInstanceOf(ResponseValidationError);
    expect(err.message).toMatch(/Backups.*BackupStatus/);
  });

  it("classifies codes", () => {
    expect(
      ["Throttling", "Throttling.User", "Throttling.Api", "Rejected.Throttling", "ServiceUnavailable"].every(
        (c) => isRetryableAlicloudCode(c),
      ),
    ).toBe(true);
    expect(isRetryableAlicloudCode("BackupJobExists")).toBe(false);
    expect(
      isRetryableAlicloudCode(
        "X",
        "The current status of the resource does not support this operation, please retry again.",
      ),
    ).toBe(true);
    const err = (code: string, status = 400) =>
      new CloudApiError({
        cloud: "alicloud",
        action: "DeleteBackup",
        code,
        message: "m",
        requestId: "r",
        retryable: false,
        httpStatus: status,
      });
    expect(isUnsupportedForInstance(err("IncorrectInstanceType"))).toBe(true);
    expect(isNotFound(err("InvalidBackupId.NotFound", 404))).toBe(true);
    expect(isNotFound(err("Forbidden.RAM", 403))).toBe(false);
  });
});
