/**
 * tencentcloud.RedisBackup's operations, in-process, over real HTTP against the emulator:
 * create → read → expire → lock → vanish → delete, and the ways create can go wrong.
 */
import { DEMO_INSTANCE_IDS } from "../../emulator";
import * as ops from "../../provider/tencentcloud/operations";
import { useEmulator } from "../helpers/emulator";
import { emulatorDeps, pointTencentAt } from "../helpers/cloudEnv";

const handle = useEmulator({ taskSeconds: 45, rateLimitPerSecond: 20 });
const [orders] = DEMO_INSTANCE_IDS;
const admin = () => handle.emulator.admin;

beforeAll(() => pointTencentAt(handle.emulator));

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;

describe("a backup's life (each step on a backup of its own)", () => {
  const inputs = { instanceId: orders, remark: "before migration ✓", storageDays: 30 };
  const taken = () => ops.create(inputs, emulatorDeps(handle.emulator));

  it("create takes exactly one backup, waits for its task and reports progress", async () => {
    const before = admin().backups(orders).length;
    const deps = emulatorDeps(handle.emulator);
    const { id, outs } = await ops.create(inputs, deps);
    expect(admin().backups(orders)).toHaveLength(before + 1);
    expect(id).toBe(`${orders}:${outs.backupId}`);
    expect(outs).toMatchObject({
      instanceId: orders,
      remark: "before migration ✓",
      storageDays: 30,
      status: "available",
      locked: false,
      backupType: "manual",
      shardNum: expect.any(Number),
      memSizeMb: expect.any(Number),
      replicasNum: expect.any(Number),
      sizeBytes: expect.any(Number),
    });
    for (const t of [outs.startTime, outs.endTime, outs.expireTime]) expect(t).toMatch(ISO_WITH_OFFSET);
    const days = (Date.parse(outs.expireTime!) - Date.parse(outs.startTime!)) / 86_400_000;
    expect(days).toBe(30);
    // The vendor's record carries our marker; the outputs give the remark back as written.
    const record = admin()
      .backups(orders)
      .find((b) => b.backupId === outs.backupId)!;
    expect(record.remark).toMatch(/^before migration ✓ \[pulumi:[0-9a-f]{12}\]$/);
    expect(deps.logs.some((l) => /task \d+ (preparing|running)/.test(l))).toBe(true);
    expect(Object.values(outs)).not.toContain(undefined);
  });

  it("read returns the same outputs and the inputs, so a refresh plans nothing", async () => {
    const { id, outs } = await taken();
    const r = await ops.read(id, outs, emulatorDeps(handle.emulator));
    expect(r.id).toBe(id);
    expect(r.props).toEqual(outs);
    expect(r.inputs).toEqual(inputs);
    expect(ops.diff(id, r.props!, r.inputs!)).toEqual({ changes: false, replaces: [] });
  });

  it("a lock taken by another process shows on refresh and is acknowledged in place", async () => {
    const r = await taken();
    const id = r.id;
    let outs = r.outs;
    admin().lockBackup(outs.backupId, true);
    const refreshed = (await ops.read(id, outs, emulatorDeps(handle.emulator))).props!;
    expect(refreshed).toMatchObject({ locked: true, status: "locked", lockedAcknowledged: false });
    expect(ops.diff(id, refreshed, inputs)).toEqual({ changes: true, replaces: [] });
    const deps = emulatorDeps(handle.emulator);
    const updated = (await ops.update(id, refreshed, inputs, deps)).outs;
    expect(updated).toMatchObject({ locked: true, lockedAcknowledged: true, remark: inputs.remark });
    expect(ops.diff(id, updated, inputs).changes).toBe(false);
    expect(deps.logs.join("\n")).toMatch(/now locked; acknowledged/);
    admin().lockBackup(outs.backupId, false);
    outs = (await ops.read(id, updated, emulatorDeps(handle.emulator))).props!;
    outs = (await ops.update(id, outs, inputs, emulatorDeps(handle.emulator))).outs;
    expect(outs).toMatchObject({ locked: false, lockedAcknowledged: false, status: "available" });
  });

  it("after its expiry a refresh shows it expired and the next up replaces it", async () => {
    const { id, outs } = await taken();
    // Expired by the admin, not by moving the world 31 days on: the creates of the other tests look
    // for their backups in a window around the time by the client's clock (see emulator/README.md).
    admin().expireBackup(outs.backupId);
    const refreshed = (await ops.read(id, outs, emulatorDeps(handle.emulator))).props!;
    expect(refreshed.status).toBe("expired");
    expect(ops.diff(id, refreshed, inputs)).toEqual({ changes: true, replaces: ["status"] });
    expect(ops.diff(id, refreshed, { ...inputs, keepExpired: true }).replaces).toEqual([]);
  });

  it("delete makes no API call and says the backup stays until it expires", async () => {
    const { id, outs } = await taken();
    const calls = JSON.stringify(admin().stats());
    const deps = emulatorDeps(handle.emulator);
    await ops.remove(id, outs, deps);
    expect(JSON.stringify(admin().stats())).toBe(calls);
    expect(deps.logs).toEqual([
      `warn: Tencent Cloud cannot delete backups: backup ${outs.backupId} of ${orders} stays until it expires at ${outs.expireTime}; it is no longer managed by this stack`,
    ]);
  });
});

