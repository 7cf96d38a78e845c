/**
 * The four Redis backup actions as a client sees them: fields, statuses, paging and filters, and
 * how they change as the emulated world moves on (tasks finish, backups expire, operators meddle).
 */
import { useEmulator, worldNow } from "../helpers/emulator";
import { TencentCallResult, errorCode, tencentCall } from "../helpers/tencentRequest";

const TASK_SECONDS = 60;
const handle = useEmulator({ taskSeconds: TASK_SECONDS, rateLimitPerSecond: 0 });
const admin = () => handle.emulator.admin;

let counter = 0;
/** A fresh instance per test, so tests do not see each other's backups. */
function newInstance(extra: Record<string, unknown> = {}): string {
  const instanceId = `crs-act${String(++counter).padStart(4, "0")}`;
  admin().addInstance({ instanceId, instanceName: `orders-${counter}`, ...extra });
  return instanceId;
}

async function ok(action: string, params: Record<string, unknown>, region?: string) {
  const r = await tencentCall(handle.emulator.url, action, params, region ? { region } : {});
  expect(r.json.Response.Error).toBeUndefined();
  return r.json.Response;
}

async function fails(action: string, params: Record<string, unknown>): Promise<string | undefined> {
  const r: TencentCallResult = await tencentCall(handle.emulator.url, action, params);
  return errorCode(r);
}

async function backup(instanceId: string, extra: Record<string, unknown> = {}) {
  const r = await ok("ManualBackupInstance", { InstanceId: instanceId, ...extra });
  return r.TaskId as number;
}

/** A fresh instance with one manual backup whose task has finished, and that backup as the emulator holds it. */
async function finishedBackup() {
  const instanceId = newInstance();
  await backup(instanceId);
  admin().advanceClock(TASK_SECONDS);
  const [record] = admin().backups(instanceId);
  return { instanceId, record };
}

type BackupSet = Record<string, unknown>[];
const list = async (params: Record<string, unknown>) => {
  const r = await ok("DescribeInstanceBackups", params);
  return { total: r.TotalCount as number, set: r.BackupSet as BackupSet };
};

/** `yyyy-MM-dd HH:mm:ss` at +08:00 as epoch ms. */
const beijing = (s: string) => Date.parse(`${s.replace(" ", "T")}+08:00`);
const TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

describe("a new emulator", () => {
  // Its own, so that no other test has moved the world clock past the backup's expiry.
  const fresh = useEmulator({ rateLimitPerSecond: 0 });
  it("the demo standard instance comes with last night's automatic backup", async () => {
    const r = await tencentCall(fresh.emulator.url, "DescribeInstanceBackups", {
      InstanceId: "crs-demo0001",
    });
    const set = r.json.Response.BackupSet as BackupSet;
    expect(set.some((b) => b.BackupType === "1" && b.Status === 2)).toBe(true);
  });
});

