/**
 * The official Node client (@alicloud/r-kvstore20150101 on @alicloud/openapi-core), unmodified and
 * with its default configuration, against the emulator: it signs with V3 (ACS3-HMAC-SHA256), which
 * the emulator verifies. Only where it is sent is set: `endpoint: "127.0.0.1:<port>/alicloud"`,
 * `protocol: "http"`. The client builds its URL as `<protocol>://<endpoint>/` and sends (and signs)
 * that endpoint as its Host header, `127.0.0.1:<port>/alicloud`, so the emulator's `/alicloud`
 * route rides along and the V3 signature still verifies: the emulator checks the Host as received.
 * The client ignores `httpProxy`, so reaching the emulator as a proxy with the real hostname is not
 * an option for this SDK. `signatureAlgorithm: "v2"` (its name for RPC signature v1) works too.
 */
import Client, {
  CreateBackupRequest,
  DeleteBackupRequest,
  DescribeBackupTasksRequest,
  DescribeBackupsRequest,
  DescribeClusterBackupListRequest,
  ModifyBackupExpireTimeRequest,
} from "@alicloud/r-kvstore20150101";
import {
  ALICLOUD_DEMO_INSTANCE_IDS,
  ALICLOUD_DEMO_REGION,
  DEFAULT_ALICLOUD_CREDENTIALS,
} from "../../emulator";
import { useEmulator } from "../helpers/emulator";

const handle = useEmulator({ taskSeconds: 30 });
const [nativeStd, classicCluster] = ALICLOUD_DEMO_INSTANCE_IDS;
const WINDOW = { startTime: "2010-01-01T00:00Z", endTime: "2099-01-01T00:00Z" };

function client(o: { accessKeySecret?: string; signatureAlgorithm?: string } = {}) {
  const config = {
    accessKeyId: DEFAULT_ALICLOUD_CREDENTIALS.accessKeyId,
    accessKeySecret: o.accessKeySecret ?? DEFAULT_ALICLOUD_CREDENTIALS.accessKeySecret,
    regionId: ALICLOUD_DEMO_REGION,
    endpoint: `127.0.0.1:${handle.emulator.port}/alicloud`,
    protocol: "http",
    ...(o.signatureAlgorithm === undefined ? {} : { signatureAlgorithm: o.signatureAlgorithm }),
  };
  return new Client(config as ConstructorParameters<typeof Client>[0]);
}

it("CreateBackup → DescribeBackupTasks → DescribeBackups → ModifyBackupExpireTime → DeleteBackup", async () => {
  const kv = client();
  const created = await kv.createBackup(
    new CreateBackupRequest({ instanceId: nativeStd, backupRetentionPeriod: 7 }),
  );
  const jobId = created.body!.backupJobID!;
  expect(jobId).toMatch(/^\d+$/);
  expect(created.body!.requestId).toMatch(/^[0-9A-F-]{36}$/);

  const tasks = await kv.describeBackupTasks(
    new DescribeBackupTasksRequest({ instanceId: nativeStd, backupJobId: jobId }),
  );
  expect(tasks.body!.backupJobs).toEqual([
    expect.objectContaining({
      backupJobID: Number(jobId),
      backupProgressStatus: "NoStart",
      jobMode: "Manual",
    }),
  ]);

  handle.emulator.admin.advanceClock(30);
  const listed = await kv.describeBackups(
    new DescribeBackupsRequest({
      instanceId: nativeStd,
      backupJobId: Number(jobId),
      ...WINDOW,
      pageSize: 30,
    }),
  );
  const [backup] = listed.body!.backups!.backup!;
  expect(backup).toMatchObject({
    backupJobID: Number(jobId),
    backupStatus: "Success",
    backupMode: "Manual",
    nodeInstanceId: nativeStd,
    expectExpireTime: expect.any(String),
  });

  const later = `${new Date(Date.parse(backup.backupStartTime!) + 20 * 86_400_000).toISOString().slice(0, 16)}Z`;
  await kv.modifyBackupExpireTime(
    new ModifyBackupExpireTimeRequest({
      instanceId: nativeStd,
      backupId: String(backup.backupId),
      expectExpireTime: later,
    }),
  );
  const extended = await kv.describeBackups(
    new DescribeBackupsRequest({ instanceId: nativeStd, backupId: backup.backupId, ...WINDOW }),
  );
  expect(extended.body!.backups!.backup![0].expectExpireTime).toBe(`${later.slice(0, 16)}:00Z`);

  await kv.deleteBackup(
    new DeleteBackupRequest({ instanceId: nativeStd, backupId: String(backup.backupId) }),
  );
  const gone = await kv.describeBackups(
    new DescribeBackupsRequest({ instanceId: nativeStd, backupId: backup.backupId, ...WINDOW }),
  );
  expect(gone.body!.totalCount).toBe(0);
});

