/** Refreshes from the shared listing (test/contract/listedReadContract.ts), run for Alibaba Cloud. */
import { CONTRACT_CLOUDS } from "../contract/clouds";
import { listedReadContract } from "../contract/listedReadContract";

listedReadContract({
  ...CONTRACT_CLOUDS.alicloud,
  emulator: { taskSeconds: 0, rateLimitPerSecond: 100 },
  async inStates(em, make) {
    em.alicloud.addInstance({ instanceId: "r-states1", backups: [{ startedHoursAgo: 5 }] });
    em.alicloud.addInstance({ instanceId: "r-states2", architecture: "cluster", perNodeJobs: true });
    em.alicloud.addInstance({ instanceId: "r-states3", architecture: "cluster", cloudNative: true });
    em.alicloud.addInstance({ instanceId: "r-states4" });
    const available = await make.backup("r-states1");
    const [auto] = em.alicloud.backups("r-states1").filter((b) => b.mode === "Automated");
    const adopted = await make.backup("r-states1", { backupId: String(auto.backupId) });
    const forever = await make.backup("r-states1", { retentionDays: -1 });
    const expired = await make.backup("r-states1");
    const deleted = await make.deletedOutOfBand("r-states1");
    const running = await make.stoppedWaiting("r-states1");
    const perNode = await make.backup("r-states2");
    const perNodeHalf = await make.backup("r-states2");
    const cluster = await make.backup("r-states3");
    const clusterGone = await make.backup("r-states3");
    const orphan = await make.orphaned("r-states4");
    em.alicloud.expireBackup(Number(expired.props.backupId));
    em.alicloud.deleteBackup(Number(perNodeHalf.props.backupIds[1]));
    for (const b of clusterGone.props.backupIds) em.alicloud.deleteBackup(Number(b));
    // The kinds are the emulator's, not only their names.
    expect(perNode.props.backupIds).toHaveLength(2);
    expect(cluster.props.clusterBackupId).toMatch(/^cb-/);
    expect(cluster.props.backupIds.length).toBeGreaterThan(1);
    expect(running.props.backupId).toBeUndefined();
    expect(forever.props.expireTime).toBeUndefined();
    return {
      available,
      "an automatic backup, adopted": adopted,
      "kept for the instance's lifetime": forever,
      "expired (Alibaba no longer lists it)": expired,
      "deleted out of band": deleted,
      "its job still running (recorded by a create that stopped waiting)": running,
      "a classic cluster's per-node files": perNode,
      "a classic cluster, one node's file deleted": perNodeHalf,
      "a cloud-native cluster's cluster backup (one file per shard)": cluster,
      "a cloud-native cluster backup, deleted": clusterGone,
      "its instance deleted": orphan,
    };
  },
  listingAction: "DescribeBackups",
  perBackupAction: "DescribeBackups",
});
