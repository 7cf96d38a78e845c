/** Refreshes from the shared listing (test/contract/listedReadContract.ts), run for Alibaba Cloud. */
import { CONTRACT_CLOUDS } from "../contract/clouds";
import { listedReadContract } from "../contract/listedReadContract";

const alicloud = CONTRACT_CLOUDS.alicloud;
const { ops } = alicloud;

listedReadContract({
  ...alicloud,
  emulator: { taskSeconds: 0, rateLimitPerSecond: 100 },
  async inStates(em, record) {
    em.alicloud.addInstance({ instanceId: "r-states1", backups: [{ startedHoursAgo: 5 }] });
    em.alicloud.addInstance({ instanceId: "r-states2", architecture: "cluster", perNodeJobs: true });
    em.alicloud.addInstance({ instanceId: "r-states3", architecture: "cluster", cloudNative: true });
    em.alicloud.addInstance({ instanceId: "r-states4" });
    const mk = (instanceId: string, extra = {}) =>
      record(ops.create({ instanceId, ...extra }, alicloud.deps(em)));
    const available = await mk("r-states1");
    const [auto] = em.alicloud.backups("r-states1").filter((b) => b.mode === "Automated");
    const adopted = await mk("r-states1", { backupId: String(auto.backupId) });
    const forever = await mk("r-states1", { retentionDays: -1 });
    const expired = await mk("r-states1");
    const deleted = await mk("r-states1");
    em.alicloud.setJobSeconds(3 * 3600);
    const running = await mk("r-states1", { waitTimeoutMinutes: 2 });
    em.alicloud.setJobSeconds(0);
    const perNode = await mk("r-states2");
    const perNodeHalf = await mk("r-states2");
    const cluster = await mk("r-states3");
    const clusterGone = await mk("r-states3");
    const orphan = await mk("r-states4");
    em.alicloud.expireBackup(Number(expired.props.backupId));
    em.alicloud.deleteBackup(Number(deleted.props.backupId));
    em.alicloud.deleteBackup(Number(perNodeHalf.props.backupIds[1]));
    for (const b of clusterGone.props.backupIds) em.alicloud.deleteBackup(Number(b));
    em.alicloud.deleteInstance("r-states4");
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
