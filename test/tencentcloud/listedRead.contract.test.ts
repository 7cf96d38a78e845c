/** Refreshes from the shared listing (test/contract/listedReadContract.ts), run for Tencent Cloud. */
import { CONTRACT_CLOUDS } from "../contract/clouds";
import { Recorded, listedReadContract } from "../contract/listedReadContract";

const tencent = CONTRACT_CLOUDS.tencentcloud;
const { ops } = tencent;

listedReadContract({
  ...tencent,
  emulator: { taskSeconds: 0, rateLimitPerSecond: 20 },
  async inStates(em, record) {
    em.admin.addInstance({
      instanceId: "crs-states1",
      backups: [{ remark: "old", startedHoursAgo: 45 * 24, storageDays: 90 }],
    });
    em.admin.addInstance({ instanceId: "crs-states2", shardNum: 3, memSizeMb: 4096 });
    em.admin.addInstance({ instanceId: "crs-states3" });
    const mk = (instanceId: string, extra = {}) =>
      record(ops.create({ instanceId, ...extra }, tencent.deps(em)));
    const labelled = { remark: "states" };
    const [available, locked, expired, deleted] = [
      await mk("crs-states1", labelled),
      await mk("crs-states1", labelled),
      await mk("crs-states1", labelled),
      await mk("crs-states1", labelled),
    ];
    const [old] = em.admin.backups("crs-states1").filter((b) => b.remark === "old");
    const adopted = await mk("crs-states1", { backupId: old.backupId });
    const cluster = await mk("crs-states2");
    const orphan = await mk("crs-states3");
    em.admin.setTaskSeconds(3 * 3600);
    const running = await mk("crs-states1", { waitTimeoutMinutes: 2 });
    em.admin.setTaskSeconds(0);
    em.admin.lockBackup(locked.props.backupId);
    em.admin.expireBackup(expired.props.backupId);
    em.admin.deleteBackup(deleted.props.backupId);
    em.admin.deleteInstance("crs-states3");
    const statusOf = (r: Recorded) => em.admin.backups().find((b) => b.backupId === r.props.backupId)?.status;
    // The states are the emulator's, not only their names.
    expect([running, locked, expired, deleted].map(statusOf)).toEqual([1, 1, -1, -2]);
    expect(adopted.props.startTime.slice(0, 7)).not.toBe(available.props.startTime.slice(0, 7));
    return {
      available,
      "locked by another flow": locked,
      "in progress (recorded by a create that stopped waiting)": running,
      expired,
      "deleted out of band": deleted,
      "adopted, in an older 30-day window": adopted,
      "on a 3-shard cluster": cluster,
      "its instance deleted": orphan,
    };
  },
  listingAction: "DescribeInstanceBackups",
  perBackupAction: "DescribeBackupDetail",
});