it("a cloud-native cluster: DescribeClusterBackupList (GET, V3) lists its cluster backup, one backup per shard", async () => {
  const cluster = ALICLOUD_DEMO_INSTANCE_IDS[3];
  const kv = client();
  const created = await kv.createBackup(new CreateBackupRequest({ instanceId: cluster }));
  expect(created.body!.backupJobID).toMatch(/^\d+$/);
  handle.emulator.admin.advanceClock(30);
  const listed = await kv.describeClusterBackupList(
    new DescribeClusterBackupListRequest({
      instanceId: cluster,
      regionId: ALICLOUD_DEMO_REGION,
      startTime: "2010-01-01T00:00Z",
      endTime: "2099-01-01T00:00Z",
    }),
  );
  const [backup] = listed.body!.clusterBackups!;
  expect(backup).toMatchObject({
    clusterBackupId: expect.stringMatching(/^cb-/),
    clusterBackupStatus: "OK",
    clusterBackupMode: "Manual",
    isAvail: 1,
  });
  expect(backup.backups).toHaveLength(2);
  expect(backup.backups![0]).toMatchObject({
    backupStatus: "OK",
    isAvail: "1",
    extraInfo: { custinsDbVersion: "7.0" },
  });
});

it("an older cluster answers comma-joined job ids to the SDK too", async () => {
  const created = await client().createBackup(new CreateBackupRequest({ instanceId: classicCluster }));
  expect(created.body!.backupJobID).toMatch(/^\d+,\d+$/);
  handle.emulator.admin.advanceClock(30);
});

it("a wrong secret is an SDK error with code SignatureDoesNotMatch and status 400", async () => {
  const kv = client({ accessKeySecret: "not-the-secret" });
  await expect(
    kv.describeBackupTasks(new DescribeBackupTasksRequest({ instanceId: nativeStd })),
  ).rejects.toMatchObject({
    code: "SignatureDoesNotMatch",
    statusCode: 400,
  });
});

it("business errors keep their code: InvalidInstanceId.NotFound, BackupJobExists", async () => {
  const kv = client();
  await expect(kv.createBackup(new CreateBackupRequest({ instanceId: "r-missing0" }))).rejects.toMatchObject({
    code: "InvalidInstanceId.NotFound",
    statusCode: 404,
  });
  await kv.createBackup(new CreateBackupRequest({ instanceId: nativeStd }));
  await expect(kv.createBackup(new CreateBackupRequest({ instanceId: nativeStd }))).rejects.toMatchObject({
    code: "BackupJobExists",
    statusCode: 400,
  });
  handle.emulator.admin.advanceClock(30);
});

it("with signatureAlgorithm v2 (RPC signature v1, HMAC-SHA1) it works too; a wrong secret is refused there as well", async () => {
  const kv = client({ signatureAlgorithm: "v2" });
  const tasks = await kv.describeBackupTasks(new DescribeBackupTasksRequest({ instanceId: nativeStd }));
  expect(tasks.body!.instanceId).toBe(nativeStd);
  await expect(
    client({ signatureAlgorithm: "v2", accessKeySecret: "not-the-secret" }).describeBackupTasks(
      new DescribeBackupTasksRequest({ instanceId: nativeStd }),
    ),
  ).rejects.toMatchObject({ code: "SignatureDoesNotMatch", statusCode: 400 });
});