describe("ManualBackupInstance → DescribeTaskInfo", () => {
  it("returns a numeric TaskId whose task goes preparing → running → succeed on the world clock", async () => {
    const instanceId = newInstance();
    const taskId = await backup(instanceId, { Remark: "nightly" });
    expect(typeof taskId).toBe("number");

    const first = await ok("DescribeTaskInfo", { TaskId: taskId });
    expect(first).toMatchObject({
      Status: "preparing",
      TaskType: "FLOW_BACKUPINSTANCE",
      InstanceId: instanceId,
    });
    expect(first.TaskMessage).toBe("");
    expect(first.StartTime).toMatch(TIME);
    // The zone of the time strings is Beijing time, on the world clock other tests may have moved on.
    expect(Math.abs(beijing(first.StartTime as string) - worldNow(handle.emulator))).toBeLessThan(120_000);

    admin().advanceClock(TASK_SECONDS / 2);
    expect((await ok("DescribeTaskInfo", { TaskId: taskId })).Status).toBe("running");
    admin().advanceClock(TASK_SECONDS);
    expect(await ok("DescribeTaskInfo", { TaskId: taskId })).toMatchObject({
      Status: "succeed",
      TaskMessage: "",
    });
  });

  it("an unknown TaskId is an error", async () => {
    expect(await fails("DescribeTaskInfo", { TaskId: 1 })).toBe("InvalidParameter.InvalidParameter");
  });

  it("allows several manual backups of one instance at once, each with its own task and backup", async () => {
    const instanceId = newInstance();
    const tasks = await Promise.all([backup(instanceId), backup(instanceId), backup(instanceId)]);
    expect(new Set(tasks).size).toBe(3);
    const records = admin().backups(instanceId);
    expect(new Set(records.map((b) => b.backupId)).size).toBe(3);
    expect(records.map((b) => b.taskId).sort()).toEqual([...tasks].sort());
  });

  it("a failed task ends `failed` with its message, and its backup never appears", async () => {
    const instanceId = newInstance();
    admin().failNextTask(instanceId, "disk full on the backup node");
    const taskId = await backup(instanceId);
    expect((await ok("DescribeTaskInfo", { TaskId: taskId })).TaskMessage).toBe("");
    admin().advanceClock(TASK_SECONDS + 1);
    expect(await ok("DescribeTaskInfo", { TaskId: taskId })).toMatchObject({
      Status: "failed",
      TaskMessage: "disk full on the backup node",
    });
    const [record] = admin().backups(instanceId);
    expect(record).toMatchObject({ lifecycle: "failed", status: null, taskStatus: "failed" });
    expect((await list({ InstanceId: instanceId, Status: [1, 2, -1, -2] })).total).toBe(0);
    expect(await fails("DescribeBackupDetail", { InstanceId: instanceId, BackupId: record.backupId })).toBe(
      "InvalidParameterValue.BackupNotExists",
    );
    // Only the next task fails.
    const next = await backup(instanceId);
    admin().advanceClock(TASK_SECONDS + 1);
    expect((await ok("DescribeTaskInfo", { TaskId: next })).Status).toBe("succeed");
  });
});

describe("a backup's fields", () => {
  it("while its task runs: Status 1, listed only when Status 1 is asked for, no EndTime or size yet", async () => {
    const instanceId = newInstance();
    await backup(instanceId, { Remark: "in flight" });
    expect((await list({ InstanceId: instanceId })).total).toBe(0);
    const { set } = await list({ InstanceId: instanceId, Status: [1, 2] });
    expect(set).toHaveLength(1);
    expect(set[0]).toMatchObject({ Status: 1, Locked: 0, Remark: "in flight", EndTime: "", BackupSize: 0 });
  });

  it("once done: every documented RedisBackupSet field, the remark verbatim, 7-day expiry by default", async () => {
    const instanceId = newInstance({
      instanceName: "订单缓存",
      memSizeMb: 2048,
      shardNum: 3,
      replicasNum: 2,
    });
    const remark = 'pulumi:stack/备份 ✓ "quoted"';
    await backup(instanceId, { Remark: remark });
    admin().advanceClock(TASK_SECONDS);
    const { total, set } = await list({ InstanceId: instanceId });
    expect(total).toBe(1);
    const b = set[0];
    expect(Object.keys(b).sort()).toEqual(
      [
        "BackupId",
        "BackupSize",
        "BackupType",
        "Encrypted",
        "EndTime",
        "ExpireTime",
        "FileType",
        "FullBackup",
        "InstanceId",
        "InstanceName",
        "InstanceType",
        "Locked",
        "Region",
        "Remark",
        "StartTime",
        "Status",
      ].sort(),
    );
    expect(b).toMatchObject({
      Status: 2,
      Locked: 0,
      Remark: remark,
      BackupType: "0",
      InstanceId: instanceId,
      InstanceName: "订单缓存",
      Region: "ap-guangzhou",
      InstanceType: 9,
      Encrypted: false,
    });
    expect(b.BackupId).toMatch(/^\d+-\d+-\d+$/);
    expect(b.BackupSize).toBeGreaterThan(0);
    for (const f of ["StartTime", "EndTime", "ExpireTime"]) expect(b[f]).toMatch(TIME);
    expect(beijing(b.ExpireTime as string) - beijing(b.StartTime as string)).toBe(7 * 86_400_000);
    expect(beijing(b.EndTime as string) - beijing(b.StartTime as string)).toBe(TASK_SECONDS * 1000);

    const detail = await ok("DescribeBackupDetail", { InstanceId: instanceId, BackupId: b.BackupId });
    expect(detail).toMatchObject({
      BackupId: b.BackupId,
      StartTime: b.StartTime,
      EndTime: b.EndTime,
      BackupType: "0",
      Status: 2,
      Remark: remark,
      Locked: 0,
      BackupSize: b.BackupSize,
      InstanceType: 9,
      MemSize: 2048,
      ShardNum: 3,
      ReplicasNum: 2,
      Encrypted: false,
    });
  });

  it("StorageDays sets the expiry; 0 means the instance's automatic-backup retention", async () => {
    const instanceId = newInstance({ backupRetentionDays: 14 });
    await backup(instanceId, { StorageDays: 30, Remark: "thirty" });
    await backup(instanceId, { StorageDays: 0, Remark: "default" });
    admin().advanceClock(TASK_SECONDS);
    const { set } = await list({ InstanceId: instanceId });
    const days = (b: Record<string, unknown>) =>
      (beijing(b.ExpireTime as string) - beijing(b.StartTime as string)) / 86_400_000;
    expect(Object.fromEntries(set.map((b) => [b.Remark, days(b)]))).toEqual({ thirty: 30, default: 14 });
  });
});

