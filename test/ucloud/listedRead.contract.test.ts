/** Refreshes from the shared listing (test/contract/listedReadContract.ts), run for UCloud. */
import * as ops from "../../provider/ucloud/operations";
import { emulatorDeps, pointUCloudAt } from "../helpers/cloudEnv";
import { InState, Recorded, listedReadContract } from "../contract/listedReadContract";

listedReadContract({
  cloud: "ucloud",
  ops,
  emulator: { rateLimitPerSecond: 0, ucloud: { backupSeconds: 0, retentionDays: 7 } },
  pointAt: (em) => {
    pointUCloudAt(em);
    process.env.UCLOUD_RATE_LIMIT_PER_SECOND = "1000";
  },
  deps: emulatorDeps,
  stateNames: [
    "available",
    "an automatic backup, adopted",
    "still Backuping (recorded by a create that stopped waiting)",
    "ended in Error",
    "expired",
    "deleted out of band",
    "its group deleted",
  ],
  async inStates(em, record) {
    em.ucloud.addGroup({
      groupId: "uredis-states1",
      backups: [{ backupName: "nightly", backupType: "Auto", takenHoursAgo: 3 }],
    });
    em.ucloud.addGroup({ groupId: "uredis-states2" });
    const d = () => emulatorDeps(em);
    const mk = (groupId: string, extra = {}) => record(ops.create({ groupId, ...extra }, d()));
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
    const states: InState[] = [
      { state: "available", ...available },
      { state: "an automatic backup, adopted", ...adopted },
      { state: "still Backuping (recorded by a create that stopped waiting)", ...running },
      { state: "ended in Error", ...failed },
      { state: "expired", ...expired },
      { state: "deleted out of band", ...deleted },
      { state: "its group deleted", ...orphan },
    ];
    return states;
  },
  newInstance: (em, name) => {
    em.ucloud.addGroup({ groupId: `uredis-${name}` });
    return `uredis-${name}`;
  },
  inputs: (groupId) => ({ groupId }),
  deleteBackup: (em, backupId) => em.ucloud.deleteBackup(backupId),
  listingAction: "DescribeURedisBackup",
  perBackupAction: "DescribeURedisBackup",
});
