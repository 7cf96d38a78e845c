/** Refreshes from the shared listing (test/contract/listedReadContract.ts), run for Tencent Cloud. */
import { CONTRACT_CLOUDS } from "../contract/clouds";
import { Recorded, listedReadContract } from "../contract/listedReadContract";

listedReadContract({
  ...CONTRACT_CLOUDS.tencentcloud,
  emulator: { taskSeconds: 0, rateLimitPerSecond: 20 },
  async inStates(em, make) {
    em.admin.addInstance({
      instanceId: "crs-states1",
      backups: [{ remark: "old", startedHoursAgo: 45 * 24, storageDays: 90 }],
    });
    em.admin.addInstance({ instanceId: "crs-states2", shardNum: 3, memSizeMb: 4096 });
    em.admin.addInstance({ instanceId: "crs-states3" });
    const labelled = { remark: "states" };
    const [available, locked, expired, deleted] = [
      await make.backup("crs-states1", labelled),
      await make.backup("crs-states1", labelled),
      await make.backup("crs-states1", labelled),
      await make.deletedOutOfBand("crs-states1", labelled),
    ];
    const [old] = em.admin.backups("crs-states1").filter((b) => b.remark === "old");
    const adopted = await make.backup("crs-states1", { backupId: old.backupId });
    const cluster = await make.backup("crs-states2");
    const orphan = await make.orphaned("crs-states3");
    const running = await make.stoppedWaiting("crs-states1");
    em.admin.lockBackup(locked.props.backupId);
    em.admin.expireBackup(expired.props.backupId);
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
