/** Refreshes from the shared listing (test/contract/listedReadContract.ts), run for UCloud. */
import { CONTRACT_CLOUDS } from "../contract/clouds";
import { Recorded, listedReadContract } from "../contract/listedReadContract";

const ucloud = CONTRACT_CLOUDS.ucloud;
const { ops } = ucloud;

listedReadContract({
  ...ucloud,
  emulator: { rateLimitPerSecond: 0, ucloud: { backupSeconds: 0, retentionDays: 7 } },
  async inStates(em, record) {
    em.ucloud.addGroup({
      groupId: "uredis-states1",
      backups: [{ backupName: "nightly", backupType: "Auto", takenHoursAgo: 3 }],
    });
    em.ucloud.addGroup({ groupId: "uredis-states2" });
    const mk = (groupId: string, extra = {}) => record(ops.create({ groupId, ...extra }, ucloud.deps(em)));
    const available = await mk("uredis-states1");
    const [auto] = em.ucloud.backups("uredis-states1").filter((b) => b.backupName === "nightly");
    const adopted = await mk("uredis-states1", { backupId: auto.backupId });
    const expired = await mk("uredis-states1");
    const deleted = await mk("uredis-states1");
    const orphan = await mk("uredis-states2");
    em.ucloud.setBackupSeconds(3 * 3600);
    const running = await mk("uredis-states1", { waitTimeoutMinutes: 2 });
    em.ucloud.setBackupSeconds(0);
    em.ucloud.expireBackup(expired.props.backupId);
    em.ucloud.deleteBackup(deleted.props.backupId);
    em.ucloud.deleteGroup("uredis-states2");
    // A backup that ended in Error: recorded while still Backuping, then failed.
    em.ucloud.failNextBackup("uredis-states1");
    em.ucloud.setBackupSeconds(60);
    const failed = await mk("uredis-states1", { waitTimeoutMinutes: 0.5 });
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
