/**
 * ucloud.RedisBackup's operations, in-process, over real HTTP against the emulator:
 * create → read → expire → delete, drift, adoption, and the ways create can go wrong.
 */
import { UCLOUD_DEMO_GROUP_IDS } from "../../emulator";
import * as ops from "../../provider/ucloud/operations";
import { useEmulator } from "../helpers/emulator";
import { emulatorDeps, pointUCloudAt } from "../helpers/cloudEnv";

const handle = useEmulator({ rateLimitPerSecond: 0, ucloud: { backupSeconds: 45, retentionDays: 7 } });
const [orders, sessions] = UCLOUD_DEMO_GROUP_IDS;
const em = () => handle.emulator;
const deps = () => emulatorDeps(handle.emulator);
const deletedAtUCloud = (groupId: string, backupId: string) =>
  em()
    .ucloud.backups(groupId)
    .find((b) => b.backupId === backupId)?.deleted;

beforeAll(() => {
  pointUCloudAt(handle.emulator);
  process.env.UCLOUD_RATE_LIMIT_PER_SECOND = "1000";
});

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

describe("a backup's life (each step on a backup of its own)", () => {
  const inputs = { groupId: orders, backupName: "before_migration" };
  const taken = () => ops.create(inputs, deps());

  it("create takes exactly one backup, waits until it succeeds and reports progress", async () => {
    const before = em().ucloud.backups(orders).length;
    const d = deps();
    const { id, outs } = await ops.create(inputs, d);
    expect(em().ucloud.backups(orders)).toHaveLength(before + 1);
    expect(id).toBe(`${orders}:${outs.backupId}`);
    expect(outs).toEqual({
      groupId: orders,
      backupName: "before_migration",
      backupId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      region: "cn-bj2",
      zone: "cn-bj2-04",
      status: "available",
      state: "Success",
      adopted: false,
      ucloudBackupName: expect.stringMatching(/^before_migration-[0-9a-f]{8}$/),
      groupName: "demo-orders",
      backupType: "manual",
      backupTime: expect.stringMatching(ISO_UTC),
      sizeBytes: expect.any(Number),
      memorySizeMb: 1024,
      redisVersion: "6.0",
    });
    // The backup carries the marked name at UCloud; the outputs give the name back as written.
    const record = em()
      .ucloud.backups(orders)
      .find((b) => b.backupId === outs.backupId)!;
    expect(record.backupName).toBe(outs.ucloudBackupName);
    expect(Date.parse(outs.backupTime!) / 1000).toBe(record.backupTime);
    expect(d.logs.join("\n")).toMatch(
      /backup of uredis-demo01: [0-9a-f-]{36} Backuping \(\d+s, timeout 30m\)/,
    );
  });

  it("read returns the same outputs and the inputs, so a refresh plans nothing", async () => {
    const { id, outs } = await taken();
    const r = await ops.read(id, outs, deps());
    expect(r.id).toBe(id);
    expect(r.props).toEqual(outs);
    expect(r.inputs).toEqual({ ...inputs, region: "cn-bj2", zone: "cn-bj2-04" });
    expect(ops.diff(id, r.props!, inputs)).toEqual({ changes: false, replaces: [] });
    expect(ops.diff(id, r.props!, r.inputs!)).toEqual({ changes: false, replaces: [] });
  });

  it("waitTimeoutMinutes and keepExpired change in place; update keeps the backup", async () => {
    const { id, outs: taken0 } = await taken();
    let outs = taken0;
    const news = { ...inputs, waitTimeoutMinutes: 5 };
    expect(ops.diff(id, outs, news)).toEqual({ changes: true, replaces: [] });
    const updated = (await ops.update(id, outs, news, deps())).outs;
    expect(updated).toEqual({ ...outs, waitTimeoutMinutes: 5 });
    outs = (await ops.update(id, updated, inputs, deps())).outs;
    expect(outs.waitTimeoutMinutes).toBeUndefined();
  });

  it("after its expiry a refresh shows it expired and the next up replaces it", async () => {
    const { id, outs } = await taken();
    em().admin.advanceClock(8 * 86_400);
    const refreshed = (await ops.read(id, outs, deps())).props!;
    expect(refreshed).toMatchObject({ status: "expired", state: "Expired" });
    expect(ops.diff(id, refreshed, inputs)).toEqual({ changes: true, replaces: ["status"] });
    expect(ops.diff(id, refreshed, { ...inputs, keepExpired: true }).replaces).toEqual([]);
  });

  it("delete calls DeleteURedisBackup: the backup is no longer listed", async () => {
    const { id, outs } = await taken();
    const d = deps();
    await ops.remove(id, outs, d);
    expect(deletedAtUCloud(orders, outs.backupId)).toBe(true);
    expect(em().admin.stats().requestsByAction.DeleteURedisBackup).toBeGreaterThan(0);
    expect(d.logs).toEqual([`info: ${orders}: backup ${outs.backupId} deleted`]);
  });

  it("deleting it again (already gone) succeeds", async () => {
    const { id, outs } = await taken();
    await ops.remove(id, outs, deps());
    const d = deps();
    await ops.remove(id, outs, d);
    expect(d.logs.join()).toMatch(/already gone/);
  });
});