describe("when create goes wrong", () => {
  it("a failed task fails the create with its TaskMessage", async () => {
    admin().failNextTask(orders, "disk quota exceeded");
    await expect(ops.create({ instanceId: orders }, emulatorDeps(handle.emulator))).rejects.toThrow(
      new RegExp(`^creating Redis backup of ${orders}: backup task \\d+ ended "failed": disk quota exceeded`),
    );
  });

  it("an instance locked by another flow: waits its turn, then takes the backup", async () => {
    admin().addInstance({ instanceId: "crs-locked01" });
    admin().lockInstance("crs-locked01", true);
    let sleeps = 0;
    const deps = emulatorDeps(handle.emulator, () => {
      if (++sleeps === 3) admin().lockInstance("crs-locked01", false);
    });
    const { outs } = await ops.create({ instanceId: "crs-locked01" }, deps);
    expect(outs.status).toBe("available");
    expect(admin().backups("crs-locked01")).toHaveLength(1);
    expect(deps.retries.join("\n")).toMatch(
      /ManualBackupInstance: ManualBackupInstance: ResourceUnavailable\.InstanceLockedError/,
    );
  });

  it("the connection drops after ManualBackupInstance was performed: the backup is found, not taken twice", async () => {
    admin().addInstance({ instanceId: "crs-dropped1" });
    admin().injectFault("ManualBackupInstance", { kind: "dropAfterPerform" });
    const deps = emulatorDeps(handle.emulator);
    const { outs } = await ops.create({ instanceId: "crs-dropped1", remark: "once" }, deps);
    expect(admin().backups("crs-dropped1")).toHaveLength(1);
    expect(outs).toMatchObject({ status: "available", remark: "once" });
    expect(deps.logs.join("\n")).toMatch(
      /outcome unknown .*looking for the backup marked \[pulumi:[0-9a-f]{12}\]/,
    );
  });

  it("performed, then the look for it fails past one call's retries: looked for again, found, one backup", async () => {
    admin().addInstance({ instanceId: "crs-dropped3" });
    admin().injectFault("ManualBackupInstance", { kind: "dropAfterPerform" });
    // Eight gateway errors in a row: more than one call's six attempts.
    admin().injectFault("DescribeInstanceBackups", { kind: "http", status: 503, body: "" }, { times: 8 });
    const { outs } = await ops.create({ instanceId: "crs-dropped3" }, emulatorDeps(handle.emulator));
    expect(outs.status).toBe("available");
    expect(admin().backups("crs-dropped3")).toHaveLength(1);
  });

  it("performed, and looking for it keeps failing: the error says a backup may exist and how to find it", async () => {
    admin().addInstance({ instanceId: "crs-dropped4" });
    admin().injectFault("ManualBackupInstance", { kind: "dropAfterPerform" });
    admin().injectFault("DescribeInstanceBackups", { kind: "http", status: 503, body: "" }, { times: 1000 });
    try {
      await expect(ops.create({ instanceId: "crs-dropped4" }, emulatorDeps(handle.emulator))).rejects.toThrow(
        /^creating Redis backup of crs-dropped4: DescribeInstanceBackups: HTTP 503 without a vendor response \(empty body\); ManualBackupInstance's outcome was unknown, so the backup marked \[pulumi:[0-9a-f]{12}\] may exist: look for it before running `pulumi up` again$/,
      );
    } finally {
      admin().clearFaults();
    }
    expect(admin().backups("crs-dropped4")).toHaveLength(1);
  });

  it("the connection drops before ManualBackupInstance was performed: tried again, one backup", async () => {
    admin().addInstance({ instanceId: "crs-dropped2" });
    admin().injectFault("ManualBackupInstance", { kind: "drop" });
    const { outs } = await ops.create({ instanceId: "crs-dropped2" }, emulatorDeps(handle.emulator));
    expect(outs.status).toBe("available");
    expect(admin().backups("crs-dropped2")).toHaveLength(1);
  });

  it("a gateway 502 while polling is retried", async () => {
    admin().injectFault(
      "DescribeTaskInfo",
      { kind: "http", status: 502, body: "<html>Bad Gateway</html>" },
      { times: 2 },
    );
    const deps = emulatorDeps(handle.emulator);
    const { outs } = await ops.create({ instanceId: orders }, deps);
    expect(outs.status).toBe("available");
    expect(deps.retries.filter((r) => r.startsWith("DescribeTaskInfo"))).toHaveLength(2);
  });

  it("a backup that exists but whose record cannot be read is reported, so the engine records it", async () => {
    admin().addInstance({ instanceId: "crs-partial1" });
    admin().injectFault("DescribeBackupDetail", { kind: "http", status: 503 }, { times: 50 });
    try {
      const err = (await ops
        .create({ instanceId: "crs-partial1" }, emulatorDeps(handle.emulator))
        .catch((e) => e)) as Error & {
        id?: string;
        properties?: Record<string, unknown>;
      };
      const [backup] = admin().backups("crs-partial1");
      expect(err.message).toMatch(/^creating Redis backup of crs-partial1: DescribeBackupDetail: HTTP 503/);
      expect(err.id).toBe(`crs-partial1:${backup.backupId}`);
      expect(err.properties).toMatchObject({
        instanceId: "crs-partial1",
        backupId: backup.backupId,
        status: "available",
      });
    } finally {
      admin().clearFaults();
    }
  });
});

