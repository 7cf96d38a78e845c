/**
 * The official Node SDK (tencentcloud-sdk-nodejs), unmodified, against the emulator. The SDK has
 * no endpoint-port setting that keeps its signature valid, so it reaches the emulator as its HTTP
 * proxy: with `httpProfile.proxy` it sends `CONNECT redis.tencentcloudapi.com:80` (https-proxy-agent)
 * and then plain HTTP through the tunnel, signing the real hostname.
 */
import * as tencentcloud from "tencentcloud-sdk-nodejs";
import { DEFAULT_TENCENT_CREDENTIALS, DEMO_INSTANCE_IDS, DEMO_REGION } from "../../emulator";
import { useEmulator } from "../helpers/emulator";

const handle = useEmulator({ taskSeconds: 30 });
const RedisClient = tencentcloud.redis.v20180412.Client;

function client(credential: { secretId: string; secretKey: string } = DEFAULT_TENCENT_CREDENTIALS) {
  return new RedisClient({
    credential,
    region: DEMO_REGION,
    profile: { httpProfile: { protocol: "http://", proxy: handle.emulator.url } },
  });
}

it("ManualBackupInstance → DescribeTaskInfo → DescribeInstanceBackups → DescribeBackupDetail", async () => {
  const redis = client();
  const instanceId = DEMO_INSTANCE_IDS[1];
  const { TaskId } = await redis.ManualBackupInstance({
    InstanceId: instanceId,
    Remark: "sdk-interop",
    StorageDays: 3,
  });
  expect(TaskId).toEqual(expect.any(Number));

  expect((await redis.DescribeTaskInfo({ TaskId: TaskId as number })).Status).toMatch(
    /^(preparing|running)$/,
  );
  handle.emulator.admin.advanceClock(30);
  const task = await redis.DescribeTaskInfo({ TaskId: TaskId as number });
  expect(task).toMatchObject({ Status: "succeed", InstanceId: instanceId, TaskMessage: "" });

  const list = await redis.DescribeInstanceBackups({ InstanceId: instanceId, Limit: 10 });
  const mine = list.BackupSet?.find((b) => b.Remark === "sdk-interop");
  expect(mine).toMatchObject({ Status: 2, InstanceId: instanceId });

  const detail = await redis.DescribeBackupDetail({
    InstanceId: instanceId,
    BackupId: mine?.BackupId as string,
  });
  expect(detail).toMatchObject({ BackupId: mine?.BackupId, Remark: "sdk-interop", Status: 2, ShardNum: 3 });
  expect(detail.RequestId).toEqual(expect.any(String));
});

it("a wrong key is an SDK error with code AuthFailure.SignatureFailure", async () => {
  const redis = client({ secretId: DEFAULT_TENCENT_CREDENTIALS.secretId, secretKey: "not-the-key" });
  await expect(redis.DescribeInstanceBackups({ InstanceId: DEMO_INSTANCE_IDS[0] })).rejects.toMatchObject({
    code: "AuthFailure.SignatureFailure",
    requestId: expect.any(String),
  });
});

it("a business error keeps its code too", async () => {
  await expect(client().ManualBackupInstance({ InstanceId: "crs-missing0" })).rejects.toMatchObject({
    code: "ResourceNotFound.InstanceNotExists",
  });
});
