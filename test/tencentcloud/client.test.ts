/**
 * The Tencent client against the emulator, one action at a time: what each returns, how paging
 * walks, and how every kind of failure becomes one of our errors.
 */
import { DEFAULT_TENCENT_CREDENTIALS, DEMO_INSTANCE_IDS } from "../../emulator";
import { CloudApiError, ResponseValidationError } from "../../provider/core/errors";
import {
  describeBackupDetail,
  describeInstanceBackups,
  describeTaskInfo,
  listInstanceBackups,
  manualBackupInstance,
} from "../../provider/tencentcloud/api";
import { TencentClient } from "../../provider/tencentcloud/client";
import { TencentSettings } from "../../provider/tencentcloud/settings";
import { useEmulator } from "../helpers/emulator";
import { fakeClock } from "../helpers/fakeClock";

const TEMP = {
  secretId: "AKIDTEMPORARY000000000000000000000001",
  secretKey: "temp-secret",
  token: "sts-token-1",
};
const handle = useEmulator({ taskSeconds: 10, credentials: [DEFAULT_TENCENT_CREDENTIALS, TEMP] });
const [orders] = DEMO_INSTANCE_IDS;

function client(overrides: Partial<TencentSettings> = {}) {
  const t = fakeClock();
  return new TencentClient(
    {
      ...DEFAULT_TENCENT_CREDENTIALS,
      region: "ap-guangzhou",
      endpoint: handle.emulator.url,
      timezone: "+08:00",
      requestTimeoutMs: 5_000,
      rateLimitPerSecond: 20,
      ...overrides,
    },
    { sleep: t.sleep, clock: { now: () => Date.now() } },
  );
}

it("ManualBackupInstance → DescribeTaskInfo → DescribeInstanceBackups → DescribeBackupDetail", async () => {
  const c = client();
  const { TaskId, RequestId } = await manualBackupInstance(c, {
    InstanceId: orders,
    Remark: "client test",
    StorageDays: 3,
  });
  expect(TaskId).toEqual(expect.any(Number));
  expect(RequestId).toMatch(/^[0-9a-f-]{36}$/);
  expect((await describeTaskInfo(c, TaskId)).Status).toMatch(/^(preparing|running)$/);
  handle.emulator.admin.advanceClock(10);
  const task = await describeTaskInfo(c, TaskId);
  expect(task).toMatchObject({ Status: "succeed", InstanceId: orders });
  const list = await describeInstanceBackups(c, { InstanceId: orders, Status: [1, 2] });
  const mine = list.BackupSet.find((b) => b.Remark === "client test")!;
  expect(mine).toMatchObject({ Status: 2, Locked: 0, InstanceId: orders });
  expect(mine.ExpireTime).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  const detail = await describeBackupDetail(c, orders, mine.BackupId);
  expect(detail).toMatchObject({ BackupId: mine.BackupId, Remark: "client test", Status: 2, ShardNum: 1 });
});

it("the paging helper walks every page", async () => {
  handle.emulator.admin.addInstance({
    instanceId: "crs-paging01",
    backups: Array.from({ length: 45 }, (_, i) => ({ remark: `old ${i}`, startedHoursAgo: i + 1 })),
  });
  const all = await listInstanceBackups(client(), { InstanceId: "crs-paging01", Status: [2] }, 20);
  expect(all).toHaveLength(45);
  expect(new Set(all.map((b) => b.BackupId)).size).toBe(45);
  expect(handle.emulator.admin.stats().requestsByAction.DescribeInstanceBackups).toBeGreaterThanOrEqual(3);
});

it("temporary credentials send their token (X-TC-Token), which the server checks", async () => {
  await expect(describeInstanceBackups(client({ ...TEMP }), { InstanceId: orders })).resolves.toBeDefined();
  await expect(
    describeInstanceBackups(client({ ...TEMP, token: undefined }), { InstanceId: orders }),
  ).rejects.toThrow(/AuthFailure\.TokenFailure/);
});

it("a vendor error becomes a CloudApiError with action, code, message, RequestId and retryability", async () => {
  const err = (await describeBackupDetail(client(), orders, "nope").catch((e) => e)) as CloudApiError;
  expect(err).toBeInstanceOf(CloudApiError);
  expect(err).toMatchObject({
    cloud: "tencentcloud",
    action: "DescribeBackupDetail",
    code: "InvalidParameterValue.BackupNotExists",
    retryable: false,
    requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
  });
  expect(err.message).toBe(
    `DescribeBackupDetail: InvalidParameterValue.BackupNotExists: ${err.apiMessage} (RequestId ${err.requestId})`,
  );
});

it("a wrong key and an unknown SecretId are refused as Tencent refuses them", async () => {
  await expect(describeTaskInfo(client({ secretKey: "wrong" }), 1)).rejects.toMatchObject({
    code: "AuthFailure.SignatureFailure",
  });
  await expect(describeTaskInfo(client({ secretId: "AKIDunknown" }), 1)).rejects.toMatchObject({
    code: "AuthFailure.SecretIdNotFound",
  });
});

it("a response of the wrong shape names the action and the field", async () => {
  handle.emulator.admin.injectFault("ManualBackupInstance", {
    kind: "malformed",
    body: JSON.stringify({ Response: { TaskId: { id: 1 }, RequestId: "r-1" } }),
  });
  const err = (await manualBackupInstance(client(), { InstanceId: orders }).catch((e) => e)) as Error;
  expect(err).toBeInstanceOf(ResponseValidationError);
  expect(err.message).toMatch(/^ManualBackupInstance: unexpected response: TaskId: .+ \(RequestId r-1\)$/);
});

it("TaskId sent as a string, as one doc revision shows, is accepted", async () => {
  handle.emulator.admin.injectFault("ManualBackupInstance", {
    kind: "malformed",
    body: JSON.stringify({ Response: { TaskId: "6954227", RequestId: "r-2" } }),
  });
  expect((await manualBackupInstance(client(), { InstanceId: orders })).TaskId).toBe(6954227);
});

it("throttling is retried, and the answer arrives", async () => {
  handle.emulator.admin.injectFault(
    "DescribeTaskInfo",
    { kind: "error", code: "RequestLimitExceeded" },
    { times: 2 },
  );
  const { TaskId } = await manualBackupInstance(client(), { InstanceId: orders });
  await expect(describeTaskInfo(client(), TaskId)).resolves.toMatchObject({ Status: expect.any(String) });
});