describe("DescribeInstanceBackups", () => {
  it("pages newest first with a stable TotalCount", async () => {
    const instanceId = newInstance();
    admin().setTaskSeconds(0);
    try {
      for (let i = 1; i <= 5; i++) {
        await backup(instanceId, { Remark: `b${i}` });
        admin().advanceClock(60);
      }
    } finally {
      admin().setTaskSeconds(TASK_SECONDS);
    }
    const pages = await Promise.all(
      [0, 2, 4].map((Offset) => list({ InstanceId: instanceId, Limit: 2, Offset })),
    );
    expect(pages.map((p) => p.total)).toEqual([5, 5, 5]);
    expect(pages.map((p) => p.set.map((b) => b.Remark))).toEqual([["b5", "b4"], ["b3", "b2"], ["b1"]]);
    expect((await list({ InstanceId: instanceId, Offset: 10 })).set).toEqual([]);
  });

  it("filters on the backup's start time, both ends inclusive, at most 30 days apart", async () => {
    const instanceId = newInstance();
    admin().setTaskSeconds(0);
    try {
      for (const remark of ["early", "middle", "late"]) {
        await backup(instanceId, { Remark: remark });
        admin().advanceClock(3600);
      }
    } finally {
      admin().setTaskSeconds(TASK_SECONDS);
    }
    const all = (await list({ InstanceId: instanceId })).set;
    const start = (remark: string) => all.find((b) => b.Remark === remark)?.StartTime as string;
    const window = await list({
      InstanceId: instanceId,
      BeginTime: start("early"),
      EndTime: start("middle"),
    });
    expect(window.set.map((b) => b.Remark)).toEqual(["middle", "early"]);
    expect(
      (await list({ InstanceId: instanceId, BeginTime: start("late") })).set.map((b) => b.Remark),
    ).toEqual(["late"]);
    expect(
      await fails("DescribeInstanceBackups", {
        InstanceId: instanceId,
        BeginTime: "2024-01-01 00:00:00",
        EndTime: "2024-02-15 00:00:00",
      }),
    ).toBe("InvalidParameterValue");
    expect(
      await fails("DescribeInstanceBackups", {
        BeginTime: "2024-01-02 00:00:00",
        EndTime: "2024-01-01 00:00:00",
      }),
    ).toBe("InvalidParameterValue");
  });

  it("without InstanceId lists the region's instances; InstanceName matches a fragment", async () => {
    const a = newInstance({ instanceName: "payments-primary" });
    const b = newInstance({ instanceName: "search-cache" });
    const elsewhere = newInstance({ instanceName: "payments-dr", region: "ap-shanghai" });
    admin().setTaskSeconds(0);
    try {
      // The demo instance too: its seeded backups may have expired on the clock other tests moved.
      await Promise.all([backup(a), backup(b), backup("crs-demo0001")]);
      expect(
        (
          await tencentCall(
            handle.emulator.url,
            "ManualBackupInstance",
            { InstanceId: elsewhere },
            { region: "ap-shanghai" },
          )
        ).json.Response.TaskId,
      ).toEqual(expect.any(Number));
    } finally {
      admin().setTaskSeconds(TASK_SECONDS);
    }
    const byName = await list({ InstanceName: "payments", Limit: 100 });
    expect(byName.set.map((x) => x.InstanceId)).toEqual([a]);
    const all = await list({ Limit: 100 });
    expect(all.set.map((x) => x.InstanceId)).toEqual(expect.arrayContaining([a, b, "crs-demo0001"]));
    expect(all.set.map((x) => x.InstanceId)).not.toContain(elsewhere);
  });

  it("knows only instances of the request's region", async () => {
    const id = newInstance({ region: "ap-beijing" });
    expect(await fails("DescribeInstanceBackups", { InstanceId: id })).toBe(
      "ResourceNotFound.InstanceNotExists",
    );
    expect((await ok("DescribeInstanceBackups", { InstanceId: id }, "ap-beijing")).TotalCount).toBe(0);
  });
});

