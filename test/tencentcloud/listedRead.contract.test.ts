/** Refreshes from the shared listing (test/contract/listedReadContract.ts), run for Tencent Cloud. */
import * as ops from "../../provider/tencentcloud/operations";
import { emulatorDeps, pointTencentAt } from "../helpers/cloudEnv";
import { InState, Recorded, listedReadContract } from "../contract/listedReadContract";

listedReadContract({
  cloud: "tencentcloud",
  ops,
  emulator: { taskSeconds: 0, rateLimitPerSecond: 20 },
  pointAt: pointTencentAt,
  deps: emulatorDeps,
  stateNames: [
    "available",
    "locked by another flow",
    "in progress (recorded by a create that stopped waiting)",
    "expired",
    "deleted out of band",
    "adopted, in an older 30-day window",
    "on a 3-shard cluster",
    "its instance deleted",
  ],
  async inStates(em, record) {
    em.admin.addInstance({
      instanceId: "crs-states1",
      backups: [{ remark: "old", startedHoursAgo: 45 * 24, storageDays: 90 }],
    });
    em.admin.addInstance({ instanceId: "crs-states2", shardNum: 3, memSizeMb: 4096 });
    em.admin.addInstance({ instanceId: "crs-states3" });
    const inputs = { instanceId: "crs-states1", remark: "states" };
    const mk = () => record(ops.create(inputs, emulatorDeps(em)));
    const [available, locked, expired, deleted] = [await mk(), await mk(), await mk(), await mk()];
    const [old] = em.admin.backups("crs-states1").filter((b) => b.remark === "old");
    const adopted = await record(
      ops.create({ instanceId: "crs-states1", backupId: old.backupId }, emulatorDeps(em)),
    );
    const cluster = await record(ops.create({ instanceId: "crs-states2" }, emulatorDeps(em)));
    const orphan = await record(ops.create({ instanceId: "crs-states3" }, emulatorDeps(em)));
    em.admin.setTaskSeconds(3 * 3600);
    const running = await record(
      ops.create({ instanceId: "crs-states1", waitTimeoutMinutes: 2 }, emulatorDeps(em)),
    );
    em.admin.setTaskSeconds(0);
    em.admin.lockBackup(locked.props.backupId);
    em.admin.expireBackup(expired.props.backupId);
    em.admin.deleteBackup(deleted.props.backupId);
    em.admin.deleteInstance("crs-states3");
    const statusOf = (r: Recorded) => em.admin.backups().find((b) => b.backupId === r.props.backupId)?.status;
    // The states are the emulator's, not only their names.
    expect([running, locked, expired, deleted].map(statusOf)).toEqual([1, 1, -1, -2]);
    expect(adopted.props.startTime.slice(0, 7)).not.toBe(available.props.startTime.slice(0, 7));
    const states: InState[] = [
      { state: "available", ...available },
      { state: "locked by another flow", ...locked },
      { state: "in progress (recorded by a create that stopped waiting)", ...running },
      { state: "expired", ...expired },
      { state: "deleted out of band", ...deleted },
      { state: "adopted, in an older 30-day window", ...adopted },
      { state: "on a 3-shard cluster", ...cluster },
      { state: "its instance deleted", ...orphan },
    ];
    return states;
  },
  newInstance: (em, name) => {
    em.admin.addInstance({ instanceId: `crs-${name}` });
    return `crs-${name}`;
  },
  inputs: (instanceId) => ({ instanceId }),
  deleteBackup: (em, backupId) => em.admin.deleteBackup(backupId),
  listingAction: "DescribeInstanceBackups",
  perBackupAction: "DescribeBackupDetail",
});
