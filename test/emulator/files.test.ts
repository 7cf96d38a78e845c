/**
 * The emulator's file server, through the URLs Tencent's DescribeBackupUrl hands out: an RDB file
 * of the recorded (or chosen) size, a single Range honoured (206, suffix ranges, 416 past the end),
 * HEAD, URLs that expire on the world clock, unknown ones 404, and each LimitType's rule — the
 * restriction a request names, else the region's.
 */
import { fileBytes } from "../../emulator/files/content";
import { parseRange } from "../../emulator/files/store";
import { describeBackupUrl, modifyBackupDownloadRestriction } from "../../provider/tencentcloud/api";
import { TencentClient } from "../../provider/tencentcloud/client";
import { resolveTencentSettings } from "../../provider/tencentcloud/settings";
import { emulatorDeps, pointTencentAt } from "../helpers/cloudEnv";
import { useEmulator } from "../helpers/emulator";

const handle = useEmulator({ taskSeconds: 0, rateLimitPerSecond: 0 });
beforeAll(() => pointTencentAt(handle.emulator));
const client = (region = "ap-guangzhou") =>
  new TencentClient(resolveTencentSettings(region), emulatorDeps(handle.emulator));

async function backupWithFile(instanceId: string, size: number, region = "ap-guangzhou") {
  handle.emulator.admin.addInstance({ instanceId, region, backups: [{ startedHoursAgo: 1 }] });
  const backupId = handle.emulator.admin.backups(instanceId)[0].backupId;
  handle.emulator.admin.setDownloadSize("tencentcloud", backupId, size);
  return { backupId, bytes: fileBytes(`tencentcloud/${instanceId}/${backupId}/0`, size) };
}

it("serves the whole file, a range, a suffix, HEAD, and refuses a range past the end", async () => {
  const { backupId, bytes } = await backupWithFile("crs-f1", 10_000);
  const [info] = (await describeBackupUrl(client(), { InstanceId: "crs-f1", BackupId: backupId }))
    .BackupInfos;
  expect(info.FileSize).toBe(10_000);
  const whole = await fetch(info.DownloadUrl);
  expect(whole.status).toBe(200);
  expect(whole.headers.get("accept-ranges")).toBe("bytes");
  const body = Buffer.from(await whole.arrayBuffer());
  expect(body.subarray(0, 9).toString()).toBe("REDIS0011");
  expect(body.equals(bytes)).toBe(true);

  const part = await fetch(info.DownloadUrl, { headers: { Range: "bytes=4-11" } });
  expect(part.status).toBe(206);
  expect(part.headers.get("content-range")).toBe("bytes 4-11/10000");
  expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(4, 12))).toBe(true);

  const tail = await fetch(info.InnerDownloadUrl!, { headers: { Range: "bytes=-100" } });
  expect(tail.status).toBe(206);
  expect(Buffer.from(await tail.arrayBuffer()).equals(bytes.subarray(9_900))).toBe(true);

  const head = await fetch(info.DownloadUrl, { method: "HEAD" });
  expect(head.status).toBe(200);
  expect(head.headers.get("content-length")).toBe("10000");

  const past = await fetch(info.DownloadUrl, { headers: { Range: "bytes=10000-" } });
  expect(past.status).toBe(416);
  expect(past.headers.get("content-range")).toBe("bytes */10000");
  await past.text();
  expect(parseRange("bytes=0-1,5-6", 10)).toBeUndefined();
});

it("refuses a URL past its 6 hours on the world clock, and one it never handed out", async () => {
  const { backupId } = await backupWithFile("crs-f2", 100);
  const [info] = (await describeBackupUrl(client(), { InstanceId: "crs-f2", BackupId: backupId }))
    .BackupInfos;
  handle.emulator.admin.advanceClock(6 * 3600 - 60);
  expect((await fetch(info.DownloadUrl)).status).toBe(200);
  handle.emulator.admin.advanceClock(61);
  const expired = await fetch(info.DownloadUrl);
  expect(expired.status).toBe(403);
  expect(await expired.text()).toMatch(/<Code>AccessDenied<\/Code><Message>Request has expired<\/Message>/);
  const unknown = await fetch(
    info.DownloadUrl.replace(/_files\/[0-9a-f]+/, "_files/000000000000000000000000"),
  );
  expect(unknown.status).toBe(404);
  expect(await unknown.text()).toContain("<Code>NoSuchKey</Code>");
});