describe("delete where UCloud no longer serves DeleteURedisBackup", () => {
  it("succeeds, keeps the backup and says it stays until it expires", async () => {
    const { id, outs } = await ops.create({ groupId: sessions }, deps());
    em().ucloud.setDeleteSupported(false);
    try {
      const d = deps();
      await ops.remove(id, outs, d);
      expect(deletedAtUCloud(sessions, outs.backupId)).toBe(false);
      expect(d.logs).toHaveLength(1);
      expect(d.logs[0]).toMatch(
        /^warn: UCloud no longer serves DeleteURedisBackup \(DeleteURedisBackup: 161: Action \[DeleteURedisBackup\] not found \(RequestId [0-9a-f-]{36}\)\): backup [0-9a-f-]{36} of uredis-demo02 stays until it expires; it is no longer managed by this stack$/,
      );
    } finally {
      em().ucloud.setDeleteSupported(true);
    }
  });
});

describe("drift: the backup vanishes", () => {
  it("refresh reads where the backup was taken, whatever the environment says now", async () => {
    const { id, outs } = await ops.create({ groupId: sessions, zone: "cn-bj2-05" }, deps());
    process.env.UCLOUD_REGION = "hk";
    try {
      expect((await ops.read(id, outs, deps())).props).toEqual(outs);
    } finally {
      process.env.UCLOUD_REGION = "cn-bj2";
    }
  });
});

describe("creates that must not be confused", () => {
  it("a name too long for the marker is shortened at UCloud, kept as written in the outputs", async () => {
    const long = "n".repeat(63);
    const { outs } = await ops.create({ groupId: sessions, backupName: long }, deps());
    expect(outs.backupName).toBe(long);
    expect(outs.ucloudBackupName).toMatch(/^n{54}-[0-9a-f]{8}$/);
  });
});

describe("when create goes wrong", () => {
  it("a backup that ends in Error fails the create, naming it", async () => {
    em().ucloud.failNextBackup(orders);
    const d = deps();
    await expect(ops.create({ groupId: orders, backupName: "doomed" }, d)).rejects.toThrow(
      /^creating Redis backup of uredis-demo01: backup [0-9a-f-]{36} \(doomed-[0-9a-f]{8}\) of uredis-demo01 ended in state Error/,
    );
    expect(d.logs.join("\n")).toMatch(/Backuping/);
  });

  it("a zone the group is not in", async () => {
    await expect(ops.create({ groupId: orders, zone: "cn-bj2-05" }, deps())).rejects.toThrow(
      /CreateURedisBackup: 230: Params \[Zone\] not available/,
    );
  });

  it("a wrong private key: 171, not retried, nothing taken", async () => {
    const before = em().ucloud.backups(orders).length;
    const saved = process.env.UCLOUD_PRIVATE_KEY;
    process.env.UCLOUD_PRIVATE_KEY = "wrong-private-key-for-test";
    try {
      const d = deps();
      await expect(ops.create({ groupId: orders }, d)).rejects.toThrow(
        /^creating Redis backup of uredis-demo01: CreateURedisBackup: 171: Signature VerifyAC Error \(RequestId [0-9a-f-]{36}\)$/,
      );
      expect(d.retries).toEqual([]);
    } finally {
      process.env.UCLOUD_PRIVATE_KEY = saved;
    }
    expect(em().ucloud.backups(orders)).toHaveLength(before);
  });

  it("missing credentials name what to set, before any call", async () => {
    const saved = process.env.UCLOUD_PUBLIC_KEY;
    delete process.env.UCLOUD_PUBLIC_KEY;
    try {
      await expect(ops.create({ groupId: orders }, deps())).rejects.toThrow(
        /UCloud credentials are missing: set UCLOUD_PUBLIC_KEY and UCLOUD_PRIVATE_KEY/,
      );
    } finally {
      process.env.UCLOUD_PUBLIC_KEY = saved;
    }
  });
});

describe("DescribeURedisBackup's TotalCount is the account's total", () => {
  it("a refresh reads one page: a short page ends the listing, however many backups the account has", async () => {
    em().ucloud.addGroup({ groupId: "uredis-few01" });
    const { id, outs } = await ops.create({ groupId: "uredis-few01", backupName: "only_one" }, deps());
    // The account holds more backups than the group: TotalCount says so, and must not keep us paging.
    expect(em().ucloud.backups().length).toBeGreaterThan(1);
    const before = em().admin.stats().requestsByAction.DescribeURedisBackup ?? 0;
    expect((await ops.read(id, outs, deps())).props).toEqual(outs);
    expect(em().admin.stats().requestsByAction.DescribeURedisBackup).toBe(before + 1);
  });
});
