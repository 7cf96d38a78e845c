/**
 * `pulumi-redis-backup url` and `download` against the emulator's file server: the bytes saved are
 * the emulator's; an interrupted transfer resumes with a range request (in the same run, and from a
 * part file an earlier run left); a URL past its life is asked for anew; a download the region's
 * restriction refuses says so and leaves no file that looks complete; a cluster's shards come down
 * side by side; Alibaba and UCloud files download as Tencent's do.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { main } from "../../cli";
import { fetchFile, partPath } from "../../cli/download/fetchFile";
import { fileBytes } from "../../emulator/files/content";
import { TencentClient } from "../../provider/tencentcloud/client";
import { modifyBackupDownloadRestriction } from "../../provider/tencentcloud/api";
import { resolveTencentSettings } from "../../provider/tencentcloud/settings";
import { downloadUrlsSpec as tencentDownloadUrls } from "../../provider/tencentcloud/download";
import { fetchDownloadUrls } from "../../provider/core/downloadUrls";
import * as alicloudOps from "../../provider/alicloud/operations";
import { alicloudDeps, emulatorDeps, pointEveryCloudAt } from "../helpers/cloudEnv";
import { useEmulator } from "../helpers/emulator";
import { captureIo } from "./captureIo";

const handle = useEmulator({ taskSeconds: 0, rateLimitPerSecond: 0 });
const MiB = 1024 * 1024;
const run = async (args: string[], stdin?: string) => {
  const io = captureIo({ stdin });
  const code = await main(args, io);
  return { code, out: io.out, err: io.err };
};
const dir = () => mkdtempSync(join(tmpdir(), "redis-download-"));

/** A Tencent instance of its own with one finished backup; its id. */
function tencentBackup(instanceId: string, shardNum = 1): string {
  handle.emulator.admin.addInstance({ instanceId, shardNum, backups: [{ startedHoursAgo: 1 }] });
  return handle.emulator.admin.backups(instanceId)[0].backupId;
}

/** A state export holding one RedisBackup, as `pulumi stack export` writes it. */
function stateWith(name: string, cloud: string, id: string, outputs: object): string {
  const type = `pulumi-nodejs:dynamic/${cloud}:RedisBackup`;
  return JSON.stringify({
    version: 3,
    deployment: { resources: [{ urn: `urn:pulumi:dev::shop::${type}::${name}`, type, id, outputs }] },
  });
}

beforeAll(() => {
  pointEveryCloudAt(handle.emulator);
});