it("obeys each LimitType: the request's, else the region's", async () => {
  const { backupId } = await backupWithFile("crs-f3", 100, "ap-beijing");
  const urls = async (extra: object = {}) =>
    (await describeBackupUrl(client("ap-beijing"), { InstanceId: "crs-f3", BackupId: backupId, ...extra }))
      .BackupInfos[0];
  const status = async (url: string) => {
    const r = await fetch(url);
    const text = await r.text();
    return r.status === 200 ? 200 : `${r.status} ${/<Message>([^<]*)/.exec(text)?.[1]}`;
  };

  let u = await urls();
  expect([await status(u.DownloadUrl), await status(u.InnerDownloadUrl!)]).toEqual([200, 200]);

  u = await urls({ LimitType: "LimitOnlyIntranet" });
  expect(await status(u.DownloadUrl)).toMatch(/^403 Download restriction LimitOnlyIntranet: /);
  expect(await status(u.InnerDownloadUrl!)).toBe(200);

  await modifyBackupDownloadRestriction(client("ap-beijing"), {
    LimitType: "Customize",
    LimitVpc: [{ Region: "ap-beijing", VpcList: ["vpc-other"] }],
  });
  u = await urls();
  expect(await status(u.DownloadUrl)).toMatch(/^403 Download restriction Customize: /);
  expect(await status(u.InnerDownloadUrl!)).toBe(
    "403 Download restriction Customize: VPC vpc-emulator is not in LimitVpc for ap-beijing.",
  );

  await modifyBackupDownloadRestriction(client("ap-beijing"), {
    LimitType: "Customize",
    LimitVpc: [{ Region: "ap-beijing", VpcList: ["vpc-emulator"] }],
    IpComparisonSymbol: "NotIn",
    LimitIp: ["127.0.0.1"],
  });
  u = await urls();
  expect(await status(u.InnerDownloadUrl!)).toBe(
    "403 Download restriction Customize: address 127.0.0.1 is in LimitIp (IpComparisonSymbol NotIn).",
  );
  await modifyBackupDownloadRestriction(client("ap-beijing"), {
    LimitType: "Customize",
    LimitVpc: [{ Region: "ap-beijing", VpcList: ["vpc-emulator"] }],
    LimitIp: ["127.0.0.1"],
  });
  // URLs handed out earlier keep the restriction they were issued under.
  expect(await status((await urls()).InnerDownloadUrl!)).toBe(200);
  expect(await status(u.InnerDownloadUrl!)).toMatch(/^403 /);
  // The region's restriction belongs to that region only.
  const other = await backupWithFile("crs-f4", 100);
  const [g] = (await describeBackupUrl(client(), { InstanceId: "crs-f4", BackupId: other.backupId }))
    .BackupInfos;
  expect(await status(g.DownloadUrl)).toBe(200);
});

it("has no file for a backup still being taken, and Modify refuses a Customize without VPCs", async () => {
  handle.emulator.admin.addInstance({ instanceId: "crs-f5" });
  handle.emulator.admin.setTaskSeconds(24 * 3600);
  const { manualBackupInstance } = await import("../../provider/tencentcloud/api");
  await manualBackupInstance(client(), { InstanceId: "crs-f5" });
  handle.emulator.admin.setTaskSeconds(0);
  const [running] = handle.emulator.admin.backups("crs-f5");
  await expect(
    describeBackupUrl(client(), { InstanceId: "crs-f5", BackupId: running.backupId }),
  ).rejects.toThrow(/^DescribeBackupUrl: ResourceUnavailable\.BackupStatusInvalid: /);
  await expect(modifyBackupDownloadRestriction(client(), { LimitType: "Customize" })).rejects.toThrow(
    /InvalidParameterValue/,
  );
});