describe("the world moving on", () => {
  it("a backup expires when the world clock passes its ExpireTime: Status -1, listed only on request", async () => {
    const instanceId = newInstance();
    await backup(instanceId, { StorageDays: 1 });
    admin().advanceClock(TASK_SECONDS);
    const [b] = (await list({ InstanceId: instanceId })).set;
    admin().advanceClock(86_400);
    expect((await list({ InstanceId: instanceId })).total).toBe(0);
    expect((await list({ InstanceId: instanceId, Status: [-1] })).set.map((x) => x.BackupId)).toEqual([
      b.BackupId,
    ]);
    expect((await ok("DescribeBackupDetail", { InstanceId: instanceId, BackupId: b.BackupId })).Status).toBe(
      -1,
    );
  });

  it("40 days on, the 7-day backups have expired while signatures still validate", async () => {
    const instanceId = newInstance();
    await backup(instanceId);
    admin().advanceClock(40 * 86_400);
    const [record] = admin().backups(instanceId);
    expect(record.lifecycle).toBe("expired");
    // Listed in a window that holds its start; without one, only the last 7 days are (our guess).
    const window = { BeginTime: record.startTime, EndTime: record.expireTime };
    expect((await list({ InstanceId: instanceId, Status: [-1], ...window })).total).toBe(1);
    expect((await list({ InstanceId: instanceId, Status: [-1] })).total).toBe(0);
  });

  it("without BeginTime/EndTime lists the last 7 days; a window of more than 30 days is refused", async () => {
    const instanceId = newInstance();
    admin().setTaskSeconds(0);
    try {
      await backup(instanceId, { Remark: "old", StorageDays: 60 });
      admin().advanceClock(8 * 86_400);
      await backup(instanceId, { Remark: "recent", StorageDays: 60 });
    } finally {
      admin().setTaskSeconds(TASK_SECONDS);
    }
    expect((await list({ InstanceId: instanceId })).set.map((b) => b.Remark)).toEqual(["recent"]);
    const [recent, old] = admin().backups(instanceId);
    const both = { BeginTime: old.startTime, EndTime: recent.startTime };
    expect((await list({ InstanceId: instanceId, ...both })).set.map((b) => b.Remark)).toEqual([
      "recent",
      "old",
    ]);
    admin().advanceClock(23 * 86_400);
    // A BeginTime alone runs to now: 31 days is one too many.
    expect(await fails("DescribeInstanceBackups", { InstanceId: instanceId, BeginTime: old.startTime })).toBe(
      "InvalidParameterValue",
    );
  });

  it("expireBackup expires one backup now", async () => {
    const { instanceId, record } = await finishedBackup();
    admin().expireBackup(record.backupId);
    expect(
      (await ok("DescribeBackupDetail", { InstanceId: instanceId, BackupId: record.backupId })).Status,
    ).toBe(-1);
  });

  it("a backup locked by another flow shows Status 1 and Locked 1", async () => {
    const { instanceId, record } = await finishedBackup();
    admin().lockBackup(record.backupId, true);
    const detail = await ok("DescribeBackupDetail", { InstanceId: instanceId, BackupId: record.backupId });
    expect(detail).toMatchObject({ Status: 1, Locked: 1 });
    admin().lockBackup(record.backupId, false);
    expect((await list({ InstanceId: instanceId })).set[0]).toMatchObject({ Status: 2, Locked: 0 });
  });

  it("a backup deleted out of band shows Status -2 and is gone from DescribeBackupDetail", async () => {
    const { instanceId, record } = await finishedBackup();
    admin().deleteBackup(record.backupId);
    expect((await list({ InstanceId: instanceId })).total).toBe(0);
    expect((await list({ InstanceId: instanceId, Status: [-2] })).set[0]).toMatchObject({
      BackupId: record.backupId,
      Status: -2,
    });
    expect(await fails("DescribeBackupDetail", { InstanceId: instanceId, BackupId: record.backupId })).toBe(
      "InvalidParameterValue.BackupNotExists",
    );
  });

  it("DescribeBackupDetail knows a backup only under its own instance", async () => {
    const a = newInstance();
    const b = newInstance();
    await backup(a);
    const [record] = admin().backups(a);
    expect(await fails("DescribeBackupDetail", { InstanceId: b, BackupId: record.backupId })).toBe(
      "InvalidParameterValue.BackupNotExists",
    );
    expect(await fails("DescribeBackupDetail", { InstanceId: a, BackupId: "1-2-3" })).toBe(
      "InvalidParameterValue.BackupNotExists",
    );
    expect(
      await fails("DescribeBackupDetail", { InstanceId: "crs-nothere", BackupId: record.backupId }),
    ).toBe("ResourceNotFound.InstanceNotExists");
  });
});