it("prints a backup's files and URLs by resource name from a state export, and they are never the same twice", async () => {
  const backupId = tencentBackup("crs-url1");
  const state = stateWith("nightly", "tencentcloud", `crs-url1:${backupId}`, {
    instanceId: "crs-url1",
    backupId,
  });
  const first = await run(["url", "nightly", "--state", "-"], state);
  expect(first.err).toBe("");
  expect(first.code).toBe(0);
  const lines = first.out.split("\n");
  expect(lines[0]).toBe(`nightly (tencentcloud backup ${backupId} of crs-url1): 1 file`);
  expect(lines[1]).toMatch(new RegExp(`^crs-url1_${backupId}\\.rdb  [\\d.]+ [KM]iB \\(\\d+ bytes\\)$`));
  expect(lines[2]).toMatch(/^ {2}public: {3}http:\/\/127\.0\.0\.1:\d+\/_files\/[0-9a-f]{24}\//);
  expect(lines[3]).toMatch(/^ {2}intranet: http:\/\/127\.0\.0\.1:\d+\/_files\/[0-9a-f]{24}\//);
  expect(lines[4]).toMatch(
    /^ {2}expires: {2}\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \(Tencent: 6 hours after they were given\)$/,
  );
  const again = await run([
    "url",
    backupId,
    "--cloud",
    "tencentcloud",
    "--instance",
    "crs-url1",
    "--format",
    "json",
  ]);
  const json = JSON.parse(again.out);
  expect(json).toMatchObject({ cloud: "tencentcloud", instanceId: "crs-url1", backupId });
  expect(json.files[0].url).not.toBe(lines[2].trim().split(/\s+/)[1]);
});

it("resumes an interrupted download with a range request, and saves exactly the emulator's bytes", async () => {
  const backupId = tencentBackup("crs-dl1");
  const size = 3 * MiB + 7;
  handle.emulator.admin.setDownloadSize("tencentcloud", backupId, size);
  handle.emulator.admin.interruptNextDownload(MiB + 3);
  const out = join(dir(), "backup.rdb");
  const r = await run(["download", backupId, "--cloud", "tencentcloud", "--instance", "crs-dl1", "-o", out]);
  expect(r.code).toBe(0);
  // The emulator cut the connection after MiB + 3 bytes; what reached the client by then was kept.
  const cut = new RegExp(
    `crs-dl1_${backupId}\\.rdb: interrupted at byte (\\d+) \\(the connection was cut\\); resuming\n`,
  ).exec(r.err);
  expect(cut).not.toBeNull();
  expect(Number(cut![1])).toBeGreaterThan(0);
  expect(Number(cut![1])).toBeLessThanOrEqual(MiB + 3);
  expect(r.out).toBe(`${out}: 3.0 MiB (${size} bytes, the size the cloud reported)\n`);
  const saved = readFileSync(out);
  expect(saved.subarray(0, 9).toString()).toBe("REDIS0011");
  expect(saved.equals(fileBytes(`tencentcloud/crs-dl1/${backupId}/0`, size))).toBe(true);
  expect(existsSync(partPath(out))).toBe(false);
});

it("resumes from the part file an earlier run left, and plain progress lines say how far it got", async () => {
  const backupId = tencentBackup("crs-dl2");
  const size = 2 * MiB;
  handle.emulator.admin.setDownloadSize("tencentcloud", backupId, size);
  const expected = fileBytes(`tencentcloud/crs-dl2/${backupId}/0`, size);
  const out = join(dir(), "backup.rdb");
  writeFileSync(partPath(out), expected.subarray(0, 1536 * 1024));
  const r = await run(["download", backupId, "--cloud", "tencentcloud", "--instance", "crs-dl2", "-o", out]);
  expect(r.code).toBe(0);
  expect(r.err).toContain(`crs-dl2_${backupId}.rdb: resuming at byte ${1536 * 1024} of ${size}`);
  expect(r.err).toMatch(
    new RegExp(`crs-dl2_${backupId}\\.rdb: 100% \\(2\\.0 MiB of 2\\.0 MiB\\), [\\d.]+ [KMG]?i?B/s\\n`),
  );
  expect(readFileSync(out).equals(expected)).toBe(true);
});

it("asks for new URLs when the server says they expired (the emulator's clock moved past their 6 hours)", async () => {
  const backupId = tencentBackup("crs-exp1");
  handle.emulator.admin.setDownloadSize("tencentcloud", backupId, 100_000);
  const deps = emulatorDeps(handle.emulator);
  const args = { instanceId: "crs-exp1", backupId };
  const [file] = (await fetchDownloadUrls(tencentDownloadUrls, args, deps)).files;
  handle.emulator.admin.advanceClock(6 * 3600 + 1);
  const notes: string[] = [];
  let asked = 0;
  const dest = join(dir(), "x.rdb");
  const result = await fetchFile({
    file,
    dest,
    refresh: async () => {
      asked++;
      return (await fetchDownloadUrls(tencentDownloadUrls, args, deps)).files[0];
    },
    onNote: (n) => notes.push(n),
  });
  expect(asked).toBe(1);
  expect(result).toMatchObject({ bytes: 100_000, refreshes: 1, resumes: 0 });
  expect(notes).toEqual([
    `${file.fileName}: the server says its URL has expired (AccessDenied: Request has expired); asking for a new URL`,
  ]);
  expect(readFileSync(dest).equals(fileBytes(`tencentcloud/crs-exp1/${backupId}/0`, 100_000))).toBe(true);
});

it("keeps nothing when the server's size is not the one the API reported", async () => {
  const backupId = tencentBackup("crs-size1");
  handle.emulator.admin.setDownloadSize("tencentcloud", backupId, 5000);
  const deps = emulatorDeps(handle.emulator);
  const [file] = (await fetchDownloadUrls(tencentDownloadUrls, { instanceId: "crs-size1", backupId }, deps))
    .files;
  const folder = dir();
  const dest = join(folder, "x.rdb");
  await expect(
    fetchFile({ file: { ...file, sizeBytes: 6000 }, dest, refresh: async () => file }),
  ).rejects.toThrow(`${file.fileName}: the server has 5000 bytes, the API reported 6000; nothing was kept`);
  expect(readdirSync(folder)).toEqual([]);
});

it("refuses a download the region restricts to the intranet, with the reason, and leaves no complete-looking file", async () => {
  handle.emulator.admin.addInstance({
    instanceId: "crs-lim1",
    region: "ap-shanghai",
    backups: [{ startedHoursAgo: 1 }],
  });
  const backupId = handle.emulator.admin.backups("crs-lim1")[0].backupId;
  handle.emulator.admin.setDownloadSize("tencentcloud", backupId, 4096);
  const client = new TencentClient(resolveTencentSettings("ap-shanghai"), emulatorDeps(handle.emulator));
  await modifyBackupDownloadRestriction(client, { LimitType: "LimitOnlyIntranet" });
  const folder = dir();
  const out = join(folder, "b.rdb");
  const flags = ["--cloud", "tencentcloud", "--instance", "crs-lim1", "--region", "ap-shanghai", "-o", out];
  const refused = await run(["download", backupId, ...flags]);
  expect(refused.code).toBe(1);
  expect(refused.err).toBe(
    `pulumi-redis-backup: downloading tencentcloud backup ${backupId} of crs-lim1: crs-lim1_${backupId}.rdb: refused (HTTP 403): ` +
      "AccessDenied: Download restriction LimitOnlyIntranet: this backup can be downloaded only over Tencent Cloud's private network; " +
      "use the intranet URL (InnerDownloadUrl) from inside the instance's VPC. (from inside the instance's network, run it again with --intranet)\n",
  );
  expect(readdirSync(folder)).toEqual([]);
  const intranet = await run(["download", backupId, ...flags, "--intranet"]);
  expect(intranet.code).toBe(0);
  expect(readFileSync(out).equals(fileBytes(`tencentcloud/crs-lim1/${backupId}/0`, 4096))).toBe(true);
});

it("prints the cloud's refusal on one line, with the action, code and RequestId, and no stack", async () => {
  const notThere = await run(["url", "1234-5678-9", "--cloud", "tencentcloud", "--instance", "crs-demo0001"]);
  expect(notThere.code).toBe(1);
  expect(notThere.out).toBe("");
  expect(notThere.err).toMatch(
    /^pulumi-redis-backup: getting the download URLs of Redis backup 1234-5678-9 of crs-demo0001: DescribeBackupUrl: InvalidParameterValue\.BackupNotExists: The backup does not exist\. \(RequestId [0-9a-f-]{36}\)\n$/,
  );
  const saved = process.env.TENCENTCLOUD_SECRET_KEY;
  process.env.TENCENTCLOUD_SECRET_KEY = "a-key-the-cloud-does-not-take";
  try {
    const refused = await run([
      "download",
      "1234-5678-9",
      "--cloud",
      "tencentcloud",
      "--instance",
      "crs-demo0001",
    ]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(
      /: DescribeBackupUrl: AuthFailure\.SignatureFailure: .* \(RequestId [0-9a-f-]{36}\)\n$/,
    );
    expect(refused.err.split("\n")).toHaveLength(2);
    expect(refused.err).not.toContain("a-key-the-cloud-does-not-take");
  } finally {
    process.env.TENCENTCLOUD_SECRET_KEY = saved;
  }
});

it("says which variables to set when a credential or the region is missing: the command reads no stack config", async () => {
  const saved = { ...process.env };
  const url = ["url", "1234-5678-9", "--cloud", "tencentcloud", "--instance", "crs-demo0001"];
  const doing = "pulumi-redis-backup: getting the download URLs of Redis backup 1234-5678-9 of crs-demo0001";
  const said: unknown[] = [];
  try {
    for (const unset of ["TENCENTCLOUD_SECRET_KEY", "TENCENTCLOUD_REGION"]) {
      process.env = { ...saved };
      delete process.env[unset];
      const r = await run(url);
      said.push([r.code, r.err]);
    }
  } finally {
    process.env = saved;
  }
  expect(said).toEqual([
    [
      1,
      `${doing}: Tencent Cloud credentials are missing: set TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY\n`,
    ],
    [
      1,
      `${doing}: Tencent Cloud region is missing: give the instance's region (\`region\`; on the command line, --region), or set TENCENTCLOUD_REGION\n`,
    ],
  ]);
});

it("stops at once, saying where, when the file cannot be written: no resume, no second transfer", async () => {
  const backupId = tencentBackup("crs-nowrite1");
  const args = ["download", backupId, "--cloud", "tencentcloud", "--instance", "crs-nowrite1", "-o"];
  const missing = join(dir(), "no-such-folder", "x.rdb");
  const r = await run([...args, missing]);
  expect(r.code).toBe(1);
  // One line, before any byte came: no progress, no resume.
  expect(r.err).toBe(
    `pulumi-redis-backup: downloading tencentcloud backup ${backupId} of crs-nowrite1: crs-nowrite1_${backupId}.rdb: ` +
      `cannot write ${missing}.part: ENOENT: no such file or directory, access '${join(missing, "..")}'\n`,
  );
  const folder = join(dir(), "x.rdb");
  mkdirSync(partPath(folder));
  expect((await run([...args, folder])).err).toBe(
    `pulumi-redis-backup: downloading tencentcloud backup ${backupId} of crs-nowrite1: crs-nowrite1_${backupId}.rdb: ` +
      `cannot write ${folder}.part: a folder has its name\n`,
  );
  // A disk that fills while the bytes come (the part file is Linux's /dev/full): said once, not resumed.
  const blocked = join(dir(), "x.rdb");
  symlinkSync("/dev/full", partPath(blocked));
  const b = await run([...args, blocked]);
  expect(b.code).toBe(1);
  expect(b.err).toMatch(
    new RegExp(
      `crs-nowrite1_${backupId}\\.rdb: cannot write ${blocked}\\.part: ENOSPC: no space left on device, write\\n$`,
    ),
  );
  expect(b.err).not.toContain("resuming");
  expect(existsSync(blocked)).toBe(false);
});

it("asks again, after a wait, when the store answers 503 SlowDown or 500, and gives up after five", async () => {
  const backupId = tencentBackup("crs-busy1");
  handle.emulator.admin.setDownloadSize("tencentcloud", backupId, 4096);
  handle.emulator.admin.failNextDownload(503);
  handle.emulator.admin.failNextDownload(500);
  const out = join(dir(), "busy.rdb");
  const args = ["download", backupId, "--cloud", "tencentcloud", "--instance", "crs-busy1", "-o"];
  const r = await run([...args, out]);
  expect(r.code).toBe(0);
  const file = `crs-busy1_${backupId}.rdb`;
  // Each wait is the clients' backoff with full jitter: up to 0.5 s, then up to 1 s.
  const waitAfter = (said: string) => {
    const line = r.err.split("\n").find((l) => l.startsWith(`${file}: HTTP ${said}; trying again in `));
    return Number(/in (\d+\.\d) s$/.exec(line ?? "")?.[1]);
  };
  expect(waitAfter("503 (SlowDown: Please reduce your request rate.)")).toBeLessThanOrEqual(0.5);
  expect(
    waitAfter("500 (InternalError: We encountered an internal error. Please try again.)"),
  ).toBeLessThanOrEqual(1);
  expect(readFileSync(out).equals(fileBytes(`tencentcloud/crs-busy1/${backupId}/0`, 4096))).toBe(true);
  // Through fetchFile with its wait taken away: six 503s in a row are one too many.
  const args2 = { instanceId: "crs-busy1", backupId };
  const [again] = (await fetchDownloadUrls(tencentDownloadUrls, args2, emulatorDeps(handle.emulator))).files;
  for (let i = 0; i < 6; i++) handle.emulator.admin.failNextDownload(503);
  const slept: number[] = [];
  await expect(
    fetchFile({
      file: again,
      dest: join(dir(), "never.rdb"),
      refresh: async () => again,
      sleep: async (ms) => void slept.push(ms),
      random: () => 1,
    }),
  ).rejects.toThrow(`${file}: HTTP 503: SlowDown: Please reduce your request rate., 5 times`);
  // At the top of the jitter, the backoff's ceilings: 0.5 s doubling to 8 s.
  expect(slept).toEqual([500, 1000, 2000, 4000, 8000]);
});

it("downloads a cluster's shards side by side into a folder", async () => {
  const backupId = tencentBackup("crs-clu1", 3);
  handle.emulator.admin.setDownloadSize("tencentcloud", backupId, 3 * 200_001);
  const folder = join(dir(), "shards");
  const r = await run([
    "download",
    backupId,
    "--cloud",
    "tencentcloud",
    "--instance",
    "crs-clu1",
    "-o",
    folder,
    "--concurrency",
    "2",
  ]);
  expect(r.code).toBe(0);
  const names = [0, 1, 2].map((i) => `crs-clu1_${backupId}_shard${i}.rdb`);
  expect(readdirSync(folder).sort()).toEqual(names);
  names.forEach((n, i) => {
    expect(
      readFileSync(join(folder, n)).equals(fileBytes(`tencentcloud/crs-clu1/${backupId}/${i}`, 200_001)),
    ).toBe(true);
  });
});

it("downloads Alibaba's and UCloud's files through their own APIs", async () => {
  const [ali] = handle.emulator.alicloud.backups("r-demo0001");
  handle.emulator.admin.setDownloadSize("alicloud", String(ali.backupId), 70_000);
  const aliOut = join(dir(), "ali.rdb");
  const a = await run([
    "download",
    String(ali.backupId),
    "--cloud",
    "alicloud",
    "--instance",
    "r-demo0001",
    "-o",
    aliOut,
  ]);
  expect(a.err).toContain("hins");
  expect(a.err).not.toContain("refused");
  expect(a.code).toBe(0);
  expect(readFileSync(aliOut).equals(fileBytes(`alicloud/r-demo0001/${ali.backupId}`, 70_000))).toBe(true);
  const aliUrls = await run(["url", String(ali.backupId), "--cloud", "alicloud", "--instance", "r-demo0001"]);
  expect(aliUrls.out).toContain(
    "  expires:  Alibaba Cloud states no lifetime; ask again if one is refused\n",
  );

  const [uc] = handle.emulator.ucloud.backups("uredis-demo01");
  handle.emulator.admin.setDownloadSize("ucloud", uc.backupId, 50_000);
  const ucOut = join(dir(), "uc.rdb");
  const u = await run([
    "download",
    uc.backupId,
    "--cloud",
    "ucloud",
    "--instance",
    "uredis-demo01",
    "-o",
    ucOut,
  ]);
  expect(u.code).toBe(0);
  expect(readFileSync(ucOut).equals(fileBytes(`ucloud/uredis-demo01/${uc.backupId}`, 50_000))).toBe(true);
  const ucUrls = await run(["url", uc.backupId, "--cloud", "ucloud", "--instance", "uredis-demo01"]);
  expect(ucUrls.out).toContain("  intranet: none (ucloud gives none)\n");
});

it("downloads every shard of an Alibaba cloud-native cluster's backup, and every node's file of a classic one", async () => {
  const cluster = await alicloudOps.create({ instanceId: "r-demo0004" }, alicloudDeps(handle.emulator));
  const clusterId = cluster.outs.backupId!;
  expect(clusterId).toMatch(/^cb-/);
  const listed = JSON.parse(
    (await run(["url", clusterId, "--cloud", "alicloud", "--instance", "r-demo0004", "--format", "json"]))
      .out,
  );
  expect(listed.files.map((f: { fileBackupId: string }) => f.fileBackupId).sort()).toEqual(
    [...cluster.outs.backupIds!].sort(),
  );
  const classic = await alicloudOps.create({ instanceId: "r-demo0002" }, alicloudDeps(handle.emulator));
  expect(classic.outs.backupId).toContain(",");
  for (const [instance, id, count] of [
    ["r-demo0004", clusterId, 2],
    ["r-demo0002", classic.outs.backupId!, 2],
  ] as const) {
    const folder = join(dir(), "files");
    const r = await run(["download", id, "--cloud", "alicloud", "--instance", instance, "-o", folder]);
    expect(r.code).toBe(0);
    const names = readdirSync(folder);
    expect(names).toHaveLength(count);
    for (const name of names) {
      const fileId = /^hins(\d+)_data_/.exec(name)![1];
      const size = readFileSync(join(folder, name)).length;
      expect(readFileSync(join(folder, name)).equals(fileBytes(`alicloud/${instance}/${fileId}`, size))).toBe(
        true,
      );
    }
  }
});

it("draws a bar on a terminal: bytes, rate and time left", async () => {
  const backupId = tencentBackup("crs-tty1");
  handle.emulator.admin.setDownloadSize("tencentcloud", backupId, 300_000);
  const io = captureIo({ tty: true });
  Object.assign(io.stderr, { columns: 120 });
  const out = join(dir(), "t.rdb");
  const code = await main(
    ["download", backupId, "--cloud", "tencentcloud", "--instance", "crs-tty1", "-o", out],
    io,
  );
  expect(code).toBe(0);
  // The terminal's escape sequences (ESC [ ... letter) stripped: what a person sees.
  const screen = io.err.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;?]*[A-Za-z]`, "g"), "");
  expect(screen).toMatch(
    /crs-tty1_\d…[\d-]+\.rdb \[█{20}\] 100% \| 293\.0 KiB of 293\.0 KiB \| [\d.]+ [KMG]?i?B\/s \| 0:00 left/,
  );
  expect(io.out).toBe(`${out}: 293.0 KiB (300000 bytes, the size the cloud reported)\n`);
});

it("outside a Pulumi program, getBackupDownloadUrls gives plain values", async () => {
  const backupId = tencentBackup("crs-plain1");
  const { tencentcloud } = await import("../../provider");
  const result = tencentcloud.getBackupDownloadUrls({ instanceId: "crs-plain1", backupId });
  expect(result).toBeInstanceOf(Promise);
  const files = (await result).files;
  expect(files).toHaveLength(1);
  expect(handle.emulator.admin.issuedUrls()).toEqual(
    expect.arrayContaining([files[0].url, files[0].intranetUrl]),
  );
});