describe("when refresh goes wrong", () => {
  it("ResourceUnavailable.BackupStatusInvalid that persists fails a per-backup refresh naming the code; nothing is dropped", async () => {
    const { id, outs } = await ops.create(
      { instanceId: orders, remark: "busy" },
      emulatorDeps(handle.emulator),
    );
    // Read on its own, as REDIS_BACKUP_REFRESH_READS=per-backup (or a backup its listing does not show) is.
    process.env.REDIS_BACKUP_REFRESH_READS = "per-backup";
    admin().injectFault(
      "DescribeBackupDetail",
      { kind: "error", code: "ResourceUnavailable.BackupStatusInvalid", message: "备份状态无效" },
      { times: 100 },
    );
    const deps = emulatorDeps(handle.emulator);
    try {
      await expect(ops.read(id, outs, deps)).rejects.toThrow(
        new RegExp(
          `^reading Redis backup ${outs.backupId} of ${orders}: DescribeBackupDetail: ResourceUnavailable\\.BackupStatusInvalid: 备份状态无效 \\(RequestId [0-9a-f-]{36}\\); Tencent Cloud says the backup may be busy in another flow \\(or deleted\\); it stays in the stack until a refresh can read it: run \`pulumi refresh\` again later$`,
        ),
      );
    } finally {
      admin().clearFaults();
      delete process.env.REDIS_BACKUP_REFRESH_READS;
    }
    // Asked again before giving up (the client's retries), and never reported gone.
    expect(deps.retries.filter((r) => r.startsWith("DescribeBackupDetail")).length).toBeGreaterThan(1);
    expect(deps.logs.join("\n")).not.toMatch(/no longer exists/);
  });

  it("a refresh through the instance's listing never asks DescribeBackupDetail, so its refusal does not stop it", async () => {
    const { id, outs } = await ops.create(
      { instanceId: orders, remark: "busy2" },
      emulatorDeps(handle.emulator),
    );
    admin().injectFault(
      "DescribeBackupDetail",
      { kind: "error", code: "ResourceUnavailable.BackupStatusInvalid", message: "备份状态无效" },
      { times: 100 },
    );
    try {
      const read = await ops.read(id, outs, emulatorDeps(handle.emulator));
      expect(read).toEqual({ id, props: outs, inputs: { instanceId: orders, remark: "busy2" } });
    } finally {
      admin().clearFaults();
    }
  });
});
