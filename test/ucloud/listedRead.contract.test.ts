/** Refreshes from the shared listing (test/contract/listedReadContract.ts), run for UCloud. */
import { CONTRACT_CLOUDS } from "../contract/clouds";
import { Recorded, listedReadContract } from "../contract/listedReadContract";

listedReadContract({
  ...CONTRACT_CLOUDS.ucloud,
  emulator: { rateLimitPerSecond: 0, ucloud: { backupSeconds: 0, retentionDays: 7 } },
  async inStates(em, make) {
    em.ucloud.addGroup({
      groupId: "uredis-states1",
      backups: [{ backupName: "nightly", backupType: "Auto", takenHoursAgo: 3 }],
    });
    em.ucloud.addGroup({ groupId: "uredis-states2" });
    const available = await make.backup("uredis-states1");
    const [auto] = em.ucloud.backups("uredis-states1").filter((b) => b.backupName === "nightly");
    const adopted = await make.backup("uredis-states1", { backupId: auto.backupId });
    const expired = await make.backup("uredis-states1");
    const deleted = await make.deletedOutOfBand("uredis-states1");
    const orphan = await make.orphaned("uredis-states2");
    const running = await make.stoppedWaiting("uredis-states1");
    em.ucloud.expireBackup(expired.props.backupId);
    // A backup that ended in Error: recorded while still Backuping, then failed.
    em.ucloud.failNextBackup("uredis-states1");
    em.ucloud.setBackupSeconds(60);
    const failed = await make.backup("uredis-states1", { waitTimeoutMinutes: 0.5 });
    em.ucloud.setBackupSeconds(0);
    em.admin.advanceClock(120);
    const stateOf = (r: Recorded) => em.ucloud.backups().find((b) => b.backupId === r.props.backupId)?.state;
    // The states are the emulator's, not only their names.
    expect([stateOf(running), stateOf(failed), stateOf(expired)]).toEqual(["Backuping", "Error", "Expired"]);
    return {
      available,
      "an automatic backup, adopted": adopted,
      "still Backuping (recorded by a create that stopped waiting)": running,
      "ended in Error": failed,
      expired,
      "deleted out of band": deleted,
      "its group deleted": orphan,
    };
  },
  listingAction: "DescribeURedisBackup",
  perBackupAction: "DescribeURedisBackup",
});