describe("instance states", () => {
  it("an unknown instance is ResourceNotFound.InstanceNotExists", async () => {
    expect(await fails("ManualBackupInstance", { InstanceId: "crs-nothere" })).toBe(
      "ResourceNotFound.InstanceNotExists",
    );
  });

  it("a locked instance refuses backups with ResourceUnavailable.InstanceLockedError", async () => {
    const id = newInstance();
    admin().lockInstance(id, true);
    expect(await fails("ManualBackupInstance", { InstanceId: id })).toBe(
      "ResourceUnavailable.InstanceLockedError",
    );
    admin().lockInstance(id, false);
    expect(await fails("ManualBackupInstance", { InstanceId: id })).toBeUndefined();
  });

  // ManualBackupInstance's documented codes for an instance in the wrong state (not InstanceIsolated
  // or InstanceDeleted, which belong to other actions); which state gets which is our guess.
  it("an isolated instance refuses backups (InstanceStatusAbnormal) but its backups stay readable", async () => {
    const id = newInstance();
    await backup(id);
    admin().isolateInstance(id);
    expect(await fails("ManualBackupInstance", { InstanceId: id })).toBe(
      "ResourceUnavailable.InstanceStatusAbnormal",
    );
    expect((await list({ InstanceId: id, Status: [1, 2] })).total).toBe(1);
  });

  it("a deleted instance refuses backups (InstanceStateError) and is gone from describes", async () => {
    const id = newInstance();
    await backup(id);
    const [record] = admin().backups(id);
    admin().deleteInstance(id);
    expect(await fails("ManualBackupInstance", { InstanceId: id })).toBe(
      "ResourceUnavailable.InstanceStateError",
    );
    expect(await fails("DescribeInstanceBackups", { InstanceId: id })).toBe(
      "ResourceNotFound.InstanceNotExists",
    );
    expect(await fails("DescribeBackupDetail", { InstanceId: id, BackupId: record.backupId })).toBe(
      "ResourceNotFound.InstanceNotExists",
    );
  });
});
